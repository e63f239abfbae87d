/// One action a person asks for. Which fields matter depends on the action.
public struct ActionRequest: Sendable {
    public var caseNumber: String
    public var action: CaseAction
    public var actor: String
    public var reason: String?
    /// The catalog's standard reason chosen (`StandardReason.code`); kept with the event so the
    /// figures count it. Without `reason`, its words in the case's language are the reason.
    public var reasonCode: String?
    /// request-materials: codes to mark missing before the notice is built.
    public var missing: [String]
    /// supplement / material: the checklist items concerned.
    public var materials: [String]
    /// material: the state to set.
    public var materialState: MaterialState?
    /// transfer: a department code; assign: a login.
    public var target: String?
    /// extend: working days.
    public var days: Int?
    /// note, reply, supplement: the text; for other notifying actions, replaces the template.
    public var text: String?
    public var rating: Rating?
    /// deliver / supplement: whether the applicant came to a window for it.
    public var atWindow: Bool?
    /// The case version the person saw; a stale one is refused.
    public var expectedVersion: Int?
    /// resend-reply / handled-reply: the failed reply (nil: the case's only unresolved one).
    public var messageID: Int?
    /// A macro's reply template by language (the case's, else Chinese), filled with each case's
    /// own placeholders; for a notifying action or `reply`, in place of the hall's template.
    public var template: [Language: ReplyTemplate] = [:]

    public init(caseNumber: String, action: CaseAction, actor: String, reason: String? = nil, missing: [String] = [],
                materials: [String] = [], materialState: MaterialState? = nil, target: String? = nil, days: Int? = nil,
                text: String? = nil, rating: Rating? = nil, atWindow: Bool? = nil, expectedVersion: Int? = nil,
                reasonCode: String? = nil) {
        self.caseNumber = caseNumber
        self.action = action
        self.actor = actor
        self.reason = reason
        self.missing = missing
        self.materials = materials
        self.materialState = materialState
        self.target = target
        self.days = days
        self.text = text
        self.rating = rating
        self.atWindow = atWindow
        self.expectedVersion = expectedVersion
        self.reasonCode = reasonCode
    }
}

/// What an action did, for the status line and the command line.
public struct ActionOutcome: Sendable, Equatable {
    public let caseNumber: String
    public let action: CaseAction
    public let from: CaseStatus
    public let to: CaseStatus
    public let version: Int
    public let historyEventID: Int
    public let replyID: Int?
    public let holder: String?
    /// Things the clerk should know although the action went through (e.g. a repeated request).
    public let notices: [Bilingual]

    /// The notices in English (JSON output and logs).
    public var warnings: [String] { notices.map(\.en) }

    /// The notices in the reader's language.
    public func warnings(_ language: Language) -> [String] { notices.map { $0.text(language) } }
}
