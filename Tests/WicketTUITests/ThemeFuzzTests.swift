import Foundation
import XCTest
import WicketCore
@testable import WicketTUI

/// Seeded fuzzing of the theme parser, like the core's parsers: random bytes, random tokens and
/// mutations of a valid theme; every input gives a theme (the file's, or the default with
/// problems that name a line of the input), never a crash or a slow pass.
final class ThemeFuzzTests: XCTestCase {
    static let cases = Int(ProcessInfo.processInfo.environment["WICKET_FUZZ_CASES"] ?? "") ?? 3000

    static let seed = """
        # a theme
        *.selected.reverse = true
        level.red.fg = #d75f5f
        level.overdue.bold = yes
        statusbar.bg = 4
        inbox.header.fg = brightWhite\r
        """

    static let tokens = ["=", "#", "*", ".", "fg", "bg", "bold", "reverse", "true", "false", "#fff", "#d75f5f", "#zzzzzz",
                         "256", "-1", "999999999999999999999", "red", "brightBlue", "level", "inbox", "statusbar", "\n",
                         "\r\n", "\r", "\t", " ", "\u{1B}[31m", "\u{202E}", "王", "\u{0}", "\u{2028}"]

    func testThemeParserNeverCrashesAndNamesItsLines() {
        var random = SeededRandom(seed: 509)
        var withProblems = 0
        for index in 0..<Self.cases {
            var bytes: [UInt8]
            switch index % 3 {
            case 0: bytes = (0..<Int.random(in: 0...120, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            case 1: bytes = Array((0..<Int.random(in: 0...30, using: &random)).map { _ in random.pick(Self.tokens) }.joined().utf8)
            default:
                bytes = Array(Self.seed.utf8)
                for _ in 0..<Int.random(in: 1...5, using: &random) where !bytes.isEmpty {
                    let position = Int.random(in: 0..<bytes.count, using: &random)
                    if random.chance(0.5) { bytes[position] = UInt8.random(in: 0...255, using: &random) } else {
                        bytes.insert(contentsOf: Array(random.pick(Self.tokens).utf8), at: position)
                    }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            let start = Date()
            let (_, problems) = ThemeFile.parse(text, file: "fuzz.theme")
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, "input #\(index) hangs (5 s: a hang, not a speed goal)")
            for problem in problems {
                XCTAssertEqual(problem.file, "fuzz.theme")
                XCTAssertFalse(problem.message.isEmpty, "input #\(index)")
                if let line = problem.line { XCTAssertTrue((1...max(1, lines)).contains(line), "input #\(index): line \(line)") }
            }
            if !problems.isEmpty { withProblems += 1 }
        }
        XCTAssertGreaterThan(withProblems, 0, "the fuzzer should produce bad themes too")
    }

    func testWindowsLineEndingsParseLikeUnix() {
        let (_, problems) = ThemeFile.parse("level.red.fg = 1\r\nlevel.red.bold = true\r\n", file: "crlf.theme")
        XCTAssertEqual(problems, [])
    }
}
