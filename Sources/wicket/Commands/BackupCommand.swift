import Foundation
import WicketCore

enum BackupCommand {
    static let spec = CommandSpec(
        name: "backup", arguments: ["PATH"],
        summary: "Copy the database to PATH while clerks keep working (SQLite online backup).",
        options: [.flag("--force", "replace PATH if it exists")],
        discussion: """
            The copy is one consistent moment of the database, checked with PRAGMA integrity_check, and
            written under a temporary name first: PATH is either the whole copy or untouched. An existing
            PATH is refused unless --force. The copy is a plain SQLite file; open it with --db PATH.
            """
    ) { args, context in
        let store = try context.openStore()
        let summary = try DatabaseBackup.run(from: store.db, to: args.positionals[0], overwrite: args.has("--force"))
        let megabytes = String(format: "%.1f", Double(summary.bytes) / 1_048_576)
        Output.line(CLIText.backedUp.format(context.settings.language, store.path, summary.path, summary.cases, summary.events, megabytes))
        return 0
    }
}
