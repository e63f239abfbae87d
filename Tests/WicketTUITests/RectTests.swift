import XCTest
import WicketTUI

final class RectTests: XCTestCase {
    let screen = Rect(width: 100, height: 30)

    func testSplitTopAndBottom() {
        let (header, rest) = screen.splitTop(1)
        XCTAssertEqual(header, Rect(row: 0, column: 0, width: 100, height: 1))
        XCTAssertEqual(rest, Rect(row: 1, column: 0, width: 100, height: 29))
        let (body, status) = rest.splitBottom(1)
        XCTAssertEqual(body, Rect(row: 1, column: 0, width: 100, height: 28))
        XCTAssertEqual(status, Rect(row: 29, column: 0, width: 100, height: 1))
    }

    func testSplitLeftAndRight() {
        let (list, detail) = screen.splitLeft(40)
        XCTAssertEqual(list.width + detail.width, 100)
        XCTAssertEqual(detail.column, 40)
        let (rest, sidebar) = screen.splitRight(20)
        XCTAssertEqual(rest, Rect(row: 0, column: 0, width: 80, height: 30))
        XCTAssertEqual(sidebar, Rect(row: 0, column: 80, width: 20, height: 30))
    }

    func testSplitsClampInsteadOfTrapping() {
        let small = Rect(row: 2, column: 3, width: 5, height: 2)
        XCTAssertEqual(small.splitTop(10).rest.height, 0)
        XCTAssertEqual(small.splitLeft(-4).left.width, 0)
        XCTAssertEqual(small.inset(by: 3), Rect(row: 5, column: 6, width: 0, height: 0))
        XCTAssertTrue(small.inset(by: 3).isEmpty)
    }

    func testWeightedColumnsAndRowsAddUp() {
        let columns = Rect(row: 0, column: 1, width: 10, height: 1).columns(weights: [1, 1, 1])
        XCTAssertEqual(columns.map(\.width), [4, 3, 3])
        XCTAssertEqual(columns.map(\.column), [1, 5, 8])
        let rows = screen.rows(weights: [2, 1])
        XCTAssertEqual(rows.map(\.height), [20, 10])
        XCTAssertEqual(rows[1].row, 20)
        XCTAssertEqual(screen.columns(weights: [0, 0]).map(\.width), [0, 0])
    }

    func testInsetContainsAndIntersection() {
        let box = Rect(row: 1, column: 1, width: 10, height: 5)
        XCTAssertEqual(box.inset(by: 1), Rect(row: 2, column: 2, width: 8, height: 3))
        XCTAssertEqual(box.inset(left: 2), Rect(row: 1, column: 3, width: 8, height: 5))
        XCTAssertTrue(box.contains(row: 5, column: 10))
        XCTAssertFalse(box.contains(row: 6, column: 10))
        XCTAssertEqual(box.intersection(Rect(row: 4, column: 8, width: 10, height: 10)), Rect(row: 4, column: 8, width: 3, height: 2))
        XCTAssertTrue(box.intersection(Rect(row: 20, column: 20, width: 1, height: 1)).isEmpty)
    }
}
