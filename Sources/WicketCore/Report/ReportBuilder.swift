import Foundation

/// Computes a `Report` inside one read transaction, so every figure comes from the same snapshot.
/// Figures that stand for a set of cases count the very filter the dashboard drills into
/// (`ReportScope.filter(for:)`); tables come from a few grouped queries.
public struct ReportBuilder {
    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    /// The department condition for rows keyed by a case id: nothing at all for the whole hall,
    /// so the whole-hall figures never look cases up one by one.
    func departmentOf(_ caseID: String, _ department: String?) -> String {
        department == nil ? "" : "AND \(caseID) IN (SELECT id FROM cases WHERE department = ?2)"
    }

    public func build(period: ReportPeriod = .days(30), department: String? = nil) throws -> Report {
        let scope = ReportScope(store: store, period: period, department: department)
        let db = store.db
        let today = scope.today
        let open = CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        // ?1 today, ?2 department or NULL for all, ?3/?4 the period's instants.
        let inScope = "(?2 IS NULL OR department = ?2)"
        let openWhere = "status IN (\(open)) AND \(inScope)"
        let inPeriod = { (column: String) in "\(column) >= ?3 AND \(column) < ?4 AND \(inScope)" }
        let offset = store.hallTime.timeZone.secondsFromGMT(for: store.clock.now)
        let localDay = { (column: String) in "date(\(column), '\(offset >= 0 ? "+" : "")\(offset) seconds')" }
        let parameters: [DatabaseBindable] = [today.description, department, scope.period.from, scope.period.before]

        return try db.read {
            func rows(_ sql: String, _ extra: [DatabaseBindable] = []) throws -> [Row] {
                try db.query(sql, arguments: parameters + extra, allowingUnused: true)
            }
            func counts(_ sql: String, _ extra: [DatabaseBindable] = []) throws -> [Report.Count] {
                try rows(sql, extra).map { Report.Count(key: $0.string(at: 0), count: $0.int(at: 1)) }
            }
            func count(_ figure: ReportFigure) throws -> Int {
                try CaseQueries.count(scope.filter(for: figure), in: store)
            }
            func oldest(_ status: CaseStatus, by column: String) throws -> String? {
                // The status written in (a word of the code, not input), so its partial index serves it.
                try rows("SELECT number FROM cases WHERE status = '\(status.rawValue)' AND \(inScope) ORDER BY \(column), id LIMIT 1")
                    .first.map { $0.string(at: 0) }
            }

            let cells = try rows("""
                SELECT status, service_code, count(*) FROM cases WHERE \(openWhere) GROUP BY 1, 2 ORDER BY 1, 2
                """).map { Report.StatusServiceCount(status: $0.string(at: 0), service: $0.string(at: 1), count: $0.int(at: 2)) }
            let byStatus = Self.totals(cells.map { ($0.status, $0.count) })
            let aging = try agingBuckets(scope, openWhere: openWhere, rows: rows)
            let firstResponses = try rows("""
                SELECT (strftime('%s', first_response_at) - strftime('%s', submitted_at)) / 3600.0 FROM cases
                WHERE first_response_at IS NOT NULL AND \(inPeriod("submitted_at")) ORDER BY 1
                """).map { $0.double(at: 0) }
            let decided = try count(.decided)
            let decidedOnTime = try count(.decidedOnTime)
            let completed = try count(.completed)
            let completedOnline = try count(.completedOnline)
            let ratings = try counts("""
                SELECT r.rating, count(DISTINCT r.case_id) FROM ratings r
                WHERE r.rated_at >= ?3 AND r.rated_at < ?4 \(departmentOf("r.case_id", department)) GROUP BY 1
                """)
            func rated(_ rating: Rating) -> Int { ratings.first { $0.key == rating.rawValue }?.count ?? 0 }

            return Report(
                generatedAt: Timestamp.format(store.clock.now), periodStart: scope.first, periodEnd: scope.last,
                department: department,
                openTotal: byStatus.reduce(0) { $0 + $1.count }, byStatus: byStatus,
                byService: Self.totals(cells.map { ($0.service, $0.count) }),
                byStatusAndService: cells,
                byClerk: try counts("""
                    SELECT coalesce(holder, ?5), count(*) FROM cases WHERE \(openWhere) GROUP BY 1 ORDER BY 2 DESC, 1
                    """, [Report.unassigned]),
                byChannel: try counts("SELECT channel, count(*) FROM cases WHERE \(openWhere) GROUP BY 1 ORDER BY 2 DESC, 1"),
                aging: aging,
                overdue: try count(.overdue), red: try count(.red), yellow: try count(.yellow),
                acceptanceOverdue: try count(.acceptanceOverdue),
                awaitingMaterials: try count(.awaitingMaterials),
                // Waiting longest for the applicant: the request (its last change) furthest back.
                oldestAwaitingMaterials: try oldest(.awaitingMaterials, by: "updated_at"),
                suspended: try count(.suspended),
                oldestSuspended: try oldest(.suspended, by: "paused_since"),
                intake: try count(.intake),
                intakePerDay: perDay(try counts("""
                    SELECT \(localDay("submitted_at")), count(*) FROM cases WHERE \(inPeriod("submitted_at")) GROUP BY 1
                    """), scope.first, scope.last),
                completedPerDay: perDay(try counts("""
                    SELECT \(localDay("closed_at")), count(*) FROM cases
                    WHERE +status = 'completed' AND \(inPeriod("closed_at")) GROUP BY 1
                    """), scope.first, scope.last),
                firstResponseMedianHours: Statistics.percentile(firstResponses, 50),
                firstResponseP90Hours: Statistics.percentile(firstResponses, 90),
                decided: decided, decidedOnTime: decidedOnTime,
                onTimeRate: decided == 0 ? nil : Double(decidedOnTime) / Double(decided),
                completed: completed, completedOnline: completedOnline,
                onlineCompletionRate: completed == 0 ? nil : Double(completedOnline) / Double(completed),
                rejectionsByReason: try counts("""
                    SELECT h.reason, count(DISTINCT h.case_id) FROM history h
                    WHERE h.action = 'reject' AND h.at >= ?3 AND h.at < ?4 \(departmentOf("h.case_id", department))
                    GROUP BY 1 ORDER BY 2 DESC, 1
                    """),
                repeatedMaterialsRequests: try count(.repeatedMaterialsRequests),
                acceptanceBreaches: try count(.acceptanceBreaches),
                extensionsGranted: try count(.extensionsGranted),
                ratingsGood: rated(.good), ratingsFair: rated(.fair), ratingsPoor: rated(.poor),
                poorWithoutFollowUp: try rows("""
                    SELECT c.number FROM cases c WHERE \(inScope) AND c.id IN
                        (SELECT case_id FROM ratings WHERE rating = 'poor' AND follow_up IS NULL)
                    ORDER BY c.number
                    """).map { $0.string(at: 0) }
            )
        }
    }

