import Foundation

/// Computes a `Report` with a handful of grouped queries inside one read transaction,
/// so every figure comes from the same snapshot.
public struct ReportBuilder {
    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    public func build(period: ReportPeriod = .days(30), department: String? = nil) throws -> Report {
        let db = store.db
        let today = store.today
        let (first, last) = period.range(today: today)
        let from = Timestamp.format(store.hallTime.start(of: first))
        let until = Timestamp.format(store.hallTime.start(of: last.adding(days: 1)))
        let open = CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        // ?1 today, ?2 department or NULL for all, ?3/?4 the period's instants.
        let scope = "(?2 IS NULL OR department = ?2)"
        let offset = store.hallTime.timeZone.secondsFromGMT(for: store.clock.now)
        let localDay = "date(%@, '\(offset >= 0 ? "+" : "")\(offset) seconds')"

        let parameters: [DatabaseBindable] = [today.description, department, from, until]
        return try db.read {
            func counts(_ sql: String) throws -> [Report.Count] {
                try db.query(sql, arguments: parameters, allowingUnused: true).map {
                    Report.Count(key: $0.string(at: 0), count: $0.int(at: 1))
                }
            }
            func number(_ sql: String) throws -> Int {
                try db.query(sql, arguments: parameters, allowingUnused: true).first?.int(at: 0) ?? 0
            }
            func text(_ sql: String) throws -> String? {
                try db.query(sql, arguments: parameters, allowingUnused: true).first.map { $0.string(at: 0) }
            }
            let openWhere = "status IN (\(open)) AND \(scope)"
            let inPeriod = { (column: String) in "\(column) >= ?3 AND \(column) < ?4 AND \(scope)" }

            let byStatus = try counts("SELECT status, count(*) FROM cases WHERE \(openWhere) GROUP BY status ORDER BY 2 DESC, 1")
            let aging = try agingBuckets(try counts("""
                SELECT \(String(format: localDay, "submitted_at")), count(*) FROM cases WHERE \(openWhere) GROUP BY 1
                """), today: today)
            let firstResponses = try db.query("""
                SELECT (strftime('%s', first_response_at) - strftime('%s', submitted_at)) / 3600.0 FROM cases
                WHERE first_response_at IS NOT NULL AND \(inPeriod("submitted_at"))
                ORDER BY 1
                """, arguments: parameters, allowingUnused: true).map { $0.double(at: 0) }
            let decided = try number("SELECT count(*) FROM cases WHERE decided_at IS NOT NULL AND \(inPeriod("decided_at"))")
            let decidedOnTime = try number("SELECT count(*) FROM cases WHERE decided_on_time = 1 AND \(inPeriod("decided_at"))")
            let completed = try number("SELECT count(*) FROM cases WHERE status = 'completed' AND \(inPeriod("closed_at"))")
            let completedOnline = try number("""
                SELECT count(*) FROM cases WHERE status = 'completed' AND window_visit = 0 AND \(inPeriod("closed_at"))
                """)
            let historyInPeriod = "h.at >= ?3 AND h.at < ?4 AND (?2 IS NULL OR c.department = ?2)"
            let ratings = try counts("""
                SELECT r.rating, count(*) FROM ratings r JOIN cases c ON c.id = r.case_id
                WHERE r.rated_at >= ?3 AND r.rated_at < ?4 AND (?2 IS NULL OR c.department = ?2)
                GROUP BY r.rating
                """)
            func rating(_ r: Rating) -> Int { ratings.first { $0.key == r.rawValue }?.count ?? 0 }

            return Report(
                generatedAt: Timestamp.format(store.clock.now), periodStart: first, periodEnd: last, department: department,
                openTotal: byStatus.reduce(0) { $0 + $1.count }, byStatus: byStatus,
                byService: try counts("SELECT service_code, count(*) FROM cases WHERE \(openWhere) GROUP BY 1 ORDER BY 2 DESC, 1"),
                byClerk: try counts("""
                    SELECT coalesce(holder, '(unassigned)'), count(*) FROM cases WHERE \(openWhere) GROUP BY 1 ORDER BY 2 DESC, 1
                    """),
                byChannel: try counts("SELECT channel, count(*) FROM cases WHERE \(openWhere) GROUP BY 1 ORDER BY 2 DESC, 1"),
                aging: aging,
                overdue: try number("SELECT count(*) FROM cases WHERE \(openWhere) AND due_on < ?1"),
                red: try number("SELECT count(*) FROM cases WHERE \(openWhere) AND red_on <= ?1 AND due_on >= ?1"),
                yellow: try number("SELECT count(*) FROM cases WHERE \(openWhere) AND yellow_on <= ?1 AND red_on > ?1"),
                acceptanceOverdue: try number("SELECT count(*) FROM cases WHERE \(openWhere) AND status = 'submitted' AND due_on < ?1"),
                awaitingMaterials: try number("SELECT count(*) FROM cases WHERE \(openWhere) AND status = 'awaiting_materials'"),
                oldestAwaitingMaterials: try text("""
                    SELECT number FROM cases WHERE \(openWhere) AND status = 'awaiting_materials' ORDER BY updated_at, id LIMIT 1
                    """),
                suspended: try number("SELECT count(*) FROM cases WHERE \(openWhere) AND status = 'suspended'"),
                oldestSuspended: try text("""
                    SELECT number FROM cases WHERE \(openWhere) AND status = 'suspended' ORDER BY paused_since, id LIMIT 1
                    """),
                intakePerDay: perDay(try counts("""
                    SELECT \(String(format: localDay, "submitted_at")), count(*) FROM cases WHERE \(inPeriod("submitted_at")) GROUP BY 1
                    """), first, last),
                completedPerDay: perDay(try counts("""
                    SELECT \(String(format: localDay, "closed_at")), count(*) FROM cases
                    WHERE status = 'completed' AND \(inPeriod("closed_at")) GROUP BY 1
                    """), first, last),
                firstResponseMedianHours: Statistics.percentile(firstResponses, 50),
                firstResponseP90Hours: Statistics.percentile(firstResponses, 90),
                decided: decided, decidedOnTime: decidedOnTime,
                onTimeRate: decided == 0 ? nil : Double(decidedOnTime) / Double(decided),
                completed: completed, completedOnline: completedOnline,
                onlineCompletionRate: completed == 0 ? nil : Double(completedOnline) / Double(completed),
                rejectionsByReason: try counts("""
                    SELECT h.reason, count(*) FROM history h JOIN cases c ON c.id = h.case_id
                    WHERE h.action = 'reject' AND \(historyInPeriod) GROUP BY 1 ORDER BY 2 DESC, 1
                    """),
                repeatedMaterialsRequests: try number("""
                    SELECT count(*) FROM history h JOIN cases c ON c.id = h.case_id
                    WHERE h.action = 'request-materials' AND json_extract(h.details, '$.repeat') = 1 AND \(historyInPeriod)
                    """),
                acceptanceBreaches: try number("""
                    SELECT count(*) FROM history h JOIN cases c ON c.id = h.case_id
                    WHERE json_extract(h.details, '$.acceptance_breached') = 1 AND \(historyInPeriod)
                    """) + (try number("SELECT count(*) FROM cases WHERE \(openWhere) AND status = 'submitted' AND due_on < ?1")),
                extensionsGranted: try number("""
                    SELECT count(*) FROM history h JOIN cases c ON c.id = h.case_id WHERE h.action = 'extend' AND \(historyInPeriod)
                    """),
                ratingsGood: rating(.good), ratingsFair: rating(.fair), ratingsPoor: rating(.poor),
                poorWithoutFollowUp: try db.query("""
                    SELECT DISTINCT c.number FROM ratings r JOIN cases c ON c.id = r.case_id
                    WHERE r.rating = 'poor' AND r.follow_up IS NULL AND \(scope) ORDER BY c.number
                    """, arguments: parameters, allowingUnused: true).map { $0.string(at: 0) }
            )
        }
    }

