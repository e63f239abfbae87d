import XCTest
@testable import WicketCore

/// `CaseClock` marks (yellow, red, due), levels and days used.
///
/// Working days of late 2026 used below (no holidays after October in the default calendar):
/// start Fri 2026-11-27 → Mon 30 Nov (1), Tue 1 Dec (2), Wed 2 (3), Thu 3 (4), Fri 4 (5),
/// Mon 7 (6), Tue 8 (7), Wed 9 (8), Thu 10 (9), Fri 11 (10), Mon 14 (11), Tue 15 (12),
/// Wed 16 (13), Thu 17 (14), Fri 18 (15), Mon 21 (16), Tue 22 (17), Wed 23 (18), Thu 24 (19),
/// Fri 25 (20), Mon 28 (21), Tue 29 (22).
final class CaseClockTests: XCTestCase {

    private func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let day = Day(text) else {
            XCTFail("not a day: \(text)", file: file, line: line)
            return Day(ordinal: 0)
        }
        return day
    }

    private func clock(_ thresholds: WarningThresholds = WarningThresholds()) throws -> CaseClock {
        CaseClock(calendar: CalendarFile.calendar(from: try CalendarFile.parse(DefaultCalendar.text)),
                  thresholds: thresholds)
    }

    private func marks(_ yellow: String, _ red: String, _ due: String) -> ClockMarks {
        ClockMarks(yellowOn: day(yellow), redOn: day(red), dueOn: day(due))
    }

    // MARK: - Marks

    func testDefaultThresholdsAre50And90() {
        XCTAssertEqual(WarningThresholds(), WarningThresholds(yellowPercent: 50, redPercent: 90))
    }

    func testLimit20FromAFriday() throws {
        // Yellow after ceil(20 × 50%) = 10 working days, red after ceil(20 × 90%) = 18, due after 20.
        let m = try clock().marks(start: day("2026-11-27"), limitDays: 20, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-12-11", "2026-12-23", "2026-12-25"))
    }

    func testLimit5FromAFriday() throws {
        // Yellow after ceil(2.5) = 3 working days (Wed 2 Dec), red after ceil(4.5) = 5 = the due day.
        let m = try clock().marks(start: day("2026-11-27"), limitDays: 5, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-12-02", "2026-12-04", "2026-12-04"))
    }

    func testLimit1FromAFriday() throws {
        // ceil(0.5) = ceil(0.9) = 1: all three marks fall on the next working day, Monday.
        let m = try clock().marks(start: day("2026-11-27"), limitDays: 1, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-11-30", "2026-11-30", "2026-11-30"))
        XCTAssertEqual(m.level(on: day("2026-11-27")), .normal)
        XCTAssertEqual(m.level(on: day("2026-11-29")), .normal, "the weekend uses nothing")
        XCTAssertEqual(m.level(on: day("2026-11-30")), .red, "due day is red")
        XCTAssertEqual(m.level(on: day("2026-12-01")), .overdue)
    }

    func testLimit5StartingBeforeNationalDay() throws {
        // Wed 30 Sep: Thu 8 Oct (1), Fri 9 (2), Sat 10 make-up (3), Mon 12 (4), Tue 13 (5).
        let m = try clock().marks(start: day("2026-09-30"), limitDays: 5, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-10-10", "2026-10-13", "2026-10-13"))
        XCTAssertEqual(m.level(on: day("2026-10-07")), .normal, "the holiday uses nothing")
        XCTAssertEqual(m.level(on: day("2026-10-09")), .normal)
        XCTAssertEqual(m.level(on: day("2026-10-10")), .yellow)
        XCTAssertEqual(m.level(on: day("2026-10-11")), .yellow)
        XCTAssertEqual(m.level(on: day("2026-10-13")), .red)
        XCTAssertEqual(m.level(on: day("2026-10-14")), .overdue)
    }

    func testLimit20StartingBeforeNationalDay() throws {
        // Oct 8 (1), 9 (2), 10 (3), 12–16 (4–8), 19–23 (9–13), 26–30 (14–18), Nov 2 (19), Nov 3 (20).
        let m = try clock().marks(start: day("2026-09-30"), limitDays: 20, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-10-20", "2026-10-30", "2026-11-03"))
    }

    func testLimit5StartingBeforeSpringFestival() throws {
        // Thu 12 Feb: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
        let m = try clock().marks(start: day("2026-02-12"), limitDays: 5, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-02-24", "2026-02-26", "2026-02-26"))
    }

    func testPausedDaysPushEveryMark() throws {
        // Limit 5 with 3 paused working days: yellow at 3 + 3 = 6 (Mon 7), red and due at 5 + 3 = 8 (Wed 9).
        let m = try clock().marks(start: day("2026-11-27"), limitDays: 5, pausedDays: 3)
        XCTAssertEqual(m, marks("2026-12-07", "2026-12-09", "2026-12-09"))
        // Limit 20 with 2 paused: yellow at 12 (Tue 15), red at 20 (Fri 25), due at 22 (Tue 29).
        let m20 = try clock().marks(start: day("2026-11-27"), limitDays: 20, pausedDays: 2)
        XCTAssertEqual(m20, marks("2026-12-15", "2026-12-25", "2026-12-29"))
    }

    func testLevelsAroundEachMark() throws {
        let m = try clock().marks(start: day("2026-11-27"), limitDays: 20, pausedDays: 0)
        XCTAssertEqual(m.level(on: day("2026-11-27")), .normal, "start day")
        XCTAssertEqual(m.level(on: day("2026-12-10")), .normal, "day before yellow")
        XCTAssertEqual(m.level(on: day("2026-12-11")), .yellow, "yellow day")
        XCTAssertEqual(m.level(on: day("2026-12-22")), .yellow, "day before red")
        XCTAssertEqual(m.level(on: day("2026-12-23")), .red, "red day")
        XCTAssertEqual(m.level(on: day("2026-12-25")), .red, "the due day itself is red")
        XCTAssertEqual(m.level(on: day("2026-12-26")), .overdue, "the day after")
        XCTAssertEqual(m.level(on: day("2027-03-01")), .overdue)
    }

    func testLimit5Levels() throws {
        let m = try clock().marks(start: day("2026-11-27"), limitDays: 5, pausedDays: 0)
        XCTAssertEqual(m.level(on: day("2026-12-01")), .normal)
        XCTAssertEqual(m.level(on: day("2026-12-02")), .yellow)
        XCTAssertEqual(m.level(on: day("2026-12-03")), .yellow)
        XCTAssertEqual(m.level(on: day("2026-12-04")), .red)
        XCTAssertEqual(m.level(on: day("2026-12-05")), .overdue, "a Saturday after the due Friday")
    }

    func testExtensionMovesTheDueDay() throws {
        // Accepted Wed 30 Sep, limit 20 → due Tue 3 Nov. Extended by 10 → limit 30:
        // Nov 4 (21), 5 (22), 6 (23), 9–13 (24–28), 16 (29), 17 (30).
        // Yellow at ceil(15) = 15 → Tue 27 Oct; red at ceil(27) = 27 → Thu 12 Nov.
        let start = day("2026-09-30")
        let before = try clock().marks(start: start, limitDays: 20, pausedDays: 0)
        let after = try clock().marks(start: start, limitDays: 30, pausedDays: 0)
        XCTAssertEqual(before.dueOn, day("2026-11-03"))
        XCTAssertEqual(after, marks("2026-10-27", "2026-11-12", "2026-11-17"))
        XCTAssertEqual(before.level(on: day("2026-11-04")), .overdue)
        XCTAssertEqual(after.level(on: day("2026-11-04")), .yellow, "the extension takes the case back from overdue")
    }

    func testCustomThresholds60And80() throws {
        // Limit 20: yellow after 12 (Tue 15 Dec), red after 16 (Mon 21 Dec); due unchanged.
        let custom = try clock(WarningThresholds(yellowPercent: 60, redPercent: 80))
        XCTAssertEqual(custom.marks(start: day("2026-11-27"), limitDays: 20, pausedDays: 0),
                       marks("2026-12-15", "2026-12-21", "2026-12-25"))
        // Limit 5: yellow after 3 (Wed 2 Dec), red after 4 (Thu 3 Dec).
        let m5 = custom.marks(start: day("2026-11-27"), limitDays: 5, pausedDays: 0)
        XCTAssertEqual(m5, marks("2026-12-02", "2026-12-03", "2026-12-04"))
        XCTAssertEqual(m5.level(on: day("2026-12-03")), .red, "red a day earlier than with 90%")
    }

    func testThresholdsAtOneHundredPercentLeaveOnlyTheDueDay() throws {
        let m = try clock(WarningThresholds(yellowPercent: 100, redPercent: 100))
            .marks(start: day("2026-11-27"), limitDays: 5, pausedDays: 0)
        XCTAssertEqual(m, marks("2026-12-04", "2026-12-04", "2026-12-04"))
        XCTAssertEqual(m.level(on: day("2026-12-03")), .normal)
    }

    func testMarksCanBeComputedWithoutHolidays() {
        // A plain calendar: 20 working days from Thu 1 Oct 2026 land on Thu 29 Oct.
        let m = CaseClock(calendar: WorkingCalendar()).marks(start: day("2026-10-01"), limitDays: 20, pausedDays: 0)
        // Oct 2 (1), 5–9 (2–6), 12–16 (7–11), 19–23 (12–16), 26–29 (17–20); yellow at 10 = Thu 15, red at 18 = Tue 27.
        XCTAssertEqual(m, marks("2026-10-15", "2026-10-27", "2026-10-29"))
    }

    // MARK: - Days used

    func testDaysUsedWithoutPause() throws {
        let c = try clock()
        let start = day("2026-11-27")
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: nil, today: start), 0)
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: nil, today: day("2026-11-29")), 0)
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: nil, today: day("2026-11-30")), 1)
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: nil, today: day("2026-12-04")), 5)
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: nil, today: day("2026-11-20")), 0, "before start")
    }

    func testDaysUsedOverAHoliday() throws {
        // Wed 30 Sep → Fri 9 Oct: only Thu 8 and Fri 9 count.
        XCTAssertEqual(try clock().daysUsed(start: day("2026-09-30"), pausedDays: 0, pausedSince: nil, today: day("2026-10-09")), 2)
    }

    func testDaysUsedWithAFinishedPause() throws {
        // 5 working days by Fri 4 Dec, of which 2 were paused.
        XCTAssertEqual(try clock().daysUsed(start: day("2026-11-27"), pausedDays: 2, pausedSince: nil, today: day("2026-12-04")), 3)
    }

    func testDaysUsedWithARunningPauseStandsStill() throws {
        let c = try clock()
        let start = day("2026-11-27")
        let pausedSince = day("2026-12-02") // 3 working days used by then
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: pausedSince, today: pausedSince), 3)
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: pausedSince, today: day("2026-12-04")), 3)
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 0, pausedSince: pausedSince, today: day("2026-12-07")), 3)
        // A finished pause of 1 day earlier plus the running one: 6 − 1 − 3 = 2 on Mon 7 Dec.
        XCTAssertEqual(c.daysUsed(start: start, pausedDays: 1, pausedSince: pausedSince, today: day("2026-12-07")), 2)
    }

    func testDaysUsedNeverNegative() throws {
        XCTAssertEqual(try clock().daysUsed(start: day("2026-11-27"), pausedDays: 9, pausedSince: nil, today: day("2026-12-01")), 0)
    }

    func testDaysUsedReachesTheLimitOnTheDueDay() throws {
        // Marks and daysUsed agree: on the due day the whole limit is used, paused days aside.
        let c = try clock()
        let start = day("2026-09-30")
        for (limit, paused) in [(1, 0), (5, 0), (5, 3), (20, 0), (20, 4)] {
            let m = c.marks(start: start, limitDays: limit, pausedDays: paused)
            XCTAssertEqual(c.daysUsed(start: start, pausedDays: paused, pausedSince: nil, today: m.dueOn), limit,
                           "limit \(limit), paused \(paused)")
            XCTAssertEqual(c.daysUsed(start: start, pausedDays: paused, pausedSince: nil, today: m.dueOn.adding(days: -1)) < limit, true)
        }
    }
}
