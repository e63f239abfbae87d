import Foundation
import WicketCore

/// The workstation in a real terminal: read a key (or time out to look for other clerks'
/// changes), update, draw. Idle, it wakes four times a second to read one counter.
public enum TerminalSession {
    static let pollMilliseconds = 250

    /// `actedBy`: the real login when an admin works as someone else (recorded in the history).
    /// `dashboard`: open on the supervisor dashboard (`wicket dashboard`).
    public static func run(store: CaseStore, login: String, actedBy: String? = nil, dashboard: Bool = false,
                           options: WorkstationOptions = WorkstationOptions()) throws {
        // Refused with the reason before the screen is taken over (the engine checks again).
        try CaseAccess.check(login, in: store).requireCases()
        let terminal = try NCursesTerminal(options: NCursesTerminal.Options(ambiguousWidth: options.ambiguousWidth,
                                                                            useColors: options.useColors))
        TerminationSignals.install()
        defer { terminal.shutdown() }
        let engine = try WorkstationEngine(store: store, login: login, width: terminal.size.width,
                                           height: terminal.size.height)
        engine.workflow.actedBy = actedBy
        // A terminal without colours would lose whatever a colour theme says only by colour.
        engine.apply(options)
        if terminal.colorCount == 0 { engine.theme = options.monochromeTheme }
        engine.state.measure = terminal.measure
        if terminal.asciiOnly { engine.state.language = .en }
        var warnings = options.warnings
        if terminal.asciiOnly {
            warnings.insert("the locale is not UTF-8 (LANG, LC_ALL), so only ASCII is shown and ? stands for the rest; " +
                            "set LANG=zh_CN.UTF-8 or C.UTF-8", at: 0)
        }
        if let warning = warnings.first {
            engine.state.status = StatusMessage(text: warning, isError: true)
        } else {
            engine.showCalendarWarning()
        }
        if dashboard { engine.openDashboard() }
        // Others stop seeing "also open by" at once, not after the presence expires.
        defer { engine.leavePresence() }
        engine.drawWhileWaiting = { [unowned engine] in
            let (frame, cursor) = engine.render(measure: terminal.measure)
            terminal.present(frame, cursor: cursor)
        }
        var needsDraw = true
        while !engine.state.shouldQuit {
            if needsDraw {
                if engine.wantsFullRedraw {
                    terminal.invalidate()
                    engine.wantsFullRedraw = false
                }
                let (frame, cursor) = engine.render(measure: terminal.measure)
                terminal.present(frame, cursor: cursor)
                engine.frameDrawn()
                needsDraw = false
            }
            let key = terminal.readKey(timeoutMilliseconds: pollMilliseconds)
            if TerminationSignals.pending != nil {
                engine.flushDraft()
                break
            }
            guard var key else {
                needsDraw = engine.pollForChanges()
                continue
            }
            // Handle everything already typed (a paste arrives as many keys) before drawing once.
            while true {
                if key == .resize {
                    engine.resize(width: terminal.size.width, height: terminal.size.height)
                } else {
                    engine.handle(key)
                }
                // The clerk's own action moved the list: keys typed ahead were meant for the case
                // it moved away, so they are thrown away and the new case is drawn at once.
                if engine.takeTypeaheadDiscard() {
                    engine.typeaheadDiscarded(terminal.discardTypeahead())
                    break
                }
                guard !engine.state.shouldQuit, let next = terminal.readKey(timeoutMilliseconds: 0) else { break }
                key = next
            }
            engine.flushDraft()
            engine.pollForChanges()
            needsDraw = true
        }
    }
}
