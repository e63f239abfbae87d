/// The report's figures read from the tallies (`Tallies`): each is the same set of cases as its
/// drill-down's filter, counted by triggers rather than by grouping the cases table.
/// Parameters: ?1 the hall's today, ?2 the department or NULL for the whole hall, ?3/?4 the
/// period's first and last hall day; further ones per query.
struct TallyReader {
    let db: Database
    let arguments: [DatabaseBindable]

    init(db: Database, today: Day, department: String?, first: Day, last: Day) {
        self.db = db
        arguments = [today.description, department, first.description, last.description]
    }

    static let inScope = "(?2 IS NULL OR department = ?2)"

    static let backlogCells = """
        SELECT status, service_code, sum(n) FROM tally_open WHERE \(inScope) GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2
        """
    /// ?5: the key for cases nobody holds.
    static let byClerk = """
        SELECT CASE holder WHEN '' THEN ?5 ELSE holder END, sum(n) FROM tally_open WHERE \(inScope)
        GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1
        """
    static let byChannel = """
        SELECT channel, sum(n) FROM tally_open WHERE \(inScope) GROUP BY 1 HAVING sum(n) > 0 ORDER BY 2 DESC, 1
        """
    /// The levels as `CaseQueries.levelCondition` has them, over running clocks' marks.
    static let levels = """
        SELECT coalesce(sum(CASE WHEN due_on < ?1 THEN n END), 0),
               coalesce(sum(CASE WHEN red_on <= ?1 AND due_on >= ?1 THEN n END), 0),
               coalesce(sum(CASE WHEN yellow_on <= ?1 AND red_on > ?1 THEN n END), 0),
               coalesce(sum(CASE WHEN status = 'submitted' AND due_on < ?1 THEN n END), 0)
        FROM tally_running WHERE \(inScope)
        """
    /// Cases counted on the period's days, by kind and detail: an event counts only when the
    /// case's previous one of its kind came before the period (`EventTally`).
    static let periodTotals = """
        SELECT kind, detail, sum(n) FROM tally_days WHERE kind IN (?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
        AND day >= ?3 AND day <= ?4 AND since < ?3 AND \(inScope) GROUP BY 1, 2 HAVING sum(n) > 0
        """
    static let perDay = """
        SELECT kind, day, sum(n) FROM tally_days WHERE kind IN ('intake', 'completed') AND day >= ?3 AND day <= ?4
        AND \(inScope) GROUP BY 1, 2 HAVING sum(n) > 0
        """
    /// ?5…?8: the first submission day of the four youngest buckets.
    static let aging = """
        SELECT CASE WHEN day >= ?5 THEN 0 WHEN day >= ?6 THEN 1 WHEN day >= ?7 THEN 2 WHEN day >= ?8 THEN 3 ELSE 4 END,
               sum(n)
        FROM tally_open_days WHERE \(inScope) GROUP BY 1
        """

    func rows(_ sql: String, _ extra: [DatabaseBindable] = []) throws -> [Row] {
        try db.query(sql, arguments: arguments + extra, allowingUnused: true)
    }

    func counts(_ sql: String, _ extra: [DatabaseBindable] = []) throws -> [Report.Count] {
        try rows(sql, extra).map { Report.Count(key: $0.string(at: 0), count: $0.int(at: 1)) }
    }

    func backlogCells() throws -> [Report.StatusServiceCount] {
        try rows(Self.backlogCells).map {
            Report.StatusServiceCount(status: $0.string(at: 0), service: $0.string(at: 1), count: $0.int(at: 2))
        }
    }

    struct Levels {
        var overdue = 0, red = 0, yellow = 0, acceptanceOverdue = 0
    }

    func levels() throws -> Levels {
        guard let row = try rows(Self.levels).first else { return Levels() }
        return Levels(overdue: row.int(at: 0), red: row.int(at: 1), yellow: row.int(at: 2), acceptanceOverdue: row.int(at: 3))
    }

    static let periodKinds = ["intake", "decided", "decided_on_time", "completed", "completed_online", "rejected", "denied",
                              "extended", "asked_again", "rated"]

    /// Cases per kind and detail over the period.
    func periodTotals() throws -> [String: [String: Int]] {
        var totals: [String: [String: Int]] = [:]
        for row in try rows(Self.periodTotals, Self.periodKinds) {
            totals[row.string(at: 0), default: [:]][row.string(at: 1)] = row.int(at: 2)
        }
        return totals
    }

    /// Cases per day of the period for `intake` and `completed`.
    func perDay() throws -> [String: [Report.Count]] {
        var days: [String: [Report.Count]] = [:]
        for row in try rows(Self.perDay) {
            days[row.string(at: 0), default: []].append(Report.Count(key: row.string(at: 1), count: row.int(at: 2)))
        }
        return days
    }

    /// Open cases per aging bucket; `youngestDays` are the first submission days of buckets 0…3.
    func aging(youngestDays: [String]) throws -> [Report.Count] {
        let counted = try rows(Self.aging, youngestDays)
        let byBucket = Dictionary(counted.map { ($0.int(at: 0), $0.int(at: 1)) }, uniquingKeysWith: +)
        return AgingBucket.allCases.map { Report.Count(key: $0.label, count: byBucket[$0.rawValue] ?? 0) }
    }
}
