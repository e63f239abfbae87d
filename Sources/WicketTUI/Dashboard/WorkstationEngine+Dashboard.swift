import Foundation
import WicketCore

/// The dashboard's effects: build the report for the chosen period and department (the same
/// `ReportBuilder` as `wicket report`), and drill into the cases behind a figure.
extension WorkstationEngine {
    /// Opens the dashboard, e.g. for `wicket dashboard`.
    public func openDashboard() {
        run([.dashboard(.open)])
    }

    func run(_ effect: DashboardEffect) throws {
        switch effect {
        case .open:
            if state.dashboard == nil {
                state.dashboard = DashboardState(department: access.listDepartment)
            }
            state.dashboard?.visible = true
            state.inbox.filters.drillDown = nil
            try reloadDashboard()
        case .reload:
            try reloadDashboard()
        case .drillDown(let figure):
            guard let dashboard = state.dashboard, let report = dashboard.report else { return }
            let scope = ReportScope(store: store, period: dashboard.period, department: report.department)
            let count = report.figures.first { $0.figure == figure }?.count ?? 0
            state.inbox.tab = .all
            state.inbox.filters = InboxFilters()
            state.inbox.filters.drillDown = DrillDown(figure: figure, filter: scope.filter(for: figure), count: count)
            state.inbox.selected = 0
            state.inbox.top = 0
            state.dashboard?.visible = false
            state.focus = .inbox
            try reloadInbox()
            if Layout.showsDetailBesideInbox(state), let first = state.inbox.selectedCase { try run(.openDetail(first.number)) }
            let text = count == 1 ? UIText.dashDrillOne.format(state.language, figure.label(state.language))
                : UIText.dashDrillMany.format(state.language, figure.label(state.language), count)
            state.status = StatusMessage(text: text, isError: false)
        }
    }

    /// Rebuilds the report; a clerk's department is always their own, whatever the state says.
    func reloadDashboard() throws {
        guard var dashboard = state.dashboard, dashboard.visible else { return }
        let department = try access.department(requested: dashboard.department)
        dashboard.department = department
        let report = try ReportBuilder(store: store).build(period: dashboard.period, department: department)
        dashboard.report = report
        dashboard.consultations = try ConsultationReport.build(store: store, period: dashboard.period, department: department)
        // Keep the selection on a figure that still exists (the clerk list or a queue may have shrunk).
        let panels = DashboardContent.panels(report, width: 80, language: state.language)
        dashboard.panel = min(dashboard.panel, panels.count - 1)
        dashboard.item = max(0, min(dashboard.item, panels[dashboard.panel].targets.count - 1))
        state.dashboard = dashboard
    }
}
