/// A registered person acting on cases.
public struct User: Sendable, Equatable, Codable {
    public let login: String
    public let displayName: String
    public let role: Role
    public let department: String?
    public let active: Bool

    public init(login: String, displayName: String, role: Role, department: String?, active: Bool = true) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.department = department
        self.active = active
    }
}

enum Users {
    static func load(_ login: String, in db: Database) throws -> User? {
        try db.queryOne("SELECT login, display_name, role, department, active FROM users WHERE login = ?", login).map {
            User(login: $0.string("login"), displayName: $0.string("display_name"),
                 role: Role(rawValue: $0.string("role")) ?? .clerk, department: $0.optionalString("department"),
                 active: $0.bool("active"))
        }
    }

    /// The acting user, refused if unknown or deactivated.
    static func actor(_ login: String, in db: Database) throws -> User {
        guard let user = try load(login, in: db) else { throw WorkflowError.unknownUser(login) }
        guard user.active else { throw WorkflowError.inactiveUser(login) }
        return user
    }
}
