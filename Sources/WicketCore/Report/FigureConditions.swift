/// Stored instants from `from` (inclusive) to `before` (exclusive); a nil end is open. Stored
/// instants are UTC text (`Timestamp`), so comparing text compares time.
public struct InstantRange: Sendable, Hashable {
    public var from: String?
    public var before: String?

    public init(from: String? = nil, before: String? = nil) {
        self.from = from
        self.before = before
    }

    func sql(_ column: String, parameter: (DatabaseBindable) -> String) -> [String] {
        var conditions: [String] = []
        if let from { conditions.append("\(column) >= \(parameter(from))") }
        if let before { conditions.append("\(column) < \(parameter(before))") }
        return conditions
    }
}

/// A history event a case had: its action, optionally its standard reason's code ('' for a
/// free-text reason) and a flag set in its details.
public struct HistoryEventCondition: Sendable, Hashable {
    public var action: String?
    public var reasonCode: String?
    /// A key of the event's details JSON that must be true (e.g. `repeat`, `acceptance_breached`).
    public var flag: String?
    public var within: InstantRange

    public init(action: String?, reasonCode: String? = nil, flag: String? = nil, within: InstantRange) {
        self.action = action
        self.reasonCode = reasonCode
        self.flag = flag
        self.within = within
    }
}

/// A rating a case received, optionally in a period and still without its follow-up.
public struct RatingCondition: Sendable, Hashable {
    public var rating: Rating
    public var within: InstantRange?
    public var withoutFollowUp: Bool

    public init(rating: Rating, within: InstantRange? = nil, withoutFollowUp: Bool = false) {
        self.rating = rating
        self.within = within
        self.withoutFollowUp = withoutFollowUp
    }
}

/// The conditions a dashboard figure adds to a `CaseFilter`, so that the figure and the inbox it
/// drills into are the same query: the report counts the very filter the inbox lists.
public struct FigureConditions: Sendable, Hashable {
    /// Exactly these case numbers (the oldest suspended case, one queue entry).
    public var numbers: [String]?
    public var submitted: InstantRange?
    public var decided: InstantRange?
    public var closed: InstantRange?
    public var windowVisit: Bool?
    public var decidedOnTime: Bool?
    public var event: HistoryEventCondition?
    /// Acceptance breached: the first answer came late within this range, or the case is still
    /// unanswered past its acceptance limit today (by law it already counts as a breach).
    public var acceptanceBreachedWithin: InstantRange?
    public var rating: RatingCondition?

    public init() {}

    public var isEmpty: Bool { self == FigureConditions() }

    /// SQL conditions on `cases`; `?1` is the hall's today, as in `CaseQueries.query`.
    func sqlConditions(parameter: (DatabaseBindable) -> String) -> [String] {
        var conditions: [String] = []
        if let numbers {
            conditions.append(numbers.isEmpty ? "0" : "number IN (\(numbers.map { parameter($0) }.joined(separator: ", ")))")
        }
        conditions += submitted?.sql("submitted_at", parameter: parameter) ?? []
        conditions += decided?.sql("decided_at", parameter: parameter) ?? []
        conditions += closed?.sql("closed_at", parameter: parameter) ?? []
        if let windowVisit { conditions.append("window_visit = \(windowVisit ? 1 : 0)") }
        if let decidedOnTime { conditions.append("decided_on_time = \(decidedOnTime ? 1 : 0)") }
        if let event {
            var inner = event.within.sql("h.at", parameter: parameter)
            // With a flag, `+` keeps the planner on the flag's partial index rather than the action's.
            if let action = event.action { inner.append("\(event.flag == nil ? "" : "+")h.action = \(parameter(action))") }
            // The same expression as the rejections tally's, so figure and drill-down group alike.
            if let code = event.reasonCode { inner.append("\(StandardReason.codeSQL("h")) = \(parameter(code))") }
            // The path is written in, not bound: only then can the partial index over flagged events serve it.
            if let flag = event.flag { inner.append(Self.flagged(flag)) }
            conditions.append("id IN (SELECT h.case_id FROM history h WHERE \(inner.isEmpty ? "1" : inner.joined(separator: " AND ")))")
        }
        if let range = acceptanceBreachedWithin {
            let recorded = (range.sql("h.at", parameter: parameter)
                + ["+h.action IN ('accept', 'request-materials', 'reject')", Self.flagged("acceptance_breached")])
                .joined(separator: " AND ")
            // One IN over a union, not an OR of two: each side reads its own index.
            conditions.append("""
                id IN (SELECT h.case_id FROM history h WHERE \(recorded)
                       UNION SELECT id FROM cases WHERE status = 'submitted' AND due_on < ?1)
                """)
        }
        if let rating {
            var inner = ["r.rating = \(parameter(rating.rating.rawValue))"]
            inner += rating.within?.sql("r.rated_at", parameter: parameter) ?? []
            if rating.withoutFollowUp { inner.append("r.follow_up IS NULL") }
            conditions.append("id IN (SELECT r.case_id FROM ratings r WHERE \(inner.joined(separator: " AND ")))")
        }
        return conditions
    }

    /// A history event carrying a flag in its details (flags are fixed words of the code).
    static func flagged(_ flag: String) -> String {
        "json_extract(h.details, '$.\(flag.replacingOccurrences(of: "'", with: "''"))') = 1"
    }
}
