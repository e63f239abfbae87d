import Foundation
import WicketCore
import WicketTUI

enum DashboardCommand {
    static let spec = CommandSpec(
        name: "dashboard", arguments: [],
        summary: "Open the supervisor dashboard: backlog, deadlines, flow and satisfaction, live.",
        options: [],
        discussion: """
            The full-screen workstation, opened on its dashboard (B or F3 from the inbox). It refreshes
            by itself when anyone changes a case. Enter on a figure lists exactly those cases; Esc comes
            back. t / w / m / c: today, this week, 30 days, a custom period; d: department (supervisors;
            clerks see their own department). The same figures as text: `wicket report`; as a screen
            for scripts: `wicket screen --view dashboard`.
            """
    ) { _, context in
        let store = try context.openStore()
        // Refused, with the reason, before the screen is taken over.
        try context.access(store).requireCases()
        guard Workstation.canOpen else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "the dashboard needs a terminal; use `wicket report` (or `wicket screen --view dashboard`) instead",
                zh: "看板需要终端；请改用 `wicket report`（或 `wicket screen --view dashboard`）"))
        }
        do {
            try TerminalSession.run(store: store, login: context.actingUser, actedBy: context.actedBy, dashboard: true,
                                   options: context.workstationOptions())
        } catch let error as TerminalError {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot start the terminal: \(error)",
                zh: "无法启动终端：\(error)"))
        }
        return 0
    }
}
