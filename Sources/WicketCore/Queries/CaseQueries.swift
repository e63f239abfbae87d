import Foundation

/// What an inbox or `wicket list` asks for.
public struct CaseFilter: Sendable, Equatable {
    /// nil: every open case.
    public var statuses: [CaseStatus]?
    public var serviceCode: String?
    public var department: String?
    public var channel: Channel?
    public var holder: String?
    public var unassignedOnly = false
    public var level: Level?
    /// Yellow, red or overdue: the Warnings tab.
    public var warningsOnly = false
    /// Literal text: never FTS or SQL syntax.
    public var search: String?
    /// Only cases with a failed reply nobody has dealt with (`FailedReplyCases`), open or closed:
    /// a failed rejection notice matters as much as any.
    public var failedReplies: FailedReplyKind?
    /// The exact cases behind one dashboard figure (see `ReportFigure`): conditions on the
    /// period's instants, history events and ratings. Empty: no extra condition.
    public var figure = FigureConditions()
    /// The cases of the applicant of this case, itself included (`ApplicantMatcher`): the
    /// workstation's list of one applicant's cases (`O`). Combine with every status.
    public var applicantOf: String?
    public var limit = 50

    public init(statuses: [CaseStatus]? = nil, serviceCode: String? = nil, department: String? = nil,
                channel: Channel? = nil, holder: String? = nil, unassignedOnly: Bool = false, level: Level? = nil,
                search: String? = nil, limit: Int = 50) {
        self.statuses = statuses
        self.serviceCode = serviceCode
        self.department = department
        self.channel = channel
        self.holder = holder
        self.unassignedOnly = unassignedOnly
        self.level = level
        self.search = search
        self.limit = limit
    }
}

/// One inbox row.
public struct CaseSummary: Sendable, Equatable, Codable {
    public let number: String
    public let status: CaseStatus
    public let level: Level
    public let serviceCode: String
    public let department: String
    public let applicantName: String
    public let applicantIDNumber: String
    public let channel: Channel
    public let priority: Priority
    public let submittedAt: String
    public let dueOn: Day?
    public let holder: String?
    public let version: Int
    public let id: Int64
    /// Where the row stands in the inbox order, for the next or previous page.
    public let position: InboxPosition
    /// The worst unresolved failed reply of the case, if it has one (the inbox marks the row).
    public var failedReply: FailedReplyKind?
}

/// Which failed replies a list asks for, or which one a case has: a permanent failure (a clerk
/// must act) outranks one still being retried.
public enum FailedReplyKind: String, Sendable, Equatable, Hashable, Codable {
    case any, permanent, retrying

    /// The condition on `failed_reply_cases` (alias `f`).
    var condition: String {
        switch self {
        case .any: return "1"
        case .permanent: return "f.permanent > 0"
        case .retrying: return "f.retrying > 0"
        }
    }

    /// `cases.id` (`table` is its alias) is a case with such a failed reply: a lookup in the small table.
    func sql(_ table: String) -> String {
        "\(table).id IN (SELECT f.case_id FROM failed_reply_cases f WHERE \(condition))"
    }
}

public enum CaseQueries {
    /// Most urgent first: overdue, red, yellow, then by due day; paused last (the same order as
    /// `UrgencySegments`, for lists filtered by status or level).
    /// Expects the hall's today as parameter ?1.
    static let urgencyOrder = """
        CASE WHEN due_on IS NULL THEN 0 WHEN due_on < ?1 THEN 4 WHEN red_on <= ?1 THEN 3
             WHEN yellow_on <= ?1 THEN 2 ELSE 1 END DESC,
        due_on IS NULL, due_on, id
        """

    static let summaryColumns = """
        number, status, service_code, department, applicant_name, applicant_id_number, channel, priority,
        submitted_at, yellow_on, red_on, due_on, holder, version, id
        """

