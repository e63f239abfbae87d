import WicketCore

/// The tab bar on top and the status bar and message line at the bottom.
struct Chrome {
    let theme: Theme

    func drawTabs(_ state: WorkstationState, in rect: Rect, into surface: inout CellBuffer) {
        var column = surface.put(" Wicket ", row: rect.row, column: rect.column, style: theme.title, maxWidth: rect.width)
        for tab in InboxTab.allCases {
            let count = state.tabCounts[tab].map { " \($0)" } ?? ""
            let label = " \(tab.rawValue + 1) \(rect.width >= 100 ? tab.title : tab.shortTitle)\(count) "
            column = surface.put(label, row: rect.row, column: column, style: tab == state.inbox.tab ? theme.activeTab : theme.tab,
                                 maxWidth: rect.right - column)
            column += 1
        }
    }

    func drawStatus(_ state: WorkstationState, in rect: Rect, into surface: inout CellBuffer) {
        surface.fill(rect, style: theme.statusBar)
        let user = state.user
        let text = " \(user.displayName) (\(user.login)) · \(user.role.rawValue)\(user.department.map { " \($0)" } ?? "")" +
            " · \(state.databaseName) · mine 我的 \(state.workload.open) open, \(state.workload.warnings) warnings 预警"
        surface.put(text, in: rect, style: theme.statusBar)
        let help = "? help 帮助 · Q quit 退出 "
        let width = surface.measure.width(of: help)
        if rect.width >= surface.measure.width(of: text) + width + 1 {
            surface.put(help, row: rect.row, column: rect.right - width, style: theme.statusBar, maxWidth: width)
        }
    }

    func drawMessage(_ state: WorkstationState, in rect: Rect, into surface: inout CellBuffer) -> CursorPosition? {
        if let search = state.searchInput {
            let prompt = "/"
            let field = search.visible(width: rect.width - 2, measure: surface.measure)
            surface.put(prompt + field.text, in: rect, style: .plain)
            return CursorPosition(row: rect.row, column: rect.column + 1 + field.cursorColumn)
        }
        if !state.status.text.isEmpty {
            surface.put(state.status.text, in: rect, style: state.status.isError ? theme.error : theme.info)
            return nil
        }
        // Whole hints only, as many as fit, most useful first.
        var line = ""
        for hint in hints(state) {
            let next = line.isEmpty ? hint : line + " · " + hint
            if surface.measure.width(of: next) > rect.width { break }
            line = next
        }
        surface.put(line, in: rect, style: theme.hint)
        return nil
    }

    func hints(_ state: WorkstationState) -> [String] {
        switch state.focus {
        case .inbox: return ["Enter open", "a accept", "m materials", "r reply", "T take next", "/ search", ". actions",
                             "1-5 tabs", "f filter", "i walk-in", "? help"]
        case .detail: return ["j/k scroll", "1-9 material", "V/S/M/F set", "r reply", ". actions", "Esc back", "? help"]
        case .reply: return ["type the reply", "Ctrl-S send", "Ctrl-T template", "Esc back"]
        }
    }
}
