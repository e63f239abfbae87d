import Foundation

/// The hall zone's offset from UTC over time, as a table triggers can read: SQLite knows no time
/// zones, yet a tally must put each instant on the hall day `HallTime.day(of:)` gives it, or a
/// day's figure would not match the cases its drill-down lists. One row per offset change
/// (daylight saving, a zone's rule change) from 1970 to 2100; a zone without changes has one.
enum HallDayShifts {
    static let table = """
    CREATE TABLE tally_day_shifts (
        since TEXT PRIMARY KEY,   -- stored instant from which the shift holds ('' for the first)
        shift TEXT NOT NULL       -- a date() modifier such as '+28800 seconds'
    ) WITHOUT ROWID;
    """

    /// The rows for `zone`: each change found week by week, then to the second.
    static func rows(for zone: TimeZone) -> [(since: String, shift: String)] {
        func offset(_ second: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second))) }
        func shift(_ seconds: Int) -> String { "\(seconds >= 0 ? "+" : "")\(seconds) seconds" }
        let week = 7 * 86_400
        let end = 4_102_444_800   // 2100-01-01
        var rows = [(since: "", shift: shift(offset(0)))]
        var at = 0
        while at < end {
            let next = at + week
            if offset(next) != offset(at) {
                // One change a week at most: find its first second.
                var (low, high) = (at, next)
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if offset(middle) == offset(at) { low = middle } else { high = middle }
                }
                rows.append((Timestamp.format(epochSeconds: high), shift(offset(high))))
            }
            at = next
        }
        return rows
    }

    /// Replaces the table's rows with `zone`'s.
    static func write(_ zone: TimeZone, into db: Database) throws {
        try db.execute("DELETE FROM tally_day_shifts")
        for row in rows(for: zone) {
            try db.execute("INSERT INTO tally_day_shifts(since, shift) VALUES (?, ?)", row.since, row.shift)
        }
    }

    /// Whether the table holds `zone`'s offsets (`wicket check`: the zone setting changed around Wicket).
    static func matches(_ zone: TimeZone, in db: Database) throws -> Bool {
        let stored = try db.query("SELECT since, shift FROM tally_day_shifts ORDER BY since").map { ($0.string(at: 0), $0.string(at: 1)) }
        let wanted = rows(for: zone)
        return stored.count == wanted.count && zip(stored, wanted).allSatisfy { $0.0 == $1.since && $0.1 == $1.shift }
    }

    /// The hall zone as the settings name it.
    static func zone(in db: Database) throws -> TimeZone {
        let name = try db.scalarString("SELECT value FROM settings WHERE key = 'timezone'") ?? HallTime.defaultIdentifier
        return (HallTime(identifier: name) ?? HallTime(identifier: HallTime.defaultIdentifier)!).timeZone
    }
}
