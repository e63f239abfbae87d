import WicketCore

/// Work the update function asks for: everything that touches the database. The engine runs
/// effects against the core, so `update` itself stays pure and testable.
public enum Effect: Sendable {
    case reloadInbox
    /// The rows of another tab or filter; the counts stand.
    case loadTab
    /// Where the detail is shown beside the inbox, show the highlighted row's case.
    case followSelection
    case openDetail(String)
    /// Load the case's detail, then start the action again (resend / handled read which reply from it).
    case openDetailThen(String, CaseAction)
    case perform(ActionRequest)
    case takeNext
    case loadDraft(String)
    case saveDraft
    case sendReply
    case openMaterialsDialog(String)
    /// The supplement dialog: which outstanding checklist items came in.
    case openSupplementDialog(String)
    case previewMaterials
    case submitMaterialsRequest
    case fillTemplate(CaseAction)
    case openAssignPicker(String)
    case openIntake
    case registerIntake
    case search(String)
    /// The selection left the rows held: read the next window of the list.
    case pageInbox(InboxMove)
    /// n / N: the next or previous row matching the search, in the rows held or beyond them.
    case stepMatch(forward: Bool)
    /// The supervisor dashboard's work (Dashboard/).
    case dashboard(DashboardEffect)
    case board(BoardEffect)
    /// Show the open case's full ID and phone numbers; the core records the look in the history.
    case reveal(String)
    /// The Consultations tab's work (Consultations/).
    case consultation(ConsultationEffect)
    /// Forget what is on screen and draw everything again (Ctrl-L).
    case redraw
    case quit
}

/// Where the inbox window goes when the selection leaves the rows it holds.
public enum InboxMove: Sendable, Equatable {
    /// This many rows past the selection, or before it.
    case forward(Int), backward(Int)
    case first, last
}

/// Which key starts which action on the current case (also listed in help and the `.` menu).
/// Clerks may rebind them in their config file (`key.accept = a`).
public struct KeyBindings: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]

    public static let standard = KeyBindings(bindings: ([
        ("a", .accept), ("m", .requestMaterials), ("x", .reject), ("v", .startReview), ("p", .approve), ("d", .deny),
        ("D", .deliver), ("s", .suspend), ("u", .resume), ("E", .extend), ("w", .withdraw), ("t", .transfer),
        ("c", .claim), ("C", .release), ("A", .assign), ("o", .note), ("r", .reply), ("b", .supplement),
        ("e", .resendReply), ("H", .replyHandled),
    ] as [(Character, CaseAction)]).map { KeyBinding(key: $0.0, action: $0.1) })

    /// Keys the panes use for themselves (moving, tabs, search, checklist marks); an action bound
    /// to one of them could never be reached.
    public static let reserved: Set<Character> = Set("Qq?TifnN./BjkgGhlV SMFRO-[]0123456789zI")

    public func action(for key: Character) -> CaseAction? {
        bindings.first { $0.key == key }?.action
    }

    public func key(for action: CaseAction) -> Character? {
        bindings.first { $0.action == action }?.key
    }

    /// `action` on `key` instead of its standard key; the reason when that cannot be.
    public mutating func bind(_ action: CaseAction, to key: Character) -> Bilingual? {
        guard let index = bindings.firstIndex(where: { $0.action == action }) else {
            return Bilingual(en: "\(action.rawValue) has no key in the workstation", zh: "“\(action.word.zh)”（key.\(action.rawValue)）在工作台没有按键")
        }
        if Self.reserved.contains(key) {
            return Bilingual(en: "'\(key)' is already a workstation key (see ? in the workstation)",
                             zh: "“\(key)”已是工作台按键（见工作台中的 ?）")
        }
        if let other = self.action(for: key), other != action {
            return Bilingual(en: "'\(key)' already starts \(other.rawValue)", zh: "“\(key)”已用于“\(other.word.zh)”")
        }
        bindings[index].key = key
        return nil
    }
}

public struct KeyBinding: Sendable, Equatable {
    public var key: Character
    public var action: CaseAction
}

public enum ActionKeys {
    public static func label(_ action: CaseAction, _ language: Language) -> String {
        text(for: action).text(language)
    }

    static func text(for action: CaseAction) -> UIText {
        switch action {
        case .accept: return .actionAccept
        case .requestMaterials: return .actionRequestMaterials
        case .reject: return .actionReject
        case .startReview: return .actionStartReview
        case .approve: return .actionApprove
        case .deny: return .actionDeny
        case .deliver: return .actionDeliver
        case .suspend: return .actionSuspend
        case .resume: return .actionResume
        case .extend: return .actionExtend
        case .withdraw: return .actionWithdraw
        case .transfer: return .actionTransfer
        case .claim: return .actionClaim
        case .release: return .actionRelease
        case .assign: return .actionAssign
        case .note: return .actionNote
        case .reply: return .actionReply
        case .supplement: return .actionSupplement
        case .material: return .actionMaterial
        case .rate: return .actionRate
        case .followUp: return .actionFollowUp
        case .resendReply: return .actionResendReply
        case .replyHandled: return .actionReplyHandled
        }
    }
}
