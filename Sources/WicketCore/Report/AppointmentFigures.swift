import Foundation

/// The appointments' figures for a report period (slots on its days) and department: bookings,
/// arrival and no-show rates over the slots that have passed, the wait from arrival to the call
/// (median and 90th percentile), and how many were called within their slot.
public struct AppointmentFigures: Sendable, Codable, Equatable {
    /// Bookings for slots in the period, cancelled ones left out.
    public let bookings: Int
    public let cancelled: Int
    /// Of the bookings whose slot is settled (arrived, served or a no-show): who came, who did not.
    public let arrived: Int
    public let noShows: Int
    public let arrivalRate: Double?
    public let noShowRate: Double?
    /// Minutes from check-in to the call, over those called.
    public let waitMedianMinutes: Double?
    public let waitP90Minutes: Double?
    public let called: Int
    /// Called before their slot ended.
    public let servedWithinSlot: Int
    public let servedWithinSlotRate: Double?

    /// A booking still `booked` after its slot and the grace period is counted as the no-show it
    /// is (the report only reads; the next list, board or sweep records it).
    static func read(_ db: Database, hallTime: HallTime, now: Date, graceMinutes: Int, from first: Day, through last: Day,
                     department: String?) throws -> AppointmentFigures {
        var sql = """
            SELECT status, slot_day, slot_end, arrived_at, called_at FROM bookings WHERE slot_day BETWEEN ? AND ?
            """
        var arguments: [DatabaseBindable] = [first.description, last.description]
        if let department {
            sql += " AND department = ?"
            arguments.append(department)
        }
        var counts: [String: Int] = [:]
        var waits: [Double] = []
        var within = 0
        for row in try db.query(sql, arguments: arguments) {
            var status = row.string("status")
            if status == "booked", let day = Day(row.string("slot_day")),
               hallTime.start(of: day).addingTimeInterval(Double((row.int("slot_end") + graceMinutes) * 60)) <= now {
                status = "no_show"
            }
            counts[status, default: 0] += 1
            guard let arrived = row.optionalString("arrived_at").flatMap(Timestamp.parse),
                  let called = row.optionalString("called_at").flatMap(Timestamp.parse), let day = Day(row.string("slot_day")) else { continue }
            waits.append(max(0, called.timeIntervalSince(arrived) / 60))
            if called <= hallTime.start(of: day).addingTimeInterval(Double(row.int("slot_end") * 60)) { within += 1 }
        }
        let cancelled = counts["cancelled"] ?? 0
        let arrived = (counts["arrived"] ?? 0) + (counts["serving"] ?? 0) + (counts["done"] ?? 0)
        let noShows = counts["no_show"] ?? 0
        let settled = arrived + noShows
        waits.sort()
        return AppointmentFigures(
            bookings: counts.values.reduce(0, +) - cancelled, cancelled: cancelled, arrived: arrived, noShows: noShows,
            arrivalRate: settled == 0 ? nil : Double(arrived) / Double(settled),
            noShowRate: settled == 0 ? nil : Double(noShows) / Double(settled),
            waitMedianMinutes: Statistics.percentile(waits, 50), waitP90Minutes: Statistics.percentile(waits, 90),
            called: waits.count, servedWithinSlot: within,
            servedWithinSlotRate: waits.isEmpty ? nil : Double(within) / Double(waits.count))
    }

    /// As the synthesized encoding, but an absent value is null, never left out (README "JSON output").
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label else { continue }
            if let value = child.value as? Int { try container.encode(value, forKey: Key(stringValue: label)) }
            else if let value = child.value as? Double? { try container.encode(value, forKey: Key(stringValue: label)) }
        }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The report's rows of this section (CSV keys stable, labels in both languages).
    var rows: [ReportRow] {
        let none = Bilingual(en: "-", zh: "无")
        func row(_ key: String, _ zh: String, _ value: Int) -> ReportRow {
            ReportRow(.appointments, key: key, value: String(value), label: Bilingual(en: key, zh: zh))
        }
        func rate(_ key: String, _ zh: String, _ value: Double?) -> ReportRow {
            ReportRow(.appointments, key: key, value: Report.decimal(value), label: Bilingual(en: key, zh: zh),
                      shown: value == nil ? none : nil)
        }
        return [
            row("bookings", "预约", bookings), row("cancelled", "已取消", cancelled), row("arrived", "到场", arrived),
            row("no-shows", "爽约", noShows), rate("arrival rate", "到场率", arrivalRate), rate("no-show rate", "爽约率", noShowRate),
            rate("wait median minutes", "等候中位数（分钟）", waitMedianMinutes), rate("wait p90 minutes", "等候 p90（分钟）", waitP90Minutes),
            row("called", "已叫号", called), row("served within slot", "时段内办理", servedWithinSlot),
            rate("served within slot rate", "时段内办理率", servedWithinSlotRate),
        ]
    }
}
