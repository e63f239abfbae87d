/// Who sees which figures: the same rule as for cases (`CaseAccess`). Supervisors and admins
/// see every department or the one they ask for; a clerk sees only their own department's.
public enum ReportAccess {
    public static func department(for user: User, requested: String?) throws -> String? {
        try CaseAccess(user: user).department(requested: requested)
    }

    /// The departments a user may switch between on the dashboard; nil stands for all of them.
    public static func choices(for user: User, in catalog: Catalog) -> [String?] {
        switch CaseAccess(user: user).scope {
        case .everyDepartment: return [nil] + catalog.departments.map(\.code)
        case .department(let own): return [own]
        case .nothing: return []
        }
    }
}
