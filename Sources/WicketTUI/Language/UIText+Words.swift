import WicketCore

/// Values from the core shown to the clerk: the word for each in the clerk's language, never the
/// raw value stored in the database.
enum Words {
    // The words themselves live in the core (`CodeWords`), so the command line says the same.
    static func channel(_ channel: Channel, _ language: Language) -> String { channel.word.text(language) }

    static func materialState(_ state: MaterialState, _ language: Language) -> String { state.word.text(language) }

    /// A name the catalog holds in both languages, in the clerk's.
    static func name(zh: String, en: String, _ language: Language) -> String {
        language == .zh || en.isEmpty ? zh : en
    }

    /// The clock's phase as `CaseDetail` names it ("acceptance", "decision", "delivery").
    static func phase(_ phase: String, _ language: Language) -> String { PhaseWord.word(phase).text(language) }

    static func delivery(_ state: DeliveryState, _ language: Language) -> String { state.word.text(language) }

    static func rating(_ rating: Rating, _ language: Language) -> String { rating.word.text(language) }

    /// A history entry's action: a case action, the submission, or a look at the full ID.
    static func historyAction(_ action: String, _ language: Language) -> String {
        CaseAction.historyWord(action).text(language)
    }

    /// A status stored as text (history rows).
    static func status(_ stored: String, _ language: Language) -> String {
        CaseStatus(rawValue: stored).map { InboxView.shortStatus($0, language) } ?? stored
    }
}
