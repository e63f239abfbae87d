import Foundation

/// The reply templates in force: built-in ones, overridden by those a hall loaded into the database.
public struct TemplateSet: Sendable {
    private var templates: [CaseAction: [Language: ReplyTemplate]]

    public static let builtIn: TemplateSet = {
        var templates: [CaseAction: [Language: ReplyTemplate]] = [:]
        for (action, byLanguage) in DefaultTemplates.text {
            for (language, text) in byLanguage {
                // Built-in texts are tested to parse; a failure here is a programming error.
                templates[action, default: [:]][language] = try! ReplyTemplate(text)
            }
        }
        return TemplateSet(templates: templates)
    }()

    public func template(for action: CaseAction, language: Language) -> ReplyTemplate? {
        templates[action]?[language] ?? templates[action]?[.zh]
    }

    public var actions: [CaseAction] { CaseAction.allCases.filter { templates[$0] != nil } }

    public mutating func set(_ template: ReplyTemplate, for action: CaseAction, language: Language) {
        templates[action, default: [:]][language] = template
    }

    /// Reads the overrides stored in the database on top of the built-in set.
    static func load(from db: Database) throws -> TemplateSet {
        var set = TemplateSet.builtIn
        for row in try db.query("SELECT action, lang, body FROM templates") {
            guard let action = CaseAction(rawValue: row.string("action")),
                  let language = Language(rawValue: row.string("lang")),
                  let template = try? ReplyTemplate(row.string("body")) else { continue }
            set.set(template, for: action, language: language)
        }
        return set
    }

    /// Parses a template file:
    ///
    ///     [accept.zh]
    ///     {applicant}您好：……
    ///     [accept.en]
    ///     Dear {applicant}, …
    ///
    /// Each section's body runs to the next header; `#` lines outside a body are comments.
    public static func parseFile(_ text: String) throws -> [(CaseAction, Language, ReplyTemplate)] {
        try sections(text).compactMap { name, language, template in CaseAction(rawValue: name).map { ($0, language, template) } }
    }

    /// Every section of a template file: a case action's, or a consultation answer's
    /// (`ConsultationNotice.sections`), which the same file may hold.
    static func sections(_ text: String) throws -> [(String, Language, ReplyTemplate)] {
        var result: [(String, Language, ReplyTemplate)] = []
        var current: (action: String, language: Language, line: Int)?
        var body: [String] = []
        func finish() throws {
            guard let section = current else { return }
            while body.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { body.removeLast() }
            let source = body.joined(separator: "\n")
            let name = "\(section.action).\(section.language.rawValue)"
            guard !source.isEmpty else {
                throw TemplateError(line: section.line, en: "template \(name) is empty", zh: "模板 \(name) 为空")
            }
            do {
                result.append((section.action, section.language, try ReplyTemplate(source)))
            } catch let error as TemplateError {
                throw TemplateError(line: section.line, en: "\(name): \(error.reason.en)", zh: "\(name)：\(error.reason.zh)")
            }
        }
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                try finish()
                let name = trimmed.dropFirst().dropLast()
                let parts = name.split(separator: ".")
                let action = parts.first.map(String.init) ?? ""
                guard parts.count == 2, CaseAction(rawValue: action) != nil || ConsultationNotice.sections.contains(action),
                      let language = Language(rawValue: String(parts[1])) else {
                    throw TemplateError(line: offset + 1, en: "bad section [\(name)] (use [ACTION.zh] or [ACTION.en])",
                                        zh: "节名 [\(name)] 有误（用 [操作.zh] 或 [操作.en]）")
                }
                current = (action, language, offset + 1)
                body = []
            } else if current == nil {
                guard trimmed.isEmpty || trimmed.hasPrefix("#") else {
                    throw TemplateError(line: offset + 1, en: "text outside a [ACTION.LANG] section", zh: "文字不在任何 [操作.语言] 节内")
                }
            } else {
                body.append(String(line))
            }
        }
        try finish()
        return result
    }
}
