import Foundation

/// The supervisor's numbers (domain.md "What supervisors watch") for a period and optionally one
/// department. The dashboard and `wicket report` both read this one value.
public struct Report: Sendable, Codable, Equatable {
    public struct Count: Sendable, Codable, Equatable {
        public let key: String
        public let count: Int
    }

    /// Cases counted under one standard reason (its code), or under "other reasons" (free text).
    public struct ReasonCount: Sendable, Codable, Equatable {
        /// The standard reason's code, or `Report.otherReasons`.
        public let key: String
        public let count: Int
        public let nameZh: String
        public let nameEn: String

        public var name: Bilingual { Bilingual(en: nameEn, zh: nameZh) }

        public init(key: String, count: Int, name: Bilingual) {
            self.key = key
            self.count = count
            nameZh = name.zh
            nameEn = name.en
        }
    }

    /// One cell of the backlog's status × service item table.
    public struct StatusServiceCount: Sendable, Codable, Equatable {
        public let status: String
        public let service: String
        public let count: Int
    }

    public let generatedAt: String
    public let periodStart: Day
    public let periodEnd: Day
    public let department: String?

    // Backlog: open cases now.
    public let openTotal: Int
    public let byStatus: [Count]
    public let byService: [Count]
    /// Open cases by status and service item (cells with no case are left out).
    public let byStatusAndService: [StatusServiceCount]
    public let byClerk: [Count]
    public let byChannel: [Count]
    /// Working days since submission: 0–1, 2–3, 4–7, 8–15, 16+.
    public let aging: [Count]

    // Deadlines now.
    public let overdue: Int
    public let red: Int
    public let yellow: Int
    public let acceptanceOverdue: Int
    public let awaitingMaterials: Int
    public let oldestAwaitingMaterials: String?
    public let suspended: Int
    public let oldestSuspended: String?
    /// Cases with a reply that failed for good, and cases with one still being retried, that no
    /// clerk has resent or marked handled (any status; a case with both counts in both).
    public let failedRepliesPermanent: Int
    public let failedRepliesRetrying: Int

    // Flow over the period.
    public let intake: Int
    public let intakePerDay: [Count]
    public let completedPerDay: [Count]
    public let firstResponseMedianHours: Double?
    public let firstResponseP90Hours: Double?
    public let decided: Int
    public let decidedOnTime: Int
    public let onTimeRate: Double?
    public let completed: Int
    public let completedOnline: Int
    public let onlineCompletionRate: Double?
    /// Cases rejected in the period, by the standard reason chosen; reasons typed as free text
    /// (and rejections from before standard reasons) under `otherReasons`.
    public let rejectionsByReason: [ReasonCount]
    /// Cases denied in the period, by standard reason the same way.
    public let denialsByReason: [ReasonCount]
    /// Cases asked for materials a second (or later) time in the period.
    public let repeatedMaterialsRequests: Int
    /// Cases whose first answer came after the acceptance limit in the period, plus those still
    /// unanswered past it today.
    public let acceptanceBreaches: Int
    /// Cases granted an extension in the period.
    public let extensionsGranted: Int

    // Satisfaction over the period: cases rated good, fair, poor.
    public let ratingsGood: Int
    public let ratingsFair: Int
    public let ratingsPoor: Int
    /// Cases with a poor rating and no recorded follow-up yet (any time).
    public let poorWithoutFollowUp: [String]

    // Appointments over the period (slots on its days).
    public let appointments: AppointmentFigures
}

extension Report {
    /// As the synthesized encoding, except that an absent value is written as null instead of
    /// being left out: `report --json` keys are stable (README "JSON output").
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label, let value = child.value as? any Encodable else { continue }
            try container.encode(value, forKey: FieldKey(stringValue: label))
        }
    }

    private struct FieldKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

public enum ReportPeriod: Sendable, Equatable {
    case today
    case week
    case days(Int)
    case custom(Day, Day)

    /// Accepts `today`, `week`, `30d` (or any `Nd`), or `YYYY-MM-DD..YYYY-MM-DD`.
    public init?(_ text: String) {
        switch text {
        case "today": self = .today
        case "week": self = .week
        default:
            if text.hasSuffix("d"), let n = Int(text.dropLast()), n >= 1, n <= 3660 {
                self = .days(n)
            } else {
                let ends = text.components(separatedBy: "..")
                guard ends.count == 2, let a = Day(ends[0]), let b = Day(ends[1]), a <= b else { return nil }
                self = .custom(a, b)
            }
        }
    }

    public func range(today: Day) -> (Day, Day) {
        switch self {
        case .today: return (today, today)
        case .week: return (today.adding(days: -(today.weekday - 1)), today)
        case .days(let n): return (today.adding(days: -(n - 1)), today)
        case .custom(let a, let b): return (a, b)
        }
    }
}
