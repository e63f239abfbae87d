import XCTest
@testable import WicketTUI
import WicketCore

/// One word for "supervisor" in Chinese: 主管, the role's name in `users` and on the status bar.
/// 科长 ("section chief") crept into help and refusals; a clerk reading both wondered whether
/// they were two people.
final class SupervisorWordTests: XCTestCase {
    static let word = "主管"
    static let otherWord = "科长"

    func testTheRoleIsCalledTheSameEverywhere() {
        XCTAssertEqual(Role.supervisor.word.zh, Self.word)
        XCTAssertEqual(UIText.roleSupervisor.text(.zh), Self.word)
        for message in UIText.allCases {
            XCTAssertFalse(message.text(.zh).contains(Self.otherWord), "\(message): \(message.text(.zh))")
        }
    }

    /// The catalogs of the command line (CLIText, HelpText), the core (CodeWords, Bilingual
    /// literals) and the README are source text: none of it may use the other word.
    func testNoSourceTextOrManualUsesTheOtherWord() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var files = [root.appendingPathComponent("README.md")]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: root.appendingPathComponent("Sources"),
                                                                       includingPropertiesForKeys: nil))
        for case let url as URL in enumerator where url.pathExtension == "swift" { files.append(url) }
        XCTAssertGreaterThan(files.count, 100, "the sources were not found under \(root.path)")
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(Self.otherWord) {
                XCTFail("\(file.lastPathComponent):\(number + 1) says \(Self.otherWord): \(line)")
            }
        }
    }
}
