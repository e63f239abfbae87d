import Foundation

/// Computes a `Report` inside one read transaction, so every figure comes from the same snapshot.
/// Figures that stand for a set of cases count exactly the cases of the filter the dashboard
/// drills into (`ReportScope.filter(for:)`): most from the tallies triggers keep (`Tallies`),
/// the rest from index ranges of the period.
public struct ReportBuilder {
    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    public func build(period: ReportPeriod = .days(30), department: String? = nil) throws -> Report {
        let scope = ReportScope(store: store, period: period, department: department)
        let db = store.db
        let today = scope.today
        // ?1 today, ?2 department or NULL for all, ?3/?4 the period's instants.
        let parameters: [DatabaseBindable] = [today.description, department, scope.period.from, scope.period.before]
        let tallies = TallyReader(db: db, today: today, department: department, first: scope.first, last: scope.last)

        return try db.read {
            func rows(_ sql: String, _ extra: [DatabaseBindable] = []) throws -> [Row] {
                try db.query(sql, arguments: parameters + extra, allowingUnused: true)
            }
            func oldest(_ status: CaseStatus) throws -> String? {
                try rows(Self.oldest(status)).first.map { $0.string(at: 0) }
            }

            let cells = try tallies.backlogCells()
            let byStatus = Self.totals(cells.map { ($0.status, $0.count) })
            func open(_ status: CaseStatus) -> Int { byStatus.first { $0.key == status.rawValue }?.count ?? 0 }
            let levels = try tallies.levels()
            let totals = try tallies.periodTotals()
            func total(_ kind: String, _ detail: String = "") -> Int { totals[kind]?[detail] ?? 0 }
            let days = try tallies.perDay()
            let firstResponses = try FirstResponses.hours(in: db, arguments: parameters)
            let decided = total("decided")
            let decidedOnTime = total("decided_on_time")
            let completed = total("completed")
            let completedOnline = total("completed_online")

            return Report(
                generatedAt: Timestamp.format(store.clock.now), periodStart: scope.first, periodEnd: scope.last,
                department: department,
                openTotal: byStatus.reduce(0) { $0 + $1.count }, byStatus: byStatus,
                byService: Self.totals(cells.map { ($0.service, $0.count) }),
                byStatusAndService: cells,
                byClerk: try tallies.counts(TallyReader.byClerk, [Report.unassigned]),
                byChannel: try tallies.counts(TallyReader.byChannel),
                aging: try tallies.aging(youngestDays: agingDays(scope)),
                overdue: levels.overdue, red: levels.red, yellow: levels.yellow,
                acceptanceOverdue: levels.acceptanceOverdue,
                awaitingMaterials: open(.awaitingMaterials),
                oldestAwaitingMaterials: try oldest(.awaitingMaterials),
                suspended: open(.suspended),
                oldestSuspended: try oldest(.suspended),
                failedRepliesPermanent: try rows(Self.failedReplies).first?.int(at: 0) ?? 0,
                failedRepliesRetrying: try rows(Self.failedReplies).first?.int(at: 1) ?? 0,
                intake: total("intake"),
                intakePerDay: perDay(days["intake"] ?? [], scope.first, scope.last),
                completedPerDay: perDay(days["completed"] ?? [], scope.first, scope.last),
                firstResponseMedianHours: Statistics.percentile(firstResponses, 50),
                firstResponseP90Hours: Statistics.percentile(firstResponses, 90),
                decided: decided, decidedOnTime: decidedOnTime,
                onTimeRate: decided == 0 ? nil : Double(decidedOnTime) / Double(decided),
                completed: completed, completedOnline: completedOnline,
                onlineCompletionRate: completed == 0 ? nil : Double(completedOnline) / Double(completed),
                rejectionsByReason: try reasons(.reject, totals["rejected"] ?? [:]),
                denialsByReason: try reasons(.deny, totals["denied"] ?? [:]),
                repeatedMaterialsRequests: total("asked_again"),
                acceptanceBreaches: levels.acceptanceOverdue + (try breachesAnsweredLate(rows)),
                extensionsGranted: total("extended"),
                ratingsGood: total("rated", Rating.good.rawValue), ratingsFair: total("rated", Rating.fair.rawValue),
                ratingsPoor: total("rated", Rating.poor.rawValue),
                poorWithoutFollowUp: try rows(Self.poorWithoutFollowUp).map { $0.string(at: 0) },
                appointments: try AppointmentFigures.read(store.db, hallTime: store.hallTime, now: store.clock.now,
                                                          graceMinutes: try BookingRules.load(from: store).graceMinutes, from: scope.first, through: scope.last,
                                                          department: department)
            )
        }
    }

