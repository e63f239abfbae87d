/// Where each pane goes for a terminal size: three panes side by side from 160 columns, inbox and
/// one other from 100, one pane at a time below that.
public enum Layout {
    public struct Panes: Equatable {
        public var tabs: Rect
        public var inbox: Rect?
        public var detail: Rect?
        public var reply: Rect?
        public var statusBar: Rect
        public var message: Rect
    }

    public static func panes(_ state: WorkstationState) -> Panes {
        let screen = Rect(width: state.width, height: state.height)
        let (tabs, rest) = screen.splitTop(1)
        let (body, bottom) = rest.splitBottom(2)
        let (statusBar, message) = bottom.splitTop(1)
        var panes = Panes(tabs: tabs, statusBar: statusBar, message: message)
        if state.width >= 160 {
            let columns = body.columns(weights: [42, 33, 25])
            panes.inbox = columns[0]
            panes.detail = columns[1]
            panes.reply = columns[2]
        } else if state.width >= 100 {
            let (left, right) = body.splitLeft(body.width * 55 / 100)
            panes.inbox = left
            if state.focus == .reply { panes.reply = right } else { panes.detail = right }
        } else {
            switch state.focus {
            case .inbox: panes.inbox = body
            case .detail: panes.detail = body
            case .reply: panes.reply = body
            }
        }
        return panes
    }

    public static func showsDetailBesideInbox(_ state: WorkstationState) -> Bool { state.width >= 100 }

    /// Case rows that fit in the inbox box (border and header row taken off).
    public static func inboxRowsVisible(_ state: WorkstationState) -> Int {
        let height = panes(state).inbox?.height ?? (state.height - 3)
        // In the Warnings tab the late consultations take lines above the cases.
        return max(1, height - 3 - LateConsultationsBlock.height(state))
    }

    public static func replyTextWidth(_ state: WorkstationState) -> Int {
        var focused = state
        focused.focus = .reply
        return max(1, (panes(focused).reply?.width ?? state.width) - 2)
    }
}
