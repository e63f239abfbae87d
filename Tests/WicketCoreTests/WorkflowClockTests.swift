import XCTest
@testable import WicketCore

/// The clocks as the workflow runs them: acceptance limit and breach, the time limit from
/// acceptance, pauses, the extension, and recomputation when the calendar changes.
final class WorkflowClockTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall(now: "2026-09-24T10:00:00+08:00") }
    override func tearDown() { hall.remove() }

    func testAcceptanceDeadlineSkipsTheNationalDayHoliday() throws {
        // Thursday 2026-09-24; 25–27 Mid-Autumn holiday, 28–30 Sep working (3), 1–7 Oct holiday,
        // then 8 and 9 Oct (4, 5): the acceptance limit of 5 working days ends on Friday 2026-10-09.
        let record = try hall.submit()
        XCTAssertEqual(record.acceptanceDueOn, Day("2026-10-09"))
        XCTAssertEqual(record.level(on: Day("2026-10-09")!), .red)
        XCTAssertEqual(record.level(on: Day("2026-10-10")!), .overdue)
    }

    func testAcceptanceBreachStartsTheTimeLimitAtReceipt() throws {
        let number = try hall.submit().number
        hall.clock.set("2026-10-12T09:00:00+08:00")   // past the 2026-10-09 acceptance deadline
        XCTAssertEqual(CaseQueries.list(CaseFilter(level: .overdue), inOrNil: hall.store).map(\.number), [number])
        let outcome = try hall.act(number, .accept)
        XCTAssertEqual(outcome.to, .accepted)
        let record = try hall.record(number)
        XCTAssertTrue(record.acceptanceBreached)
        XCTAssertEqual(record.clockStartOn, Day("2026-09-24"), "counts as accepted on the day it was received")
        // HUKOU-MOVE promises 20 working days from 2026-09-24.
        XCTAssertEqual(record.marks?.dueOn, hall.store.calendar.day(after: Day("2026-09-24")!, workingDays: 20))
    }

    func testTimelyAcceptanceStartsTheClockOnAcceptance() throws {
        let number = try hall.submit().number
        hall.clock.set("2026-09-28T11:00:00+08:00")
        try hall.act(number, .accept)
        let record = try hall.record(number)
        XCTAssertFalse(record.acceptanceBreached)
        XCTAssertEqual(record.clockStartOn, Day("2026-09-28"))
        // 29, 30 Sep (2), 8, 9 Oct (4), Saturday 10 Oct is a make-up workday (5), 12–16 (10),
        // 19–23 (15), 26–30 (20): due 2026-10-30.
        XCTAssertEqual(record.marks?.dueOn, Day("2026-10-30"))
    }

    func testSuspensionPausesTheClockByTheWorkingDaysItLasted() throws {
        let number = try hall.submit().number
        hall.clock.set("2026-09-28T11:00:00+08:00")
        try hall.act(number, .accept)
        let due = try hall.record(number).marks!.dueOn
        hall.clock.set("2026-09-29T11:00:00+08:00")
        try hall.act(number, .suspend) { $0.reason = "现场核查" }
        XCTAssertNil(try hall.record(number).marks)
        XCTAssertEqual(try hall.record(number).level(on: Day("2026-12-31")!), .paused)
        // Resumed 2026-10-09: working days in (29 Sep, 9 Oct] are 30 Sep, 8 Oct, 9 Oct = 3.
        hall.clock.set("2026-10-09T15:00:00+08:00")
        let outcome = try hall.act(number, .resume)
        let record = try hall.record(number)
        XCTAssertEqual(outcome.to, .accepted)
        XCTAssertEqual(record.pausedDays, 3)
        XCTAssertEqual(record.marks?.dueOn, hall.store.calendar.day(after: due, workingDays: 3))
        let clock = CaseDetail.clockStatus(record, store: hall.store)
        XCTAssertEqual(clock.daysUsed, 1, "only 29 Sep counted before the pause")
    }

    func testCalendarChangeMovesOpenCasesDueDays() throws {
        let number = try hall.submit().number
        let before = try hall.record(number).acceptanceDueOn
        var entries = try CalendarFile.parse(DefaultCalendar.text)
        entries.append(CalendarEntry(day: Day("2026-09-28")!, kind: .holiday, name: "test closure"))
        let moved = try Administration(store: hall.store).loadCalendar(entries)
        XCTAssertEqual(moved, 1)
        XCTAssertEqual(try hall.record(number).acceptanceDueOn, hall.store.calendar.day(after: before!, workingDays: 1))
    }

    func testLevelsFollowTheStoredMarks() throws {
        hall.clock.set("2026-11-02T09:00:00+08:00")   // a Monday
        let number = try hall.submit().number
        try hall.act(number, .accept)
        // 20 working days from Mon 2 Nov 2026: yellow after 10 (16 Nov), red after 18 (26 Nov), due 30 Nov.
        let marks = try hall.record(number).marks!
        XCTAssertEqual(marks.yellowOn, Day("2026-11-16"))
        XCTAssertEqual(marks.redOn, Day("2026-11-26"))
        XCTAssertEqual(marks.dueOn, Day("2026-11-30"))
        for (day, level) in [("2026-11-13", Level.normal), ("2026-11-16", .yellow), ("2026-11-26", .red),
                             ("2026-11-30", .red), ("2026-12-01", .overdue)] {
            hall.clock.set("\(day)T12:00:00+08:00")
            XCTAssertEqual(try CaseQueries.list(CaseFilter(), in: hall.store).first?.level, level, day)
            XCTAssertEqual(try CaseQueries.list(CaseFilter(level: level), in: hall.store).count, 1, day)
        }
    }
}

extension CaseQueries {
    static func list(_ filter: CaseFilter, inOrNil store: CaseStore) -> [CaseSummary] {
        (try? list(filter, in: store)) ?? []
    }
}