    /// The case waiting longest in `status`: awaiting materials since the request (its last
    /// change), or suspended since the suspension. The planner would rather sort every case of the
    /// status from the status index; the partial index holds them in waiting order already.
    static func oldest(_ status: CaseStatus) -> String {
        let (column, index) = status == .suspended ? ("paused_since", "cases_paused_since") : ("updated_at", "cases_waiting_since")
        return "SELECT number FROM cases INDEXED BY \(index) WHERE status = '\(status.rawValue)' "
            + "AND (?2 IS NULL OR department = ?2) ORDER BY \(column), id LIMIT 1"
    }

    /// Cases, not replies: each figure equals its drill-down (`ReportScope.filter(for:)`).
    static let failedReplies = """
        SELECT coalesce(sum(permanent > 0), 0), coalesce(sum(retrying > 0), 0)
        FROM failed_reply_cases WHERE (?2 IS NULL OR department = ?2)
        """

    static let poorWithoutFollowUp = """
        SELECT number FROM poor_rating_queue WHERE (?2 IS NULL OR department = ?2) ORDER BY number
        """

    /// The breach figure is the union of cases answered late in the period and cases still
    /// unanswered past their limit now (`acceptanceOverdue`, from the tally). This counts the
    /// first part less the second: the period's few flagged events, each case looked up once.
    static let breachesAnsweredLate = """
        SELECT count(DISTINCT h.case_id) FROM history h JOIN cases c ON c.id = h.case_id
        WHERE h.at >= ?3 AND h.at < ?4 AND +h.action IN ('accept', 'request-materials', 'reject')
          AND \(FigureConditions.flagged("acceptance_breached"))
          AND NOT (c.status = 'submitted' AND coalesce(c.due_on < ?1, 0)) AND (?2 IS NULL OR c.department = ?2)
        """

    func breachesAnsweredLate(_ rows: (String, [DatabaseBindable]) throws -> [Row]) throws -> Int {
        try rows(Self.breachesAnsweredLate, []).first?.int(at: 0) ?? 0
    }

    /// The first submission day of each of the four youngest aging buckets: the buckets' instant
    /// ranges start at hall days, so they are ranges of the submission days the tally keeps.
    func agingDays(_ scope: ReportScope) -> [String] {
        AgingBucket.allCases.dropLast().map { bucket in
            let from = scope.agingRanges[bucket]?.from ?? "0000"
            // "0000" (no working day that far back) stays as it is: before every day.
            return Timestamp.parse(from).map { scope.hallTime.day(of: $0).description } ?? from
        }
    }

    /// Sums cells into totals, largest first.
    /// The period's rejections or denials by standard reason, most first, each with its name (a
    /// reason a later catalog left out keeps its name); free text as "other reasons".
    func reasons(_ action: CaseAction, _ byCode: [String: Int]) throws -> [Report.ReasonCount] {
        let names = try CatalogReader.reasonNames(action, in: store.db)
        return byCode.map { code, count in
            code.isEmpty ? Report.ReasonCount(key: Report.otherReasons, count: count, name: Report.otherReasonsName)
                : Report.ReasonCount(key: code, count: count, name: names[code] ?? Bilingual(en: code, zh: code))
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }

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
