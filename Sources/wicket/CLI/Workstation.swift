import Foundation
import WicketCore
import WicketTUI

/// Opening the full-screen workstation from the command line.
enum Workstation {
    /// Only on a terminal: piped or redirected, the commands print text instead.
    static var canOpen: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static func open(_ store: CaseStore, context: CommandContext) throws {
        guard canOpen else {
            throw WorkflowError.invalidArgument("the workstation needs a terminal; use a command instead (see `wicket help`)")
        }
        do {
            try TerminalSession.run(store: store, login: context.actingUser, actedBy: context.actedBy,
                                   options: context.workstationOptions())
        } catch let error as TerminalError {
            throw WorkflowError.invalidArgument("cannot start the terminal: \(error)")
        }
    }
}
