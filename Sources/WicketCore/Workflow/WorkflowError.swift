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
    case invalidArgument(String)
    case nothingToRequest(String)
    case alreadyExtended(String)
    case alreadyHeld(case: String, holder: String)
    case notHeld(String)
    case noCaseToTake(department: String)

    public var description: String {
        switch self {
        case .caseNotFound(let number):
            return "no case \(number)"
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
            return "user '\(login)' is deactivated"
        case .supervisorOnly(let action):
            return "only a supervisor or admin may \(action.rawValue)"
        case .otherDepartment(let number, let caseDepartment, let userDepartment):
            return "case \(number) belongs to \(caseDepartment); you work for \(userDepartment)"
        case .invalidArgument(let message):
            return message
        case .nothingToRequest(let number):
            return "case \(number) has no missing or defective material to request; accept it, or mark an item with --missing"
        case .alreadyExtended(let number):
            return "case \(number) was already extended once; the law allows one extension"
        case .alreadyHeld(let number, let holder):
            return "case \(number) is already held by \(holder)"
        case .notHeld(let number):
            return "case \(number) is not held by anyone"
        case .noCaseToTake(let department):
            return "no unassigned case waiting in \(department)"
        }
    }
}
