import Foundation

/// The inbox order — overdue, red, yellow, then the rest by due day, paused cases last — as one
/// query per level, each an index range read in due-day order that stops at the page size. A
/// single ORDER BY over a computed level would sort every open case of the tab on every refresh.
///
/// The red and yellow ranges are bounded: a case is red at most the last (100 − red%) of its
/// limit before its due day, so its due day lies within a span computable from the catalog's
/// longest limit. The bound only narrows the index range; the level conditions stay exact.
struct UrgencySegments {
    let store: CaseStore

    /// `runningOnly`: leave out cases whose clock stands still (take next wants only those a clerk can move).
    func query(_ filter: CaseFilter, today: Day, runningOnly: Bool = false) -> (String, [DatabaseBindable]) {
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
        if let search = filter.search?.trimmingCharacters(in: .whitespacesAndNewlines), !search.isEmpty {
            common.append(CaseQueries.searchCondition(search, parameter: parameter))
        }
        common += filter.figure.sqlConditions(parameter: parameter)
        let limit = parameter(max(1, filter.limit))
        let redEnd = parameter(today.adding(days: calendarSpan(percent: store.thresholds.redPercent)).description)
        let yellowEnd = parameter(today.adding(days: calendarSpan(percent: store.thresholds.yellowPercent)).description)
        // Running clocks have a due day; open cases without one (awaiting, suspended) come last.
        var segments = [
            "due_on < ?1",
            "due_on >= ?1 AND due_on <= \(redEnd) AND red_on <= ?1",
            "due_on >= ?1 AND due_on <= \(yellowEnd) AND red_on > ?1 AND yellow_on <= ?1",
        ]
        if !filter.warningsOnly { segments.append("due_on >= ?1 AND yellow_on > ?1") }
        var arms = segments.enumerated().map { rank, level in
            arm(rank, conditions: [level] + common, order: "due_on, id", limit: limit)
        }
        if !filter.warningsOnly && !runningOnly {
            let open = CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
            arms.append(arm(segments.count, conditions: ["due_on IS NULL", "status IN (\(open))"] + common, order: "id",
                            limit: limit))
        }
        // The arms pick ids from the indexes alone; only the page's rows are then read from the table.
        let columns = CaseQueries.summaryColumns.split(separator: ",")
            .map { "c." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")
        let sql = "SELECT \(columns) FROM (SELECT segment, due_on, id FROM (" + arms.joined(separator: " UNION ALL ")
            + ") ORDER BY segment, due_on, id LIMIT \(limit)) AS page JOIN cases c ON c.id = page.id "
            + "ORDER BY page.segment, page.due_on, page.id"
        return (sql, arguments)
    }

    private func arm(_ segment: Int, conditions: [String], order: String, limit: String) -> String {
        "SELECT * FROM (SELECT \(segment) AS segment, due_on, id FROM cases "
            + "WHERE \(conditions.joined(separator: " AND ")) "
            + "ORDER BY \(order) LIMIT \(limit))"
    }

    /// Calendar days within which a case at `percent` of its limit must fall due: the working
    /// days left at that share of the catalog's longest limit, widened for weekends and the
    /// longest holiday.
    func calendarSpan(percent: Int) -> Int {
        let longest = store.catalog.services.map { max($0.promisedLimitDays + $0.extensionMaxDays, $0.acceptanceLimitDays) }
            .max() ?? 30
        let limit = max(longest, 10)
        let workingDaysLeft = limit - (limit * percent) / 100 + 1
        return workingDaysLeft * 7 / 5 + 3 + 14
    }
}
