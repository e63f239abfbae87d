import Foundation

/// The hall's time zone: clocks count days as the hall's calendar has them, not UTC's.
public struct HallTime: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        timeZone = zone
    }

    public static let defaultIdentifier = "Asia/Shanghai"

    public func day(of date: Date) -> Day {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        return Day(ordinal: Int((Double(local) / 86_400).rounded(.down)))
    }

    /// `2026-11-26 09:30` in the hall's zone, for people.
    public func display(_ date: Date) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondOfDay = local - days * 86_400
        return "\(Day(ordinal: days)) " + String(format: "%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60)
    }

    public func display(stored: String?) -> String {
        guard let stored, let date = Timestamp.parse(stored) else { return "" }
        return display(date)
    }

    /// The start of a hall day as an instant (for period boundaries in reports).
    public func start(of day: Day) -> Date {
        let guess = Date(timeIntervalSince1970: Double(day.ordinal * 86_400))
        return Date(timeIntervalSince1970: Double(day.ordinal * 86_400 - timeZone.secondsFromGMT(for: guess)))
    }
}

/// Where "now" comes from: the wall clock, or a fixed instant for tests and demos.
public struct WallClock: Sendable {
    private let source: @Sendable () -> Date
    public init(_ source: @escaping @Sendable () -> Date) { self.source = source }
    public var now: Date { source() }

    public static let system = WallClock { Date() }
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }
}
