import Foundation
import XCTest
@testable import WicketCore

/// Presence rows: who has which case open, expiring after 15 s without a heartbeat.
final class PresenceTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func testOthersSeeAHeartbeatUntilItIsStaleOrCleared() throws {
        let number = try hall.submit().number
        let other = try hall.submit(name: "李四").number
        let presence = Presence(store: hall.store)
        try presence.beat(login: "zhang", caseNumber: number)
        XCTAssertEqual(try presence.others(caseNumber: number, excluding: "li").map(\.name), ["张伟"])
        XCTAssertEqual(try presence.others(caseNumber: number, excluding: "zhang").count, 0, "not oneself")
        XCTAssertEqual(try presence.others(caseNumber: other, excluding: "li").count, 0)

        hall.clock.set("2026-11-27T10:00:14+08:00")
        XCTAssertEqual(try presence.others(caseNumber: number, excluding: "li").count, 1, "14 s: still there")
        hall.clock.set("2026-11-27T10:00:16+08:00")
        XCTAssertEqual(try presence.others(caseNumber: number, excluding: "li").count, 0, "16 s: expired")

        // One row per login: opening another case moves it; nil clears it.
        try presence.beat(login: "zhang", caseNumber: number)
        try presence.beat(login: "zhang", caseNumber: other)
        XCTAssertEqual(try presence.others(caseNumber: number, excluding: "li").count, 0)
        XCTAssertEqual(try presence.others(caseNumber: other, excluding: "li").count, 1)
        try presence.beat(login: "zhang", caseNumber: nil)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM presence"), 0)
    }

    func testAHeartbeatSweepsLongDeadRowsAndChangesNoCase() throws {
        let number = try hall.submit().number
        let presence = Presence(store: hall.store)
        try presence.beat(login: "zhang", caseNumber: number)
        hall.clock.set("2026-11-27T10:05:00+08:00")
        try presence.beat(login: "li", caseNumber: number)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM presence"), 1, "zhang's 5-minute-old row is gone")
        XCTAssertEqual(try hall.record(number).version, 1, "presence is not a change to the case")
        XCTAssertEqual(try hall.historyCount(number), 1)
    }
}
