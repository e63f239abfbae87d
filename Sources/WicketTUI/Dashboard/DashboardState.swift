import WicketCore

/// The supervisor dashboard on top of the workstation: which period and department it shows,
/// the report it shows (rebuilt when the database changes), and which figure is selected.
public struct DashboardState: Sendable {
    public var period: ReportPeriod = .days(30)
    /// nil: every department (supervisors and admins only).
    public var department: String?
    public var report: Report?
    /// The consultations' figures for the same period and department (shown in the flow panel).
    public var consultations: ConsultationReport?
    /// Hidden while the inbox shows a drill-down, so Esc there comes back to the same place.
    public var visible = true
    /// The selected figure: a panel and the n-th figure in it.
    public var panel = 0
    public var item = 0
    /// Non-nil while a custom period `YYYY-MM-DD..YYYY-MM-DD` is typed.
    public var customPeriod: LineInput?

    public init(department: String?) { self.department = department }

    public var selectedFigure: ReportFigure? {
        guard let report else { return nil }
        // Which figure sits where does not depend on the language, only the words around it.
        let panels = DashboardContent.panels(report, width: 80, language: .en)
        guard panels.indices.contains(panel) else { return nil }
        let targets = panels[panel].targets
        return targets.indices.contains(item) ? targets[item].figure : nil
    }
}

/// Work the dashboard asks of the engine (database reads), as `Effect.dashboard(…)`.
public enum DashboardEffect: Sendable {
    case open
    case reload
    /// Show the inbox filtered to exactly the cases behind a figure.
    case drillDown(ReportFigure)
}

/// A drill-down from the dashboard: the inbox lists exactly the cases behind one figure.
public struct DrillDown: Sendable, Equatable {
    public var figure: ReportFigure
    public var filter: CaseFilter
    /// The figure's value when drilled, for the inbox title.
    public var count: Int

    public func summary(_ language: Language) -> String { "\(figure.label(language)) (\(count))" }
}

extension ReportPeriod {
    /// For the dashboard's title and keys.
    public func label(_ language: Language) -> String {
        switch self {
        case .today: return UIText.dashPeriodToday.text(language)
        case .week: return UIText.dashPeriodWeek.text(language)
        case .days(let n): return UIText.dashPeriodDays.format(language, n)
        case .custom(let a, let b): return "\(a)..\(b)"
        }
    }
}
