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
}
