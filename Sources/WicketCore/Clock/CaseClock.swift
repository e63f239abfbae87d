/// The running clock of a case, as stored on its row: the days on which it turns yellow and red
/// and its due day. Stored rather than computed per query so inboxes can sort a million cases
/// by urgency with an index; recomputed at every transition and when the calendar changes.
public struct ClockMarks: Equatable, Sendable {
    public var yellowOn: Day
    public var redOn: Day
    public var dueOn: Day

    /// The level on `today`. Overdue is strictly after the due day: the due day itself is red.
    public func level(on today: Day) -> Level {
        if today > dueOn { return .overdue }
        if today >= redOn { return .red }
        if today >= yellowOn { return .yellow }
        return .normal
    }
}

public struct CaseClock: Sendable {
    public let calendar: WorkingCalendar
    public let thresholds: WarningThresholds

    public init(calendar: WorkingCalendar, thresholds: WarningThresholds = WarningThresholds()) {
        self.calendar = calendar
        self.thresholds = thresholds
    }

    /// Marks for a limit of `limitDays` working days counted from `start`, with `pausedDays`
    /// working days that did not count (awaiting materials, suspension).
    public func marks(start: Day, limitDays: Int, pausedDays: Int) -> ClockMarks {
        let limit = max(1, limitDays)
        func dayAt(percent: Int) -> Day {
            // The first day on which the used share reaches `percent` of the limit.
            let used = max(1, (limit * percent + 99) / 100)
            return calendar.day(after: start, workingDays: min(used, limit) + pausedDays)
        }
        return ClockMarks(yellowOn: dayAt(percent: thresholds.yellowPercent),
                          redOn: dayAt(percent: thresholds.redPercent),
                          dueOn: calendar.day(after: start, workingDays: limit + pausedDays))
    }

    /// Working days used on `today`, not counting pauses (those finished and a running one).
    public func daysUsed(start: Day, pausedDays: Int, pausedSince: Day?, today: Day) -> Int {
        var used = calendar.workingDays(after: start, through: today) - pausedDays
        if let pausedSince { used -= calendar.workingDays(after: pausedSince, through: today) }
        return max(0, used)
    }
}