    /// Buckets open cases by working days since their submission day, using a running count of
    /// working days so each submission day costs one subtraction.
    func agingBuckets(_ perDay: [Report.Count], today: Day) throws -> [Report.Count] {
        let labels = ["0-1", "2-3", "4-7", "8-15", "16+"]
        var buckets = [Int](repeating: 0, count: labels.count)
        let days = perDay.compactMap { entry in Day(entry.key).map { ($0, entry.count) } }
        if let earliest = days.map(\.0).min() {
            var workingBefore: [Int: Int] = [:]
            var running = 0
            var day = earliest
            while day <= today {
                workingBefore[day.ordinal] = running
                if store.calendar.isWorkingDay(day) { running += 1 }
                day = day.adding(days: 1)
            }
            let total = running - (store.calendar.isWorkingDay(today) ? 1 : 0)
            for (submitted, count) in days {
                let age = max(0, total - (workingBefore[submitted.ordinal] ?? total))
                let index = age <= 1 ? 0 : age <= 3 ? 1 : age <= 7 ? 2 : age <= 15 ? 3 : 4
                buckets[index] += count
            }
        }
        return zip(labels, buckets).map { Report.Count(key: $0, count: $1) }
    }

    /// Fills days with no events, so a chart has one bar per day.
    func perDay(_ counts: [Report.Count], _ first: Day, _ last: Day) -> [Report.Count] {
        let byDay = Dictionary(counts.map { ($0.key, $0.count) }, uniquingKeysWith: +)
        return (first.ordinal...last.ordinal).map {
            let key = Day(ordinal: $0).description
            return Report.Count(key: key, count: byDay[key] ?? 0)
        }
    }
}

enum Statistics {
    /// Nearest-rank percentile of sorted values; nil when there are none.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }
}
