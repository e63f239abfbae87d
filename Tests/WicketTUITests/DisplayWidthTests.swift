import XCTest
import WicketTUI

final class DisplayWidthTests: XCTestCase {
    let narrow = DisplayWidth(ambiguousWidth: 1)
    let wide = DisplayWidth(ambiguousWidth: 2)

    func testASCIIIsOneColumnEach() {
        XCTAssertEqual(narrow.width(of: "Wicket 1.0"), 10)
        XCTAssertEqual(narrow.width(of: ""), 0)
    }

    func testChineseCharactersAreTwoColumns() {
        XCTAssertEqual(narrow.width(of: "营业执照"), 8)
        XCTAssertEqual(narrow.width(of: Character("窗")), 2)
        XCTAssertEqual(narrow.width(of: "，。《》"), 8, "CJK punctuation is wide")
        XCTAssertEqual(narrow.width(of: "\u{3000}"), 2, "ideographic space")
    }

    func testMixedChineseAndEnglish() {
        XCTAssertEqual(narrow.width(of: "ID卡补领 (2 days)"), 2 + 6 + 9)
        XCTAssertEqual(narrow.width(of: "张三 Zhang San"), 4 + 1 + 9)
    }

    func testKanaHangulAndFullwidthForms() {
        XCTAssertEqual(narrow.width(of: "かなカナ"), 8)
        XCTAssertEqual(narrow.width(of: "한국어"), 6)
        XCTAssertEqual(narrow.width(of: "ＡＢ１"), 6, "fullwidth Latin and digits")
        XCTAssertEqual(narrow.width(of: "ｶﾅ"), 2, "halfwidth katakana stays narrow")
        XCTAssertEqual(narrow.width(of: "\u{1100}\u{1161}\u{11A8}"), 2, "conjoining jamo make one syllable")
    }

    func testCombiningMarksAddNoWidth() {
        XCTAssertEqual(narrow.width(of: "e\u{301}"), 1)
        XCTAssertEqual(narrow.width(of: "Cafe\u{301} ne\u{303}"), 7)
        XCTAssertEqual(narrow.width(of: Character("\u{301}")), 0, "a lone mark has nothing to occupy")
        XCTAssertEqual(narrow.width(of: "\u{200B}"), 0, "zero width space")
        XCTAssertEqual(narrow.width(of: Unicode.Scalar(0xFE0F)!), 0, "variation selector")
    }

    func testEmoji() {
        XCTAssertEqual(narrow.width(of: "😀"), 2)
        XCTAssertEqual(narrow.width(of: "👍🏽"), 2, "skin tone modifier rides on its base")
        XCTAssertEqual(narrow.width(of: "☺"), 1, "text presentation by default")
        XCTAssertEqual(narrow.width(of: "☺\u{FE0F}"), 2, "VS16 asks for emoji presentation")
        XCTAssertEqual(narrow.width(of: "🇨🇳"), 2, "a flag is one wide glyph")
        XCTAssertEqual(narrow.width(of: "1\u{FE0F}\u{20E3}"), 2, "keycap")
    }

    func testAmbiguousCharactersFollowTheSetting() {
        for text in ["…", "·", "①", "α", "─", "°"] {
            XCTAssertEqual(narrow.width(of: text), 1, text)
            XCTAssertEqual(wide.width(of: text), 2, text)
        }
        XCTAssertEqual(wide.width(of: "中a"), 3, "the setting does not touch wide or narrow characters")
        XCTAssertEqual(DisplayWidth(ambiguousWidth: 7).ambiguousWidth, 1)
    }

    func testControlsTakeNoColumns() {
        XCTAssertEqual(narrow.width(of: "\u{1B}"), 0)
        XCTAssertEqual(narrow.width(of: "\r\n"), 0)
        XCTAssertEqual(narrow.width(of: "\u{9B}"), 0)
    }

    func testConvenienceProperties() {
        XCTAssertEqual("中文abc".displayWidth, 7)
        XCTAssertEqual(Character("中").displayWidth, 2)
        XCTAssertEqual("x中文y".dropFirst().displayWidth, 5)
    }
}
