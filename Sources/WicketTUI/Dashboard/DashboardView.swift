import Foundation
import WicketCore

/// Draws the dashboard full screen: a title row, the panels of the selected panel's page, a status
/// bar and a message line (the selected figure, the period being typed, or the keys).
struct DashboardView {
    let theme: Theme
    let hallTime: HallTime

    func draw(_ state: WorkstationState, into surface: inout CellBuffer) -> CursorPosition? {
        guard let dashboard = state.dashboard else { return nil }
        let frame = DashboardLayout.frame(width: state.width, height: state.height)
        let pages = DashboardLayout.pages(width: state.width)
        let pageIndex = DashboardLayout.page(of: dashboard.panel, width: state.width)
        let l = state.language
        drawTitle(dashboard, page: pageIndex, of: pages.count, language: l, in: frame.title, into: &surface)
        if let report = dashboard.report {
            let consultations = dashboard.consultations
            let lineCounts = DashboardContent.panels(report, width: frame.body.width, language: l,
                                                     consultations: consultations).map(\.lines.count)
            for (index, box) in DashboardLayout.boxes(page: pages[pageIndex], lineCounts: lineCounts, in: frame.body) {
                let panel = DashboardContent.panels(report, width: box.width - 2, language: l, consultations: consultations)[index]
                drawPanel(panel, in: box, selected: index == dashboard.panel ? dashboard.item : nil, language: l, into: &surface)
            }
        } else {
            surface.put(UIText.dashLoading.text(l), row: frame.body.row, column: 1, style: theme.hint, maxWidth: frame.body.width)
        }
        surface.fill(frame.statusBar, style: theme.statusBar)
        let user = state.user
        let scopeWords = (user.role == .clerk ? UIText.dashScopeOwn : .dashScopeAll).text(l)
        surface.put(" \(user.displayName) (\(user.login)) · \(Chrome.roleName(user.role, l)) · \(scopeWords) · \(state.databaseName)",
                    in: frame.statusBar, style: theme.statusBar)
        return drawMessage(state, dashboard, in: frame.message, into: &surface)
    }

    private func drawTitle(_ dashboard: DashboardState, page: Int, of pages: Int, language l: Language, in rect: Rect,
                           into surface: inout CellBuffer) {
        var words = " " + UIText.dashTitle.text(l)
        if pages > 1 { words += " \(page + 1)/\(pages)" }
        words += " · \(dashboard.period.label(l))"
        if let report = dashboard.report {
            words += " \(report.periodStart)..\(report.periodEnd) · \(report.department ?? UIText.dashAllDepartments.text(l))"
            if let generated = Timestamp.parse(report.generatedAt) {
                words += " · " + UIText.dashAsOf.format(l, String(hallTime.display(generated).suffix(5)))
            }
        }
        surface.put(words, in: rect, style: theme.title)
    }

    private func drawPanel(_ panel: DashboardPanel, in box: Rect, selected: Int?, language: Language,
                           into surface: inout CellBuffer) {
        let targets = panel.targets
        let selectedTarget = selected.flatMap { targets.indices.contains($0) ? targets[$0] : nil }
        surface.drawBox(box, style: selected != nil ? theme.focusedBorder : theme.border, title: " \(panel.title) ")
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return }
        // Scroll just enough to keep the selected figure in view.
        let top = max(0, min((selectedTarget?.line ?? 0) - inner.height + 1, panel.lines.count - inner.height))
        for (offset, line) in panel.lines.dropFirst(top).prefix(inner.height).enumerated() {
            let row = inner.row + offset
            var column = inner.column
            for (position, span) in line.spans.enumerated() {
                let text = span.width.map { surface.measure.pad(span.text, toWidth: $0, alignment: .right) } ?? span.text
                let isSelected = selectedTarget.map { $0.line == top + offset && $0.span == position } ?? false
                let style = isSelected ? theme.selected.bold : style(for: span.role)
                let room = inner.right - column
                if span.keepsWhole, surface.measure.width(of: text) > room {
                    // A figure is shown whole or not at all: "p90 3." would read as another number.
                    surface.put("…", row: row, column: column, style: style, maxWidth: room)
                    break
                }
                column = surface.putCut(text, row: row, column: column, style: style, maxWidth: room)
                if column >= inner.right { break }
            }
        }
        if top + inner.height < panel.lines.count {
            surface.put(UIText.dashMore.text(language), row: box.bottom - 1, column: max(box.column + 1, box.right - 14), style: theme.hint, maxWidth: 13)
        }
    }

    private func style(for role: DashboardRole) -> Style {
        switch role {
        case .plain: return .plain
        case .heading: return theme.header
        case .label: return theme.label
        case .number: return .plain
        case .bar: return theme.hint
        case .hint: return theme.hint
        case .level(let level): return theme.level(level)
        }
    }

    private func drawMessage(_ state: WorkstationState, _ dashboard: DashboardState, in rect: Rect,
                             into surface: inout CellBuffer) -> CursorPosition? {
        if let input = dashboard.customPeriod {
            let prompt = UIText.dashPeriodPrompt.text(state.language)
            let field = input.visible(width: max(1, rect.width - surface.measure.width(of: prompt) - 1), measure: surface.measure)
            surface.put(prompt + field.text, in: rect, style: .plain)
            return CursorPosition(row: rect.row, column: rect.column + surface.measure.width(of: prompt) + field.cursorColumn)
        }
        if !state.status.text.isEmpty {
            surface.put(state.status.text, in: rect, style: state.status.isError ? theme.error : theme.info)
            return nil
        }
        var hints = [UIText.dashHintList, .dashHintChoose, .dashHintPanel, .dashHintPeriod, .dashHintDepartment, .dashHintInbox,
                     .dashHintHelp].map { $0.text(state.language) }
        if let figure = dashboard.selectedFigure { hints.insert("▶ \(figure.label(state.language))", at: 0) }
        var line = ""
        for hint in hints {
            let next = line.isEmpty ? hint : line + " · " + hint
            if surface.measure.width(of: next) > rect.width { break }
            line = next
        }
        surface.put(line, in: rect, style: theme.hint)
        return nil
    }
}
