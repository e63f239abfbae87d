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

/// Keys that start actions on the current case (also listed in help and the `.` menu).
public enum ActionKeys {
    public static let bindings: [(key: Character, action: CaseAction)] = [
        ("a", .accept), ("m", .requestMaterials), ("x", .reject), ("v", .startReview), ("p", .approve), ("d", .deny),
        ("D", .deliver), ("s", .suspend), ("u", .resume), ("E", .extend), ("w", .withdraw), ("t", .transfer),
        ("c", .claim), ("C", .release), ("A", .assign), ("o", .note), ("r", .reply),
    ]

    public static func action(for key: Character) -> CaseAction? {
        bindings.first { $0.key == key }?.action
    }

    public static func key(for action: CaseAction) -> Character? {
        bindings.first { $0.action == action }?.key
    }

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
