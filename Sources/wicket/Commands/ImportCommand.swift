import Foundation
import WicketCore

enum ImportCommand {
    static let spec = CommandSpec(
        name: "import", arguments: ["FILE"],
        summary: "Import applications from a JSON Lines file (or - for stdin).",
        discussion: """
            One application per line; a line whose ref is already registered changes nothing, so a re-run is safe.
            Bad lines are reported as `line N: reason` on stderr and the rest are imported (exit 1 if any was bad).
            Admins and portal logins (`users add portal --role portal`) may import; anyone else is refused.
            """
    ) { args, context in
        let store = try context.openStore()
        // Admins and the portal's login (`CaseAccess`); refused before the file is even opened.
        try context.access(store).requireImport()
        let path = args.positionals[0]
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot read \(path)",
                zh: "无法读取 \(path)"))
            }
            handle = file
        }
        let showProgress = Output.stderrIsTerminal
        let language = context.settings.language
        let summary = try Importer(store: store, actor: context.actingUser).run(from: handle) { progress in
            if showProgress {
                FileHandle.standardError.write(Data(("\r" + CLIText.importProgress.format(language, progress.linesRead, progress.imported)).utf8))
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for error in summary.errors { Output.error(error.message(context.settings.language)) }
        Output.line(CLIText.imported.format(context.settings.language, summary.imported, summary.alreadyPresent, summary.errors.count))
        return summary.errors.isEmpty ? 0 : 1
    }
}
