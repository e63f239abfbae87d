import WicketCore

extension WorkstationEngine {
    /// At start, an admin or a supervisor is told when open cases are due in a year whose holiday
    /// schedule is not loaded, or in December when next year's is not (`CalendarCoverage`): the
    /// people who can load the calendar or plan around it. Call after the language is chosen.
    /// A read of a few index entries, once; a failed read shows nothing rather than block the start.
    public func showCalendarWarning() {
        guard state.user.role == .admin || state.user.role == .supervisor,
              let coverage = try? CalendarCoverage.read(store), let first = coverage.warnings.first else { return }
        let more = coverage.warnings.count > 1 ? UIText.statusMoreWarnings.format(state.language, coverage.warnings.count - 1) : ""
        state.status = StatusMessage(text: first.text(state.language) + more, isError: true)
    }
}
