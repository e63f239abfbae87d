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
    case perform(ActionRequest)
    case takeNext
    case loadDraft(String)
    case saveDraft
    case sendReply
    case openMaterialsDialog(String)
    case previewMaterials
    case submitMaterialsRequest
    case fillTemplate(CaseAction)
    case openAssignPicker(String)
    case openIntake
    case registerIntake
    case search(String)
    /// The supervisor dashboard's work (Dashboard/).
    case dashboard(DashboardEffect)
    /// Show the open case's full ID and phone numbers; the core records the look in the history.
    case reveal(String)
    /// Forget what is on screen and draw everything again (Ctrl-L).
    case redraw
    case quit
}

/// Which key starts which action on the current case (also listed in help and the `.` menu).
/// Clerks may rebind them in their config file (`key.accept = a`).
public struct KeyBindings: Sendable, Equatable {
    public private(set) var bindings: [KeyBinding]

    public static let standard = KeyBindings(bindings: ([
        ("a", .accept), ("m", .requestMaterials), ("x", .reject), ("v", .startReview), ("p", .approve), ("d", .deny),
        ("D", .deliver), ("s", .suspend), ("u", .resume), ("E", .extend), ("w", .withdraw), ("t", .transfer),
        ("c", .claim), ("C", .release), ("A", .assign), ("o", .note), ("r", .reply),
    ] as [(Character, CaseAction)]).map { KeyBinding(key: $0.0, action: $0.1) })

    /// Keys the panes use for themselves (moving, tabs, search, checklist marks); an action bound
    /// to one of them could never be reached.
    public static let reserved: Set<Character> = Set("Qq?TifnN./BjkgGhlV SMFR-[]0123456789")

    public func action(for key: Character) -> CaseAction? {
        bindings.first { $0.key == key }?.action
    }

    public func key(for action: CaseAction) -> Character? {
        bindings.first { $0.action == action }?.key
    }

    /// `action` on `key` instead of its standard key; the reason when that cannot be.
    public mutating func bind(_ action: CaseAction, to key: Character) -> String? {
        guard let index = bindings.firstIndex(where: { $0.action == action }) else {
            return "\(action.rawValue) has no key in the workstation"
        }
        if Self.reserved.contains(key) { return "'\(key)' is already a workstation key (see ? in the workstation)" }
        if let other = self.action(for: key), other != action { return "'\(key)' already starts \(other.rawValue)" }
        bindings[index].key = key
        return nil
    }
}

public struct KeyBinding: Sendable, Equatable {
    public var key: Character
    public var action: CaseAction
}

public enum ActionKeys {
    public static func label(_ action: CaseAction) -> String {
        switch action {
        case .accept: return "accept 受理"
        case .requestMaterials: return "request materials 一次性告知补正"
        case .reject: return "reject 不予受理"
        case .startReview: return "start review 开始审查"
        case .approve: return "approve 批准"
        case .deny: return "deny 不予许可"
        case .deliver: return "deliver 送达办结"
        case .suspend: return "suspend 中止"
        case .resume: return "resume 恢复"
        case .extend: return "extend 延期"
        case .withdraw: return "withdraw 撤回"
        case .transfer: return "transfer 转办"
        case .claim: return "claim 领取"
        case .release: return "release 释放"
        case .assign: return "assign 分派"
        case .note: return "note 备注"
        case .reply: return "reply 回复"
        case .supplement: return "supplement 补正收到"
        case .material: return "material 材料状态"
        case .rate: return "rate 评价"
        case .followUp: return "follow-up 回访"
        }
    }
}
