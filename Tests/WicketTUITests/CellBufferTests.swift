import XCTest
import WicketTUI

final class CellBufferTests: XCTestCase {
    func testPutWritesTextAndReturnsTheNextColumn() {
        var buffer = CellBuffer(width: 10, height: 2)
        let next = buffer.put("abc", row: 1, column: 2, style: .plain)
        XCTAssertEqual(next, 5)
        XCTAssertEqual(buffer.plainTextLines(), ["", "  abc"])
    }

    func testWideCharacterTakesItsCellAndAContinuation() {
        var buffer = CellBuffer(width: 5, height: 1)
        XCTAssertEqual(buffer.put("中文", row: 0, column: 0), 4)
        XCTAssertEqual(buffer[0, 0], Cell(grapheme: "中", width: 2))
        XCTAssertTrue(buffer[0, 1].isContinuation)
        XCTAssertEqual(buffer[0, 2].grapheme, "文")
        XCTAssertTrue(buffer[0, 3].isContinuation)
        XCTAssertEqual(buffer[0, 4], .blank())
    }

    /// A name with a skin-tone modifier and a joiner, padded to its column: the border after it
    /// lands where it was counted, and no cell holds a scalar a terminal could widen or join.
    func testAnEmojiSequenceFillsExactlyTheColumnsCounted() {
        var buffer = CellBuffer(width: 12, height: 1)
        let name = "\u{1F468}\u{1F3FD}\u{200D}\u{1F4BB}程序员" // 👨🏽‍💻程序员
        buffer.put("│" + buffer.measure.pad(name, toWidth: 10) + "│", row: 0, column: 0, style: .plain, maxWidth: nil)
        XCTAssertEqual(buffer.plainTextLines(), ["│\u{1F468}\u{1F4BB}程序员│"])
        XCTAssertEqual(buffer[0, 11].grapheme, "│")
        for cell in buffer.row(0) where !cell.isContinuation {
            XCTAssertEqual(cell.grapheme.unicodeScalars.count, 1, "one scalar per cell: \(cell.grapheme)")
        }
    }

    func testClipToMaxWidthReplacesAStraddlingWideCharacterWithASpace() {
        var buffer = CellBuffer(width: 10, height: 1)
        buffer.put("##########", row: 0, column: 0)
        let next = buffer.put("中文", row: 0, column: 0, style: .plain, maxWidth: 3)
        XCTAssertEqual(next, 3)
        XCTAssertEqual(buffer.plainTextLines(), ["中 #######"])
        XCTAssertEqual(buffer[0, 2], .blank())
    }

    func testWideCharacterAtTheRightEdgeBecomesASpace() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.put("ab中文", row: 0, column: 0)
        XCTAssertEqual(buffer.plainTextLines(), ["ab中"])
        XCTAssertEqual(buffer[0, 4], .blank(), "half of 文 would not fit")
        XCTAssertFalse(buffer.row(0).contains { $0.grapheme == "文" })
    }

    func testTextBeyondTheEdgesIsClipped() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("中文字", row: 0, column: -1)
        XCTAssertEqual(buffer.plainTextLines(), [" 文"], "the right half of 中 shows as a space")
        buffer.put("x", row: 5, column: 0)
        buffer.put("x", row: -1, column: 0)
        XCTAssertEqual(buffer.put("x", row: 0, column: 9), 9)
        XCTAssertEqual(buffer.plainTextLines(), [" 文"])
    }

    func testOverwritingHalfAWideCharacterClearsTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("中文", row: 0, column: 0)
        buffer.put("x", row: 0, column: 1)
        XCTAssertEqual(buffer.plainTextLines(), [" x文"])
        buffer.put("y", row: 0, column: 2)
        XCTAssertEqual(buffer.plainTextLines(), [" xy"])
        XCTAssertFalse(buffer[0, 3].isContinuation)
        buffer.put("ab", row: 0, column: 0)
        buffer.put("宽", row: 0, column: 1)
        XCTAssertEqual(buffer.plainTextLines(), ["a宽"])
    }

    func testPutSanitizesUntrustedText() {
        var buffer = CellBuffer(width: 20, height: 1)
        buffer.put("\u{1B}[2J\u{202E}ab\nc", row: 0, column: 0)
        XCTAssertEqual(buffer.plainTextLines(), ["␛[2J<U+202E>ab⏎c"])
        XCTAssertFalse(buffer.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
    }

    func testFillAndSetStyle() {
        let highlight = Style(foreground: .black, background: .cyan)
        var buffer = CellBuffer(width: 6, height: 2)
        buffer.put("中文ab", row: 0, column: 0)
        buffer.setStyle(Rect(row: 0, column: 1, width: 1, height: 1), style: highlight)
        XCTAssertEqual(buffer[0, 0].style, highlight, "both halves of 中 share one style")
        XCTAssertEqual(buffer[0, 2].style, .plain)
        buffer.fill(Rect(row: 0, column: 3, width: 10, height: 5), style: highlight)
        XCTAssertEqual(buffer.plainTextLines(), ["中", ""], "fill blanks 文 whose right half it covered")
        XCTAssertEqual(buffer[1, 5].style, highlight)
        XCTAssertEqual(buffer[1, 2].style, .plain)
        buffer.clear()
        XCTAssertEqual(buffer, CellBuffer(width: 6, height: 2))
    }

    func testPutInRect() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.put("营业执照申请", in: Rect(row: 1, column: 2, width: 5, height: 1))
        XCTAssertEqual(buffer.plainTextLines(), ["", "  营业…", ""], "cut text says so")
        buffer.put("营业执照", in: Rect(row: 0, column: 0, width: 4, height: 1))
        XCTAssertEqual(buffer.plainTextLines(), ["营…", "  营业…", ""], "never half a wide glyph")
    }
}
