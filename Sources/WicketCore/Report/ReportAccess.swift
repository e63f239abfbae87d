/// Who sees which figures (domain.md roles): supervisors and admins see every department or the
/// one they ask for; a clerk sees only their own department's.
public enum ReportAccess {
    public static func department(for user: User, requested: String?) throws -> String? {
        guard user.role == .clerk else { return requested }
        guard let own = user.department else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "clerk \(user.login) has no department, so no figures to show",
                zh: "办事员 \(user.login) 不属于任何部门，没有可显示的数字"))
        }
        if let requested, requested != own {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "clerks see only their own department's figures (\(own)), not \(requested)",
                zh: "办事员只能查看本部门（\(own)）的数字，不能查看 \(requested)"))
        }
        return own
    }

    /// The departments a user may switch between on the dashboard; nil stands for all of them.
    public static func choices(for user: User, in catalog: Catalog) -> [String?] {
        guard user.role != .clerk else { return [user.department] }
        return [nil] + catalog.departments.map(\.code)
    }
}
