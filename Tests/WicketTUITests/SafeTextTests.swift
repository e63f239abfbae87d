import XCTest
import WicketTUI

final class SafeTextTests: XCTestCase {
    /// The promise of SafeText: nothing in the output can act on a terminal or hide itself.
    func assertSafe(_ output: String, allowNewlines: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2028, 0x2029]
        for scalar in output.unicodeScalars {
            let value = scalar.value
            if value == 0x0A && allowNewlines {
                continue
            }
            XCTAssertFalse(value < 0x20, "C0 control U+\(String(value, radix: 16)) in \(output.debugDescription)", file: file, line: line)
            XCTAssertNotEqual(value, 0x7F, "DEL in output", file: file, line: line)
            XCTAssertFalse((0x80...0x9F).contains(value), "C1 control in output", file: file, line: line)
            XCTAssertFalse(bidi.contains(value), "bidi control U+\(String(value, radix: 16))", file: file, line: line)
            XCTAssertFalse(invisible.contains(value), "invisible U+\(String(value, radix: 16))", file: file, line: line)
            XCTAssertFalse((0xE0000...0xE007F).contains(value), "tag character", file: file, line: line)
        }
    }

    func testOrdinaryTextIsUnchanged() {
        XCTAssertEqual(SafeText.sanitize("张三 申请营业执照 (ID 4401…)"), "张三 申请营业执照 (ID 4401…)")
        XCTAssertEqual(SafeText.sanitize("Cafe\u{301} 👍"), "Cafe\u{301} 👍", "combining marks are kept")
        XCTAssertEqual(SafeText.sanitize("👍🏽"), "👍", "a skin tone is left out of what is drawn (EmojiSequence)")
    }

    func testCSISequenceBecomesVisibleAndInert() {
        let output = SafeText.sanitize("\u{1B}[31mred\u{1B}[0m \u{1B}[2J\u{1B}[H")
        XCTAssertEqual(output, "␛[31mred␛[0m ␛[2J␛[H")
        assertSafe(output)
    }

    func testOSCSequencesBecomeVisibleAndInert() {
        let title = SafeText.sanitize("\u{1B}]0;pwned\u{07}")
        XCTAssertEqual(title, "␛]0;pwned␇")
        let link = SafeText.sanitize("\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\")
        XCTAssertEqual(link, "␛]8;;https://evil.example␛\\click␛]8;;␛\\")
        assertSafe(title)
        assertSafe(link)
    }

    func testC0AndDELAndC1() {
        XCTAssertEqual(SafeText.sanitize("a\u{00}b\u{08}c\u{7F}"), "a␀b␈c␡")
        XCTAssertEqual(SafeText.sanitize("\u{9B}31m\u{85}x\u{9D}0;t\u{9C}"), "<U+009B>31m<U+0085>x<U+009D>0;t<U+009C>")
        assertSafe(SafeText.sanitize(String((0..<0x20).map { Character(Unicode.Scalar($0)!) })))
        assertSafe(SafeText.sanitize(String((0x7F...0x9F).map { Character(Unicode.Scalar($0)!) })))
    }

    func testBidiOverridesAreShown() {
        // "invoice_\u{202E}fdp.exe" would display as "invoice_exe.pdf".
        XCTAssertEqual(SafeText.sanitize("invoice_\u{202E}fdp.exe"), "invoice_<U+202E>fdp.exe")
        let all = "a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{2066}f\u{2067}g\u{2068}h\u{2069}i\u{200E}j\u{200F}k\u{061C}l"
        let output = SafeText.sanitize(all)
        XCTAssertTrue(output.contains("<U+2067>"))
        XCTAssertTrue(output.contains("<U+061C>"))
        assertSafe(output)
    }

    func testZeroWidthAndInvisibleCharactersAreShown() {
        XCTAssertEqual(SafeText.sanitize("张\u{200B}三"), "张<U+200B>三")
        XCTAssertEqual(SafeText.sanitize("\u{FEFF}name"), "<U+FEFF>name")
        XCTAssertEqual(SafeText.sanitize("a\u{200D}b\u{2060}c\u{200C}d"), "a<U+200D>b<U+2060>c<U+200C>d")
        XCTAssertEqual(SafeText.sanitize("x\u{E0041}\u{E0042}"), "x<U+E0041><U+E0042>", "tag characters smuggle hidden text")
        XCTAssertEqual(SafeText.sanitize("soft\u{AD}hyphen"), "soft<U+00AD>hyphen")
    }

    func testOrphanMarksGetAVisibleBase() {
        XCTAssertEqual(SafeText.sanitize("\u{301}abc"), "◌\u{301}abc")
        XCTAssertEqual(SafeText.sanitize("\u{FE0F}x"), "<U+FE0F>x")
        XCTAssertEqual(SafeText.sanitize("\u{1B}\u{301}"), "␛◌\u{301}", "a mark after a control must not combine with the placeholder")
    }

    func testEmojiJoinersAreDroppedSoWidthIsKnown() {
        XCTAssertEqual(SafeText.sanitize("👨\u{200D}👩\u{200D}👧"), "👨👩👧")
    }

    func testInvalidUTF8BecomesReplacementCharacters() {
        let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x28, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xE4, 0xB8, 0xAD, 0xC2, 0x9B]
        let output = SafeText.sanitize(bytes: bytes)
        XCTAssertEqual(output, "A\u{FFFD}\u{FFFD}(␛[31m中<U+009B>")
        assertSafe(output)
    }

    func testSingleLineShowsLineBreaksAndTabs() {
        XCTAssertEqual(SafeText.sanitize("第一行\n第二行\r\n三\rfour\u{2028}five\tsix"), "第一行⏎第二行⏎三⏎four⏎five six")
        let spaced = SafeText.sanitize("a\nb", options: SafeTextOptions(lineBreaks: .space, tabWidth: 1))
        XCTAssertEqual(spaced, "a b")
    }

    func testMultiLineKeepsNewlinesAndExpandsTabs() {
        let output = SafeText.sanitize("a\tb\r\n中\tc\rd\u{1B}", options: .multiLine)
        XCTAssertEqual(output, "a   b\n中  c\nd␛")
        assertSafe(output, allowNewlines: true)
    }

    func testRandomBytesNeverProduceUnsafeOutput() {
        var generator = SplitMix64(seed: 20_240_601)
        let interesting: [UInt8] = [0x1B, 0x07, 0x9B, 0x9D, 0x7F, 0x00, 0x0A, 0x0D, 0x09, 0xE2, 0x80, 0xAE, 0xC2, 0xEF, 0xBB, 0xBF, 0x5B, 0x5D]
        for _ in 0..<500 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ -> UInt8 in
                let roll = generator.next()
                return roll % 3 == 0 ? interesting[Int(roll / 3 % UInt64(interesting.count))] : UInt8(truncatingIfNeeded: roll >> 8)
            }
            assertSafe(SafeText.sanitize(bytes: bytes))
            assertSafe(SafeText.sanitize(bytes: bytes, options: .multiLine), allowNewlines: true)
        }
    }
}

/// A small deterministic random generator, so the fuzz test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
