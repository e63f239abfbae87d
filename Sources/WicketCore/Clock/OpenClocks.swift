/// What an open case's stored days (`yellow_on`, `red_on`, `due_on`, and `acceptance_due_on`
/// while it waits for acceptance) should be under the calendar and settings as they are now.
/// One rule for the two places that need it: moving the days after the calendar, zone,
/// thresholds or delivery limit change (`recompute`), and `wicket check` finding days that were
/// not moved ("stale due days").
final class OpenClocks {
    /// Statuses whose clock runs; the others keep no marks to recompute.
    static let runningStatuses = "'submitted', 'accepted', 'in_review', 'approved'"

    let caseClock: CaseClock
    let hallTime: HallTime
    let acceptanceLimits: [String: Int]
    let deliveryLimitDays: Int
    /// Used only for a case whose receipt time cannot be read.
    let today: Day
    private var computed: [MarksKey: ClockMarks] = [:]
    private struct MarksKey: Hashable {
        let start: Day
        let limit: Int
        let paused: Int
    }

    init(caseClock: CaseClock, hallTime: HallTime, acceptanceLimits: [String: Int], deliveryLimitDays: Int, today: Day) {
        self.caseClock = caseClock
        self.hallTime = hallTime
        self.acceptanceLimits = acceptanceLimits
        self.deliveryLimitDays = deliveryLimitDays
        self.today = today
    }

    /// The rules a store has loaded (its calendar, zone, thresholds and catalog).
    convenience init(store: CaseStore) throws {
        self.init(caseClock: store.caseClock, hallTime: store.hallTime,
                      acceptanceLimits: Dictionary(store.catalog.services.map { ($0.code, $0.acceptanceLimitDays) },
                                                   uniquingKeysWith: { first, _ in first }),
                      deliveryLimitDays: Self.deliveryLimit(try store.setting("delivery_limit_days")), today: store.today)
    }

    /// The rules as the file holds them now: read inside a transaction that has just changed
    /// them, they are the new ones.
    static func read(from db: Database, today: Day? = nil) throws -> OpenClocks {
        func setting(_ key: String) throws -> String? { try db.scalarString("SELECT value FROM settings WHERE key = ?", key) }
        let hallTime = HallTime(identifier: try setting("timezone") ?? HallTime.defaultIdentifier)
            ?? HallTime(identifier: HallTime.defaultIdentifier)!
        let thresholds = WarningThresholds(yellowPercent: Int(try setting("yellow_percent") ?? "") ?? 50,
                                           redPercent: Int(try setting("red_percent") ?? "") ?? 90)
        var limits: [String: Int] = [:]
        try db.forEachRow("SELECT code, acceptance_limit_days FROM service_items", arguments: []) {
            limits[$0.string("code")] = $0.int("acceptance_limit_days")
        }
        return OpenClocks(caseClock: CaseClock(calendar: try CalendarWriter.read(from: db), thresholds: thresholds),
                          hallTime: hallTime, acceptanceLimits: limits,
                          deliveryLimitDays: deliveryLimit(try setting("delivery_limit_days")),
                          today: today ?? hallTime.day(of: WallClock.system.now))
    }

    static func deliveryLimit(_ setting: String?) -> Int { Int(setting ?? "") ?? 10 }

    /// The stored days a running case should have, or nil when they cannot be recomputed (an
    /// approved case without its decision time). `acceptanceDueOn` is given for `submitted` only.
    struct Expected: Equatable {
        var marks: ClockMarks?
        var acceptanceDueOn: Day?
    }

    /// The columns `expected(_:)` reads.
    static let columns = """
        status, service_code, received_at, decided_at, clock_start_on, limit_days, extension_days, paused_days, \
        yellow_on, red_on, due_on, acceptance_due_on
        """

    func expected(_ row: Row) -> Expected? {
        switch row.string("status") {
        case CaseStatus.submitted.rawValue:
            let start = Timestamp.parse(row.string("received_at")).map(hallTime.day(of:)) ?? today
            let marks = marks(start: start, limit: acceptanceLimits[row.string("service_code")] ?? 5, paused: 0)
            return Expected(marks: marks, acceptanceDueOn: marks.dueOn)
        case CaseStatus.approved.rawValue:
            guard let decided = row.optionalString("decided_at").flatMap(Timestamp.parse) else { return nil }
            return Expected(marks: marks(start: hallTime.day(of: decided), limit: deliveryLimitDays, paused: 0))
        case CaseStatus.accepted.rawValue, CaseStatus.inReview.rawValue:
            // The decision clock, as `Workflow.decisionMarks` runs it.
            guard let start = row.optionalString("clock_start_on").flatMap({ Day($0) }) else { return Expected(marks: nil) }
            return Expected(marks: marks(start: start, limit: row.int("limit_days") + row.int("extension_days"),
                                         paused: row.int("paused_days")))
        default:
            return nil
        }
    }

    private func marks(start: Day, limit: Int, paused: Int) -> ClockMarks {
        let key = MarksKey(start: start, limit: limit, paused: paused)
        if let known = computed[key] { return known }
        let marks = caseClock.marks(start: start, limitDays: limit, pausedDays: paused)
        computed[key] = marks
        return marks
    }

    /// Whether the row's stored days are the expected ones (compared as stored text, so a day
    /// half-cleared around Wicket differs too).
    static func matches(_ row: Row, _ expected: Expected, acceptance: Bool) -> Bool {
        guard row.optionalString("yellow_on") == expected.marks?.yellowOn.description,
              row.optionalString("red_on") == expected.marks?.redOn.description,
              row.optionalString("due_on") == expected.marks?.dueOn.description else { return false }
        return !acceptance || row.optionalString("acceptance_due_on") == expected.acceptanceDueOn?.description
    }

    /// Moves every running case's stored days to the expected ones, inside the caller's write
    /// transaction (or its own); returns how many cases moved.
    func recompute(in db: Database) throws -> Int {
        try db.write {
            var changes: [(id: Int, expected: Expected, acceptance: Bool)] = []
            try db.forEachRow("SELECT id, \(Self.columns) FROM cases WHERE status IN (\(Self.runningStatuses))",
                              arguments: []) { row in
                guard let expected = expected(row) else { return }
                let acceptance = row.string("status") == CaseStatus.submitted.rawValue
                guard !Self.matches(row, expected, acceptance: acceptance) else { return }
                changes.append((row.int("id"), expected, acceptance))
            }
            for change in changes {
                let marks = change.expected.marks
                if change.acceptance {
                    try db.execute("UPDATE cases SET yellow_on = ?, red_on = ?, due_on = ?, acceptance_due_on = ? WHERE id = ?",
                                   marks?.yellowOn.description, marks?.redOn.description, marks?.dueOn.description,
                                   change.expected.acceptanceDueOn?.description, change.id)
                } else {
                    try db.execute("UPDATE cases SET yellow_on = ?, red_on = ?, due_on = ? WHERE id = ?",
                                   marks?.yellowOn.description, marks?.redOn.description, marks?.dueOn.description, change.id)
                }
            }
            // Workstations reload their inboxes when this moves (see `CaseQueries.changeStamp`).
            if !changes.isEmpty {
                try db.execute("INSERT INTO settings(key, value) VALUES ('clock_epoch', '1') "
                               + "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
            }
            return changes.count
        }
    }
}
