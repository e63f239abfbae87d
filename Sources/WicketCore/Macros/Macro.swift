/// A named action with its fields and an optional note, loaded by an admin (`MacroFile`), applied
/// to one case or many (`Workflow.performMacro`).
public struct Macro: Sendable, Equatable {
    public let name: String
    public let nameZh: String
    public let nameEn: String
    public let action: CaseAction
    public var reason: String?
    public var reasonCode: String?
    public var missing: [String] = []
    public var days: Int?
    /// assign: a login; transfer: a department.
    public var target: String?
    /// The reply's template by language; empty: the hall's template for the action.
    public var template: [Language: ReplyTemplate] = [:]
    /// An internal note added after the action, as its own `note` (its own event).
    public var note: String?

    public init(name: String, nameZh: String, nameEn: String, action: CaseAction) {
        self.name = name
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.action = action
    }

    public func displayName(_ language: Language) -> String { language == .zh ? nameZh : nameEn }

    /// Actions a macro may carry: the ones whose fields a file can state once for any case.
    /// Supplements, material states, ratings, follow-ups and failed replies concern one case's own
    /// papers or messages; a note is the macro's `note`.
    public static let actions: [CaseAction] = CaseAction.allCases.filter {
        ![.supplement, .material, .rate, .followUp, .resendReply, .replyHandled, .note, .deliver].contains($0)
    }

    /// The request the macro makes of one case (`caseNumber` filled in per case).
    public func request(actor: String) -> ActionRequest {
        var request = ActionRequest(caseNumber: "", action: action, actor: actor, reason: reason, missing: missing,
                                    target: target, days: days, reasonCode: reasonCode)
        request.template = template
        return request
    }

    /// The macro's note as its own request.
    public func noteRequest(actor: String) -> ActionRequest? {
        note.map { ActionRequest(caseNumber: "", action: .note, actor: actor, text: $0) }
    }
}
