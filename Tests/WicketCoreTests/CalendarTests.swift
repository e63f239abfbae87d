import Foundation
import XCTest
@testable import WicketCore

/// `Day`, `WorkingCalendar`, `CalendarFile` and the built-in 2025–2026 calendar.
final class CalendarTests: XCTestCase {

    // MARK: - Helpers

    private func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let day = Day(text) else {
            XCTFail("not a day: \(text)", file: file, line: line)
            return Day(ordinal: 0)
        }
        return day
    }

    private func defaultCalendar() throws -> WorkingCalendar {
        CalendarFile.calendar(from: try CalendarFile.parse(DefaultCalendar.text))
    }

    /// Runs the parser expecting a `CalendarFileError`; returns it for inspection.
    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarFileError? {
        do {
            let entries = try CalendarFile.parse(text)
            XCTFail("expected an error, got \(entries.count) entries", file: file, line: line)
            return nil
        } catch let error as CalendarFileError {
            return error
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
            return nil
        }
    }

    // MARK: - Day: parsing and validity

    func testDayParsesTextAndComponents() {
        let d = day("2026-10-01")
        XCTAssertEqual(d.components.year, 2026)
        XCTAssertEqual(d.components.month, 10)
        XCTAssertEqual(d.components.day, 1)
        XCTAssertEqual(d.description, "2026-10-01")
        XCTAssertEqual(Day(year: 2026, month: 10, day: 1), d)
        XCTAssertEqual(Day(year: 5, month: 3, day: 7)?.description, "0005-03-07", "description pads to 4-2-2")
    }

    func testDayOrdinalIsDaysSinceUnixEpoch() {
        XCTAssertEqual(day("1970-01-01").ordinal, 0)
        XCTAssertEqual(day("1970-01-02").ordinal, 1)
        XCTAssertEqual(day("1969-12-31").ordinal, -1)
        // 2026-11-27T10:00:00Z is epoch 1795773600 (date -u); 1795773600 / 86400 = 20784.4…
        XCTAssertEqual(day("2026-11-27").ordinal, 20_784)
        XCTAssertEqual(Day(ordinal: 20_784).description, "2026-11-27")
    }

    func testImpossibleDatesAreNil() {
        XCTAssertNil(Day("2026-02-29"), "2026 is not a leap year")
        XCTAssertNil(Day("2025-13-01"))
        XCTAssertNil(Day("2026-00-10"))
        XCTAssertNil(Day("2026-10-00"))
        XCTAssertNil(Day("2026-04-31"), "April has 30 days")
        XCTAssertNil(Day("2026-10-32"))
        XCTAssertNil(Day(year: 2026, month: 2, day: 29))
        XCTAssertNil(Day(year: 2025, month: 13, day: 1))
        XCTAssertNil(Day(year: 2026, month: 1, day: 0))
    }

    func testMalformedDayTextIsNil() {
        for text in ["", "2026", "2026-10", "2026-1-01", "2026-10-1", "26-10-01", "2026/10/01",
                     "2026-10-01x", "x2026-10-01", "2026-10-01-", "2026-aa-01", "20261001", "2026--10-01",
                     "2026-10-01T00:00:00Z"] {
            XCTAssertNil(Day(text), "'\(text)' must not parse")
        }
    }

    func testLeapYears() {
        XCTAssertNotNil(Day("2024-02-29"), "divisible by 4")
        XCTAssertNotNil(Day("2000-02-29"), "divisible by 400")
        XCTAssertNil(Day("2100-02-29"), "divisible by 100, not by 400")
        XCTAssertNil(Day("1900-02-29"))
        XCTAssertNil(Day("2025-02-29"))
        XCTAssertNotNil(Day("2028-02-29"))
    }

    // MARK: - Day: arithmetic

    func testAddingAcrossMonthEnds() {
        XCTAssertEqual(day("2026-01-31").adding(days: 1), day("2026-02-01"))
        XCTAssertEqual(day("2026-04-30").adding(days: 1), day("2026-05-01"))
        XCTAssertEqual(day("2026-02-28").adding(days: 1), day("2026-03-01"), "no 29th in 2026")
        XCTAssertEqual(day("2026-03-01").adding(days: -1), day("2026-02-28"))
        XCTAssertEqual(day("2026-05-01").adding(days: -1), day("2026-04-30"))
    }

    func testAddingAcrossLeapDay() {
        XCTAssertEqual(day("2024-02-28").adding(days: 1), day("2024-02-29"))
        XCTAssertEqual(day("2024-02-28").adding(days: 2), day("2024-03-01"))
        XCTAssertEqual(day("2024-03-01").adding(days: -1), day("2024-02-29"))
        XCTAssertEqual(day("2100-02-28").adding(days: 1), day("2100-03-01"), "2100 is not a leap year")
        XCTAssertEqual(day("2000-02-28").adding(days: 1), day("2000-02-29"), "2000 is a leap year")
    }

    func testAddingAcrossYearEnds() {
        XCTAssertEqual(day("2025-12-31").adding(days: 1), day("2026-01-01"))
        XCTAssertEqual(day("2026-01-01").adding(days: -1), day("2025-12-31"))
        XCTAssertEqual(day("2026-01-01").adding(days: 365), day("2027-01-01"), "2026 has 365 days")
        XCTAssertEqual(day("2024-01-01").adding(days: 366), day("2025-01-01"), "2024 has 366 days")
        XCTAssertEqual(day("2024-01-01").adding(days: 365), day("2024-12-31"))
        XCTAssertEqual(day("2026-11-27").adding(days: 0), day("2026-11-27"))
        XCTAssertEqual(day("1970-01-01").adding(days: -1), day("1969-12-31"))
    }

    func testWeekdayOfKnownDates() {
        XCTAssertEqual(day("2026-11-27").weekday, 5, "Friday")
        XCTAssertEqual(day("2024-02-29").weekday, 4, "Thursday")
        XCTAssertEqual(day("1970-01-01").weekday, 4, "Thursday")
        XCTAssertEqual(day("1969-12-31").weekday, 3, "Wednesday (negative ordinal)")
        XCTAssertEqual(day("2000-01-01").weekday, 6, "Saturday")
        XCTAssertEqual(day("2026-01-04").weekday, 7, "Sunday")
        XCTAssertEqual(day("2026-01-05").weekday, 1, "Monday")
        XCTAssertEqual(day("2026-10-10").weekday, 6, "Saturday")
        XCTAssertEqual(day("2026-10-01").weekday, 4, "Thursday")
    }

    func testWeekdaysCycleThroughAWeek() {
        // 2026-11-23 is a Monday: the next seven days run 1…7.
        let monday = day("2026-11-23")
        XCTAssertEqual((0..<7).map { monday.adding(days: $0).weekday }, [1, 2, 3, 4, 5, 6, 7])
        XCTAssertEqual((0..<7).map { monday.adding(days: $0).isWeekend }, [false, false, false, false, false, true, true])
    }

    func testDayOrderingAndCoding() throws {
        XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
        XCTAssertLessThan(day("2026-02-28"), day("2026-03-01"))
        XCTAssertFalse(day("2026-03-01") < day("2026-03-01"))

        let encoded = try JSONEncoder().encode([day("2026-10-01")])
        XCTAssertEqual(String(decoding: encoded, as: UTF8.self), "[\"2026-10-01\"]")
        XCTAssertEqual(try JSONDecoder().decode([Day].self, from: encoded), [day("2026-10-01")])
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data("[\"2026-02-29\"]".utf8)))
    }

    // MARK: - WorkingCalendar without exceptions

    func testPlainCalendarIsMondayToFriday() {
        let calendar = WorkingCalendar()
        XCTAssertTrue(calendar.isWorkingDay(day("2026-11-27")), "Friday")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-11-28")), "Saturday")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-11-29")), "Sunday")
        XCTAssertTrue(calendar.isWorkingDay(day("2026-11-30")), "Monday")
    }

    func testDayAfterWorkingDaysAcrossAWeekend() {
        let calendar = WorkingCalendar()
        let friday = day("2026-11-27")
        XCTAssertEqual(calendar.day(after: friday, workingDays: 0), friday, "0 gives the start itself")
        XCTAssertEqual(calendar.day(after: friday, workingDays: 1), day("2026-11-30"), "start does not count; skip Sat/Sun")
        XCTAssertEqual(calendar.day(after: friday, workingDays: 5), day("2026-12-04"))
        XCTAssertEqual(calendar.day(after: friday, workingDays: 6), day("2026-12-07"))
        // Starting on a weekend: the first working day is Monday.
        XCTAssertEqual(calendar.day(after: day("2026-11-28"), workingDays: 1), day("2026-11-30"))
        XCTAssertEqual(calendar.day(after: day("2026-11-29"), workingDays: 0), day("2026-11-29"))
    }

    func testWorkingDaysCountIsHalfOpen() {
        let calendar = WorkingCalendar()
        let friday = day("2026-11-27")
        XCTAssertEqual(calendar.workingDays(after: friday, through: friday), 0)
        XCTAssertEqual(calendar.workingDays(after: friday, through: day("2026-11-29")), 0, "only Sat and Sun")
        XCTAssertEqual(calendar.workingDays(after: friday, through: day("2026-11-30")), 1)
        XCTAssertEqual(calendar.workingDays(after: friday, through: day("2026-11-26")), 0, "end before start")
        // Thu 26 → Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4.
        XCTAssertEqual(calendar.workingDays(after: day("2026-11-26"), through: day("2026-12-04")), 6)
    }

    func testDayAfterAndWorkingDaysAgree() throws {
        // Counting the working days up to the day n working days later gives back n.
        let calendar = try defaultCalendar()
        for start in ["2026-09-18", "2026-09-30", "2026-02-13", "2025-12-31", "2026-11-28"].map({ day($0) }) {
            for n in 0...30 {
                let end = calendar.day(after: start, workingDays: n)
                XCTAssertEqual(calendar.workingDays(after: start, through: end), n, "\(start) + \(n)")
                if n > 0 { XCTAssertTrue(calendar.isWorkingDay(end), "\(end) is where day \(n) passes") }
            }
        }
    }

    func testCustomHolidayAndMakeUpDay() {
        // A holiday on Wednesday and a make-up workday on the following Saturday.
        let calendar = WorkingCalendar(holidays: [day("2026-12-02")], makeUpWorkdays: [day("2026-12-05")])
        XCTAssertFalse(calendar.isWorkingDay(day("2026-12-02")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-12-05")))
        XCTAssertFalse(calendar.isWorkingDay(day("2026-12-06")), "the Sunday stays a rest day")
        // Mon 30 Nov start: Tue 1 (1), Wed 2 holiday, Thu 3 (2), Fri 4 (3), Sat 5 (4), Mon 7 (5).
        XCTAssertEqual(calendar.day(after: day("2026-11-30"), workingDays: 5), day("2026-12-07"))
        XCTAssertEqual(calendar.workingDays(after: day("2026-11-30"), through: day("2026-12-07")), 5)
    }

    // MARK: - WorkingCalendar with China's 2025/2026 holidays

    func testNationalDay2026() throws {
        let calendar = try defaultCalendar()
        XCTAssertTrue(calendar.isWorkingDay(day("2026-09-20")), "Sunday make-up day")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-09-25")), "Friday, Mid-Autumn holiday")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-10-01")))
        XCTAssertFalse(calendar.isWorkingDay(day("2026-10-05")), "Monday in the holiday")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-10-07")), "Wednesday, last holiday")
        XCTAssertTrue(calendar.isWorkingDay(day("2026-10-08")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-10-10")), "Saturday make-up day")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-10-11")), "plain Sunday")

        // Wed 30 Sep: Oct 1–7 off, Thu 8 (1), Fri 9 (2), Sat 10 (3), Sun 11 off, Mon 12 (4).
        let start = day("2026-09-30")
        XCTAssertEqual(calendar.day(after: start, workingDays: 1), day("2026-10-08"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 2), day("2026-10-09"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 3), day("2026-10-10"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 4), day("2026-10-12"))
        XCTAssertEqual(calendar.workingDays(after: start, through: day("2026-10-07")), 0)
        XCTAssertEqual(calendar.workingDays(after: start, through: day("2026-10-12")), 4)
    }

    func testFromBeforeTheMakeUpSundayThroughNationalDay() throws {
        let calendar = try defaultCalendar()
        // Fri 18 Sep: Sun 20 (1), Mon 21–Thu 24 (2–5), Fri 25 holiday, Mon 28–Wed 30 (6–8),
        // Oct 1–7 off, Thu 8 (9), Fri 9 (10), Sat 10 (11), Mon 12 (12).
        let start = day("2026-09-18")
        XCTAssertEqual(calendar.day(after: start, workingDays: 1), day("2026-09-20"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 5), day("2026-09-24"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 6), day("2026-09-28"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 12), day("2026-10-12"))
        XCTAssertEqual(calendar.workingDays(after: start, through: day("2026-10-12")), 12)
        // Without the holidays the same stretch has 16 working days (Mon 21 Sep … Mon 12 Oct).
        XCTAssertEqual(WorkingCalendar().workingDays(after: start, through: day("2026-10-12")), 16)
    }

    func testSpringFestival2026() throws {
        let calendar = try defaultCalendar()
        XCTAssertTrue(calendar.isWorkingDay(day("2026-02-14")), "Saturday make-up day")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-02-16")), "Monday in the holiday")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-02-23")), "Monday, last holiday")
        XCTAssertTrue(calendar.isWorkingDay(day("2026-02-24")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-02-28")), "Saturday make-up day")

        // Fri 13 Feb: Sat 14 (1), 15–23 off, Tue 24 (2) … Fri 27 (5), Sat 28 (6), Mon 2 Mar (7).
        let start = day("2026-02-13")
        XCTAssertEqual(calendar.day(after: start, workingDays: 1), day("2026-02-14"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 2), day("2026-02-24"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 6), day("2026-02-28"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 7), day("2026-03-02"))
        XCTAssertEqual(calendar.workingDays(after: start, through: day("2026-03-02")), 7)
        // Plain Monday–Friday would reach 7 working days on Tue 24 Feb instead.
        XCTAssertEqual(WorkingCalendar().day(after: start, workingDays: 7), day("2026-02-24"))
    }

    func testYearBoundary2025To2026() throws {
        let calendar = try defaultCalendar()
        XCTAssertFalse(calendar.isWorkingDay(day("2026-01-01")))
        XCTAssertFalse(calendar.isWorkingDay(day("2026-01-02")), "Friday holiday")
        XCTAssertFalse(calendar.isWorkingDay(day("2026-01-03")))
        XCTAssertTrue(calendar.isWorkingDay(day("2026-01-04")), "Sunday make-up day")
        // Wed 31 Dec: Jan 1–3 off, Sun 4 (1), Mon 5 (2).
        let start = day("2025-12-31")
        XCTAssertEqual(calendar.day(after: start, workingDays: 1), day("2026-01-04"))
        XCTAssertEqual(calendar.day(after: start, workingDays: 2), day("2026-01-05"))
        XCTAssertEqual(calendar.workingDays(after: start, through: day("2026-01-05")), 2)
        XCTAssertEqual(calendar.day(after: day("2025-12-30"), workingDays: 1), start)
        // Plain Monday–Friday: Thu 1, Fri 2, Mon 5 = 3.
        XCTAssertEqual(WorkingCalendar().workingDays(after: start, through: day("2026-01-05")), 3)
    }

    func testNationalDay2025() throws {
        let calendar = try defaultCalendar()
        XCTAssertTrue(calendar.isWorkingDay(day("2025-09-28")), "Sunday make-up day")
        XCTAssertFalse(calendar.isWorkingDay(day("2025-10-08")), "Wednesday, Mid-Autumn holiday")
        XCTAssertTrue(calendar.isWorkingDay(day("2025-10-09")))
        XCTAssertTrue(calendar.isWorkingDay(day("2025-10-11")), "Saturday make-up day")
    }

    // MARK: - CalendarFile

    func testParsesAGoodFile() throws {
        let text = """
        # holidays of the hall

        2026-10-01..2026-10-03  holiday  国庆节   National Day
        2026-10-10\tworkday\t国庆节调休 # trailing comment
          2026-12-24 Holiday
        """
        let entries = try CalendarFile.parse(text)
        XCTAssertEqual(entries, [
            CalendarEntry(day: day("2026-10-01"), kind: .holiday, name: "国庆节 National Day"),
            CalendarEntry(day: day("2026-10-02"), kind: .holiday, name: "国庆节 National Day"),
            CalendarEntry(day: day("2026-10-03"), kind: .holiday, name: "国庆节 National Day"),
            CalendarEntry(day: day("2026-10-10"), kind: .workday, name: "国庆节调休"),
            CalendarEntry(day: day("2026-12-24"), kind: .holiday, name: ""),
        ])
        let calendar = CalendarFile.calendar(from: entries)
        XCTAssertEqual(calendar.holidays, [day("2026-10-01"), day("2026-10-02"), day("2026-10-03"), day("2026-12-24")])
        XCTAssertEqual(calendar.makeUpWorkdays, [day("2026-10-10")])
    }

    func testEmptyAndCommentOnlyFilesGiveNoEntries() throws {
        XCTAssertEqual(try CalendarFile.parse(""), [])
        XCTAssertEqual(try CalendarFile.parse("# nothing\n\n   \n# more\n"), [])
    }

    func testRangesAcrossMonthAndYearEnds() throws {
        let entries = try CalendarFile.parse("2025-12-30..2026-01-02 holiday\n2024-02-28..2024-03-01 holiday")
        XCTAssertEqual(entries.map(\.day.description),
                       ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02", "2024-02-28", "2024-02-29", "2024-03-01"])
        XCTAssertEqual(try CalendarFile.parse("2026-10-01..2026-10-01 holiday").map(\.day), [day("2026-10-01")])
    }

    func testSixtyDayRangeIsTheLongestAllowed() throws {
        // 2026-01-01..2026-03-01 is 31 + 28 + 1 = 60 days: allowed.
        XCTAssertEqual(try CalendarFile.parse("2026-01-01..2026-03-01 holiday").count, 60)
        // One day more is refused.
        let error = parseError("# long\n2026-01-01..2026-03-02 holiday")
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("2026-01-01..2026-03-02") == true, error?.message ?? "")
    }

    func testBadDayNamesItsLine() {
        let error = parseError("# comment\n\n2026-02-29 holiday 闰日")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("2026-02-29") == true, error?.message ?? "")
        XCTAssertEqual(error?.description.hasPrefix("line 3: "), true)
    }

    func testBadRangeEndNamesItsLine() {
        let error = parseError("2026-10-01 holiday\n2026-10-02..2026-10-32 holiday")
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("2026-10-32") == true, error?.message ?? "")
    }

    func testMalformedRangesAreRefused() {
        XCTAssertEqual(parseError("2026-10-01..2026-10-02..2026-10-03 holiday")?.line, 1)
        XCTAssertEqual(parseError("2026-10-01.. holiday")?.line, 1, "a range with no end is a bad day")
        XCTAssertEqual(parseError("10/01/2026 holiday")?.line, 1)
    }

    func testUnknownKindNamesItsLine() {
        let error = parseError("2026-10-01 holiday\n# x\n2026-10-02 vacation 假期")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("vacation") == true, error?.message ?? "")
    }

    func testMissingKindIsRefused() {
        XCTAssertEqual(parseError("2026-10-01 holiday\n2026-10-02   # no kind")?.line, 2)
    }

    func testBackwardsRangeNamesItsLine() {
        let error = parseError("\n2026-10-07..2026-10-01 holiday")
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("2026-10-07..2026-10-01") == true, error?.message ?? "")
    }

    func testDayListedTwiceNamesBothLines() {
        let text = """
        # National Day
        2026-10-01..2026-10-07 holiday
        2026-10-10 workday
        2026-10-05 workday
        """
        let error = parseError(text)
        XCTAssertEqual(error?.line, 4)
        XCTAssertTrue(error?.message.contains("2026-10-05") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("line 2") == true, error?.message ?? "")
        // The same kind twice is also a duplicate.
        XCTAssertEqual(parseError("2026-10-01 holiday\n2026-10-01 holiday")?.line, 2)
    }

    // MARK: - The default calendar

    func testDefaultCalendarParses() throws {
        let entries = try CalendarFile.parse(DefaultCalendar.text)
        let calendar = CalendarFile.calendar(from: entries)
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 holidays; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33.
        XCTAssertEqual(calendar.holidays.count, 61)
        // 2025: 5 make-up days; 2026: 6.
        XCTAssertEqual(calendar.makeUpWorkdays.count, 11)
        XCTAssertEqual(entries.count, 72)
        XCTAssertTrue(entries.contains(CalendarEntry(day: day("2026-10-10"), kind: .workday, name: "国庆节调休 National Day make-up day")))
        XCTAssertEqual(entries.first { $0.day == day("2026-10-01") }?.name, "国庆节 National Day")
    }

    func testDefaultMakeUpDaysAreWeekendsAndHolidaysAreNot() throws {
        let calendar = try defaultCalendar()
        for workday in calendar.makeUpWorkdays {
            XCTAssertTrue(workday.isWeekend, "make-up day \(workday) should fall on a weekend")
        }
        XCTAssertTrue(calendar.holidays.isDisjoint(with: calendar.makeUpWorkdays))
    }
}

/// Regressions found by review: Windows line endings and signs in day fields.
final class CalendarFileRegressionTests: XCTestCase {
    func testWindowsLineEndingsParseLikeUnix() throws {
        let entries = try CalendarFile.parse("# c\r\n2026-10-01 holiday 国庆节\r\n2026-10-02 holiday\r\n")
        XCTAssertEqual(entries.map(\.day.description), ["2026-10-01", "2026-10-02"])
        XCTAssertEqual(entries.first?.name, "国庆节")
        let templates = try TemplateSet.parseFile("[accept.en]\r\nDear {applicant}\r\n")
        XCTAssertEqual(templates.first?.2.source, "Dear {applicant}")
    }

    func testSignedFieldsAreNotDays() {
        XCTAssertNil(Day("2026-+1-01"))
        XCTAssertNil(Day("2026-01-+1"))
        XCTAssertNil(Day("+202-01-01"))
    }
}
