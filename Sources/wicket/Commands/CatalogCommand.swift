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
            var rows = [["CODE", "SERVICE", "DEPT", "ACCEPT", "PROMISED", "LEGAL", "ONLINE", "MATERIALS"]]
            for item in store.catalog.services {
                rows.append([item.code, "\(item.nameZh) \(item.nameEn)", item.department, "\(item.acceptanceLimitDays) WD",
                             "\(item.promisedLimitDays) WD", "\(item.legalLimitDays) WD", item.fullyOnline ? "yes" : "no",
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
            guard let data = FileManager.default.contents(atPath: path) else {
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
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(path): not a catalog (\(CatalogCommand.describe(error)))",
                zh: "\(path)：不是事项目录（\(CatalogCommand.describe(error))）"))
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

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(key.stringValue) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "\(error)"
        }
    }
}
