/// Everything a person can do to a case. Raw values are the command-line names and what the
/// history records.
public enum CaseAction: String, CaseIterable, Sendable, Codable {
    case accept
    case requestMaterials = "request-materials"
    case supplement
    case reject
    case startReview = "start-review"
    case approve
    case deny
    case deliver
    case suspend
    case resume
    case extend
    case withdraw
    case transfer
    case claim
    case release
    case assign
    case note
    case reply
    /// Set the state of checklist items (verified, defective with a reason, …).
    case material
    /// Record the applicant's satisfaction rating.
    case rate
    /// Record what was done about a poor rating.
    case followUp = "follow-up"
    /// Queue a failed reply again now, with a fresh count of tries (`FailedReplyCases`).
    case resendReply = "resend-reply"
    /// A failed reply the clerk answered another way (a call, the window): no more retries; a note says how.
    case replyHandled = "handled-reply"

    /// The history's name for a case's creation; not an action anyone can take on a case.
    public static let submitEvent = "submit"
}

/// Where an action leads (domain.md lifecycle table).
public enum Destination: Sendable, Equatable {
    case status(CaseStatus)
    case unchanged
    /// Back to the state the case was suspended from.
    case stateBeforeSuspension
}

public struct LifecycleRule: Sendable {
    public let action: CaseAction
    public let from: Set<CaseStatus>
    public let to: Destination
    public let reasonRequired: Bool
    /// Only supervisors and admins may take it.
    public let supervisorOnly: Bool
    /// The applicant is told: a reply is stored from the action's template.
    public let notifiesApplicant: Bool
    /// A clerk must hold the case (an unheld case is claimed by acting on it).
    public let handlesCase: Bool
}
