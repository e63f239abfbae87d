import Foundation
import WicketCore

enum TemplatesCommand {
    static let spec = CommandSpec(
        name: "templates", arguments: ["list|load", "FILE?"],
        summary: "Show the reply templates in force, or load overrides from a file (admins only).",
        discussion: """
            File format: a `[ACTION.zh]` or `[ACTION.en]` header, then the text up to the next header; a consultation's
            answer is `[consult_service.LANG]` (about a service item) or `[consult_plain.LANG]` (without one).
            Placeholders: \(Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: " ")); an unknown one is refused.
            """
    ) { args, context in
        let store = try context.openStore()
        let admin = Administration(store: store)
        switch args.positionals[0] {
        case "list":
            let set = try admin.templates()
            for action in set.actions {
                for language in Language.allCases {
                    guard let template = set.template(for: action, language: language) else { continue }
                    Output.line("[\(action.rawValue).\(language.rawValue)]")
                    Output.line(template.source)
                    Output.line()
                }
            }
            for (section, language, template) in try admin.consultationTemplates() {
                Output.line("[\(section).\(language.rawValue)]")
                Output.line(template.source)
                Output.line()
            }
        case "load":
            guard args.positionals.count == 2 else { throw UsageError(en: "templates load needs a FILE",
                zh: "templates load 需要文件 FILE") }
            try context.requireAdmin(store, for: Bilingual(en: "load templates", zh: "载入答复模板"))
            let path = args.positionals[1]
            guard let data = ProcessTrust.asCaller({ FileManager.default.contents(atPath: path) }),
                  let text = String(data: data, encoding: .utf8) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot read \(path) as UTF-8 text",
                zh: "无法以 UTF-8 文本读取 \(path)"))
            }
            let templates: [(CaseAction, Language, ReplyTemplate)]
            let consultationTemplates: [(String, Language, ReplyTemplate)]
            do {
                templates = try TemplateSet.parseFile(text)
                consultationTemplates = try ConsultationNotice.parseFile(text)
            } catch let error as TemplateError {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(path):\(error.line.map(String.init) ?? "?"): \(error.reason.en)",
                zh: "\(path):\(error.line.map(String.init) ?? "?")：\(error.reason.zh)"))
            }
            try admin.loadTemplates(templates)
            try admin.loadConsultationTemplates(consultationTemplates)
            Output.line(CLIText.templatesLoaded.format(context.settings.language, templates.count + consultationTemplates.count))
        default:
            throw UsageError(en: "templates takes list or load",
                zh: "templates 后接 list 或 load")
        }
        return 0
    }
}
