import XCTest
import WicketTUI

final class TextFittingTests: XCTestCase {
    let measure = DisplayWidth.standard

    func testTextThatFitsIsUnchanged() {
        XCTAssertEqual(measure.truncate("营业执照", toWidth: 8), "营业执照")
        XCTAssertEqual(measure.truncate("abc", toWidth: 10), "abc")
    }

    func testTruncatesWithEllipsis() {
        XCTAssertEqual(measure.truncate("Hello world", toWidth: 8), "Hello w…")
        XCTAssertEqual(measure.truncate("营业执照申请", toWidth: 5), "营业…")
    }

    func testWideCharacterThatWouldStraddleBecomesASpace() {
        // 5 columns for text + 1 for the ellipsis: "营业" fills 4, "执" would need 6.
        XCTAssertEqual(measure.truncate("营业执照申请", toWidth: 6), "营业… ")
        XCTAssertEqual(measure.width(of: measure.truncate("营业执照申请", toWidth: 6)), 6)
    }

    func testTruncationNeverSplitsAndIsExactWidthAtEveryWidth() {
        let text = "张三Zhang申请ID卡补领😀OK"
        let full = measure.width(of: text)
        for width in 0...full + 2 {
            let result = measure.truncate(text, toWidth: width)
            if width >= full {
                XCTAssertEqual(result, text)
                continue
            }
            XCTAssertEqual(measure.width(of: result), width, "width \(width): \(result)")
            let kept = result.prefix { $0 != "…" }
            XCTAssertTrue(text.hasPrefix(kept), "width \(width): \(result) must keep whole characters")
        }
    }

    func testTinyWidths() {
        XCTAssertEqual(measure.truncate("营业", toWidth: 0), "")
        XCTAssertEqual(measure.truncate("营业", toWidth: 1), "…")
        XCTAssertEqual(measure.truncate("营业执照", toWidth: 2), "… ")
    }

    func testWideEllipsisWhenAmbiguousIsWide() {
        let wide = DisplayWidth(ambiguousWidth: 2)
        XCTAssertEqual(wide.truncate("abcdef", toWidth: 4), "ab…")
        XCTAssertEqual(wide.truncate("abcdef", toWidth: 1), "a", "no room for the ellipsis: plain cut")
    }

    func testPadding() {
        XCTAssertEqual(measure.pad("中", toWidth: 5), "中   ")
        XCTAssertEqual(measure.pad("中", toWidth: 5, alignment: .right), "   中")
        XCTAssertEqual(measure.pad("中", toWidth: 5, alignment: .center), " 中  ")
        XCTAssertEqual(measure.pad("营业执照申请", toWidth: 7), "营业执…")
        XCTAssertEqual(measure.width(of: measure.pad("营业执照申请", toWidth: 6)), 6)
        XCTAssertEqual(measure.pad("x", toWidth: 0), "")
    }

    func testPrefixFittingWidth() {
        let prefix = measure.prefix(of: "ab中文", fittingWidth: 3)
        XCTAssertEqual(prefix.text, "ab")
        XCTAssertEqual(prefix.width, 2)
    }
}
