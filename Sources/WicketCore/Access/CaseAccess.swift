/// Who may see which cases, and who may bring applications in: the one rule, used alike by the
/// command line (`list`, `show`, `act`, `next`, `report`, `import`), the workstation (inbox,
/// detail, dashboard) and the reports.
///
/// - An unregistered or deactivated login sees nothing and may do nothing: `check` refuses it,
///   naming the login.
/// - A clerk sees their own department's cases (a clerk without a department sees none).
/// - Supervisors and admins see every case.
/// - A portal login (the online portal's service account) sees no case; it may only import.
/// - Admins and portal logins may import applications; nobody else.
///
/// A case someone may not see is, for them, a case that does not exist: `show`, `act` and
/// reveal refuse it with the very words used for a missing number (`WorkflowError.caseNotFound`),
/// so a refusal tells nothing about it, not even that it exists.
public struct CaseAccess: Sendable, Equatable {
    public let user: User

    /// Which cases a user may see.
    public enum Scope: Sendable, Equatable {
        case everyDepartment
        case department(String)
        case nothing
    }

    /// The rule for a user already known to be registered and active (e.g. the workstation's,
    /// checked when it opened). Use `check` for a login.
    public init(user: User) {
        self.user = user
    }

    /// The registered, active user behind `login`; an unregistered or deactivated login is refused.
    public static func check(_ login: String, in store: CaseStore) throws -> CaseAccess {
        try store.db.read { try check(login, in: store.db) }
    }

    static func check(_ login: String, in db: Database) throws -> CaseAccess {
        CaseAccess(user: try Users.actor(login, in: db))
    }

    public var scope: Scope {
        guard user.active else { return .nothing }
        switch user.role {
        case .supervisor, .admin: return .everyDepartment
        case .clerk: return user.department.map(Scope.department) ?? .nothing
        case .portal: return .nothing
        }
    }

    public func maySee(caseDepartment: String) -> Bool {
        switch scope {
        case .everyDepartment: return true
        case .department(let own): return own == caseDepartment
        case .nothing: return false
        }
    }

    /// The department a list, report or dashboard is limited to (nil: every department).
    /// Supervisors and admins get what they ask for; a clerk always their own department (asking
    /// for another is refused); someone who sees no case is refused with the reason.
    public func department(requested: String?) throws -> String? {
        switch scope {
        case .everyDepartment:
            return requested
        case .department(let own):
            if let requested, requested != own {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "clerks see their own department's cases (\(own)) and its figures, not \(requested)'s; " +
                        "a supervisor sees every department",
                    zh: "办事员只能查看本部门（\(own)）的案件和数字，不能查看 \(requested)；主管可查看所有部门"))
            }
            return own
        case .nothing:
            throw seesNothing
        }
    }

    /// The department lists are limited to, for a user already past `requireCases` (the
    /// workstation): nil for every department. Someone who sees nothing gets a department no
    /// case has, so a list can never widen to every department by mistake.
    public var listDepartment: String? {
        switch scope {
        case .everyDepartment: return nil
        case .department(let own): return own
        case .nothing: return ""
        }
    }

    /// Refuses someone who sees no case at all (before opening the workstation, taking next, …).
    public func requireCases() throws {
        if scope == .nothing { throw seesNothing }
    }

    /// Why `scope` is `.nothing`, in words.
    var seesNothing: WorkflowError {
        if !user.active { return .inactiveUser(user.login) }
        if user.role == .portal {
            return .invalidArgument(Bilingual(
                en: "\(user.login) is a portal login: it may import applications (`wicket import`) and sees no cases",
                zh: "\(user.login) 是门户登录：只能导入申请（`wicket import`），不能查看案件"))
        }
        return .invalidArgument(Bilingual(
            en: "clerk \(user.login) has no department, so sees no cases; an admin sets one with `wicket users add \(user.login) --dept CODE`",
            zh: "办事员 \(user.login) 不属于任何部门，因此看不到案件；管理员可用 `wicket users add \(user.login) --dept 代码` 设置"))
    }

    /// Admins, and the portal's service login, bring applications in; a clerk registers a
    /// walk-in at the window instead (the workstation's intake form), in their own hall.
    public var mayImport: Bool {
        user.active && (user.role == .admin || user.role == .portal)
    }

    public func requireImport() throws {
        guard user.active else { throw WorkflowError.inactiveUser(user.login) }
        guard mayImport else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "only an admin or a portal login may import applications (you are \(user.role.rawValue) \(user.login)); nothing was imported",
                zh: "只有管理员或门户登录可以导入申请（您是\(user.role.word.zh) \(user.login)）；未导入任何内容"))
        }
    }

    /// The case numbered `number` if this user may see it; otherwise refused exactly as a
    /// missing case is, so the refusal tells nothing about it.
    func visibleCase(_ number: String, in db: Database) throws -> CaseRecord {
        guard let record = try CaseRows.load(number: number, in: db), maySee(caseDepartment: record.department) else {
            throw WorkflowError.caseNotFound(number)
        }
        return record
    }
}
