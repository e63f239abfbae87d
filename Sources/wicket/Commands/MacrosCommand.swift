import Foundation
import WicketCore

enum MacrosCommand {
    static let spec = CommandSpec(
        name: "macros", arguments: ["list|load", "FILE?"],
        summary: "List the macros (named actions with their fields and a note), or load them from a file (admins only).",
        options: [.flag("--json", "list: print JSON (a list of macro objects)")],
        discussion: """
            File format: a `[NAME]` header, then `FIELD = VALUE` lines; `#` starts a comment line.
            Fields: \(MacroFile.fields.joined(separator: " ")) (name.zh, name.en and action required).
            Loading replaces every macro; a bad line refuses the whole file, naming the line.
            Apply one: wicket act CASE[,CASE...] --macro NAME, or wicket act --filter ... --macro NAME.
            """
    ) { args, context in
        let store = try context.openStore()
        let language = context.settings.language
        switch args.positionals[0] {
        case "list":
            let macros = try MacroRows.all(in: store)
            if args.has("--json") {
                Output.json(macros.map(JSONShapes.macro))
                return 0
            }
            guard !macros.isEmpty else {
                Output.line(CLIText.macrosNone.text(language))
                return 0
            }
            var rows = [header.map { $0.text(language) }]
            for macro in macros {
                rows.append([macro.name, Output.safe(macro.displayName(language)), language.code(macro.action.rawValue, macro.action.word),
                             Output.safe(fields(macro)), Output.safe(macro.note ?? "-")])
            }
            Output.table(rows).forEach { Output.line($0) }
        case "load":
            guard args.positionals.count == 2 else { throw UsageError(en: "macros load needs a FILE",
                zh: "macros load 需要文件 FILE") }
            try context.requireAdmin(store, for: Bilingual(en: "load macros", zh: "载入宏"))
            let path = args.positionals[1]
            guard let data = ProcessTrust.asCaller({ FileManager.default.contents(atPath: path) }),
                  let text = String(data: data, encoding: .utf8) else {
                throw WorkflowError.invalidArgument(Bilingual(en: "cannot read \(path) as UTF-8 text",
                                                              zh: "无法以 UTF-8 文本读取 \(path)"))
            }
            let macros: [Macro]
            do {
                macros = try MacroFile.parse(text, catalog: store.catalog)
            } catch let error as MacroFileError {
                throw WorkflowError.invalidArgument(Bilingual(en: "\(path):\(error.line): \(error.reason.en)",
                                                              zh: "\(path):\(error.line)：\(error.reason.zh)"))
            }
            try MacroRows.replace(with: macros, in: store)
            Output.line(CLIText.macrosLoaded.format(language, macros.count))
        default:
            throw UsageError(en: "macros takes list or load", zh: "macros 后接 list 或 load")
        }
        return 0
    }

    static let header = [Bilingual(en: "MACRO", zh: "宏"), Bilingual(en: "NAME", zh: "名称"), Bilingual(en: "ACTION", zh: "操作"),
                         Bilingual(en: "FIELDS", zh: "字段"), Bilingual(en: "NOTE", zh: "备注")]

    /// The macro's fields as the file writes them (codes and texts as given).
    static func fields(_ macro: Macro) -> String {
        var parts: [String] = []
        if let reason = macro.reason { parts.append("reason=\(reason)") }
        if let code = macro.reasonCode { parts.append("reason-code=\(code)") }
        if !macro.missing.isEmpty { parts.append("missing=\(macro.missing.joined(separator: ","))") }
        if let days = macro.days { parts.append("days=\(days)") }
        if let target = macro.target { parts.append("to=\(target)") }
        for language in Language.allCases where macro.template[language] != nil { parts.append("template.\(language.rawValue)") }
        return parts.isEmpty ? "-" : parts.joined(separator: " ")
    }
}
