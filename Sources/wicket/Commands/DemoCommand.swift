import Foundation
import WicketCore

enum DemoCommand {
    static let spec = CommandSpec(
        name: "demo", arguments: [],
        summary: "Create (if absent) a demo database of realistic cases and open it.",
        options: [
            .value("--cases", "N", "how many cases a new demo database gets (default 2000)"),
            .flag("--fresh", "throw away an existing demo database and make a new one"),
        ],
        discussion: "Without --db the demo lives in ~/.local/share/wicket/demo.db, apart from the real database."
    ) { args, context in
        let path = context.databasePathOption ?? CommandContext.dataDirectory(context.environment) + "/demo.db"
        let count = try args.int("--cases") ?? 2000
        guard count >= 1, count <= 2_000_000 else { throw UsageError(en: "--cases must be between 1 and 2000000",
            zh: "--cases 必须在 1 到 2000000 之间") }
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            let existing = try CaseStore.open(path: path, clock: context.clock)
            guard try existing.setting("demo") == "1" else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(path) is not a demo database; demo never writes into a real one",
                zh: "\(path) 不是演示数据库；演示从不写入正式数据库"))
            }
            if args.has("--fresh") {
                for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
            }
        }
        let store: CaseStore
        if manager.fileExists(atPath: path) {
            store = try CaseStore.open(path: path, clock: context.clock)
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            store = try CaseStore.create(path: path, creator: "admin", clock: context.clock)
            do {
                try store.setSetting("demo", "1")
                let generator = DemoGenerator(store: store, demoLogin: context.actingUser, caseCount: count)
                try generator.run { done in
                    if Output.stderrIsTerminal { Output.raw("\rdemo: \(done)/\(count) cases", standardError: true) }
                }
            } catch {
                // A half-made demo would be reused next time; start over instead.
                for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
                throw error
            }
            if Output.stderrIsTerminal { Output.raw("\r\u{1B}[K", standardError: true) }
        }
        if Workstation.canOpen {
            try Workstation.open(store, context: context)
        } else {
            try printSummary(store, user: context.actingUser, language: context.settings.language)
        }
        return 0
    }

    static func printSummary(_ store: CaseStore, user: String, language: Language) throws {
        let report = try ReportBuilder(store: store).build()
        let total = try store.caseCount()
        Output.line(CLIText.demoSummary.format(language, store.path, total, report.openTotal))
        Output.line(Output.table(report.byStatus.map { ["  \($0.key)", String($0.count)] }).joined(separator: "\n"))
        Output.line(CLIText.demoLevels.format(language, report.overdue, report.red, report.yellow, report.acceptanceOverdue))
        Output.line(CLIText.demoTry.format(language, user))
        Output.line("  wicket --db \(store.path) list --clerk \(user)")
        Output.line("  wicket --db \(store.path) next")
    }
}
