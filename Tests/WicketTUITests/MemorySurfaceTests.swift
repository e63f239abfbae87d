import XCTest
import WicketTUI

/// Snapshot tests: a small screen drawn the way panes will draw, compared as plain text.
final class MemorySurfaceTests: XCTestCase {
    /// A queue pane in miniature: a box, a header row, case rows with Chinese names
    /// truncated to their column, and a key-hint line.
    func drawQueue(on display: MemorySurface, selected: Int) -> CellBuffer {
        var frame = display.makeFrame()
        let (body, hints) = frame.bounds.splitBottom(1)
        frame.drawBox(body, title: "待办 Queue")
        let inside = body.inset(by: 1)
        let rows = [("A-0001", "王小明", "营业执照申请"), ("A-0002", "欧阳娜娜", "居住证"), ("A-0003", "Li Lei", "社保卡补办")]
        let columns = inside.columns(weights: [7, 9, 12])
        for (index, row) in rows.enumerated() where index + 1 < inside.height {
            let style = index == selected ? Style().reversed : .plain
            for (column, text) in zip(columns, [row.0, row.1, row.2]) {
                let cell = Rect(row: inside.row + index, column: column.column, width: column.width, height: 1)
                frame.put(frame.measure.pad(text, toWidth: cell.width - 1), in: cell, style: style)
            }
        }
        frame.put("F1 帮助  Enter 打开  q 退出", in: hints, style: .plain)
        return frame
    }

    func testQueueSnapshot() {
        var display = MemorySurface(width: 30, height: 7)
        display.present(drawQueue(on: display, selected: 0))
        XCTAssertEqual(display.lines, [
            "┌ 待办 Queue ────────────────┐",
            "│A-0001 王小明   营业执照申… │",
            "│A-0002 欧阳娜娜 居住证      │",
            "│A-0003 Li Lei   社保卡补办  │",
            "│                            │",
            "└────────────────────────────┘",
            "F1 帮助  Enter 打开  q 退出",
        ])
        XCTAssertEqual(display.presentCount, 1)
        XCTAssertEqual(display.lastChanges.filter { $0.row != 1 }.count, 6, "first frame: one run per unstyled row")
        XCTAssertTrue(display.lastChanges.contains { $0.row == 1 && $0.text == "A-0001" && $0.style == Style().reversed })
    }

    func testMovingTheSelectionRedrawsOnlyTwoRows() {
        var display = MemorySurface(width: 30, height: 7)
        display.present(drawQueue(on: display, selected: 0))
        display.present(drawQueue(on: display, selected: 1))
        XCTAssertEqual(Set(display.lastChanges.map(\.row)), [1, 2])
        XCTAssertTrue(display.lastChanges.allSatisfy { $0.row == 1 ? $0.style == .plain : $0.style == Style().reversed })
    }

    func testResizeRedrawsEverything() {
        var display = MemorySurface(width: 10, height: 2)
        display.present(display.makeFrame())
        display.present(display.makeFrame())
        XCTAssertEqual(display.lastChanges, [])
        display.resize(width: 12, height: 2)
        var frame = display.makeFrame()
        frame.put("宽一点", row: 0, column: 0)
        display.present(frame, cursor: CursorPosition(row: 1, column: 3))
        XCTAssertEqual(display.lastChanges.count, 2)
        XCTAssertEqual(display.text, "宽一点\n")
        XCTAssertEqual(display.cursor, CursorPosition(row: 1, column: 3))
    }
}
