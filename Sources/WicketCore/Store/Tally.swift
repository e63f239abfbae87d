/// A tally: a small table of counts that triggers keep exact in the same transaction as the row
/// they count, so the dashboard sums a few hundred rows instead of grouping a million cases.
///
/// Each tally is defined once, here, as the key a row contributes ("its fact"); the triggers,
/// the fill from existing rows, and `wicket check`'s comparison are all generated from it, so
/// they cannot disagree. Changing a definition after release means a new migration that drops
/// and rebuilds the tallies (migration 6 builds them from these definitions).
struct CaseTally: Sendable {
    /// Trigger names start with this.
    let name: String
    let table: String
    /// The tally's key columns (its primary key), without the count `n`.
    let columns: [String]
    /// The key one case contributes, as SQL over a cases row called `row` (`new`, `old`, `c`).
    let key: @Sendable (_ row: String) -> [String]
    /// Whether the case counts at all.
    let counts: @Sendable (_ row: String) -> String
    /// The case columns key and condition read: an update touching none of them costs nothing.
    let watched: [String]
}

/// A tally of history events or ratings by hall day, counting cases rather than events: a case
/// with two events of a kind in a period is one case (the drill-down lists it once). Each event
/// carries the day of the case's previous event of the same kind and detail (`since`, '' for
/// the first), so the cases with an event in days a…b are the events in a…b whose `since` is
/// before a: each case's first event in the period, exactly once. The department is the case's
/// current one, as the drill-down filters it: a transfer moves the case's events along.
struct EventTally: Sendable {
    let kind: String
    /// `history` or `ratings`.
    let source: String
    /// The source's index by case: a case's few events are found through it, never through the
    /// index by action, which would read every event of the kind for each one.
    func byCase(_ alias: String) -> String { "\(source) AS \(alias) INDEXED BY \(source)_by_case" }
    /// The event's time column.
    let time: String
    let counts: @Sendable (_ event: String) -> String
    let detail: @Sendable (_ event: String) -> String
}

enum Tallies {
    static let openStatuses = CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")

    /// The hall day of a stored instant, by the hall zone's offset at that instant (see `HallDayShifts`).
    static func hallDay(_ instant: String) -> String {
        "date(\(instant), (SELECT shift FROM tally_day_shifts WHERE since <= \(instant) ORDER BY since DESC LIMIT 1))"
    }

    /// Open cases by what the backlog tables and the inbox tabs group them by.
    static let open = CaseTally(
        name: "tally_open", table: "tally_open", columns: ["department", "status", "service_code", "channel", "holder"],
        key: { ["\($0).department", "\($0).status", "\($0).service_code", "\($0).channel", "coalesce(\($0).holder, '')"] },
        counts: { "\($0).status IN (\(openStatuses))" },
        watched: ["department", "status", "service_code", "channel", "holder"])

    /// Open cases by the hall day they were submitted: the aging buckets are ranges of these days.
    static let openDays = CaseTally(
        name: "tally_open_days", table: "tally_open_days", columns: ["department", "day"],
        key: { ["\($0).department", hallDay("\($0).submitted_at")] },
        counts: { "\($0).status IN (\(openStatuses))" },
        watched: ["department", "status", "submitted_at"])

    /// Running clocks by their marks: overdue, red and yellow for any today are sums of these,
    /// so a new day changes the counts without any write. The three marks are set together
    /// (`ClockMarks`); a case with a due day but no warning days would not be counted.
    static let running = CaseTally(
        name: "tally_running", table: "tally_running", columns: ["department", "status", "due_on", "red_on", "yellow_on"],
        key: { ["\($0).department", "\($0).status", "\($0).due_on", "\($0).red_on", "\($0).yellow_on"] },
        counts: { "\($0).due_on IS NOT NULL AND \($0).red_on IS NOT NULL AND \($0).yellow_on IS NOT NULL" },
        watched: ["department", "status", "due_on", "red_on", "yellow_on"])

    static let dayColumns = ["kind", "day", "department", "detail", "since"]

