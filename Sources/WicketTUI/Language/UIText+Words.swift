import WicketCore

/// Values from the core shown to the clerk: the word for each in the clerk's language, never the
/// raw value stored in the database.
enum Words {
    static func channel(_ channel: Channel, _ language: Language) -> String {
        let word: UIText
        switch channel {
        case .online: word = .channelOnline
        case .mobile: word = .channelMobile
        case .window: word = .channelWindow
        case .phone: word = .channelPhone
        case .mail: word = .channelMail
        }
        return word.text(language)
    }

    static func materialState(_ state: MaterialState, _ language: Language) -> String {
        let word: UIText
        switch state {
        case .missing: word = .materialStateMissing
        case .submitted: word = .materialStateReceived
        case .verified: word = .materialStateVerified
        case .defective: word = .materialStateDefective
        }
        return word.text(language)
    }

    /// A name the catalog holds in both languages, in the clerk's.
    static func name(zh: String, en: String, _ language: Language) -> String {
        language == .zh || en.isEmpty ? zh : en
    }

    /// The clock's phase as `CaseDetail` names it ("acceptance", "decision", "delivery").
    static func phase(_ phase: String, _ language: Language) -> String {
        let words: [String: UIText] = ["acceptance": .phaseAcceptance, "decision": .phaseDecision, "delivery": .phaseDelivery]
        return words[phase]?.text(language) ?? phase
    }

    static func delivery(_ state: DeliveryState, _ language: Language) -> String {
        let word: UIText
        switch state {
        case .queued: word = .deliveryQueued
        case .sent: word = .deliverySent
        case .delivered: word = .deliveryDelivered
        case .failed: word = .deliveryFailed
        case .failedPermanent: word = .deliveryFailedPermanent
        }
        return word.text(language)
    }

    static func rating(_ rating: Rating, _ language: Language) -> String {
        let word: UIText
        switch rating {
        case .good: word = .ratingGood
        case .fair: word = .ratingFair
        case .poor: word = .ratingPoor
        }
        return word.text(language)
    }

    /// A history entry's action: a case action, the submission, or a look at the full ID.
    static func historyAction(_ action: String, _ language: Language) -> String {
        if let caseAction = CaseAction(rawValue: action) { return ActionKeys.label(caseAction, language) }
        if action == CaseAction.submitEvent { return UIText.historySubmit.text(language) }
        if action == "reveal" { return UIText.historyReveal.text(language) }
        return action
    }

    /// A status stored as text (history rows).
    static func status(_ stored: String, _ language: Language) -> String {
        CaseStatus(rawValue: stored).map { InboxView.shortStatus($0, language) } ?? stored
    }
}
