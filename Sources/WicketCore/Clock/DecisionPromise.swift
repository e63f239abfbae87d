/// The day a notice promises a decision by. A notice never promises a day that has passed: a
/// case accepted after its acceptance limit runs its time limit from receipt (see `Workflow`),
/// so on the day it is accepted its true due day may already be behind it. Then the notice says
/// the case is overdue, names the day it was due, and promises a decision within the hall's
/// `overdue_promise_days` working days (default 5) from today.
public struct DecisionPromise: Sendable, Equatable {
    /// The day the decision is promised by: never before today.
    public let decideBy: Day
    /// The true due day when it has passed (the case is overdue), else nil.
    public let overdueSince: Day?

    public static let defaultOverdueDays = 5

    public init(dueOn: Day, today: Day, calendar: WorkingCalendar, overdueDays: Int = DecisionPromise.defaultOverdueDays) {
        if dueOn >= today {
            decideBy = dueOn
            overdueSince = nil
        } else {
            decideBy = calendar.day(after: today, workingDays: max(1, overdueDays))
            overdueSince = dueOn
        }
    }

    /// The sentence a notice adds when the case is overdue, in the applicant's language.
    public func overdueNote(_ language: Language) -> String? {
        guard let overdueSince else { return nil }
        let due = DateText.day(overdueSince, language: language)
        switch language {
        case .zh: return "本案已逾期：办理时限已于\(due)届满，我们深表歉意，将优先办理。"
        case .en: return " Your case is overdue: its time limit ended on \(due). We apologise and are giving it priority."
        }
    }
}