    /// A case counted on one hall day under `kind` (each case at most once per kind).
    static func caseDay(_ kind: String, day column: String, counts: @escaping @Sendable (String) -> String,
                        watched: [String]) -> CaseTally {
        CaseTally(name: "tally_day_\(kind)", table: "tally_days", columns: dayColumns,
                  key: { ["'\(kind)'", hallDay("\($0).\(column)"), "\($0).department", "''", "''"] },
                  counts: counts, watched: ["department", column] + watched)
    }

    static let caseTallies: [CaseTally] = [
        open, openDays, running,
        caseDay("intake", day: "submitted_at", counts: { _ in "1" }, watched: []),
        caseDay("decided", day: "decided_at", counts: { "\($0).decided_at IS NOT NULL" }, watched: []),
        caseDay("decided_on_time", day: "decided_at", counts: { "\($0).decided_at IS NOT NULL AND \($0).decided_on_time = 1" },
                watched: ["decided_on_time"]),
        caseDay("completed", day: "closed_at", counts: { "\($0).status = 'completed' AND \($0).closed_at IS NOT NULL" },
                watched: ["status"]),
        caseDay("completed_online", day: "closed_at",
                counts: { "\($0).status = 'completed' AND \($0).closed_at IS NOT NULL AND \($0).window_visit = 0" },
                watched: ["status", "window_visit"]),
    ]

    /// Rejections by their standard reason's code, '' for a reason typed as free text (and for
    /// events from before standard reasons): the figure's rows are the catalog's reasons plus
    /// "other reasons", never one row per wording. Migration 12 moved it from the reason's text.
    static let rejected = EventTally(kind: "rejected", source: "history", time: "at", counts: { "\($0).action = 'reject'" },
                                     detail: { StandardReason.codeSQL($0) })
    /// Denials the same way (migration 12).
    static let denied = EventTally(kind: "denied", source: "history", time: "at", counts: { "\($0).action = 'deny'" },
                                   detail: { StandardReason.codeSQL($0) })

    static let eventTallies: [EventTally] = [
        rejected, denied,
        EventTally(kind: "extended", source: "history", time: "at", counts: { "\($0).action = 'extend'" },
                   detail: { _ in "''" }),
        // The flag written in, as the drill-down's condition has it (`FigureConditions.flagged`).
        EventTally(kind: "asked_again", source: "history", time: "at",
                   counts: { "\($0).action = 'request-materials' AND json_extract(\($0).details, '$.repeat') = 1" },
                   detail: { _ in "''" }),
        EventTally(kind: "rated", source: "ratings", time: "rated_at", counts: { _ in "1" }, detail: { "\($0).rating" }),
    ]

    /// Every tally table and its key columns.
    static let tables: [(table: String, columns: [String])] = [
        (open.table, open.columns), (openDays.table, openDays.columns), (running.table, running.columns),
        ("tally_days", dayColumns),
    ]
}

// MARK: - SQL generated from the definitions

extension CaseTally {
    /// Adds `delta` to the row's key when the row counts.
    func add(_ row: String, _ delta: Int) -> String {
        """
        INSERT INTO \(table)(\(columns.joined(separator: ", ")), n) SELECT \(key(row).joined(separator: ", ")), \(delta)
            WHERE \(counts(row)) ON CONFLICT(\(columns.joined(separator: ", "))) DO UPDATE SET n = n + excluded.n;
        """
    }

    /// Removes the row's key once nothing counts there, so the tally stays as small as what is live.
    func prune(_ row: String) -> String {
        let match = zip(columns, key(row)).map { "\($0) = \($1)" }.joined(separator: " AND ")
        return "DELETE FROM \(table) WHERE \(match) AND n = 0;"
    }

    /// The insert trigger, firing when `condition` holds (migration 6: when the case counts;
    /// migration 7 adds: and no bulk import is counting the batch itself, `BulkTallies`).
    func insertTrigger(when condition: String) -> String {
        """
        CREATE TRIGGER \(name)_insert AFTER INSERT ON cases WHEN \(condition) BEGIN
            \(add("new", 1))
        END;
        """
    }

