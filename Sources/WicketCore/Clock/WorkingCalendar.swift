/// Working days: Monday–Friday, minus public holidays, plus make-up working days.
/// The exceptions are data (calendar_days), loaded from a file an admin maintains.
public struct WorkingCalendar: Sendable, Equatable {
    public private(set) var holidays: Set<Day>
    public private(set) var makeUpWorkdays: Set<Day>

    public init(holidays: Set<Day> = [], makeUpWorkdays: Set<Day> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        if makeUpWorkdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return !day.isWeekend
    }

    /// The day on which `count` working days after `start` have passed. The start day itself
    /// does not count (periods run from the next day); `count` 0 gives `start`.
    public func day(after start: Day, workingDays count: Int) -> Day {
        var day = start
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days in (start, end]: how many have passed since `start` by the end of `end`.
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
    }
}
