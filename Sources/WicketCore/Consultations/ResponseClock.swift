import Foundation

/// The instants at which an unanswered consultation turns yellow and red, and is due.
public struct ResponseMarks: Equatable, Sendable {
    public var yellowAt: Date
    public var redAt: Date
    public var dueAt: Date

    /// Overdue strictly after the due instant, like a case's due day.
    public func level(at now: Date) -> Level {
        if now > dueAt { return .overdue }
        if now >= redAt { return .red }
        if now >= yellowAt { return .yellow }
        return .normal
    }
}

/// A consultation's response clock, in working hours: each working day of the hall calendar
/// (`WorkingCalendar`: weekends, holidays, make-up days, provisional years) counts its 24 hours,
/// other days none. One working day (24 h) from Friday 15:00 is Monday 15:00; a question asked on
/// a Saturday starts its clock at Monday 00:00 and is due by the end of Monday.
public struct ResponseClock: Sendable {
    public let calendar: WorkingCalendar
    public let hallTime: HallTime
    public let thresholds: WarningThresholds

    public init(calendar: WorkingCalendar, hallTime: HallTime, thresholds: WarningThresholds = WarningThresholds()) {
        self.calendar = calendar
        self.hallTime = hallTime
        self.thresholds = thresholds
    }

    /// The settings that give each channel's limit in working hours (`wicket settings`).
    public static func settingKey(_ channel: Channel) -> String { "consult_hours_\(channel.rawValue)" }

    /// One working day for every channel but mail (three): the public's complaint is the question
    /// nobody answers (domain.md "Consultations").
    public static func defaultHours(_ channel: Channel) -> Int { channel == .mail ? 72 : 24 }

    public func marks(askedAt: Date, hours: Int) -> ResponseMarks {
        let limit = max(1, hours) * 3600
        func at(percent: Int) -> Date {
            after(askedAt, workingSeconds: max(1, (limit * percent + 99) / 100))
        }
        return ResponseMarks(yellowAt: at(percent: thresholds.yellowPercent), redAt: at(percent: thresholds.redPercent),
                             dueAt: after(askedAt, workingSeconds: limit))
    }

    /// The instant `seconds` of working time after `start`.
    public func after(_ start: Date, workingSeconds seconds: Int) -> Date {
        var day = hallTime.day(of: start)
        var moment = start
        if !calendar.isWorkingDay(day) {
            day = nextWorkingDay(after: day)
            moment = hallTime.start(of: day)
        }
        var remaining = TimeInterval(seconds)
        while true {
            let end = hallTime.start(of: day.adding(days: 1))
            let available = end.timeIntervalSince(moment)
            if remaining <= available { return moment.addingTimeInterval(remaining) }
            remaining -= available
            day = nextWorkingDay(after: day)
            moment = hallTime.start(of: day)
        }
    }

    func nextWorkingDay(after day: Day) -> Day { calendar.day(after: day, workingDays: 1) }
}

extension CaseStore {
    /// The hall's response clock with its calendar, zone and thresholds.
    public var responseClock: ResponseClock { ResponseClock(calendar: calendar, hallTime: hallTime, thresholds: thresholds) }

    /// A channel's response limit in working hours (its setting, else the default).
    public func responseHours(_ channel: Channel) throws -> Int {
        Int(try setting(ResponseClock.settingKey(channel)) ?? "").flatMap { $0 > 0 ? $0 : nil }
            ?? ResponseClock.defaultHours(channel)
    }
}
