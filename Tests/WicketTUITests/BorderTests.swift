import XCTest
import WicketTUI

final class BorderTests: XCTestCase {
    func testBoxWithChineseTitle() {
        var buffer = CellBuffer(width: 14, height: 4)
        buffer.drawBox(buffer.bounds, title: "待办案件")
        buffer.put("王五", in: buffer.bounds.inset(by: 1))
        XCTAssertEqual(buffer.plainTextLines(), [
            "┌ 待办案件 ──┐",
            "│王五        │",
            "│            │",
            "└────────────┘",
        ])
    }

    func testLongTitleIsTruncatedInsideTheBorder() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.drawBox(buffer.bounds, border: .rounded, title: "营业执照申请材料")
        XCTAssertEqual(buffer.plainTextLines()[0], "╭ 营业…  ╮", "the straddling 执 leaves a space")
    }

    func testASCIIBorderAndFallbackWhenAmbiguousIsWide() {
        var ascii = CellBuffer(width: 4, height: 3)
        ascii.drawBox(ascii.bounds, border: .ascii)
        var wide = CellBuffer(width: 4, height: 3, measure: DisplayWidth(ambiguousWidth: 2))
        wide.drawBox(wide.bounds)
        XCTAssertEqual(ascii.plainTextLines(), ["+--+", "|  |", "+--+"])
        XCTAssertEqual(wide.plainTextLines(), ascii.plainTextLines())
    }

    func testBoxThatDoesNotFitIsSkipped() {
        var buffer = CellBuffer(width: 4, height: 3)
        buffer.drawBox(Rect(row: 0, column: 2, width: 4, height: 3))
        XCTAssertEqual(buffer.plainTextLines(), ["", "", ""])
    }

    func testHorizontalLine() {
        var buffer = CellBuffer(width: 5, height: 2)
        buffer.drawHorizontalLine(Rect(row: 1, column: 1, width: 3, height: 1))
        XCTAssertEqual(buffer.plainTextLines(), ["", " ───"])
    }
}
