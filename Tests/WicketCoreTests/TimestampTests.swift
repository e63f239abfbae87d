import Foundation
import XCTest
@testable import WicketCore

/// `Timestamp` (stored UTC text) and `HallTime` (the hall's calendar day of an instant).
final class TimestampTests: XCTestCase {

    /// 2026-11-27T10:00:00Z (`date -u -d 2026-11-27T10:00:00Z +%s`).
    private let friday10Z = 1_795_773_600
    /// 2026-11-26T16:00:00Z = 2026-11-27 00:00 in Shanghai.
    private let shanghaiMidnight27 = 1_795_708_800

    private func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let day = Day(text) else {
            XCTFail("not a day: \(text)", file: file, line: line)
            return Day(ordinal: 0)
        }
        return day
    }

    private func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Date {
        guard let date = Timestamp.parse(text) else {
            XCTFail("did not parse: \(text)", file: file, line: line)
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }

    private func shanghai(file: StaticString = #filePath, line: UInt = #line) -> HallTime {
        guard let hall = HallTime(identifier: "Asia/Shanghai") else {
            XCTFail("no Asia/Shanghai zone", file: file, line: line)
            return HallTime(timeZone: TimeZone(secondsFromGMT: 8 * 3600)!)
        }
        return hall
    }

    // MARK: - Format

    func testFormatEpochSeconds() {
        XCTAssertEqual(Timestamp.format(epochSeconds: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: -1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: friday10Z), "2026-11-27T10:00:00Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: friday10Z + 3_723), "2026-11-27T11:02:03Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: 1_709_210_096), "2024-02-29T12:34:56Z")
    }

    func testFormatDropsFractionDownwards() {
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: Double(friday10Z) + 0.999)), "2026-11-27T10:00:00Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: -0.5)), "1969-12-31T23:59:59Z")
    }

    // MARK: - Parse

    func testParseUTC() {
        XCTAssertEqual(Timestamp.parse("2026-11-27T10:00:00Z")?.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(Timestamp.parse("1970-01-01T00:00:00Z")?.timeIntervalSince1970, 0)
        XCTAssertEqual(Timestamp.parse("2024-02-29T12:34:56Z")?.timeIntervalSince1970, 1_709_210_096)
    }

    func testParseOffsets() {
        XCTAssertEqual(Timestamp.parse("2026-11-27T18:00:00+08:00")?.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(Timestamp.parse("2026-11-27T05:00:00-05:00")?.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(Timestamp.parse("2026-11-27T15:30:00+05:30")?.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(Timestamp.parse("2026-11-27T10:00:00+00:00")?.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(Timestamp.parse("2026-11-27T10:00:00-00:00")?.timeIntervalSince1970, Double(friday10Z))
        // The offset moves the instant across a day and a year boundary.
        XCTAssertEqual(Timestamp.parse("2026-01-01T02:00:00+08:00").map(Timestamp.format), "2025-12-31T18:00:00Z")
        XCTAssertEqual(Timestamp.parse("2025-12-31T22:00:00-05:00").map(Timestamp.format), "2026-01-01T03:00:00Z")
    }

    func testParseAlternativeSeparatorsAndCase() {
        XCTAssertEqual(Timestamp.parse("2026-11-27 10:00:00Z")?.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(Timestamp.parse("2026-11-27t10:00:00z")?.timeIntervalSince1970, Double(friday10Z))
    }

    func testParseFractionalSeconds() throws {
        let half = try XCTUnwrap(Timestamp.parse("2026-11-27T10:00:00.5Z"))
        XCTAssertEqual(half.timeIntervalSince1970, Double(friday10Z) + 0.5, accuracy: 1e-6)
        let micro = try XCTUnwrap(Timestamp.parse("2026-11-27T18:00:00.123456+08:00"))
        XCTAssertEqual(micro.timeIntervalSince1970, Double(friday10Z) + 0.123456, accuracy: 1e-6)
        let nano = try XCTUnwrap(Timestamp.parse("2026-11-27T10:00:00.000000001Z"))
        XCTAssertEqual(nano.timeIntervalSince1970, Double(friday10Z), accuracy: 1e-6)
        // Formatting drops the fraction.
        XCTAssertEqual(Timestamp.format(micro), "2026-11-27T10:00:00Z")
    }

    func testLeapSecondIsHeldAtFiftyNine() {
        XCTAssertEqual(Timestamp.parse("2016-12-31T23:59:60Z").map(Timestamp.format), "2016-12-31T23:59:59Z")
    }

    func testRoundTrips() throws {
        for text in ["2026-11-27T10:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
                     "2000-03-01T00:00:01Z", "1969-07-20T20:17:40Z", "2099-12-31T12:00:00Z"] {
            XCTAssertEqual(Timestamp.parse(text).map(Timestamp.format), text)
        }
        for seconds in [0, 1, -1, 86_399, 86_400, friday10Z, 4_102_444_800, -86_401] {
            let text = Timestamp.format(epochSeconds: seconds)
            XCTAssertEqual(try XCTUnwrap(Timestamp.parse(text)).timeIntervalSince1970, Double(seconds), text)
        }
    }

    func testRejects() {
        for text in ["2026-13-01T00:00:00Z",     // month 13
                     "2026-02-29T00:00:00Z",     // not a leap year
                     "2026-04-31T00:00:00Z",
                     "2026-11-27",               // day only
                     "2026-11-27T10:00:00",      // no zone
                     "2026-11-27T10:00:00+8",    // short offset
                     "2026-11-27T10:00:00+0800", // offset without colon
                     "2026-11-27T10:00:00+08",
                     "2026-11-27T10:00:00+24:00",
                     "2026-11-27T10:00:00+08:60",
                     "2026-11-27T24:00:00Z",
                     "2026-11-27T10:60:00Z",
                     "2026-11-27T10:00:61Z",
                     "2026-11-27T10:00Z",
                     "2026-11-27T10:00:00.Z",    // fraction without digits
                     "2026-11-27T10:00:00Z ",    // trailing junk
                     "2026-11-27T10:00:00Zjunk",
                     "2026-11-27T10:00:00+08:00x",
                     " 2026-11-27T10:00:00Z",
                     "2026/11/27T10:00:00Z",
                     "2026-11-27X10:00:00Z",
                     "2026-11-27T10-00-00Z",
                     "2026-1-27T10:00:00Z",
                     "20261127T100000Z",
                     "２０２６-11-27T10:00:00Z",
                     "garbage",
                     "not a timestamp at all!!",
                     ""] {
            XCTAssertNil(Timestamp.parse(text), "'\(text)' must not parse")
        }
    }

    // MARK: - HallTime

    func testUnknownZoneIsNil() {
        XCTAssertNil(HallTime(identifier: "Not/AZone"))
        XCTAssertEqual(HallTime.defaultIdentifier, "Asia/Shanghai")
    }

    func testHallDayOfInstantsAroundShanghaiMidnight() {
        let hall = shanghai()
        XCTAssertEqual(hall.day(of: date("2026-11-26T20:00:00Z")), day("2026-11-27"), "04:00 on the 27th in Shanghai")
        XCTAssertEqual(hall.day(of: date("2026-11-26T15:59:59Z")), day("2026-11-26"), "23:59:59 local")
        XCTAssertEqual(hall.day(of: date("2026-11-26T16:00:00Z")), day("2026-11-27"), "00:00:00 local")
        XCTAssertEqual(hall.day(of: date("2026-11-27T15:59:59Z")), day("2026-11-27"))
        XCTAssertEqual(hall.day(of: date("2026-11-27T00:00:00Z")), day("2026-11-27"), "08:00 local")
        XCTAssertEqual(hall.day(of: date("2025-12-31T16:00:00Z")), day("2026-01-01"), "New Year in Shanghai first")
        XCTAssertEqual(hall.day(of: date("2026-11-26T23:59:59+08:00")), day("2026-11-26"))
        XCTAssertEqual(hall.day(of: Date(timeIntervalSince1970: Double(shanghaiMidnight27) - 0.25)), day("2026-11-26"),
                       "a fraction before midnight is still the day before")
    }

    func testHallDayInUTCAndOtherZones() throws {
        let utc = HallTime(timeZone: try XCTUnwrap(TimeZone(identifier: "UTC")))
        XCTAssertEqual(utc.day(of: date("2026-11-26T20:00:00Z")), day("2026-11-26"))
        // New York is on EDT (−4) in July: 03:00Z is 23:00 the day before.
        let newYork = try XCTUnwrap(HallTime(identifier: "America/New_York"))
        XCTAssertEqual(newYork.day(of: date("2026-07-01T03:00:00Z")), day("2026-06-30"))
        // and on EST (−5) in January: 04:30Z is 23:30 the day before, 05:00Z is midnight.
        XCTAssertEqual(newYork.day(of: date("2026-01-15T04:30:00Z")), day("2026-01-14"))
        XCTAssertEqual(newYork.day(of: date("2026-01-15T05:00:00Z")), day("2026-01-15"))
    }

    func testDisplay() {
        let hall = shanghai()
        XCTAssertEqual(hall.display(date("2026-11-26T01:30:00Z")), "2026-11-26 09:30")
        XCTAssertEqual(hall.display(date("2026-11-26T15:59:59Z")), "2026-11-26 23:59")
        XCTAssertEqual(hall.display(date("2026-11-26T16:00:00Z")), "2026-11-27 00:00")
        XCTAssertEqual(hall.display(date("2026-11-26T20:05:00Z")), "2026-11-27 04:05")
        XCTAssertEqual(hall.display(stored: "2026-11-26T01:30:00Z"), "2026-11-26 09:30")
        XCTAssertEqual(hall.display(stored: nil), "")
        XCTAssertEqual(hall.display(stored: "yesterday"), "")
    }

    func testStartOfHallDay() {
        let hall = shanghai()
        XCTAssertEqual(hall.start(of: day("2026-11-27")).timeIntervalSince1970, Double(shanghaiMidnight27))
        XCTAssertEqual(Timestamp.format(hall.start(of: day("2026-01-01"))), "2025-12-31T16:00:00Z")
        for text in ["2024-02-29", "2025-12-31", "2026-01-01", "2026-10-01", "2026-11-27"] {
            let d = day(text)
            let start = hall.start(of: d)
            XCTAssertEqual(hall.day(of: start), d, text)
            XCTAssertEqual(hall.day(of: start.addingTimeInterval(-1)), d.adding(days: -1), text)
            XCTAssertEqual(hall.start(of: d.adding(days: 1)).timeIntervalSince(start), 86_400, text)
        }
    }

    func testStartOfDayInADaylightSavingZone() throws {
        // New York: EST (−5) in January, EDT (−4) in July; days start at local midnight.
        let newYork = try XCTUnwrap(HallTime(identifier: "America/New_York"))
        XCTAssertEqual(Timestamp.format(newYork.start(of: day("2026-01-15"))), "2026-01-15T05:00:00Z")
        XCTAssertEqual(Timestamp.format(newYork.start(of: day("2026-07-01"))), "2026-07-01T04:00:00Z")
    }

    func testWallClock() {
        let fixed = WallClock.fixed(date("2026-11-27T10:00:00Z"))
        XCTAssertEqual(fixed.now.timeIntervalSince1970, Double(friday10Z))
        XCTAssertEqual(shanghai().day(of: fixed.now), day("2026-11-27"))
    }
}
