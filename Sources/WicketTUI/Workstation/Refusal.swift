import WicketCore

/// How the workstation words the core's refusals. A move the lifecycle does not allow names
/// what this user can do from here instead, each with its key: not an action without a key,
/// not a supervisor's action to a clerk.
enum Refusal {
    static func text(_ refusal: WorkflowError, _ state: WorkstationState) -> String {
        let language = state.language
        guard case .notAllowed(let action, let status, let allowed) = refusal else {
            return UIText.statusRefused.format(language, refusal.message(language))
        }
        let options = allowed.compactMap { action -> String? in
            guard let key = state.keys.key(for: action),
                  state.user.role.canOverride || !Lifecycle.rule(for: action).supervisorOnly else { return nil }
            return "\(key) \(ActionKeys.label(action, language))"
        }
        let offered = options.isEmpty ? UIText.allowedNone.text(language) : options.joined(separator: language == .zh ? "，" : ", ")
        let text = UIText.refusedNotAllowed.format(language, ActionKeys.label(action, language),
                                                   InboxView.shortStatus(status, language), offered)
        return UIText.statusRefused.format(language, text)
    }
}
