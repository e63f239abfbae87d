/// The lifecycle of a case as data, in one place: domain.md's table, row by row.
public enum Lifecycle {
    private static let open = CaseStatus.open
    private static let every = Set(CaseStatus.allCases)

    public static let rules: [LifecycleRule] = [
        rule(.accept, from: [.submitted], to: .status(.accepted), notifies: true),
        rule(.requestMaterials, from: [.submitted], to: .status(.awaitingMaterials), notifies: true),
        rule(.reject, from: [.submitted], to: .status(.rejected), reason: true, notifies: true),
        rule(.supplement, from: [.awaitingMaterials], to: .status(.submitted), handles: false),
        rule(.startReview, from: [.accepted], to: .status(.inReview)),
        rule(.approve, from: [.inReview], to: .status(.approved), notifies: true),
        rule(.deny, from: [.inReview], to: .status(.denied), reason: true, notifies: true),
        rule(.deliver, from: [.approved], to: .status(.completed), notifies: true),
        rule(.suspend, from: [.accepted, .inReview], to: .status(.suspended), reason: true, notifies: true),
        rule(.resume, from: [.suspended], to: .stateBeforeSuspension, notifies: true),
        rule(.extend, from: [.accepted, .inReview], to: .unchanged, reason: true, supervisor: true, notifies: true,
             handles: false),
        rule(.withdraw, from: open, to: .status(.withdrawn), reason: true, notifies: true),
        rule(.transfer, from: open, to: .status(.submitted), reason: true, notifies: true),
        rule(.claim, from: open, to: .unchanged, handles: false),
        rule(.release, from: open, to: .unchanged, handles: false),
        rule(.assign, from: open, to: .unchanged, supervisor: true, handles: false),
        rule(.material, from: open, to: .unchanged),
        rule(.note, from: every, to: .unchanged, handles: false),
        rule(.reply, from: every, to: .unchanged),
        rule(.rate, from: every, to: .unchanged, handles: false),
        rule(.followUp, from: every, to: .unchanged, handles: false),
        rule(.resendReply, from: every, to: .unchanged),
        rule(.replyHandled, from: every, to: .unchanged, reason: true),
    ]

    public static func rule(for action: CaseAction) -> LifecycleRule {
        guard let rule = rules.first(where: { $0.action == action }) else {
            preconditionFailure("no lifecycle rule for \(action)")
        }
        return rule
    }

    /// The actions that can be taken on a case in `status` (for menus and help).
    public static func actions(from status: CaseStatus) -> [CaseAction] {
        rules.filter { $0.from.contains(status) }.map(\.action)
    }

    private static func rule(_ action: CaseAction, from: Set<CaseStatus>, to: Destination, reason: Bool = false,
                             supervisor: Bool = false, notifies: Bool = false, handles: Bool = true) -> LifecycleRule {
        LifecycleRule(action: action, from: from, to: to, reasonRequired: reason, supervisorOnly: supervisor,
                      notifiesApplicant: notifies, handlesCase: handles)
    }
}
