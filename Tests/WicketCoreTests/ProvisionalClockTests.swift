import XCTest
@testable import WicketCore

/// Cases whose due day falls in a year without its official holiday schedule (2027 for the
/// default calendar), in December 2026: the due day counts the computed statutory holidays, and
/// every surface says it is provisional; loading the official year moves the days in one transaction.
final class ProvisionalClockTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall(now: "2026-12-04T10:00:00+08:00") }
    override func tearDown() { hall.remove() }

    /// A household registration transfer (20 working days) accepted on Friday 4 Dec 2026.
    private func acceptedOnFourDecember(language: Language = .zh, name: String = "王芳") throws -> String {
        let number = try hall.submit(name: name, language: language).number
        try hall.act(number, .accept)
        return number
    }

    private func notice(_ number: String) throws -> String {
        try hall.store.db.scalarString("SELECT body FROM messages WHERE case_id = ? AND direction = 'outbound' ORDER BY id DESC",
                                       try hall.record(number).id)!
    }

    func testTheDueDayCountsNewYearsDayAndTheClockSaysItIsProvisional() throws {
        let number = try acceptedOnFourDecember()
        XCTAssertEqual(try hall.record(number).marks?.dueOn, Day("2027-01-04"), "not Fri 1 Jan 2027, New Year's Day")
        let clock = try CaseDetail.load(number: number, in: hall.store).clock
        XCTAssertTrue(clock.dueProvisional)
        XCTAssertEqual(clock.dueText(.en), "4 Jan 2027 (provisional: the 2027 holiday schedule is not loaded)")
        XCTAssertEqual(clock.dueText(.zh), "2027年1月4日（暂定：2027年的节假日安排尚未载入）")
    }

    func testADueDayInAnOfficialYearSaysNothingMore() throws {
        hall.clock.set("2026-11-02T09:00:00+08:00")
        let number = try hall.submit().number
        try hall.act(number, .accept)
        let clock = try CaseDetail.load(number: number, in: hall.store).clock
        XCTAssertFalse(clock.dueProvisional)
        XCTAssertEqual(clock.dueText(.en), "30 Nov 2026")
        XCTAssertEqual(clock.dueText(.zh), "2026年11月30日")
        XCTAssertFalse(try notice(number).contains("暂定"))
    }

    func testTheNoticeSaysTheDayIsSubjectToTheOfficialSchedule() throws {
        let zh = try notice(try acceptedOnFourDecember())
        XCTAssertTrue(zh.contains("我们将在2027年1月4日（暂定，以国家公布的节假日安排为准）前作出决定。"), zh)
        let en = try notice(try acceptedOnFourDecember(language: .en, name: "John Smith"))
        XCTAssertTrue(en.contains("We will decide on it by 4 Jan 2027 (provisional, subject to the official holiday schedule)."), en)
    }

    func testCoverageWarnsOfCasesDueInAProvisionalYearInBothLanguages() throws {
        _ = try acceptedOnFourDecember()
        _ = try acceptedOnFourDecember()
        hall.clock.set("2026-12-15T09:00:00+08:00")
        let coverage = try CalendarCoverage.read(hall.store)
        XCTAssertEqual(coverage.officialYears, [2025, 2026])
        XCTAssertEqual(coverage.dueInProvisionalYears, [2027: 2])
        XCTAssertEqual(coverage.nextYearMissing, 2027)
        XCTAssertEqual(coverage.listedProvisionalYears, [2027])
        XCTAssertEqual(coverage.warnings.map(\.en), [
            "2 open cases are due in 2027, whose holiday schedule is not loaded: those due days are provisional until an admin loads the official 2027 calendar",
        ], "the December warning is not repeated when cases already name the year")
        XCTAssertEqual(coverage.warnings.map(\.zh), ["2 件在办案件的到期日在2027年，该年节假日安排尚未载入：到期日为暂定，待管理员载入2027年的官方日历"])
    }

    func testDecemberWarnsOfNextYearEvenWithoutCases() throws {
        hall.clock.set("2026-12-15T09:00:00+08:00")
        let december = try CalendarCoverage.read(hall.store)
        XCTAssertEqual(december.dueInProvisionalYears, [:])
        XCTAssertEqual(december.warnings.map(\.en), ["the 2027 holiday schedule is not loaded yet: due days in 2027 are provisional"])
        XCTAssertEqual(december.warnings.map(\.zh), ["2027年的节假日安排尚未载入：2027年的到期日为暂定"])
        hall.clock.set("2026-11-30T09:00:00+08:00")
        XCTAssertEqual(try CalendarCoverage.read(hall.store).warnings, [], "November, no case due in 2027: nothing to say yet")
        // In December 2027 with 2027 still provisional, the next year (2028) is missing too.
        hall.clock.set("2027-12-15T09:00:00+08:00")
        let later = try CalendarCoverage.read(hall.store)
        XCTAssertEqual(later.nextYearMissing, 2028)
        XCTAssertEqual(later.listedProvisionalYears, [2027, 2028])
    }

    func testLoadingTheOfficial2027ScheduleMovesTheDueDaysInOneTransaction() throws {
        let number = try acceptedOnFourDecember()
        let version = try hall.record(number).version
        let events = try hall.historyCount(number)
        // The official schedule (made up for the test) also closes Monday 4 Jan 2027.
        let file = DefaultCalendar.text + "\n2027-01-01..2027-01-04 holiday 元旦 New Year's Day\n2027-01-09 workday 元旦调休\n"
        let db = hall.store.db
        let daysBefore = try db.scalarInt("SELECT count(*) FROM calendar_days")

        // A failure while moving the days leaves the calendar provisional and the days where they were.
        try db.executeScript("""
            CREATE TEMP TRIGGER no_due_moves BEFORE UPDATE OF due_on ON cases BEGIN
                SELECT RAISE(ABORT, 'simulated crash while moving due days');
            END;
            """)
        XCTAssertThrowsError(try Administration(store: hall.store).loadCalendar(try CalendarFile.parse(file)))
        try db.executeScript("DROP TRIGGER temp.no_due_moves")
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM calendar_days"), daysBefore)
        try hall.store.reloadReferenceData()
        XCTAssertTrue(hall.store.calendar.isProvisional(year: 2027))
        XCTAssertEqual(try hall.record(number).marks?.dueOn, Day("2027-01-04"))

        let moved = try Administration(store: hall.store).loadCalendar(try CalendarFile.parse(file))
        XCTAssertEqual(moved, 1)
        XCTAssertFalse(hall.store.calendar.isProvisional(year: 2027))
        // 28–31 Dec (19), 1–4 Jan off, Tue 5 Jan (20).
        XCTAssertEqual(try hall.record(number).marks?.dueOn, Day("2027-01-05"))
        XCTAssertFalse(try CaseDetail.load(number: number, in: hall.store).clock.dueProvisional)
        // As every calendar load: the days move, the case's version and history do not.
        XCTAssertEqual(try hall.record(number).version, version)
        XCTAssertEqual(try hall.historyCount(number), events)
        XCTAssertEqual(try CalendarCoverage.read(hall.store).dueInProvisionalYears, [:])
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
    }

    func testMigration12MovesDueDaysCountedOverTheStatutoryHolidays() throws {
        let number = try acceptedOnFourDecember()
        let db = hall.store.db
        // As version 11 stored it: 2027 counted as plain Monday–Friday, due on New Year's Day.
        try db.write {
            try db.execute("UPDATE cases SET due_on = '2027-01-01' WHERE number = ?", number)
            // Later migrations run again after it: undo what they made.
            try SchemaRewind.rewind(db, to: 11)
        }
        XCTAssertThrowsError(try IntegrityCheck(db: db).run(), "stale due days before the migration")
        // Migration 15 keys the applicants with the hall's key.
        try Migrator.verifyAndMigrate(db, historyKey: { try db.historyKey() })
        XCTAssertEqual(try db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertEqual(try hall.record(number).marks?.dueOn, Day("2027-01-04"))
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
    }
}
