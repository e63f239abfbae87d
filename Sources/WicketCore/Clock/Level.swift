/// How close an open case is to its limit (domain.md "Warnings"). Never shown by colour alone:
/// each level has a mark and a word.
public enum Level: String, CaseIterable, Sendable, Codable, Comparable {
    case normal, yellow, red, overdue
    /// The clock stands still (awaiting materials, suspended).
    case paused
    /// Closed cases have no clock.
    case none

    public var mark: String {
        switch self {
        case .normal: return " "
        case .yellow: return "!"
        case .red: return "!!"
        case .overdue: return "X"
        case .paused: return "="
        case .none: return "-"
        }
    }

    /// Higher is more urgent; inboxes sort by this first.
    public var urgency: Int {
        switch self {
        case .overdue: return 3
        case .red: return 2
        case .yellow: return 1
        case .normal: return 0
        case .paused, .none: return -1
        }
    }

    public static func < (a: Level, b: Level) -> Bool { a.urgency < b.urgency }
}

/// Share of a limit at which the warnings start (percent); configurable per hall.
public struct WarningThresholds: Sendable, Equatable {
    public var yellowPercent: Int
    public var redPercent: Int
    public init(yellowPercent: Int = 50, redPercent: Int = 90) {
        self.yellowPercent = yellowPercent
        self.redPercent = redPercent
    }
}
