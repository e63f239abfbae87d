import XCTest
@testable import WicketCore

/// A small hall worked out by hand.
final class ReportTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall(now: "2026-11-23T09:00:00+08:00") }
    override func tearDown() { hall.remove() }

    func testFiguresOfASmallHall() throws {
        // Monday 23 Nov: four PSB applications, one by window.
        let a = try hall.submit().number
        let b = try hall.submit(channel: .window).number
        let c = try hall.submit().number
        let d = try hall.submit(channel: .mobile).number
        hall.clock.set("2026-11-23T11:00:00+08:00")   // first answers two hours after submission
        try hall.act(a, .accept)
        try hall.act(b, .accept)
        try hall.act(c, .reject) { $0.reason = "不属于本机关职责" }
        hall.clock.set("2026-11-24T09:00:00+08:00")   // 24 hours after submission
        try hall.act(d, .requestMaterials)
        try hall.act(a, .startReview)
        try hall.act(a, .approve)
        try hall.act(a, .deliver) { $0.atWindow = false }
        try hall.act(a, .rate, as: "sup") { $0.rating = .poor }
        try hall.act(b, .extend, as: "sup") { $0.reason = "复杂"; $0.days = 5 }
        hall.clock.set("2026-11-27T10:00:00+08:00")

        let report = try ReportBuilder(store: hall.store).build(period: .days(7))
        XCTAssertEqual(report.openTotal, 2, "b accepted, d awaiting materials")
        XCTAssertEqual(report.byStatus, [.init(key: "accepted", count: 1), .init(key: "awaiting_materials", count: 1)])
        XCTAssertEqual(report.byChannel.map(\.key).sorted(), ["mobile", "window"])
        XCTAssertEqual(report.aging.first?.count, 0, "submitted Monday, 4 working days ago by Friday")
        XCTAssertEqual(report.aging[2], .init(key: "4-7", count: 2))
        XCTAssertEqual(report.firstResponseMedianHours, 2)
        XCTAssertEqual(report.firstResponseP90Hours, 24)
        XCTAssertEqual(report.decided, 1)
        XCTAssertEqual(report.onTimeRate, 1)
        XCTAssertEqual(report.completed, 1)
        XCTAssertEqual(report.onlineCompletionRate, 1)
        XCTAssertEqual(report.rejectionsByReason, [.init(key: Report.otherReasons, count: 1, name: Report.otherReasonsName)],
                       "a reason typed as free text counts under other reasons")
        XCTAssertEqual(report.extensionsGranted, 1)
        XCTAssertEqual(report.ratingsPoor, 1)
        XCTAssertEqual(report.poorWithoutFollowUp, [a])
        XCTAssertEqual(report.awaitingMaterials, 1)
        XCTAssertEqual(report.oldestAwaitingMaterials, d)
        XCTAssertEqual(report.intakePerDay.count, 7)
        XCTAssertEqual(report.intakePerDay.first { $0.key == "2026-11-23" }?.count, 4)
        XCTAssertEqual(report.completedPerDay.first { $0.key == "2026-11-24" }?.count, 1)
        let health = try ReportBuilder(store: hall.store).build(period: .days(7), department: "HEALTH")
        XCTAssertEqual(health.openTotal, 0)
        XCTAssertEqual(health.completed, 0)
    }

    func testPeriods() {
        let friday = Day("2026-11-27")!
        XCTAssertEqual(ReportPeriod("today")?.range(today: friday).0, friday)
        XCTAssertEqual(ReportPeriod("week")?.range(today: friday).0, Day("2026-11-23"))
        XCTAssertEqual(ReportPeriod("30d")?.range(today: friday).0, Day("2026-10-29"))
        XCTAssertEqual(ReportPeriod("2026-11-01..2026-11-15")?.range(today: friday).1, Day("2026-11-15"))
        XCTAssertNil(ReportPeriod("yesterday"))
        XCTAssertNil(ReportPeriod("2026-11-15..2026-11-01"))
    }
}
