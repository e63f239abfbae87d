/// A line of a macro file Wicket refuses, with its number; the file is refused whole.
public struct MacroFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let reason: Bilingual
    public var description: String { "line \(line): \(reason.en)" }
}

/// The macro file an admin loads (`wicket macros load FILE`):
///
///     # comments
///     [missing-hukou]
///     name.zh = 缺户口簿
///     name.en = Household register missing
///     action = request-materials
///     missing = HUKOU-BOOK
///     template.zh = {applicant}您好：……{missing_materials}
///     note = 批量通知缺户口簿
///
/// Fields: name.zh, name.en, action (required); reason, reason-code, missing, days, to,
/// template.zh, template.en, note. Checked against the catalog as it is loaded: an unknown
/// action, material or standard reason code, a bad template or a missing required field refuses
/// the file with the line number, in both languages.
public enum MacroFile {
    public static let fields = ["name.zh", "name.en", "action", "reason", "reason-code", "missing", "days", "to",
                                "template.zh", "template.en", "note"]

    public static func parse(_ text: String, catalog: Catalog) throws -> [Macro] {
        var macros: [Macro] = []
        var section: (name: String, line: Int, values: [String: (String, Int)])?
        func fail(_ line: Int, _ en: String, _ zh: String) -> MacroFileError {
            MacroFileError(line: line, reason: Bilingual(en: en, zh: zh))
        }
        func finish() throws {
            guard let section else { return }
            macros.append(try macro(section.name, line: section.line, values: section.values, catalog: catalog, fail: fail))
        }
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                try finish()
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw fail(number, "bad macro name [\(name)] (letters, digits, - and _)",
                               "宏名称 [\(name)] 有误（只能用字母、数字、- 和 _）")
                }
                guard !macros.contains(where: { $0.name == name }) else {
                    throw fail(number, "macro \(name) is defined twice", "宏 \(name) 定义了两次")
                }
                section = (name, number, [:])
                continue
            }
            guard section != nil else {
                throw fail(number, "text outside a [NAME] section", "文字不在任何 [名称] 节内")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw fail(number, "expected FIELD = VALUE", "应为“字段 = 值”")
            }
            let field = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard fields.contains(field) else {
                throw fail(number, "unknown field \(field) (fields: \(fields.joined(separator: ", ")))",
                           "未知字段 \(field)（可用字段：\(fields.joined(separator: "、"))）")
            }
            guard section!.values[field] == nil else {
                throw fail(number, "field \(field) given twice", "字段 \(field) 出现了两次")
            }
            guard !value.isEmpty else { throw fail(number, "field \(field) is empty", "字段 \(field) 为空") }
            section!.values[field] = (value, number)
        }
        try finish()
        return macros
    }

    private static func macro(_ name: String, line: Int, values: [String: (String, Int)], catalog: Catalog,
                              fail: (Int, String, String) -> MacroFileError) throws -> Macro {
        func required(_ field: String) throws -> (String, Int) {
            guard let value = values[field] else {
                throw fail(line, "macro \(name) has no \(field)", "宏 \(name) 缺少 \(field)")
            }
            return value
        }
        let (nameZh, _) = try required("name.zh")
        let (nameEn, _) = try required("name.en")
        let (actionName, actionLine) = try required("action")
        guard let action = CaseAction(rawValue: actionName), Macro.actions.contains(action) else {
            let known = Macro.actions.map(\.rawValue)
            throw fail(actionLine, "unknown action \(actionName) for a macro (\(known.joined(separator: ", ")))",
                       "宏不能使用操作 \(actionName)（可用：\(known.joined(separator: "、"))）")
        }
        var macro = Macro(name: name, nameZh: nameZh, nameEn: nameEn, action: action)
        macro.reason = values["reason"]?.0
        if let (code, codeLine) = values["reason-code"] {
            let offered = catalog.reasons.filter { $0.action == action.rawValue }.map(\.code)
            guard offered.contains(code) else {
                throw fail(codeLine, "unknown reason code \(code) for \(action.rawValue) (the standard reasons: \(offered.isEmpty ? "none" : offered.joined(separator: ", ")))",
                           "未知的标准理由代码 \(code)（“\(action.word.zh)”的标准理由：\(offered.isEmpty ? "无" : offered.joined(separator: "、"))）")
            }
            macro.reasonCode = code
        }
        if let (text, missingLine) = values["missing"] {
            let codes = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let unknown = codes.first(where: { code in !catalog.materials.contains { $0.code == code } }) {
                throw fail(missingLine, "unknown material \(unknown)", "未知材料 \(unknown)")
            }
            macro.missing = codes
        }
        if let (text, daysLine) = values["days"] {
            guard let days = Int(text), days > 0 else {
                throw fail(daysLine, "days takes a whole number of working days, not \(text)", "days 应为工作日数（正整数），而不是 \(text)")
            }
            macro.days = days
        }
        macro.target = values["to"]?.0
        for language in Language.allCases {
            guard let (source, templateLine) = values["template.\(language.rawValue)"] else { continue }
            do {
                macro.template[language] = try ReplyTemplate(source)
            } catch let error as TemplateError {
                throw fail(templateLine, error.reason.en, error.reason.zh)
            }
        }
        macro.note = values["note"]?.0
        // What the action itself cannot go without, said at load rather than on every case.
        let rule = Lifecycle.rule(for: action)
        if rule.reasonRequired && macro.reason == nil && macro.reasonCode == nil {
            throw fail(line, "macro \(name): \(action.rawValue) needs a reason or reason-code",
                       "宏 \(name)：“\(action.word.zh)”需要 reason 或 reason-code")
        }
        if action == .extend && macro.days == nil {
            throw fail(line, "macro \(name): extend needs days", "宏 \(name)：“\(action.word.zh)”需要 days")
        }
        if [.assign, .transfer].contains(action) && macro.target == nil {
            throw fail(line, "macro \(name): \(action.rawValue) needs to", "宏 \(name)：“\(action.word.zh)”需要 to")
        }
        if action == .reply && macro.template.isEmpty {
            throw fail(line, "macro \(name): reply needs template.zh or template.en",
                       "宏 \(name)：“\(action.word.zh)”需要 template.zh 或 template.en")
        }
        return macro
    }
}
