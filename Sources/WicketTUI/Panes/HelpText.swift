import WicketCore

/// Every key of every pane, as `?` shows it. Kept beside the key handling's own tables. A nil
/// text is a blank line between groups.
enum HelpText {
    typealias Entry = (keys: String, text: UIText?)

    static let global: [Entry] = [
        ("Tab / Shift-Tab", .helpNextPane),
        ("? / F1", .helpThisHelp),
        ("Q / Ctrl-C", .helpQuit),
        ("Esc / q", .helpBack),
        ("Ctrl-L", .helpRedraw),
        ("T", .helpTakeNext),
        ("i", .helpIntake),
        ("z", .helpConsultRegister),
        ("/", .helpSearch),
        ("f", .helpFilter),
        (".", .helpActionMenu),
        ("B / F3", .helpDashboard),
        ("Y / F4", .helpBoard),
    ]

    static let board: [Entry] = [
        ("j k ↑ ↓ g G", .helpBoardMove),
        ("c", .helpBoardCheckIn),
        ("/ NUMBER Enter", .helpBoardNumber),
        ("n", .helpBoardCallNext),
        ("Enter", .helpBoardEnter),
        ("Esc q Y F4", .helpBoardBack),
        ("? / F1, Ctrl-L, Q", .helpDashMisc),
        ("", nil),
        ("T", .helpBoardTakeNext),
        ("", .helpBoardLive),
    ]

    static let dashboard: [Entry] = [
        ("← → h l", .helpDashFigure),
        ("↑ ↓ j k", .helpDashLine),
        ("Tab Shift-Tab PgDn PgUp", .helpDashPanel),
        ("g G Home End", .helpFirstLast),
        ("Enter", .helpDashDrill),
        ("t w m", .helpDashPeriod),
        ("c", .helpDashCustom),
        ("d D", .helpDashDepartment),
        ("Esc q B F3", .helpDashBack),
        ("? / F1, Ctrl-L, Q", .helpDashMisc),
        ("", nil),
        ("X !! ! =", .helpDashMarks),
        ("", .helpDashLive),
    ]

    static let inbox: [Entry] = [
        ("j k ↑ ↓", .helpMove),
        ("PgDn Space / PgUp -", .helpPage),
        ("g G Home End", .helpFirstLast),
        ("Enter", .helpOpenCase),
        ("1 2 3 4 5 6", .helpTabs),
        ("7", .helpConsultTab),
        ("O", .helpApplicantCases),
    ]

    /// The Consultations tab (6): its own moves and the consultation keys, then the global keys.
    static var consultations: [Entry] {
        [("j k ↑ ↓ PgDn PgUp g G Enter Esc", .helpConsultMove), ("1 2 3 4 5 6", .helpTabs)]
            + ConsultationKey.allCases.map { (String($0.key), $0.text) } + [("", nil)] + global
    }

    static let detail: [Entry] = [
        ("j k ↑ ↓ PgUp PgDn g G", .helpDetailScroll),
        ("1-9 [ ]", .helpChooseMaterial),
        ("V S M F", .helpMarkMaterial),
        ("R", .helpReveal),
        ("O", .helpApplicantCases),
        ("Enter", .helpGoReply),
    ]

    static let reply: [Entry] = [
        ("letters, Enter", .helpReplyText),
        ("← → ↑ ↓ Home End", .helpReplyCursor),
        ("Backspace Delete", .helpReplyDelete),
        ("Ctrl-A Ctrl-E Ctrl-K Ctrl-U", .helpReplyLine),
        ("Ctrl-T / F2", .helpReplyTemplate),
        ("Ctrl-S / F5", .helpReplySend),
        ("Esc", .helpReplyBack),
    ]

    /// The pane's own keys, then the action keys (as the config may have rebound them), then the global keys.
    static func lines(for focus: PaneID, keys: KeyBindings) -> [Entry] {
        var lines: [Entry]
        switch focus {
        case .inbox: lines = inbox
        case .detail: lines = detail
        case .reply: lines = reply
        }
        if focus != .reply {
            lines += keys.bindings.map { (String($0.key), ActionKeys.text(for: $0.action)) }
        }
        return lines + [("", nil)] + global
    }
}
