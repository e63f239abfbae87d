import Foundation

/// The inbox order — overdue, red, yellow, then the rest by due day, stopped clocks (paused or
/// closed) last by id — as one query per segment, each an index range read in due-day order that
/// stops at the page size. A single ORDER BY over a computed level would sort every case of the
/// tab on every refresh. Pages continue from a row's `InboxPosition` (keyset), in either direction.
///
/// The red and yellow ranges are bounded by the latest due day of a case at that level today,
/// read from the running-clock tally (a few hundred rows), so the red range stops at the last
/// red case instead of reading every later running clock. The bound only narrows the index
/// range; the level conditions stay exact.
struct UrgencySegments {
    let store: CaseStore

    /// Lists that segments can read: the open-case tabs, one level, or statuses whose clock stands
    /// still. A running status or a dashboard figure is read by one ordered query instead (a
    /// status is not in the running-clock indexes, so a segment would test rows one by one).
    static func applies(to filter: CaseFilter) -> Bool {
        guard filter.figure.isEmpty else { return false }
        // One applicant's cases are few: one ordered query over the applicant index reads them all.
        guard filter.applicantOf == nil else { return false }
        guard let statuses = filter.statuses else { return true }
        return statuses.allSatisfy { $0.isPaused || $0.isTerminal }
    }