    /// The triggers as migration 6 installed them (migration 7 replaced the insert ones).
    var triggers: String {
        let changed = watched.map { "old.\($0) IS NOT new.\($0)" }.joined(separator: " OR ")
        return """
        \(insertTrigger(when: counts("new")))
        CREATE TRIGGER \(name)_delete AFTER DELETE ON cases WHEN \(counts("old")) BEGIN
            \(add("old", -1))
            \(prune("old"))
        END;
        CREATE TRIGGER \(name)_update AFTER UPDATE OF \(watched.joined(separator: ", ")) ON cases
        WHEN (\(changed)) AND (\(counts("old")) OR \(counts("new"))) BEGIN
            \(add("old", -1))
            \(prune("old"))
            \(add("new", 1))
        END;
        """
    }

    /// The tally as the cases have it now.
    var expected: String { counted() }

    /// The tally of the cases with ids `first…last` (SQL expressions), or of all when nil: the
    /// fill, the check and a bulk import's batch all count with this one definition. A range is
    /// read by id alone (NOT INDEXED): by an index on status, the planner's choice for the open
    /// tallies, each batch would read every open case imported before it.
    func counted(ids: (first: String, last: String)? = nil) -> String {
        let keys = key("c")
        let source = ids.map { "cases c NOT INDEXED WHERE c.id BETWEEN \($0.first) AND \($0.last) AND " } ?? "cases c WHERE "
        return "SELECT \(keys.joined(separator: ", ")), count(*) FROM \(source)\(counts("c")) "
            + "GROUP BY \((1...keys.count).map(String.init).joined(separator: ", "))"
    }
}

extension EventTally {
    private func sameGroup(_ other: String, as event: String) -> String {
        "\(other).case_id = \(event).case_id AND \(counts(other)) AND \(detail(other)) = \(detail(event))"
    }

    /// The day of the case's previous event of this kind and detail, or ''.
    func since(_ event: String) -> String {
        """
        coalesce((SELECT \(Tallies.hallDay("p.\(time)")) FROM \(byCase("p")) WHERE \(sameGroup("p", as: event))
            AND (p.\(time) < \(event).\(time) OR (p.\(time) = \(event).\(time) AND p.id < \(event).id))
            ORDER BY p.\(time) DESC, p.id DESC LIMIT 1), '')
        """
    }

    func key(_ event: String, department: String) -> [String] {
        ["'\(kind)'", Tallies.hallDay("\(event).\(time)"), department, detail(event), since(event)]
    }

    private func upsert(_ select: String) -> String {
        "INSERT INTO tally_days(\(Tallies.dayColumns.joined(separator: ", ")), n) \(select) "
            + "ON CONFLICT(\(Tallies.dayColumns.joined(separator: ", "))) DO UPDATE SET n = n + excluded.n;"
    }

    /// A new event counts on its day; the case's next event of the kind, if one was recorded
    /// earlier with a later time, now follows this one.
    var insertTrigger: String {
        let department = "(SELECT department FROM cases WHERE id = new.case_id)"
        let next = """
            (SELECT s.\(time) AS at FROM \(byCase("s")) WHERE \(sameGroup("s", as: "new"))
             AND (s.\(time) > new.\(time) OR (s.\(time) = new.\(time) AND s.id > new.id)) ORDER BY s.\(time), s.id LIMIT 1)
            """
        let nextKey = { (since: String) in
            ["'\(kind)'", Tallies.hallDay("following.at"), department, detail("new"), since].joined(separator: ", ")
        }
        return """
        CREATE TRIGGER tally_\(kind)_insert AFTER INSERT ON \(source) WHEN \(counts("new")) BEGIN
            \(upsert("SELECT \(key("new", department: department).joined(separator: ", ")), 1 WHERE 1"))
            \(upsert("SELECT \(nextKey(since("new"))), -1 FROM \(next) AS following WHERE 1"))
            \(upsert("SELECT \(nextKey(Tallies.hallDay("new.\(time)"))), 1 FROM \(next) AS following WHERE 1"))
        END;
        """
    }

    /// Moves the case's events from one department's days to another's. A key left at zero stays
    /// (finding it again would cost the transfer a scan): sums ignore it, and so does the check.
    func move(case caseID: String, from: String, to: String) -> String {
        [(from, "-count(*)"), (to, "count(*)")].map { department, delta in
            upsert("SELECT \(key("e", department: department).joined(separator: ", ")), \(delta) FROM \(byCase("e")) "
                   + "WHERE e.case_id = \(caseID) AND \(counts("e")) GROUP BY 2, 4, 5")
        }.joined(separator: "\n    ")
    }

