/// A sentence a user may read, in both of Wicket's languages. Built with both texts at once, so
/// no message can exist in one language and not the other. Two are equal when their English is.
public struct Bilingual: Sendable, Equatable, CustomStringConvertible {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }

    public var description: String { en }

    public static func == (lhs: Bilingual, rhs: Bilingual) -> Bool { lhs.en == rhs.en }
}

extension Bilingual: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(en) }
}

extension Language {
    /// Items joined the way the language writes a list.
    public func list(_ items: [String]) -> String {
        items.joined(separator: self == .zh ? "、" : ", ")
    }
}

/// Any error Wicket may show a user, in the user's language.
public enum ErrorText {
    public static func message(_ error: any Error, _ language: Language) -> String {
        switch error {
        case let refusal as WorkflowError: return refusal.message(language)
        case let problem as StoreError: return problem.message(language)
        case let problem as HistoryKeyError: return problem.message(language)
        case let busy as HallBusyError: return busy.message(language)
        case let failure as DatabaseError:
            return (language == .zh ? "数据库错误：" : "database error: ") + failure.message
        default: return "\(error)"
        }
    }
}
