/// The placeholders a reply template may use; anything else is refused when the template is loaded.
public enum Placeholder: String, CaseIterable, Sendable {
    case caseNumber = "case_number"
    case applicant
    case service
    case missingMaterials = "missing_materials"
    case dueDate = "due_date"
    case reason
    case department
    case days
    /// A service item's whole checklist, limits, fee and where to apply (`ServiceNotice`): the
    /// one-time notice a consultation's answer gives, so nobody comes twice.
    case checklist
    case limits
    case fee
    case whereToApply = "where_to_apply"
    /// A consultation's number and question (`ConsultationNotice`).
    case consultationNumber = "consultation_number"
    case question
}

public struct TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    public let line: Int?
    /// Both languages, so `templates load` can tell an admin in theirs.
    public let reason: Bilingual
    public var message: String { reason.en }
    public func message(_ language: Language) -> String { reason.text(language) }
    public var description: String { line.map { "line \($0): \(message)" } ?? message }

    init(line: Int?, en: String, zh: String) {
        self.line = line
        reason = Bilingual(en: en, zh: zh)
    }
}

/// A reply text with `{placeholder}` slots. `{{` and `}}` write literal braces.
public struct ReplyTemplate: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case slot(Placeholder)
    }

    let pieces: [Piece]
    public let source: String

    /// Parses and validates: an unknown or unclosed placeholder is an error naming it.
    public init(_ source: String) throws {
        self.source = source
        var pieces: [Piece] = []
        var text = ""
        var index = source.startIndex
        while index < source.endIndex {
            let character = source[index]
            let next = source.index(after: index)
            if character == "{" {
                if next < source.endIndex, source[next] == "{" {
                    text.append("{")
                    index = source.index(after: next)
                    continue
                }
                guard let close = source[next...].firstIndex(of: "}") else {
                    throw TemplateError(line: nil, en: "unclosed placeholder starting with '{'", zh: "以“{”开头的占位符没有闭合")
                }
                let name = String(source[next..<close])
                guard let placeholder = Placeholder(rawValue: name) else {
                    let known = Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: " ")
                    throw TemplateError(line: nil, en: "unknown placeholder {\(name)} (known: \(known))",
                                        zh: "未知占位符 {\(name)}（可用：\(known)）")
                }
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(.slot(placeholder))
                index = source.index(after: close)
            } else if character == "}" {
                guard next < source.endIndex, source[next] == "}" else {
                    throw TemplateError(line: nil, en: "stray '}' (write '}}' for a literal brace)",
                                        zh: "多余的“}”（字面的括号写作“}}”）")
                }
                text.append("}")
                index = source.index(after: next)
            } else {
                text.append(character)
                index = next
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    public func render(_ values: [Placeholder: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return text
            case .slot(let placeholder): return values[placeholder] ?? ""
            }
        }.joined()
    }
}
