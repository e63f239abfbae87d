import WicketCore

/// How the workstation words the core's refusals. A move the lifecycle does not allow names
/// what this user can do from here instead, each with its key: not an action without a key,
/// not a supervisor's action to a clerk.
enum Refusal {
    /// Why a key may not act on `number` although it is the case the keys point at now: the
    /// clerk has not seen it. Either another terminal took the case the clerk was looking at away
    /// (`shownCaseLeft`, refused once), or no frame has shown `number` yet (`caseOnScreen`): the
    /// key was typed ahead, for the case before. Nil when the clerk saw it.
    static func unseen(_ number: String, _ state: WorkstationState) -> String? {
        let language = state.language
        if let left = state.shownCaseLeft { return UIText.refusedUnseen.format(language, left, number) }
        guard let onScreen = state.caseOnScreen, onScreen.number != number else { return nil }
        return notOnScreen(number, shown: onScreen.number, language)
    }

    /// "2026-000004 was not on screen yet — press again to act on it (the screen showed 2026-000001)".
    static func notOnScreen(_ number: String, shown: String?, _ language: Language) -> String {
        shown.map { UIText.refusedNotOnScreen.format(language, number, $0) }
            ?? UIText.refusedNotOnScreenNone.format(language, number)
    }

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