    /// The inbox row's failed-reply mark: one primary-key lookup per row of the page, never a
    /// look at the case's messages.
    static func failedReplyColumn(_ table: String) -> String {
        "(SELECT CASE WHEN f.permanent > 0 THEN 'permanent' ELSE 'retrying' END FROM failed_reply_cases f "
            + "WHERE f.case_id = \(table).id) AS failed_reply"
    }

    public static func list(_ filter: CaseFilter, in store: CaseStore) throws -> [CaseSummary] {
        try page(filter, in: store).rows
    }

    /// One page of a list in inbox order (at most `filter.limit` rows). Lists read by urgency
    /// segments page in both directions from a row's position; others (a running status, a
    /// dashboard figure) have their first `limit` rows only.
    public static func page(_ filter: CaseFilter, _ request: PageRequest = .first, in store: CaseStore) throws -> CasePage {
        try page(filter, request, in: store, searchThresholds: SearchStrategy.Thresholds())
    }

    static func page(_ filter: CaseFilter, _ request: PageRequest, in store: CaseStore,
                     searchThresholds: SearchStrategy.Thresholds) throws -> CasePage {
        let today = store.today
        let strategy = try SearchStrategy.choose(for: filter.search, in: store, thresholds: searchThresholds)
        let (sql, arguments) = listQuery(filter, page: request, searchStrategy: strategy, store: store)
        var rows = try store.db.query(sql, arguments: arguments).map { summary(from: $0, today: today) }
        guard UrgencySegments.applies(to: filter) else {
            switch request {
            case .first, .last: return CasePage(rows: rows)
            case .after, .before: return CasePage()
            }
        }
        // The segments read one row past the page to tell whether more follow in that direction.
        let more = rows.count > max(1, filter.limit)
        switch request {
        case .first:
            if more { rows.removeLast() }
            return CasePage(rows: rows, moreBefore: false, moreAfter: more)
        case .after(_, let including):
            if more { rows.removeLast() }
            // Rows before the position exist unless it was the list's first; the next page back finds out.
            return CasePage(rows: rows, moreBefore: !including || !rows.isEmpty, moreAfter: more)
        case .before(_, let including):
            if more { rows.removeFirst() }
            return CasePage(rows: rows, moreBefore: more, moreAfter: !including || !rows.isEmpty)
        case .last:
            if more { rows.removeFirst() }
            return CasePage(rows: rows, moreBefore: more, moreAfter: false)
        }
    }

    /// Whether `page` can go beyond the first page of this list.
    public static func pages(_ filter: CaseFilter) -> Bool { UrgencySegments.applies(to: filter) }

    /// Which of these cases a search matches: the workstation marks the matches among the rows
    /// it holds. Each row is tested on its own, so the cost follows the rows, not the hits.
    public static func matches(_ text: String, among ids: [Int64], in store: CaseStore) throws -> Set<Int64> {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !ids.isEmpty else { return [] }
        var arguments: [DatabaseBindable] = []
        let condition = searchCondition(text, strategy: text.count >= 3 ? .eachRow : .substring,
                                        matcher: try? store.db.applicantMatcher()) {
            arguments.append($0)
            return "?\(arguments.count)"
        }
        let list = ids.map(String.init).joined(separator: ", ")
        let rows = try store.db.query("SELECT id FROM cases WHERE id IN (\(list)) AND \(condition)", arguments: arguments)
        return Set(rows.map { Int64($0.int(at: 0)) })
    }

    /// The SQL `page` runs: by urgency segments where they apply, one ordered query otherwise.
    static func listQuery(_ filter: CaseFilter, page: PageRequest = .first, searchStrategy: SearchStrategy = .fewHits,
                          store: CaseStore) -> (String, [DatabaseBindable]) {
        if UrgencySegments.applies(to: filter) {
            return UrgencySegments(store: store).query(filter, today: store.today, page: page, searchStrategy: searchStrategy)
        }
        return query(filter, today: store.today, select: summaryColumns + ", " + failedReplyColumn("cases"), ordered: true,
                     matcher: try? store.db.applicantMatcher())
    }

