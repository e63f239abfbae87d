import WicketCore

/// The workstation on an in-memory surface: the same code as the terminal, printed as text.
/// Used by `wicket screen`, snapshot tests and benchmarks. Each key is typed after its frame was
/// drawn, as a clerk types looking at the screen.
public enum ScreenCapture {
    /// `dashboard`: start on the supervisor dashboard, as `wicket dashboard` does.
    public static func capture(store: CaseStore, login: String, width: Int, height: Int, keys: [Key],
                               dashboard: Bool = false, options: WorkstationOptions = WorkstationOptions()) throws -> String {
        let engine = try WorkstationEngine(store: store, login: login, width: width, height: height)
        engine.apply(options)
        engine.showCalendarWarning()
        if dashboard { engine.openDashboard() }
        for key in keys {
            engine.frameDrawn()
            engine.handle(key)
            engine.flushDraft()
        }
        var surface = MemorySurface(width: width, height: height, measure: engine.state.measure)
        let (frame, cursor) = engine.render(measure: surface.measure)
        surface.present(frame, cursor: cursor)
        return surface.lines.joined(separator: "\n")
    }
}
