/// Why an action was refused. Nothing was changed when one of these is thrown.
public enum WorkflowError: Error, Equatable, CustomStringConvertible, Sendable {
    case caseNotFound(String)
    case notAllowed(action: CaseAction, status: CaseStatus, allowed: [CaseAction])
    case reasonRequired(CaseAction)
    case notHolder(case: String, holder: String)
    case staleVersion(case: String, expected: Int, current: Int)
    case unknownUser(String)
    case inactiveUser(String)
    case supervisorOnly(CaseAction)
    case otherDepartment(case: String, caseDepartment: String, userDepartment: String)
    case invalidArgument(Bilingual)
    case nothingToRequest(String)
    case alreadyExtended(String)
    case alreadyHeld(case: String, holder: String)
    case notHeld(String)
    /// `nil`: a supervisor or admin with no department, who takes from the whole hall.
    case noCaseToTake(department: String?)

    /// The refusal in the clerk's language; `description` is the English one (logs and tests).
    public func message(_ language: Language) -> String {
        language == .zh ? chinese : description
    }

    public var description: String {
        switch self {
        case .caseNotFound(let number):
            // The same words whether the case is missing or one the reader may not see (`CaseAccess`).
            return "no case \(number) that you may see"
        case .notAllowed(let action, let status, let allowed):
            let options = allowed.isEmpty ? "none: the case is closed"
                : allowed.map(\.rawValue).joined(separator: ", ")
            return "cannot \(action.rawValue) a case that is \(status.rawValue) (allowed now: \(options))"
        case .reasonRequired(let action):
            return "\(action.rawValue) needs a reason (--reason TEXT)"
        case .notHolder(let number, let holder):
            return "case \(number) is held by \(holder); ask them or a supervisor to release or reassign it"
        case .staleVersion(let number, let expected, let current):
            return "case \(number) changed since you read it (your version \(expected), now \(current)); look at it again and retry"
        case .unknownUser(let login):
            return "user '\(login)' is not registered in this database (an admin adds users with `wicket users add`)"
        case .inactiveUser(let login):
            return "user '\(login)' is deactivated and may not see or change cases (an admin reactivates users with `wicket users add`)"
        case .supervisorOnly(let action):
            return "only a supervisor or admin may \(action.rawValue)"
        case .otherDepartment(let number, let caseDepartment, let userDepartment):
            return "case \(number) belongs to \(caseDepartment); you work for \(userDepartment)"
        case .invalidArgument(let message):
            return message.en
        case .nothingToRequest(let number):
            return "case \(number) has no missing or defective material to request; accept it, or mark an item with --missing"
        case .alreadyExtended(let number):
            return "case \(number) was already extended once; the law allows one extension"
        case .alreadyHeld(let number, let holder):
            return "case \(number) is already held by \(holder)"
        case .notHeld(let number):
            return "case \(number) is not held by anyone"
        case .noCaseToTake(let department):
            return department.map { "no unassigned case waiting in \($0)" } ?? "no unassigned case waiting in the hall"
        }
    }

    private var chinese: String {
        switch self {
        case .caseNotFound(let number):
            return "没有您可查看的案件 \(number)"
        case .notAllowed(let action, let status, let allowed):
            // Words, not codes: a Chinese reader sees 审查中 and 受理, never in_review and accept.
            let options = allowed.isEmpty ? "无：案件已办结" : allowed.map(\.word.zh).joined(separator: "、")
            return "案件状态为“\(status.word.zh)”，不能执行“\(action.word.zh)”（当前可执行：\(options)）"
        case .reasonRequired(let action):
            return "“\(action.word.zh)”需要填写理由（--reason 文字）"
        case .notHolder(let number, let holder):
            return "案件 \(number) 由 \(holder) 经办；请联系该经办人或\(Role.supervisor.word.zh)释放或改派"
        case .staleVersion(let number, let expected, let current):
            return "案件 \(number) 在您查看后已有变动（您的版本 \(expected)，现为 \(current)）；请重新查看后再试"
        case .unknownUser(let login):
            return "用户“\(login)”未在本数据库登记（管理员可用 `wicket users add` 添加）"
        case .inactiveUser(let login):
            return "用户“\(login)”已停用，不能查看或办理案件（管理员可用 `wicket users add` 重新启用）"
        case .supervisorOnly(let action):
            return "只有\(Role.supervisor.word.zh)或\(Role.admin.word.zh)可以执行“\(action.word.zh)”"
        case .otherDepartment(let number, let caseDepartment, let userDepartment):
            return "案件 \(number) 属于 \(caseDepartment)；您属于 \(userDepartment)"
        case .invalidArgument(let message):
            return message.zh
        case .nothingToRequest(let number):
            return "案件 \(number) 没有缺少或有误的材料可补正；请受理，或用 --missing 标记材料"
        case .alreadyExtended(let number):
            return "案件 \(number) 已延期过一次；法定只能延期一次"
        case .alreadyHeld(let number, let holder):
            return "案件 \(number) 已由 \(holder) 经办"
        case .notHeld(let number):
            return "案件 \(number) 没有经办人"
        case .noCaseToTake(let department):
            return department.map { "\($0) 没有待领取的案件" } ?? "全大厅没有待领取的案件"
        }
    }
}