    static func query(_ filter: CaseFilter, today: Day, select: String, ordered: Bool,
                      matcher: ApplicantMatcher? = nil) -> (String, [DatabaseBindable]) {
        var conditions: [String] = []
        var arguments: [DatabaseBindable] = [today.description]
        func parameter(_ value: DatabaseBindable) -> String {
            arguments.append(value)
            return "?\(arguments.count)"
        }
        let runningLevel = [Level.overdue, .red, .yellow, .normal].contains(filter.level ?? .none)
        if filter.statuses == nil && filter.failedReplies != nil && !filter.warningsOnly && !runningLevel {
            // A failed reply is a clerk's business whatever the case's status: every status.
        } else if (filter.warningsOnly || runningLevel) && filter.statuses == nil {
            // Only running clocks have warning days, and only open cases run: the partial index
            // over running clocks answers this without touching the table.
            conditions.append("due_on IS NOT NULL")
        } else {
            let statuses = filter.statuses ?? Array(CaseStatus.open).sorted { $0.rawValue < $1.rawValue }
            // Every status is no condition at all; written out, it would steer the planner to the
            // status index and away from the period's (submitted_at, decided_at, closed_at).
            if Set(statuses) != Set(CaseStatus.allCases) {
                // A dashboard figure's own range (closed_at, decided_at …) is far narrower than a
                // status such as completed: `+` keeps the planner on the range's index.
                let column = filter.figure.isEmpty ? "status" : "+status"
                conditions.append("\(column) IN (\(statuses.map { parameter($0.rawValue) }.joined(separator: ", ")))")
            }
        }
        if let code = filter.serviceCode { conditions.append("service_code = \(parameter(code))") }
        if let department = filter.department { conditions.append("department = \(parameter(department))") }
        if let channel = filter.channel { conditions.append("channel = \(parameter(channel.rawValue))") }
        if let holder = filter.holder { conditions.append("holder = \(parameter(holder))") }
        if filter.unassignedOnly { conditions.append("holder IS NULL") }
        if let kind = filter.failedReplies { conditions.append(kind.sql("cases")) }
        if let level = filter.level { conditions.append(levelCondition(level)) }
        if filter.warningsOnly { conditions.append("yellow_on <= ?1") }
        if let search = filter.search?.trimmingCharacters(in: .whitespacesAndNewlines), !search.isEmpty {
            conditions.append(searchCondition(search, matcher: matcher, parameter: parameter))
        }
        if let number = filter.applicantOf {
            // Uncorrelated: the key is read once, then the applicant index gives the rows.
            conditions.append("applicant_key = (SELECT applicant_key FROM cases WHERE number = \(parameter(number)))")
        }
        conditions += filter.figure.sqlConditions(parameter: parameter)
        var sql = "SELECT \(select) FROM cases WHERE \(conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))"
        if ordered { sql += " ORDER BY \(urgencyOrder) LIMIT \(parameter(max(1, filter.limit)))" }
        return (sql, arguments)
    }

    /// How many cases match (ignoring the limit), for tab counts.
    public static func count(_ filter: CaseFilter, in store: CaseStore) throws -> Int {
        var unlimited = filter
        unlimited.limit = 1_000_000_000
        let (sql, arguments) = query(unlimited, today: store.today, select: "count(*)", ordered: false,
                                     matcher: try? store.db.applicantMatcher())
        return try store.db.scalarIntWithArguments(sql, arguments) ?? 0
    }

    /// Levels as stored marks compared with today (?1), so the index on due_on can help.
    static func levelCondition(_ level: Level) -> String {
        switch level {
        case .overdue: return "due_on < ?1"
        case .red: return "red_on <= ?1 AND due_on >= ?1"
        case .yellow: return "yellow_on <= ?1 AND red_on > ?1"
        case .normal: return "yellow_on > ?1"
        case .paused: return "status IN ('awaiting_materials', 'suspended')"
        case .none: return "status IN ('completed', 'denied', 'rejected', 'withdrawn')"
        }
    }

