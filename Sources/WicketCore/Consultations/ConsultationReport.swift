import Foundation

/// The consultations' figures for a period (domain.md "Consultations"; issue 14): of the questions
/// received in the period — a cohort, so each figure is a share of the first — how many were
/// answered, answered on time, are late (answered after their due instant, or still open past
/// it now), were turned into applications; per channel and per department; and the time to the
/// first answer in working hours (median, p90), counted on the response clock's calendar.
public struct ConsultationReport: Sendable, Codable, Equatable {
    public struct Figures: Sendable, Codable, Equatable {
        public var key: String
        public var received = 0
        public var answered = 0
        public var answeredOnTime = 0
        public var late = 0
        public var converted = 0
    }

    public let periodStart: Day
    public let periodEnd: Day
    public let department: String?
    public let total: Figures
    public let byChannel: [Figures]
    public let byDepartment: [Figures]
    public let firstAnswerMedianHours: Double?
    public let firstAnswerP90Hours: Double?

    /// Limited like every report (`CaseAccess.department(requested:)` decides `department`).
    public static func build(store: CaseStore, period: ReportPeriod = .days(30), department: String? = nil) throws -> ConsultationReport {
        let (first, last) = period.range(today: store.today)
        let from = Timestamp.format(store.hallTime.start(of: first))
        let before = Timestamp.format(store.hallTime.start(of: last.adding(days: 1)))
        let now = store.clock.now
        let clock = store.responseClock
        var total = Figures(key: "total")
        var channels: [String: Figures] = [:]
        var departments: [String: Figures] = [:]
        var hours: [Double] = []
        try store.db.read {
            try store.db.forEachRow("""
                SELECT channel, department, status, asked_at, due_at, answered_at, answered_on_time FROM consultations
                WHERE asked_at >= ? AND asked_at < ? AND (?3 IS NULL OR department = ?3)
                """, arguments: [from, before, department]) { row in
                let answeredAt = row.optionalString("answered_at")
                let onTime = row.optionalInt("answered_on_time") == 1
                let due = row.optionalString("due_at").flatMap(Timestamp.parse)
                let late = answeredAt != nil ? !onTime : (row.string("status") == "open" && due.map { now > $0 } == true)
                func count(_ figures: inout Figures) {
                    figures.received += 1
                    if answeredAt != nil { figures.answered += 1 }
                    if answeredAt != nil && onTime { figures.answeredOnTime += 1 }
                    if late { figures.late += 1 }
                    if row.string("status") == ConsultationStatus.converted.rawValue { figures.converted += 1 }
                }
                count(&total)
                count(&channels[row.string("channel"), default: Figures(key: row.string("channel"))])
                count(&departments[row.string("department"), default: Figures(key: row.string("department"))])
                if let answered = answeredAt.flatMap(Timestamp.parse), let asked = Timestamp.parse(row.string("asked_at")) {
                    hours.append(Double(clock.workingSeconds(from: asked, to: answered)) / 3600)
                }
            }
        }
        hours.sort()
        return ConsultationReport(periodStart: first, periodEnd: last, department: department, total: total,
                                  byChannel: Channel.allCases.compactMap { channels[$0.rawValue] },
                                  byDepartment: departments.values.sorted { $0.key < $1.key },
                                  firstAnswerMedianHours: Statistics.percentile(hours, 50),
                                  firstAnswerP90Hours: Statistics.percentile(hours, 90))
    }
}

extension ResponseClock {
    /// Working time between two instants, in seconds (0 when `end` is not after `start`).
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var day = hallTime.day(of: start)
        let lastDay = hallTime.day(of: end)
        while day <= lastDay {
            if calendar.isWorkingDay(day) {
                let open = max(start, hallTime.start(of: day))
                let close = min(end, hallTime.start(of: day.adding(days: 1)))
                if close > open { total += close.timeIntervalSince(open) }
            }
            day = day.adding(days: 1)
        }
        return Int(total.rounded())
    }
}
