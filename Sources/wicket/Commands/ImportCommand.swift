import Foundation
import WicketCore

enum ImportCommand {
    static let spec = CommandSpec(
        name: "import", arguments: ["FILE"],
        summary: "Import applications from a JSON Lines file (or - for stdin).",
        discussion: """
            One application per line; a line whose ref is already registered changes nothing, so a re-run is safe.
            Bad lines are reported as `line N: reason` on stderr and the rest are imported (exit 1 if any was bad).
            ID and phone numbers are checked: a resident ID number by its check character and birth date, unless
            applicant.id_type names another document (hk_macao_permit, taiwan_permit, passport, foreign_permanent_resident).
            Admins and portal logins (`users add portal --role portal`) may import; anyone else is refused.
            """
    ) { args, context in
        let path = args.positionals[0]
        // The input first: a wrong path is said before the database is opened.
        // Opened as the caller: a setgid run never reads a file for a clerk with the hall's group.
        let handle = try ProcessTrust.asCaller { try openInput(path) }
        let store = try context.openStore()
        // Admins and the portal's login (`CaseAccess`); refused before a line is read.
        try context.access(store).requireImport()
        let showProgress = Output.stderrIsTerminal
        let language = context.settings.language
        let summary: Importer.Summary
        do {
            summary = try Importer(store: store, actor: context.actingUser).run(from: handle) { progress in
                if showProgress {
                    Output.raw("\r" + CLIText.importProgress.format(language, progress.linesRead, progress.imported), standardError: true)
                }
            }
        } catch let failure as Importer.ReadError {
            if showProgress { Output.raw("\r\u{1B}[K", standardError: true) }
            // Whole batches before the failure are committed; a re-run after the cause is fixed completes the rest.
            let source = path == "-" ? "stdin" : path
            throw WorkflowError.invalidArgument(Bilingual(
                en: "reading \(source) failed: \(failure.reason); the lines before it that were committed stay imported",
                zh: "读取 \(source) 失败：\(failure.reason)；此前已提交的行仍保持导入"))
        }
        if showProgress { Output.raw("\r\u{1B}[K", standardError: true) }
        if path == "-" && summary.linesRead == 0 { throw nothingRead }
        for error in summary.errors { Output.error(error.message(language)) }
        // Flags, not errors: the lines were imported; the exit status does not change.
        for duplicate in summary.duplicates { Output.line(duplicate.message(language)) }
        Output.line(CLIText.imported.format(language, summary.imported, summary.alreadyPresent, summary.errors.count))
        return summary.errors.isEmpty ? 0 : 1
    }

    static let nothingRead = WorkflowError.invalidArgument(Bilingual(
        en: "nothing was read from stdin (it is empty or closed); nothing imported",
        zh: "标准输入没有读到任何内容（为空或已关闭），未导入任何申请"))

    /// stdin for `-`, else the file; a missing, unreadable or folder path is named in a sentence.
    static func openInput(_ path: String) throws -> FileHandle {
        if path == "-" {
            guard fcntl(STDIN_FILENO, F_GETFD) != -1 else { throw nothingRead }
            return .standardInput
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT:
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "cannot import \(path): no such file",
                    zh: "无法导入 \(path)：文件不存在"))
            case EACCES:
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "cannot import \(path): you may not read it (permission denied)",
                    zh: "无法导入 \(path)：没有读取权限"))
            default:
                let reason = String(cString: strerror(code))
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "cannot import \(path): \(reason)",
                    zh: "无法导入 \(path)：\(reason)"))
            }
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot import \(path): it is a folder, not a file",
                zh: "无法导入 \(path)：这是文件夹，不是文件"))
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