    /// Trigram full-text search for three characters or more (Chinese substrings included);
    /// shorter text, such as a two-character name, falls back to a substring scan. The text is
    /// always quoted as one phrase, so nothing the user types is FTS syntax.
    /// `strategy` says how the phrase meets the list (see `SearchStrategy`); the default needs no preparation.
    ///
    /// A full resident ID number (18 characters) is an exact lookup on the indexed applicant
    /// match key (`ApplicantMatcher`, keyed by the hall's secret) instead: the trigram index does
    /// not hold ID numbers, and never should (a substring of one would find strangers' cases), and
    /// no index holds them in clear. Without the key (`matcher` nil: the key file is unreadable)
    /// the clear column is compared row by row: slow, but reading cases still works. Lists show
    /// the number masked.
    static func searchCondition(_ text: String, strategy: SearchStrategy = .fewHits, matcher: ApplicantMatcher?,
                                parameter: (DatabaseBindable) -> String) -> String {
        if let idNumber = ApplicantIdentity.searchableIDNumber(text) {
            if let matcher {
                // The clear number is compared too: a key is the same for two numbers only by a 2^-128 chance.
                let keys = matcher.searchKeys(idNumber).map { parameter($0) }.joined(separator: ", ")
                return "applicant_key IN (\(keys)) AND upper(applicant_id_number) = \(parameter(idNumber))"
            }
            // Stored upper-cased since numbers are checked; as typed (a lower-case x) before.
            return "upper(applicant_id_number) = \(parameter(idNumber))"
        }
        if text.count >= 3 {
            switch strategy {
            case .fewHits, .substring:
                return "id IN (SELECT rowid FROM case_search WHERE case_search MATCH \(parameter(SearchStrategy.phrase(text))))"
            case .hitsTable:
                // `+`: the list's own index drives, the hits only filter.
                return "+id IN temp.search_hits"
            case .eachRow:
                return "EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH \(parameter(SearchStrategy.phrase(text))) "
                    + "AND case_search.rowid = cases.id)"
            }
        }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = parameter("%\(escaped)%")
        let fields = ["number", "ref", "applicant_name", "summary", "details"]
        return "(" + fields.map { "\($0) LIKE \(pattern) ESCAPE '\\'" }.joined(separator: " OR ") + ")"
    }

    static func summary(from row: Row, today: Day) -> CaseSummary {
        let status = CaseStatus(rawValue: row.string("status")) ?? .submitted
        let marks: ClockMarks? = {
            guard let y = row.optionalString("yellow_on").flatMap({ Day($0) }),
                  let r = row.optionalString("red_on").flatMap({ Day($0) }),
                  let d = row.optionalString("due_on").flatMap({ Day($0) }) else { return nil }
            return ClockMarks(yellowOn: y, redOn: r, dueOn: d)
        }()
        let id = Int64(row.int("id"))
        let level: Level = status.isTerminal ? .none : status.isPaused ? .paused : (marks?.level(on: today) ?? .normal)
        return CaseSummary(number: row.string("number"), status: status, level: level,
                           serviceCode: row.string("service_code"), department: row.string("department"),
                           applicantName: row.string("applicant_name"),
                           applicantIDNumber: row.string("applicant_id_number"),
                           channel: Channel(rawValue: row.string("channel")) ?? .online,
                           priority: Priority(rawValue: row.string("priority")) ?? .normal,
                           submittedAt: row.string("submitted_at"), dueOn: marks?.dueOn,
                           holder: row.optionalString("holder"), version: row.int("version"), id: id,
                           position: InboxPosition(segment: InboxPosition.segment(of: level, running: marks != nil && !status.isPaused
                                                                                    && !status.isTerminal),
                                                   dueOn: row.optionalString("due_on"), id: id),
                           failedReply: row.optionalString("failed_reply").flatMap(FailedReplyKind.init(rawValue:)))
    }
}

