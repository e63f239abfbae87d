import XCTest
@testable import WicketCore

/// The statutory holidays computed for a year without its official schedule (`StatutoryHolidays`)
/// and the calendar that uses them provisionally (`WorkingCalendar(official:…)`).
final class StatutoryHolidayTests: XCTestCase {
    private func day(_ text: String) -> Day { Day(text)! }

    private func days(_ year: Int) -> [String] { StatutoryHolidays.holidays(in: year).map(\.day.description) }

    private func published() throws -> WorkingCalendar { CalendarFile.calendar(from: try CalendarFile.parse(DefaultCalendar.text)) }

    func testEveryDayComputedFor2025And2026IsAHolidayOfThePublishedSchedule() throws {
        let calendar = try published()
        for year in [2025, 2026] {
            let computed = StatutoryHolidays.holidays(in: year)
            XCTAssertEqual(computed.count, 13, "\(year): 1 + 4 + 1 + 2 + 1 + 1 + 3 days, none shared")
            for holiday in computed {
                XCTAssertTrue(calendar.holidays.contains(holiday.day), "\(holiday.day) \(holiday.name.en) is not in the published \(year) schedule")
            }
        }
        // The eve may be the 29th of the 12th lunar month: in 2025 it was 28 Jan (腊月廿九).
        XCTAssertEqual(Array(days(2025)[1...4]), ["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"])
        XCTAssertEqual(days(2026), ["2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-04-05",
                                    "2026-05-01", "2026-05-02", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-03"])
    }

    func testThe2027DaysArePinned() {
        // Spring Festival 2027 (lunar new year Sat 6 Feb, the eve Fri 5 Feb); Qingming Mon 5 Apr;
        // Dragon Boat Wed 9 Jun; Mid-Autumn Wed 15 Sep.
        XCTAssertEqual(days(2027), ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05",
                                    "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03"])
        let names = StatutoryHolidays.holidays(in: 2027).map(\.name)
        XCTAssertEqual(names.first?.zh, "元旦")
        XCTAssertEqual(names[1].en, "Spring Festival")
        XCTAssertEqual(names[1].zh, "春节")
    }

    func testOtherYearsArePinned() {
        // Lunar new years 26 Jan 2028, 3 Feb 2030, 31 Jan 2033 (the year of the "2033 problem":
        // a leap 11th month); Mid-Autumn 2028 falls on 3 Oct, within National Day: one day, both names.
        XCTAssertEqual(days(2028), ["2028-01-01", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28", "2028-04-04",
                                    "2028-05-01", "2028-05-02", "2028-05-28", "2028-10-01", "2028-10-02", "2028-10-03"])
        XCTAssertEqual(StatutoryHolidays.holidays(in: 2028).last?.name.en, "National Day and Mid-Autumn Festival")
        XCTAssertEqual(StatutoryHolidays.holidays(in: 2028).last?.name.zh, "国庆节、中秋节")
        XCTAssertEqual(days(2030), ["2030-01-01", "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05", "2030-04-05",
                                    "2030-05-01", "2030-05-02", "2030-06-05", "2030-09-12", "2030-10-01", "2030-10-02", "2030-10-03"])
        XCTAssertEqual(days(2033), ["2033-01-01", "2033-01-30", "2033-01-31", "2033-02-01", "2033-02-02", "2033-04-04",
                                    "2033-05-01", "2033-05-02", "2033-06-01", "2033-09-08", "2033-10-01", "2033-10-02", "2033-10-03"])
        XCTAssertEqual(days(1999), [], "outside the computed years")
        XCTAssertEqual(days(2100), [])
    }

    func testQingmingAgreesWithTheClosedFormulaForEveryYearOfTheCentury() {
        // The well-known rule for the 21st century: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ (Y = year mod 100).
        // An independent check of the astronomy; both must agree on all 100 years.
        var compared = 0
        for year in StatutoryHolidays.years {
            let y = year % 100
            let formula = Int((Double(y) * 0.2422 + 4.81).rounded(.down)) - y / 4
            XCTAssertEqual(StatutoryHolidays.qingmingDay(year), formula, "\(year)")
            compared += 1
        }
        XCTAssertEqual(compared, 100)
        // Published dates: 4 Apr 2008, 5 Apr 2010, 4 Apr 2025, 5 Apr 2026, 5 Apr 2027, 4 Apr 2028.
        for (year, expected) in [(2008, 4), (2010, 5), (2025, 4), (2026, 5), (2027, 5), (2028, 4)] {
            XCTAssertEqual(StatutoryHolidays.qingmingDay(year), expected, "\(year)")
        }
    }

    func testAYearWithoutItsScheduleIsProvisionalAndCountsTheStatutoryDays() throws {
        let calendar = try published()
        XCTAssertEqual(calendar.officialYears, [2025, 2026])
        XCTAssertFalse(calendar.isProvisional(year: 2026))
        XCTAssertTrue(calendar.isProvisional(year: 2027))
        XCTAssertTrue(calendar.isProvisional(day("2027-01-04")))
        XCTAssertFalse(calendar.isWorkingDay(day("2027-01-01")), "New Year's Day, a Friday")
        XCTAssertFalse(calendar.isWorkingDay(day("2027-02-08")), "Spring Festival, a Monday")
        XCTAssertTrue(calendar.isWorkingDay(day("2027-02-09")), "no bridging day is guessed")
        XCTAssertFalse(calendar.isWorkingDay(day("2027-02-07")), "no make-up working day is guessed: Sunday rests")
        // The official years keep their published days only (2026's computed eve, 16 Feb, is theirs anyway).
        XCTAssertTrue(calendar.isWorkingDay(day("2026-01-04")), "the official make-up Sunday")
        XCTAssertTrue(calendar.provisionalHolidays.allSatisfy { calendar.isProvisional($0) })
        // Beyond the years kept at hand (2025 to 2029 here) the days are computed on demand, the same way.
        XCTAssertFalse(calendar.provisionalHolidays.contains(day("2030-02-04")))
        XCTAssertFalse(calendar.isWorkingDay(day("2030-02-04")), "Spring Festival 2030, a Monday")
        XCTAssertTrue(calendar.isWorkingDay(day("2030-02-06")), "the Wednesday after it")
        XCTAssertFalse(calendar.isWorkingDay(day("2024-10-01")), "before the first official year too: a Tuesday")
        XCTAssertFalse(calendar.isWorkingDay(day("2099-10-01")), "Thursday, National Day 2099")
        XCTAssertTrue(calendar.isWorkingDay(day("2100-01-01")), "outside the computed years: a plain Friday")
        // A plain calendar fills in nothing (the arithmetic's own tests).
        XCTAssertNil(WorkingCalendar().officialYears)
        XCTAssertFalse(WorkingCalendar().isProvisional(year: 2027))
        XCTAssertTrue(WorkingCalendar().isWorkingDay(day("2027-01-01")))
    }

    func testTwentyWorkingDaysFromFourDecember2026AreNotDueOnNewYearsDay() throws {
        let calendar = try published()
        let start = day("2026-12-04")
        // The example: plain counting lands on Fri 1 Jan 2027, a public holiday.
        XCTAssertEqual(WorkingCalendar().day(after: start, workingDays: 20), day("2027-01-01"))
        // Dec 7–11 (5), 14–18 (10), 21–25 (15), 28–31 (19), 1 Jan off, Mon 4 Jan (20).
        XCTAssertEqual(calendar.day(after: start, workingDays: 20), day("2027-01-04"))
        XCTAssertEqual(calendar.workingDays(after: start, through: day("2027-01-04")), 20)
        XCTAssertEqual(calendar.workingDays(after: day("2026-12-31"), through: day("2027-01-04")), 1)
    }

    func testClocksAcrossTheSpringFestival2027() throws {
        let calendar = try published()
        // Mon 1 Feb 2027: Tue 2, Wed 3, Thu 4 (3), Fri 5 – Mon 8 off, Tue 9 (4), Wed 10 (5).
        XCTAssertEqual(calendar.day(after: day("2027-02-01"), workingDays: 5), day("2027-02-10"))
        let marks = CaseClock(calendar: calendar).marks(start: day("2026-12-15"), limitDays: 20, pausedDays: 0)
        // Tue 15 Dec 2026: 16–18 (3), 21–25 (8), 28–31 (12), 1 Jan off, 4–8 Jan (17), 11–13 (20).
        XCTAssertEqual(marks.dueOn, day("2027-01-13"))
        XCTAssertEqual(marks.yellowOn, day("2026-12-29"), "10 working days")
        XCTAssertEqual(marks.redOn, day("2027-01-11"), "18 working days")
    }

    func testLoadingAnOfficialYearReplacesItsProvisionalDays() throws {
        // A made-up 2027 schedule: New Year 1–3 Jan and a make-up Saturday 9 Jan.
        let file = DefaultCalendar.text + "\n2027-01-01..2027-01-03 holiday 元旦\n2027-01-09 workday 调休\n"
        let calendar = CalendarFile.calendar(from: try CalendarFile.parse(file))
        XCTAssertEqual(calendar.officialYears, [2025, 2026, 2027])
        XCTAssertFalse(calendar.isProvisional(year: 2027))
        XCTAssertTrue(calendar.isProvisional(year: 2028))
        XCTAssertTrue(calendar.isWorkingDay(day("2027-02-08")), "the computed Spring Festival is gone with the official year")
        XCTAssertTrue(calendar.isWorkingDay(day("2027-01-09")))
        XCTAssertFalse(calendar.isWorkingDay(day("2028-01-26")), "2028 stays provisional")
    }
}
