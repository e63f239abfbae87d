import Foundation
import WicketCore
import WicketTUI

/// Opening the full-screen workstation from the command line.
enum Workstation {
    /// Only on a terminal: piped or redirected, the commands print text instead.
    static var canOpen: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static func open(_ store: CaseStore, context: CommandContext) throws {
        guard canOpen else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "the workstation needs a terminal; use a command instead (see `wicket help`)",
                zh: "工作台需要终端；请改用命令（见 `wicket help`）"))
        }
        do {
            try TerminalSession.run(store: store, login: context.actingUser, actedBy: context.actedBy,
                                   options: context.workstationOptions())
        } catch let error as TerminalError {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot start the terminal: \(error)",
                zh: "无法启动终端：\(error)"))
        }
    }
}