/// Personal numbers shown in lists: enough to tell two applicants apart, not enough to misuse.
public enum Masking {
    /// A resident ID number (18) keeps its first and last 4; a passport or permit number (8 to 11)
    /// would then show all but a character or two, so it keeps its first 1 and last 2.
    public static func idNumber(_ value: String) -> String {
        value.count >= 15 ? mask(value, keepFirst: 4, keepLast: 4) : mask(value, keepFirst: 1, keepLast: 2)
    }
    public static func phone(_ value: String) -> String { mask(value, keepFirst: 3, keepLast: 4) }

    static func mask(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let characters = Array(value)
        guard characters.count > keepFirst + keepLast else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(keepFirst)) + String(repeating: "*", count: characters.count - keepFirst - keepLast)
            + String(characters.suffix(keepLast))
    }
}

extension CaseQueries {
    /// The status bar's figures for one clerk: open cases held, and how many of them warn.
    public static func workload(of login: String, in store: CaseStore) throws -> (open: Int, warnings: Int) {
        let today = store.today.description
        let open = CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        // Two index-only counts: only running clocks carry warning days, and the running-clock
        // index by holder has them, so no case row is read (a busy clerk holds thousands).
        let row = try store.db.queryOne("""
            SELECT (SELECT count(*) FROM cases WHERE holder = ?2 AND status IN (\(open))) AS open,
                   (SELECT count(*) FROM cases WHERE holder = ?2 AND due_on IS NOT NULL AND yellow_on <= ?1) AS warnings
            """, today, login)
        return (row?.int("open") ?? 0, row?.int("warnings") ?? 0)
    }

    /// Public form of the detail's clock for one case row.
    public static func user(_ login: String, in store: CaseStore) throws -> User? {
        try Users.load(login, in: store.db)
    }

    public static func users(in department: String?, store: CaseStore) throws -> [User] {
        try Administration(store: store).users().filter { $0.active && (department == nil || $0.department == department) }
    }
}

extension CaseQueries {
    /// The statements `page` runs for a first page, values written in, for running the same SQL
    /// in the `sqlite3` shell: the search's preparation (if its strategy has one), then the list.
    public static func shellSQL(_ filter: CaseFilter, store: CaseStore) throws -> [String] {
        let strategy = try SearchStrategy.choose(for: filter.search, in: store)
        var statements: [String] = []
        if strategy == .hitsTable || strategy == .eachRow, let text = filter.search {
            statements = SearchStrategy.preparationSQL(phrase: literal(SearchStrategy.phrase(
                text.trimmingCharacters(in: .whitespacesAndNewlines))), limit: String(SearchStrategy.Thresholds().hitsTable + 1))
        }
        let (sql, arguments) = listQuery(filter, searchStrategy: strategy, store: store)
        var text = sql
        // Replace the highest-numbered parameters first so ?1 does not eat the 1 of ?12.
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacingOccurrences(of: "?\(index + 1)", with: literal(argument))
        }
        return statements + [text.replacingOccurrences(of: "\n", with: " ")]
    }

    private static func literal(_ value: DatabaseBindable) -> String {
        switch value.databaseValue {
        case .null, .blob: return "NULL"
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .text(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }
}

extension CaseQueries {
    /// Moves whenever a case changes (every change appends a history event) or the clocks of open
    /// cases are recomputed; drafts, presence heartbeats and delivery updates leave it alone, so
    /// a workstation need not reload its inbox for them.
    public static func changeStamp(in store: CaseStore) throws -> String {
        let history = try store.db.scalarInt("SELECT max(id) FROM history") ?? 0
        let epoch = try store.setting("clock_epoch") ?? "0"
        // A delivery result writes no history, but making or ending a failure changes a row's mark;
        // a consultation's change is a change of the lists too (the Consultations tab, its count).
        let failed = try store.db.queryOne("SELECT count(*), coalesce(sum(permanent), 0), coalesce(sum(retrying), 0) FROM failed_reply_cases")
        let failures = failed.map { "\($0.int(at: 0)).\($0.int(at: 1)).\($0.int(at: 2))" } ?? ""
        let consultations = try store.db.scalarInt("SELECT max(id) FROM consultation_history") ?? 0
        return "\(history).\(epoch).\(failures).\(consultations)"
    }
}
