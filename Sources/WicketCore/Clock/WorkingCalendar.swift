/// Working days: Monday–Friday, minus public holidays, plus make-up working days.
/// The exceptions are data (calendar_days), loaded from a file an admin maintains. A hall's
/// calendar never runs out: a year its file does not cover gets the statutory holidays computed
/// by rule (`StatutoryHolidays`), marked provisional until the official schedule is loaded.
public struct WorkingCalendar: Sendable, Equatable {
    public private(set) var holidays: Set<Day>
    public private(set) var makeUpWorkdays: Set<Day>
    /// The computed statutory holidays of the provisional years around the official ones (from
    /// the first official year to three after the last), where due days fall: ready at hand.
    /// Days outside `nearby` ask `StatutoryHolidays`, which computes a year on first use: every
    /// process opens a calendar, and computing the whole century would cost it ~6 ms.
    public private(set) var provisionalHolidays: Set<Day> = []
    /// The ordinals `provisionalHolidays` covers.
    private var nearby: ClosedRange<Int>?
    /// The years the loaded schedules cover (any day of the year listed); nil for a plain
    /// calendar that fills in nothing (the working-day arithmetic's own tests).
    public let officialYears: Set<Int>?

    public init(holidays: Set<Day> = [], makeUpWorkdays: Set<Day> = []) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        officialYears = nil
    }

    /// A hall's calendar: the official schedules as loaded, and the statutory holidays of every
    /// other year, provisionally.
    public init(official holidays: Set<Day>, makeUpWorkdays: Set<Day>) {
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        let covered = Set(holidays.union(makeUpWorkdays).map(\.components.year))
        officialYears = covered
        guard let first = covered.min(), let last = covered.max(),
              let from = Day(year: first, month: 1, day: 1), let through = Day(year: last + 3, month: 12, day: 31) else { return }
        nearby = from.ordinal...through.ordinal
        provisionalHolidays = Set((first...(last + 3)).filter { !covered.contains($0) }
            .flatMap { StatutoryHolidays.holidays(in: $0).map(\.day) })
    }

    /// Whether `year`'s holidays are computed by rule rather than loaded from its official schedule.
    public func isProvisional(year: Int) -> Bool {
        officialYears.map { !$0.contains(year) } ?? false
    }

    /// Whether `day` lies in a provisional year: a due day there may still move.
    public func isProvisional(_ day: Day) -> Bool { isProvisional(year: day.components.year) }

    public func isWorkingDay(_ day: Day) -> Bool {
        if makeUpWorkdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        if let nearby, nearby.contains(day.ordinal) {
            if provisionalHolidays.contains(day) { return false }
        } else if officialYears != nil, StatutoryHolidays.isHoliday(day) {
            // Outside `nearby` no year is official (all of them lie between the first and the last).
            return false
        }
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
