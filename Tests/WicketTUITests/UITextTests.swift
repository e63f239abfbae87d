import XCTest
@testable import WicketTUI
import WicketCore

/// The message catalog: every message in both languages, with the same placeholders.
final class UITextTests: XCTestCase {
    func testEveryMessageExistsInBothLanguagesAndNowhereElse() {
        let all = Set(UIText.allCases)
        XCTAssertEqual(Set(UIText.english.keys), all, "English lacks \(all.subtracting(UIText.english.keys))")
        XCTAssertEqual(Set(UIText.chinese.keys), all, "Chinese lacks \(all.subtracting(UIText.chinese.keys))")
        for message in UIText.allCases {
            XCTAssertFalse(message.text(.en).trimmingCharacters(in: .whitespaces).isEmpty, "\(message) en is empty")
            XCTAssertFalse(message.text(.zh).trimmingCharacters(in: .whitespaces).isEmpty, "\(message) zh is empty")
        }
    }

    func testPlaceholdersMatchBetweenLanguages() {
        func placeholders(_ text: String) -> [String] {
            (0..<10).map { "{\($0)}" }.filter { text.contains($0) }
        }
        for message in UIText.allCases {
            XCTAssertEqual(placeholders(message.text(.en)), placeholders(message.text(.zh)), "\(message)")
        }
        XCTAssertEqual(UIText.statusWorkload.format(.en, 3, 1), "mine 3 open, 1 warnings")
        XCTAssertEqual(UIText.statusWorkload.format(.zh, 3, 1), "我的在办 3 件，预警 1 件")
    }

    /// Each language shows only itself: no English word left in a Chinese message (key names and
    /// marks aside), and no Chinese in an English one.
    func testNoMessageIsLeftBilingual() {
        let han = { (text: String) in text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        for message in UIText.allCases {
            XCTAssertFalse(han(message.text(.en)), "\(message) en has Chinese: \(message.text(.en))")
            XCTAssertTrue(han(message.text(.zh)) || message.text(.zh).allSatisfy { !$0.isLetter || $0.isUppercase },
                          "\(message) zh has no Chinese: \(message.text(.zh))")
        }
    }
}
