import WicketCore

/// Keys while the dashboard is shown. Pure, like the rest of `Update`: figures are chosen here,
/// the report is (re)built and drilled into by the engine (`Effect.dashboard`).
extension Update {
    func handleDashboard(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        guard var dashboard = state.dashboard else { return [] }
        if dashboard.customPeriod != nil { return handleCustomPeriod(key, &state) }
        let panels = dashboard.report.map { DashboardContent.panels($0, width: 80, language: state.language) } ?? []
        if let effects = handleScreenKeys(key, &state) { return effects }
        switch key {
        case .escape, .character("q"), .function(3), .character("B"):
            state.dashboard = nil
            state.inbox.filters.drillDown = nil
            return [.reloadInbox]
        case .enter:
            guard let figure = dashboard.selectedFigure else { return [] }
            return [.dashboard(.drillDown(figure))]
        case .character("t"): dashboard.period = .today
        case .character("w"): dashboard.period = .week
        case .character("m"): dashboard.period = .days(30)
        case .character("c"):
            if case .custom(let a, let b) = dashboard.period {
                dashboard.customPeriod = LineInput("\(a)..\(b)")
            } else {
                dashboard.customPeriod = LineInput("")
            }
            state.dashboard = dashboard
            return []
        case .character("d"), .character("D"):
            let choices = ReportAccess.choices(for: state.user, in: catalog)
            guard choices.count > 1 else {
                state.status = StatusMessage(text: UIText.dashOwnDepartment.text(state.language), isError: true)
                return []
            }
            let index = choices.firstIndex { $0 == dashboard.department } ?? 0
            dashboard.department = choices[(index + (key == .character("d") ? 1 : choices.count - 1)) % choices.count]
        default:
            moveSelection(key, &dashboard, panels: panels)
            state.dashboard = dashboard
            return []
        }
        state.dashboard = dashboard
        return [.dashboard(.reload)]
    }

    private func handleCustomPeriod(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        guard var dashboard = state.dashboard, var input = dashboard.customPeriod else { return [] }
        switch key {
        case .escape:
            dashboard.customPeriod = nil
        case .enter:
            guard let period = ReportPeriod(input.text.trimmingCharacters(in: .whitespaces)), case .custom = period else {
                state.status = StatusMessage(text: UIText.dashBadPeriod.text(state.language), isError: true)
                return []
            }
            dashboard.customPeriod = nil
            dashboard.period = period
            state.dashboard = dashboard
            state.status = .none
            return [.dashboard(.reload)]
        default:
            _ = input.handle(key)
            dashboard.customPeriod = input
        }
        state.dashboard = dashboard
        return []
    }

    /// ←/→ step through figures in reading order; ↑/↓ go to the nearest figure on the line above or
    /// below; Tab/PgDn and Shift-Tab/PgUp go to the next or previous panel (and page).
    func moveSelection(_ key: Key, _ dashboard: inout DashboardState, panels: [DashboardPanel]) {
        let flat = panels.enumerated().flatMap { index, panel in panel.targets.enumerated().map { (index, $0.offset, $0.element) } }
        guard !flat.isEmpty else { return }
        let current = flat.firstIndex { $0.0 == dashboard.panel && $0.1 == dashboard.item } ?? 0
        var next = current
        switch key {
        case .right, .character("l"): next = min(flat.count - 1, current + 1)
        case .left, .character("h"): next = max(0, current - 1)
        case .down, .character("j"), .up, .character("k"):
            let down = key == .down || key == .character("j")
            let (panel, _, target) = flat[current]
            let lines = down ? Array(flat[(current + 1)...]) : Array(flat[..<current].reversed())
            // The first figure on another line (or in another panel), then the one on that line nearest in column.
            guard let other = lines.first(where: { $0.0 != panel || $0.2.line != target.line }) else { return }
            let sameLine = flat.indices.filter { flat[$0].0 == other.0 && flat[$0].2.line == other.2.line }
            next = sameLine.min { abs(flat[$0].2.span - target.span) < abs(flat[$1].2.span - target.span) } ?? current
        case .tab, .pageDown, .character(" "):
            next = flat.firstIndex { $0.0 > dashboard.panel } ?? current
        case .backTab, .pageUp, .character("-"):
            let previous = max(0, dashboard.panel - 1)
            next = flat.firstIndex { $0.0 == previous } ?? current
        case .home, .character("g"): next = 0
        case .end, .character("G"): next = flat.count - 1
        default: return
        }
        dashboard.panel = flat[next].0
        dashboard.item = flat[next].1
    }
}
