/// Who sees which figures (domain.md roles): supervisors and admins see every department or the
/// one they ask for; a clerk sees only their own department's.
public enum ReportAccess {
    public static func department(for user: User, requested: String?) throws -> String? {
        guard user.role == .clerk else { return requested }
        guard let own = user.department else {
            throw WorkflowError.invalidArgument("clerk \(user.login) has no department, so no figures to show")
        }
        if let requested, requested != own {
            throw WorkflowError.invalidArgument("clerks see only their own department's figures (\(own)), not \(requested)")
        }
        return own
    }

    /// The departments a user may switch between on the dashboard; nil stands for all of them.
    public static func choices(for user: User, in catalog: Catalog) -> [String?] {
        guard user.role != .clerk else { return [user.department] }
        return [nil] + catalog.departments.map(\.code)
    }
}