    /// One grouped query: each open case falls in the bucket whose submission instants hold it.
    func agingBuckets(_ scope: ReportScope, openWhere: String,
                      rows: (String, [DatabaseBindable]) throws -> [Row]) throws -> [Report.Count] {
        var extra: [DatabaseBindable] = []
        let cases = AgingBucket.allCases.dropLast().map { bucket -> String in
            // Buckets run youngest first, so each needs only its lower edge.
            extra.append(scope.agingRanges[bucket]?.from)
            return "WHEN submitted_at >= ?\(4 + extra.count) THEN \(bucket.rawValue)"
        }
        let counted = try rows("""
            SELECT CASE \(cases.joined(separator: " ")) ELSE \(AgingBucket.over15.rawValue) END, count(*)
            FROM cases WHERE \(openWhere) GROUP BY 1
            """, extra)
        let byBucket = Dictionary(counted.map { ($0.int(at: 0), $0.int(at: 1)) }, uniquingKeysWith: +)
        return AgingBucket.allCases.map { Report.Count(key: $0.label, count: byBucket[$0.rawValue] ?? 0) }
    }

    /// Sums cells into totals, largest first.
    static func totals(_ cells: [(String, Int)]) -> [Report.Count] {
        Dictionary(cells, uniquingKeysWith: +).map { Report.Count(key: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
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
