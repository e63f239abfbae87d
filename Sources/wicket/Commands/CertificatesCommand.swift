import Foundation
import WicketCore

/// `wicket certificates import FILE|-`: the certificate library's records (`CertificateImport`).
enum CertificatesCommand {
    static let spec = CommandSpec(
        name: "certificates", arguments: ["import", "FILE"],
        summary: "Import electronic certificates (JSON Lines) from the certificate library (admins and portal logins).",
        discussion: """
            One certificate per line: type (a material code), id_number (the holder's; kept only as a keyed hash),
            number, issuer, valid_from, valid_until (YYYY-MM-DD), and "revoked": true to revoke one.
            A line already held changes nothing; a changed one updates it. Bad lines are named `line N: reason` (exit 1).
            A valid, unrevoked certificate makes its material "on file" for the holder's cases: not asked for again.
            """
    ) { args, context in
        guard args.positionals.count == 2, args.positionals[0] == "import" else {
            throw UsageError(en: "usage: wicket certificates import FILE|-", zh: "用法：wicket certificates import 文件|-")
        }
        let path = args.positionals[1]
        // Read as the caller, before the database is opened (as `import` does).
        let handle = try ProcessTrust.asCaller { try ImportCommand.openInput(path) }
        let data = try handle.readToEnd() ?? Data()
        if path == "-" && data.isEmpty { throw ImportCommand.nothingRead }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "\(path) is not UTF-8 text", zh: "\(path) 不是 UTF-8 文本"))
        }
        let store = try context.openStore()
        let language = context.settings.language
        let summary = try CertificateImport(store: store, actor: context.actingUser).run(text: text)
        for error in summary.errors { Output.error(error.message(language)) }
        Output.line(CLIText.certificatesImported.format(language, summary.added, summary.updated, summary.unchanged, summary.errors.count))
        return summary.errors.isEmpty ? 0 : 1
    }
}
