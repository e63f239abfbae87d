import XCTest
import WicketTUI

final class FrameDiffTests: XCTestCase {
    func frame(_ lines: [String], width: Int = 12) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: lines.count)
        for (row, line) in lines.enumerated() {
            buffer.put(line, row: row, column: 0)
        }
        return buffer
    }

    func testFirstFrameIsDrawnInFull() {
        let runs = FrameDiff.changedRuns(from: nil, to: frame(["待办 3", "ok"], width: 8))
        XCTAssertEqual(runs.map(\.text), ["待办 3  ", "ok      "])
        XCTAssertEqual(runs.map(\.width), [8, 8])
    }

    func testIdenticalFramesHaveNoChanges() {
        let lines = ["案件 A-001", "status: 已受理"]
        XCTAssertEqual(FrameDiff.changedRuns(from: frame(lines), to: frame(lines)), [])
    }

    func testOnlyTheChangedWordIsRedrawn() {
        let old = frame(["A-001 受理中", "A-002 待补正"])
        let new = frame(["A-001 已办结", "A-002 待补正"])
        XCTAssertEqual(FrameDiff.changedRuns(from: old, to: new), [
            ChangedRun(row: 0, column: 6, text: "已办结", width: 6, style: .plain),
        ])
    }

    func testSeparateChangesOnARowAreSeparateRuns() {
        let runs = FrameDiff.changedRuns(from: frame(["abcdefgh"]), to: frame(["xbcdefgy"]))
        XCTAssertEqual(runs.map(\.column), [0, 7])
        XCTAssertEqual(runs.map(\.text), ["x", "y"])
    }

    func testStyleChangeAloneIsAChangeAndSplitsRuns() {
        let old = frame(["选择 next"])
        var new = old
        new.setStyle(Rect(row: 0, column: 0, width: 4, height: 1), style: Style().reversed)
        new.put("NEXT", row: 0, column: 5)
        let runs = FrameDiff.changedRuns(from: old, to: new)
        XCTAssertEqual(runs, [
            ChangedRun(row: 0, column: 0, text: "选择", width: 4, style: Style().reversed),
            ChangedRun(row: 0, column: 5, text: "NEXT", width: 4, style: .plain),
        ])
    }

    func testChangingHalfAWideGlyphRedrawsAllOfIt() {
        let old = frame(["中文"])
        var new = old
        new.put("x", row: 0, column: 3) // the right half of 文
        let runs = FrameDiff.changedRuns(from: old, to: new)
        XCTAssertEqual(runs, [ChangedRun(row: 0, column: 2, text: " x", width: 2, style: .plain)])
    }

    func testWideGlyphReplacingNarrowOnesCoversBothColumns() {
        let runs = FrameDiff.changedRuns(from: frame(["ab"]), to: frame(["中"]))
        XCTAssertEqual(runs, [ChangedRun(row: 0, column: 0, text: "中", width: 2, style: .plain)])
    }

    func testAResizedFrameIsDrawnInFull() {
        let runs = FrameDiff.changedRuns(from: frame(["same"], width: 6), to: frame(["same"], width: 8))
        XCTAssertEqual(runs, [ChangedRun(row: 0, column: 0, text: "same    ", width: 8, style: .plain)])
    }
}
