import WicketCore

/// The tab bar on top and the status bar and message line at the bottom.
struct Chrome {
    let theme: Theme

    func drawTabs(_ state: WorkstationState, in rect: Rect, into surface: inout CellBuffer) {
        var column = surface.put(" Wicket ", row: rect.row, column: rect.column, style: theme.title, maxWidth: rect.width)
        for tab in InboxTab.allCases {
            let count = state.tabCounts[tab].map { " \($0)" } ?? ""
            var label = " \(tab.rawValue + 1) \(tab.title(state.language))\(count) "
            // The failed replies' count matters most when the bar is full: its mark stands for its title.
            if tab == .failedReplies, surface.measure.width(of: label) > rect.right - column, let count = state.tabCounts[tab] {
                label = " \(tab.rawValue + 1) \(InboxView.failedReplyMark(.permanent))\(count) "
            }
            // A tab is drawn whole or not at all: a cut count ("5 All 1" for 12) reads as another number.
            guard surface.measure.width(of: label) <= rect.right - column else {
                surface.put("…", row: rect.row, column: min(column, rect.right - 1), style: theme.tab, maxWidth: 1)
                break
            }
            column = surface.put(label, row: rect.row, column: column, style: tab == state.inbox.tab ? theme.activeTab : theme.tab,
                                 maxWidth: rect.right - column)
            column += 1
        }
    }

    func drawStatus(_ state: WorkstationState, in rect: Rect, into surface: inout CellBuffer) {
        surface.fill(rect, style: theme.statusBar)
        let user = state.user
        let language = state.language
        let text = " \(user.displayName) (\(user.login)) · \(Self.roleName(user.role, language))\(user.department.map { " \($0)" } ?? "")" +
            " · \(state.databaseName) · " + UIText.statusWorkload.format(language, state.workload.open, state.workload.warnings)
        surface.put(text, in: rect, style: theme.statusBar)
        let help = UIText.statusHelp.text(language) + " "
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

    /// Key and word, e.g. "a accept"; action keys as the clerk's config may have rebound them.
    func hints(_ state: WorkstationState) -> [String] {
        let language = state.language
        func hint(_ key: String, _ word: UIText) -> String { key + " " + word.text(language) }
        func action(_ action: CaseAction, _ word: UIText) -> String? { state.keys.key(for: action).map { hint(String($0), word) } }
        if state.inbox.tab == .consultations, state.focus != .reply {
            // The consultations' own keys (their detail pane lists them too).
            return [UIText.consultKeysHint.text(language), hint("?", .hintHelp)]
        }
        switch state.focus {
        case .inbox:
            return [hint("Enter", .hintOpen), action(.accept, .hintAccept), action(.requestMaterials, .hintMaterials),
                    action(.reply, .hintReply), hint("T", .hintTakeNext), hint("/", .hintSearch), hint(".", .hintActions),
                    hint("1-7", .hintTabs), hint("f", .hintFilter), hint("i", .hintWalkIn), hint("?", .hintHelp)].compactMap { $0 }
        case .detail:
            return [hint("j/k", .hintScroll), hint("1-9", .hintMaterial), hint("V/S/M/F", .hintSetMaterial),
                    action(.reply, .hintReply), hint(".", .hintActions), hint("Esc", .hintBack), hint("?", .hintHelp)].compactMap { $0 }
        case .reply:
            return [UIText.hintTypeReply.text(language), hint("Ctrl-S", .hintSend), hint("Ctrl-T", .hintTemplate), hint("Esc", .hintBack)]
        }
    }

    static func roleName(_ role: Role, _ language: Language) -> String {
        switch role {
        case .clerk: return UIText.roleClerk.text(language)
        case .supervisor: return UIText.roleSupervisor.text(language)
        case .admin: return UIText.roleAdmin.text(language)
        case .portal: return role.word.text(language)
        }
    }
}
