import XCTest
import WicketTUI
#if canImport(Glibc)
import Glibc
#endif

final class DisplayWidthTests: XCTestCase {
    override class func setUp() {
        // wcwidth answers for UTF-8 locales only.
        setlocale(LC_CTYPE, "C.UTF-8")
    }

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
        XCTAssertEqual(narrow.width(of: "👍🏽"), 2, "drawn as 👍 alone")
        XCTAssertEqual(narrow.width(of: "☺"), 1, "text presentation by default")
        XCTAssertEqual(narrow.width(of: "☺\u{FE0F}"), 1, "drawn without its variation selector, as ☺")
        XCTAssertEqual(narrow.width(of: "🇨🇳"), 2, "a flag: two regional indicators of one column each")
        XCTAssertEqual(narrow.width(of: "🇨"), 1, "a lone regional indicator")
        XCTAssertEqual(narrow.width(of: "1\u{FE0F}\u{20E3}"), 1, "a keycap is drawn as its key")
    }

    /// An emoji sequence is counted as what is drawn for it (`EmojiSequence`): the pictographs it
    /// is made of, each as wide as the C library's wcwidth (which tmux, xterm and ncurses use) says.
    func testEmojiSequencesAreCountedAsTheyAreDrawn() {
        let samples: [(stored: String, drawn: String, width: Int)] = [
            ("\u{1F468}\u{1F3FD}\u{200D}\u{1F4BB}", "\u{1F468}\u{1F4BB}", 4),             // 👨🏽‍💻
            ("\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F469}\u{1F469}\u{1F467}", 6), // 👩‍👩‍👧
            ("\u{1F44D}\u{1F3FD}", "\u{1F44D}", 2),                                        // 👍🏽
            ("\u{2764}\u{FE0F}", "\u{2764}", 1),                                           // ❤️
            ("1\u{FE0F}\u{20E3}", "1", 1),                                                  // 1️⃣
            ("#\u{20E3}", "#", 1),
            ("\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}", "\u{1F3F3}\u{1F308}", 3),             // 🏳️‍🌈
            ("\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", "\u{1F3F4}", 2), // 🏴󠁧󠁢󠁳󠁣󠁴󠁿
            ("\u{1F1E8}\u{1F1F3}", "\u{1F1E8}\u{1F1F3}", 2),                               // 🇨🇳
        ]
        for sample in samples {
            let drawn = SafeText.sanitize("a" + sample.stored + "b")
            XCTAssertEqual(drawn, "a" + sample.drawn + "b", sample.stored)
            XCTAssertEqual(narrow.width(of: sample.stored), sample.width, sample.stored)
            XCTAssertEqual(narrow.width(of: drawn), sample.width + 2, sample.stored)
            let libc = drawn.unicodeScalars.reduce(0) { $0 + Int(libcWidth(Int32(bitPattern: $1.value))) }
            XCTAssertEqual(libc, sample.width + 2, "what a terminal counts for \(sample.stored)")
        }
        XCTAssertEqual(SafeText.sanitize("a\u{1F3FD}b"), "ab", "a skin tone after a letter colours nothing")
        XCTAssertEqual(SafeText.sanitize("\u{1F600}\u{301}\u{FE0F}"), "\u{1F600}\u{301}", "a mark on an emoji stays a mark")
        XCTAssertEqual(narrow.width(of: "\u{1F600}\u{301}\u{FE0F}"), 2)
        XCTAssertEqual(narrow.width(of: "\u{1F3FD}"), 2, "at the start of a text it is a swatch of its own")
        XCTAssertEqual(narrow.width(of: "\u{1F3F3}\u{1F54A}"), 2, "🏳 and 🕊 are one column each, as wcwidth says")
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

/// The C library's wcwidth (not exported by the Glibc module): how tmux, xterm and ncurses count.
@_silgen_name("wcwidth")
private func libcWidth(_ scalar: Int32) -> Int32
