import Foundation
import WicketCore

enum CatalogCommand {
    static let spec = CommandSpec(
        name: "catalog", arguments: ["list|export|load", "FILE?"],
        summary: "Show the service catalog, export it as JSON, or load one (admins only).",
        options: [.flag("--json", "list: print JSON")],
        discussion: "`catalog export > c.json`, edit, `catalog load c.json`. Items a loaded catalog leaves out become inactive."
    ) { args, context in
        let store = try context.openStore()
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        switch args.positionals[0] {
        case "list":
            if args.has("--json") {
                Output.jsonText(String(decoding: try encoder.encode(store.catalog.services), as: UTF8.self))
                return 0
            }
            let l = context.settings.language
            var rows = [[Bilingual(en: "CODE", zh: "代码"), Bilingual(en: "SERVICE", zh: "事项"), Bilingual(en: "DEPT", zh: "部门"),
                         Bilingual(en: "ACCEPT", zh: "受理时限"), Bilingual(en: "PROMISED", zh: "承诺时限"), Bilingual(en: "LEGAL", zh: "法定时限"),
                         Bilingual(en: "ONLINE", zh: "全程网办"), Bilingual(en: "MATERIALS", zh: "材料")].map { $0.text(l) }]
            // Working days: "WD" in English, "个工作日" in Chinese.
            let days = { (n: Int) in Bilingual(en: "\(n) WD", zh: "\(n) 个工作日").text(l) }
            for item in store.catalog.services {
                rows.append([item.code, "\(item.nameZh) \(item.nameEn)", item.department, days(item.acceptanceLimitDays),
                             days(item.promisedLimitDays), days(item.legalLimitDays), YesNo.text(item.fullyOnline, l),
                             item.materials.joined(separator: ",")])
            }
            Output.table(rows).forEach { Output.line($0) }
        case "export":
            Output.jsonText(String(decoding: try encoder.encode(store.catalog), as: UTF8.self))
        case "load":
            guard args.positionals.count == 2 else { throw UsageError(en: "catalog load needs a FILE",
                zh: "catalog load 需要文件 FILE") }
            try context.requireAdmin(store, for: Bilingual(en: "load a catalog", zh: "载入事项目录"))
            let path = args.positionals[1]
            guard let data = ProcessTrust.asCaller({ FileManager.default.contents(atPath: path) }) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot read \(path)",
                zh: "无法读取 \(path)"))
            }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            let catalog: Catalog
            do {
                catalog = try decoder.decode(Catalog.self, from: data)
            } catch {
                let problem = CatalogCommand.describe(error)
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(path): not a catalog (\(problem.en))",
                zh: "\(path)：不是事项目录（\(problem.zh)）"))
            }
            try Administration(store: store).loadCatalog(catalog)
            Output.line(CLIText.catalogLoaded.format(context.settings.language, catalog.services.count, catalog.departments.count,
                                                     catalog.materials.count))
        default:
            throw UsageError(en: "catalog takes list, export or load",
                zh: "catalog 后接 list、export 或 load")
        }
        return 0
    }

    /// What is wrong and where (the JSON path), in both languages. Foundation's own wording is
    /// English only, so it is kept for the English reader and named by kind for the Chinese one.
    static func describe(_ error: Error) -> Bilingual {
        func path(_ context: DecodingError.Context) -> String { context.codingPath.map(\.stringValue).joined(separator: ".") }
        func place(_ context: DecodingError.Context) -> String { context.codingPath.isEmpty ? "顶层" : path(context) }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return Bilingual(en: "missing \(key.stringValue) at \(path(context))", zh: "\(place(context)) 处缺少 \(key.stringValue)")
        case DecodingError.typeMismatch(_, let context):
            return Bilingual(en: "\(context.debugDescription) at \(path(context))", zh: "\(place(context)) 处的值类型不对")
        case DecodingError.valueNotFound(_, let context):
            return Bilingual(en: "\(context.debugDescription) at \(path(context))", zh: "\(place(context)) 处缺少值")
        case DecodingError.dataCorrupted(let context):
            return Bilingual(en: "\(context.debugDescription) at \(path(context))",
                             zh: context.codingPath.isEmpty ? "不是有效的 JSON" : "\(path(context)) 处的值有误")
        default:
            return Bilingual(en: "\(error)", zh: "无法读取（\(error)）")
        }
    }
}
