/// Where a case stands in its lifecycle (domain.md "Lifecycle of a case").
public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case submitted
    case awaitingMaterials = "awaiting_materials"
    case accepted
    case inReview = "in_review"
    case suspended
    case approved
    case completed
    case denied
    case rejected
    case withdrawn

    public static let terminal: Set<CaseStatus> = [.completed, .denied, .rejected, .withdrawn]
    public static let open: Set<CaseStatus> = Set(allCases).subtracting(terminal)

    public var isTerminal: Bool { Self.terminal.contains(self) }

    /// States in which the applicant or a third party owes the next step, so the clock stands still.
    public var isPaused: Bool { self == .awaitingMaterials || self == .suspended }
}

public enum Channel: String, CaseIterable, Sendable, Codable {
    case online, mobile, window, phone, mail
}

public enum Priority: String, CaseIterable, Sendable, Codable {
    case normal, urgent
}

public enum MaterialState: String, CaseIterable, Sendable, Codable {
    case missing, submitted, verified, defective

    /// Items the one-time notice must list.
    public var isOutstanding: Bool { self == .missing || self == .defective }
}

public enum Role: String, CaseIterable, Sendable, Codable {
    case clerk, supervisor, admin
    /// The online portal's service login: imports applications, sees no case (`CaseAccess`).
    case portal

    /// Supervisors and admins see every queue and may reassign, extend and override.
    public var canOverride: Bool { self == .supervisor || self == .admin }
}

public enum Rating: String, CaseIterable, Sendable, Codable {
    case good, fair, poor
}

public enum Language: String, CaseIterable, Sendable, Codable {
    case zh, en
}

public enum DeliveryState: String, CaseIterable, Sendable, Codable {
    case queued, sent, delivered, failed
    case failedPermanent = "failed_permanent"
}
