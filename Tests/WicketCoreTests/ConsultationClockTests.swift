import XCTest
@testable import WicketCore

/// The response clock in working hours over the hall calendar: weekends, holidays, make-up days
/// and provisional years, per channel.
final class ConsultationClockTests: XCTestCase {
    var hall: TestHall!
    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func marks(_ asked: String, hours: Int = 24) -> ResponseMarks {
        hall.store.responseClock.marks(askedAt: Timestamp.parse(asked)!, hours: hours)
    }

    func assertDue(_ asked: String, _ due: String, hours: Int = 24, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(marks(asked, hours: hours).dueAt, Timestamp.parse(due)!, file: file, line: line)
    }

    func testOneWorkingDayFromFridayAfternoonIsMondayAfternoon() {
        let m = marks("2026-11-27T15:00:00+08:00")
        XCTAssertEqual(m.dueAt, Timestamp.parse("2026-11-30T15:00:00+08:00"))
        // Yellow at half of 24 working hours (9 on Friday, 3 on Monday), red at 90 % (21.6 h).
        XCTAssertEqual(m.yellowAt, Timestamp.parse("2026-11-30T03:00:00+08:00"))
        XCTAssertEqual(m.redAt, Timestamp.parse("2026-11-30T12:36:00+08:00"))
        XCTAssertEqual(m.level(at: Timestamp.parse("2026-11-28T12:00:00+08:00")!), .normal, "the weekend does not count")
        XCTAssertEqual(m.level(at: Timestamp.parse("2026-11-30T10:00:00+08:00")!), .yellow)
        XCTAssertEqual(m.level(at: Timestamp.parse("2026-11-30T15:00:00+08:00")!), .red, "the due instant itself is red")
        XCTAssertEqual(m.level(at: Timestamp.parse("2026-11-30T15:00:01+08:00")!), .overdue)
    }

    func testAQuestionAskedOnASaturdayStartsOnMonday() {
        assertDue("2026-11-28T10:00:00+08:00", "2026-12-01T00:00:00+08:00")
    }

    func testHolidaysDoNotCount() {
        // The day before the National Day week: the next working day is 8 October.
        assertDue("2026-09-30T16:00:00+08:00", "2026-10-08T16:00:00+08:00")
    }

    func testAMakeUpSaturdayCounts() {
        // 14 February 2026 is a Saturday worked for the Spring Festival.
        assertDue("2026-02-13T10:00:00+08:00", "2026-02-14T10:00:00+08:00")
    }

    func testAProvisionalYearCountsItsComputedHolidays() {
        // 2027 is not loaded: New Year's Day (a Friday) is computed as a holiday.
        assertDue("2026-12-31T10:00:00+08:00", "2027-01-04T10:00:00+08:00")
        XCTAssertTrue(hall.store.calendar.isProvisional(year: 2027))
    }

    func testEachChannelHasItsLimitAndASettingChangesIt() throws {
        XCTAssertEqual(try hall.store.responseHours(.online), 24)
        XCTAssertEqual(try hall.store.responseHours(.mobile), 24)
        XCTAssertEqual(try hall.store.responseHours(.mail), 72)
        try hall.store.setSetting(ResponseClock.settingKey(.phone), "4")
        XCTAssertEqual(try hall.store.responseHours(.phone), 4)
        assertDue("2026-11-27T15:00:00+08:00", "2026-11-27T19:00:00+08:00", hours: 4)
        assertDue("2026-11-27T15:00:00+08:00", "2026-12-02T15:00:00+08:00", hours: 72)
    }
}

/// A stored response clock follows what it was counted from.
final class ConsultationClockMoveTests: XCTestCase {
    func testAChannelSettingAndACalendarLoadMoveOpenClocks() throws {
        let hall = try TestHall(now: "2026-12-31T10:00:00+08:00")
        defer { hall.remove() }
        let desk = ConsultationDesk(store: hall.store)
        let c = try desk.ask(Question(channel: .online, askedAt: hall.clock.now, askerName: "陈静", serviceCode: "BIRTH-REG",
                                      question: "要带什么？"), actor: "hp")
        XCTAssertEqual(c.marks?.dueAt, Timestamp.parse("2027-01-04T10:00:00+08:00"), "New Year's Day 2027 is provisional")
        try hall.store.setSetting(ResponseClock.settingKey(.online), "48")
        let load = { try ConsultationRows.load(number: c.number, in: hall.store.db)!.marks!.dueAt }
        XCTAssertEqual(try load(), Timestamp.parse("2027-01-05T10:00:00+08:00"))
        // The official 2027 schedule makes 4 January a holiday too (as an example): the due instant moves on.
        var entries = try CalendarFile.parse(DefaultCalendar.text)
        entries += try CalendarFile.parse("2027-01-01..2027-01-04 holiday 元旦 New Year's Day")
        _ = try Administration(store: hall.store).loadCalendar(entries)
        XCTAssertEqual(try load(), Timestamp.parse("2027-01-06T10:00:00+08:00"))
        XCTAssertEqual(try ConsultationRows.load(number: c.number, in: hall.store.db)!.version, 1, "a clock's move is no event")
    }
}
