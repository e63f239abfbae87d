import Foundation
import WicketCore

/// State → screen. Draws the whole frame into a cell buffer; the terminal sends only what changed.
public struct Renderer {
    public let theme: Theme
    public let catalog: Catalog
    public let hallTime: HallTime
    public let now: Date

    public init(theme: Theme = .standard, catalog: Catalog, hallTime: HallTime, now: Date) {
        self.theme = theme
        self.catalog = catalog
        self.hallTime = hallTime
        self.now = now
    }

    public func render(_ state: WorkstationState, measure: DisplayWidth = .standard) -> (CellBuffer, CursorPosition?) {
        var frame = CellBuffer(width: state.width, height: state.height, measure: measure)
        if state.isTooSmall {
            let language = state.language
            let lines = [UIText.tooSmallNeeds.format(language, WorkstationState.minimumWidth, WorkstationState.minimumHeight),
                         UIText.tooSmallIs.format(language, state.width, state.height), UIText.tooSmallAdvice.text(language)]
            for (offset, line) in lines.enumerated() where offset < state.height {
                frame.put(line, row: offset, column: 0, style: offset == 0 ? theme.error : .plain, maxWidth: state.width)
            }
            return (frame, nil)
        }
        if state.board != nil {
            var cursor = BoardView(theme: theme, catalog: catalog, now: now).draw(state, into: &frame)
            if let overlay = state.overlay { cursor = OverlayView(theme: theme, catalog: catalog).draw(overlay, state: state, into: &frame) }
            return (frame, cursor)
        }
        if state.dashboard?.visible == true {
            var cursor = DashboardView(theme: theme, hallTime: hallTime).draw(state, into: &frame)
            if let overlay = state.overlay { cursor = OverlayView(theme: theme, catalog: catalog).draw(overlay, state: state, into: &frame) }
            return (frame, cursor)
        }
        let panes = Layout.panes(state)
        let chrome = Chrome(theme: theme)
        chrome.drawTabs(state, in: panes.tabs, into: &frame)
        var cursor: CursorPosition?
        let consultations = state.inbox.tab == .consultations
        if let box = panes.inbox, consultations {
            ConsultationListView(theme: theme, hallTime: hallTime, now: now, language: state.language)
                .draw(state, in: box, focused: state.focus == .inbox, into: &frame)
        } else if let box = panes.inbox {
            InboxView(theme: theme, today: hallTime.day(of: now), now: now, language: state.language)
                .draw(state, in: box, focused: state.focus == .inbox, into: &frame)
        }
        if let box = panes.detail, consultations {
            ConsultationDetailView(theme: theme, hallTime: hallTime, catalog: catalog, now: now, language: state.language)
                .draw(state, in: box, focused: state.focus == .detail, into: &frame)
        } else if let box = panes.detail {
            DetailView(theme: theme, hallTime: hallTime, catalog: catalog, language: state.language, today: hallTime.day(of: now))
                .draw(state, in: box, focused: state.focus == .detail, into: &frame)
        }
        if let box = panes.reply {
            cursor = ReplyView(theme: theme).draw(state, in: box, focused: state.focus == .reply, into: &frame)
        }
        chrome.drawStatus(state, in: panes.statusBar, into: &frame)
        if let messageCursor = chrome.drawMessage(state, in: panes.message, into: &frame) { cursor = messageCursor }
        if let overlay = state.overlay {
            cursor = OverlayView(theme: theme, catalog: catalog).draw(overlay, state: state, into: &frame)
        }
        return (frame, cursor)
    }
}
