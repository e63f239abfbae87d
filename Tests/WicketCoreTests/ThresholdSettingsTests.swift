import XCTest
@testable import WicketCore

/// Warning thresholds that contradict each other (red at or below yellow) are refused with the
/// reason, and nothing changes: not the setting, not a single due mark.
final class ThresholdSettingsTests: XCTestCase {
    func testRedAtOrBelowYellowIsRefusedAndNothingMoves() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let number = try hall.submit().number
        try hall.act(number, .accept)
        let marks = try hall.record(number).marks
        for (key, value) in [("red_percent", "40"), ("red_percent", "50"), ("yellow_percent", "95")] {
            XCTAssertThrowsError(try hall.store.setSetting(key, value), "\(key) = \(value)") { error in
                XCTAssertTrue(ErrorText.message(error, .en).contains("must be above yellow_percent"), "\(error)")
                XCTAssertTrue(ErrorText.message(error, .zh).contains("红色预警在黄色之后"), "\(error)")
            }
        }
        XCTAssertNil(try hall.store.setting("red_percent"))
        XCTAssertNil(try hall.store.setting("yellow_percent"))
        XCTAssertEqual(try hall.record(number).marks, marks, "no due mark moved")
        // Consistent values pass; unsetting red back to its default (90) under a yellow of 95 does not.
        try hall.store.setSetting("red_percent", "97")
        try hall.store.setSetting("yellow_percent", "95")
        XCTAssertThrowsError(try hall.store.setSetting("red_percent", nil))
        XCTAssertEqual(try hall.store.setting("red_percent"), "97")
    }
}