    /// `runningOnly`: leave out cases whose clock stands still (take next wants only those a clerk
    /// can move). The query returns up to limit + 1 rows, so the caller can tell whether more follow.
    func query(_ filter: CaseFilter, today: Day, runningOnly: Bool = false, page: PageRequest = .first,
               searchStrategy: SearchStrategy = .fewHits) -> (String, [DatabaseBindable]) {
        var arguments: [DatabaseBindable] = [today.description]
        func parameter(_ value: DatabaseBindable) -> String {
            arguments.append(value)
            return "?\(arguments.count)"
        }
        var common: [String] = []
        if let code = filter.serviceCode { common.append("service_code = \(parameter(code))") }
        if let department = filter.department { common.append("department = \(parameter(department))") }
        if let channel = filter.channel { common.append("channel = \(parameter(channel.rawValue))") }
        if let holder = filter.holder { common.append("holder = \(parameter(holder))") }
        if filter.unassignedOnly { common.append("holder IS NULL") }
        if let kind = filter.failedReplies { common.append(kind.sql("cases")) }
        if let search = filter.search?.trimmingCharacters(in: .whitespacesAndNewlines), !search.isEmpty {
            common.append(CaseQueries.searchCondition(search, strategy: searchStrategy,
                                                       matcher: try? store.db.applicantMatcher(), parameter: parameter))
        }
        let limit = parameter(max(1, filter.limit) + 1)
        // Parameters are numbered as they are used: a segment left out must leave no gap.
        let bounds = runningSegments(filter).contains { $0 == 1 || $0 == 2 } ? warningBounds(today: today) : nil
        func runningLevel(_ segment: Int) -> String {
            switch segment {
            case 0: return "due_on < ?1"
            case 1:
                let redEnd = parameter(bounds?.red ?? today.description)
                return "due_on >= ?1 AND due_on <= \(redEnd) AND red_on <= ?1"
            case 2:
                let yellowEnd = parameter(bounds?.yellow ?? today.description)
                return "due_on >= ?1 AND due_on <= \(yellowEnd) AND red_on > ?1 AND yellow_on <= ?1"
            default: return "due_on >= ?1 AND yellow_on > ?1"
            }
        }
        var segments: [(Int, [String])] = runningSegments(filter).map { ($0, [runningLevel($0)]) }
        if !runningOnly, let statuses = stoppedStatuses(filter) {
            let list = statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            segments.append((InboxPosition.stoppedSegment, ["due_on IS NULL", "status IN (\(list))"]))
        }
        let backward: Bool
        switch page {
        case .before, .last: backward = true
        case .first, .after: backward = false
        }
        // The rows of the position's own segment past it: by id where the clock stands still,
        // else by due day, then id among cases due the same day.
        func beyond(_ position: InboxPosition, stopped: Bool, id idCompare: String, due dueCompare: String) -> String {
            let id = parameter(position.id)
            guard !stopped, let dueOn = position.dueOn else { return "id \(idCompare) \(id)" }
            let due = parameter(dueOn)
            return "due_on \(dueCompare)= \(due) AND (due_on \(dueCompare) \(due) OR id \(idCompare) \(id))"
        }
        var arms: [String] = []
        for (segment, conditions) in segments {
            let stopped = segment == InboxPosition.stoppedSegment
            var keyset: [String] = []
            switch page {
            case .first, .last: break
            case .after(let position, let including):
                if segment < position.segment { continue }
                if segment == position.segment {
                    keyset.append(beyond(position, stopped: stopped, id: including ? ">=" : ">", due: ">"))
                }
            case .before(let position, let including):
                if segment > position.segment { continue }
                if segment == position.segment {
                    keyset.append(beyond(position, stopped: stopped, id: including ? "<=" : "<", due: "<"))
                }
            }
            let direction = backward ? " DESC" : ""
            let order = stopped ? "id\(direction)" : "due_on\(direction), id\(direction)"
            arms.append("SELECT * FROM (SELECT \(segment) AS segment, due_on, id FROM cases "
                        + "WHERE \((conditions + keyset + common).joined(separator: " AND ")) "
                        + "ORDER BY \(order) LIMIT \(limit))")
        }
        let columns = CaseQueries.summaryColumns.split(separator: ",")
            .map { "c." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
            + ", " + CaseQueries.failedReplyColumn("c")
        guard !arms.isEmpty else { return ("SELECT \(columns) FROM cases c WHERE 0", []) }
        let direction = backward ? " DESC" : ""
        // The arms pick ids from the indexes alone; only the page's rows are then read from the table.
        let sql = "SELECT \(columns) FROM (SELECT segment, due_on, id FROM (" + arms.joined(separator: " UNION ALL ")
            + ") ORDER BY segment\(direction), due_on\(direction), id\(direction) LIMIT \(limit)) AS page "
            + "JOIN cases c ON c.id = page.id ORDER BY page.segment, page.due_on, page.id"
        return (sql, arguments)
    }

    /// The running-clock segments a filter can list: by level, the warnings, or all four.
    private func runningSegments(_ filter: CaseFilter) -> [Int] {
        guard filter.statuses == nil else { return [] }
        switch filter.level {
        case .overdue?: return [0]
        case .red?: return [1]
        case .yellow?: return [2]
        case .normal?: return [3]
        case .paused?, Level.none?: return []
        case nil: return filter.warningsOnly ? [0, 1, 2] : [0, 1, 2, 3]
        }
    }

    /// The statuses listed in the stopped-clock segment, nil for none: a tab's open cases whose
    /// clock stands still, or the statuses asked for.
    private func stoppedStatuses(_ filter: CaseFilter) -> [CaseStatus]? {
        guard !filter.warningsOnly else { return nil }
        // The failed-replies list holds closed cases too (after the open ones, by id).
        var statuses = Set(filter.statuses ?? Array(filter.failedReplies == nil ? CaseStatus.open : Set(CaseStatus.allCases)))
        switch filter.level {
        case nil: break
        case .paused?: statuses.formIntersection(CaseStatus.open.filter(\.isPaused))
        case Level.none?: statuses.formIntersection(CaseStatus.terminal)
        case .overdue?, .red?, .yellow?, .normal?: return nil
        }
        return statuses.isEmpty ? nil : statuses.sorted { $0.rawValue < $1.rawValue }
    }

    /// The latest due day of a running clock that is red today, and of one that is yellow, from
    /// the running-clock tally, which the triggers keep in step with every case. Exact whatever
    /// the catalog, the settings or this process's copy of them say: a case keeps the limit it
    /// was accepted under, so no bound worked out from today's catalog can be trusted.
    func warningBounds(today: Day) -> (red: String, yellow: String) {
        let day = today.description
        let row = try? store.db.queryOne("""
            SELECT coalesce(max(CASE WHEN red_on <= ?1 THEN due_on END), ?1),
                   coalesce(max(CASE WHEN red_on > ?1 THEN due_on END), ?1)
            FROM tally_running WHERE due_on >= ?1 AND yellow_on <= ?1
            """, day)
        // Without the tally (it cannot be missing in a migrated hall) no range is cut short.
        return (row?.string(at: 0) ?? "9999-12-31", row?.string(at: 1) ?? "9999-12-31")
    }
}