    var expected: String {
        "SELECT \(key("e", department: "c.department").joined(separator: ", ")), count(*) FROM \(source) e "
            + "JOIN cases c ON c.id = e.case_id WHERE \(counts("e")) GROUP BY 2, 3, 4, 5"
    }
}

extension Tallies {
    /// Every trigger that keeps the tallies.
    static var triggers: String {
        return caseTallies.map(\.triggers).joined(separator: "\n") + "\n"
            + eventTallies.map(\.insertTrigger).joined(separator: "\n") + "\n"
            + eventsTransferTrigger + "\n"
            + """
            -- A rating is what the applicant said, kept as said: the rated tally counts each as given.
            CREATE TRIGGER ratings_kept_as_given BEFORE UPDATE OF case_id, rating, rated_at ON ratings BEGIN
                SELECT RAISE(ABORT, 'a rating is kept as given: record a new one instead');
            END;
            CREATE TRIGGER ratings_not_deleted BEFORE DELETE ON ratings BEGIN
                SELECT RAISE(ABORT, 'a rating is kept as given: it cannot be deleted');
            END;
            """
    }

    /// A transfer moves the case's counted events to its new department.
    static var eventsTransferTrigger: String {
        let moves = eventTallies.map { $0.move(case: "new.id", from: "old.department", to: "new.department") }
        return """
            CREATE TRIGGER tally_events_transfer AFTER UPDATE OF department ON cases
            WHEN old.department IS NOT new.department BEGIN
                \(moves.joined(separator: "\n    "))
            END;
            """
    }

    /// What each tally table should hold, from the cases, history and ratings as they are.
    static func expected(_ table: String) -> String {
        let parts = caseTallies.filter { $0.table == table }.map(\.expected)
            + (table == "tally_days" ? eventTallies.map(\.expected) : [])
        return parts.joined(separator: " UNION ALL ")
    }

    /// Empties every tally and counts them again from the rows (the migration, a zone change).
    static func refill(_ db: Database) throws {
        for (table, columns) in tables {
            try db.execute("DELETE FROM \(table)")
            try db.execute("""
                INSERT INTO \(table)(\(columns.joined(separator: ", ")), n) SELECT * FROM (\(expected(table))) WHERE 1
                ON CONFLICT(\(columns.joined(separator: ", "))) DO UPDATE SET n = n + excluded.n
                """)
        }
    }
}

extension Tallies {
    /// The first row where a tally and a fresh count over the cases disagree, or nil when all
    /// agree: a drifted tally (a trigger dropped, a row changed around Wicket) shows here.
    static func firstDrift(in db: Database) throws -> (table: String, row: String, inTally: Bool)? {
        var compared = tables.map { table, columns in
            (table, columns + ["n"], "SELECT \(columns.joined(separator: ", ")), n FROM \(table) WHERE n <> 0",
             "SELECT * FROM (\(expected(table)))")
        }
        compared.append(("poor_rating_queue", PoorRatingQueue.columns,
                         "SELECT \(PoorRatingQueue.columns.joined(separator: ", ")) FROM poor_rating_queue",
                         "SELECT * FROM (\(PoorRatingQueue.expected))"))
        compared.append(("failed_reply_cases", FailedReplyCases.columns,
                         "SELECT \(FailedReplyCases.columns.joined(separator: ", ")) FROM failed_reply_cases",
                         "SELECT * FROM (\(FailedReplyCases.expected))"))
        for (table, columns, stored, expected) in compared {
            let sql = """
                SELECT 1, * FROM (\(stored) EXCEPT \(expected))
                UNION ALL SELECT 0, * FROM (\(expected) EXCEPT \(stored)) LIMIT 1
                """
            if let row = try db.queryOne(sql, arguments: []) {
                let shown = columns.enumerated().map { "\($1)=\(row.string(at: $0 + 1))" }.joined(separator: " ")
                return (table, shown, row.int(at: 0) == 1)
            }
        }
        return nil
    }
}
