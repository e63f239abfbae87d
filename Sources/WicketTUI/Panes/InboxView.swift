import Foundation
import WicketCore

/// The inbox: one row per case, most urgent first. Draws only the rows that fit.
struct InboxView {
    let theme: Theme
    let today: Day
    let now: Date
    var language = Language.en

    struct Column {
        let title: String
        let width: Int
        let value: (CaseSummary) -> String
    }

    /// Columns in the order they are dropped last to first when the pane is narrow.
    func columns(fitting width: Int) -> [Column] {
        let all: [(priority: Int, column: Column)] = [
            (0, Column(title: UIText.columnLevel.text(language), width: 9) { "\($0.level.mark) \(Self.levelWord($0.level, language))" }),
            (1, Column(title: UIText.columnNumber.text(language), width: 11) { $0.number }),
            (4, Column(title: UIText.columnStatus.text(language), width: 9) { Self.shortStatus($0.status, language) }),
            (5, Column(title: UIText.columnService.text(language), width: 12) { $0.serviceCode }),
            (2, Column(title: UIText.columnApplicant.text(language), width: 12) { $0.applicantName }),
            (9, Column(title: UIText.columnIDNumber.text(language), width: 18) { Masking.idNumber($0.applicantIDNumber) }),
            (7, Column(title: UIText.columnChannel.text(language), width: 6) { Words.channel($0.channel, language) }),
            (8, Column(title: UIText.columnAge.text(language), width: 4) { Self.age(of: $0.submittedAt, now: now) }),
            (3, Column(title: UIText.columnDue.text(language), width: 5) { $0.dueOn.map { String($0.description.suffix(5)) } ?? "-" }),
            (6, Column(title: UIText.columnHolder.text(language), width: 9) { $0.holder ?? "-" }),
        ]
        var chosen = all
        while chosen.count > 1, chosen.reduce(0, { $0 + $1.column.width + 1 }) > width {
            let drop = chosen.max { $0.priority < $1.priority }!
            chosen.removeAll { $0.priority == drop.priority }
        }
        return chosen.map(\.column)
    }

    func draw(_ state: WorkstationState, in box: Rect, focused: Bool, into surface: inout CellBuffer) {
        let inbox = state.inbox
        var title = " \(inbox.tab.title(language)) \(inbox.total)"
        if !inbox.filters.isEmpty { title += " · \(inbox.filters.summary(language))" }
        if !inbox.search.isEmpty {
            // Matches are marked among the rows held; with more of the list beyond them, say "at least".
            let more = inbox.moreBefore || inbox.moreAfter
            title += " · /\(inbox.search) \(inbox.matches.count)\(more ? "+" : "")"
        }
        surface.drawBox(box, style: focused ? theme.focusedBorder : theme.border, title: title + " ")
        var inner = box.inset(by: 1)
        guard !inner.isEmpty else { return }
        let late = LateConsultationsBlock.height(state)
        if late > 0, inner.height > late + 2 {
            let (block, rest) = inner.splitTop(late)
            LateConsultationsBlock(theme: theme, now: now, language: language).draw(state, in: block, into: &surface)
            inner = rest
        }
        let columns = columns(fitting: inner.width)
        var x = inner.column
        for column in columns {
            surface.put(column.title, row: inner.row, column: x, style: theme.header, maxWidth: column.width)
            x += column.width + 1
        }
        let visible = inner.height - 1
        guard visible > 0 else { return }
        if inbox.rows.isEmpty {
            surface.put((state.inbox.tab == .mine ? UIText.inboxEmptyMine : .inboxEmpty).text(language), row: inner.row + 1, column: inner.column, style: theme.hint,
                        maxWidth: inner.width)
            return
        }
        let top = Self.scrollTop(selected: inbox.selected, previous: inbox.top, visible: visible, count: inbox.rows.count)
        for line in 0..<min(visible, inbox.rows.count - top) {
            let index = top + line
            let item = inbox.rows[index]
            let row = inner.row + 1 + line
            var column = inner.column
            for (position, spec) in columns.enumerated() {
                let style = position == 0 ? theme.level(item.level) : .plain
                surface.put(spec.value(item), row: row, column: column, style: style, maxWidth: spec.width)
                column += spec.width + 1
                // A failed reply marks the row in the gap after the level: ✗ failed for good, ↻ retrying.
                if position == 0, let failed = item.failedReply, column - 1 < inner.right {
                    surface.put(Self.failedReplyMark(failed), row: row, column: column - 1, style: theme.error, maxWidth: 1)
                }
            }
            let rowRect = Rect(row: row, column: inner.column, width: inner.width, height: 1)
            if index == inbox.selected {
                surface.setStyle(rowRect, style: focused ? theme.selected : theme.selected.dim)
            } else if inbox.matches.contains(item.number) {
                surface.setStyle(Rect(row: row, column: inner.column + columns[0].width + 1, width: 11, height: 1),
                                 style: theme.match)
            }
        }
    }

    /// One column wide in every terminal (neither is an emoji), and not a level's mark.
    static func failedReplyMark(_ kind: FailedReplyKind) -> String {
        kind == .permanent ? "✗" : "↻"
    }

    /// Keeps the selection on screen with as little movement as possible.
    static func scrollTop(selected: Int, previous: Int, visible: Int, count: Int) -> Int {
        var top = min(previous, max(0, count - visible))
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        return max(0, top)
    }

    static func levelWord(_ level: Level, _ language: Language) -> String {
        switch level {
        case .normal, .none: return ""
        case .overdue: return UIText.levelOverdue.text(language)
        case .red: return UIText.levelRed.text(language)
        case .yellow: return UIText.levelYellow.text(language)
        case .paused: return UIText.levelPaused.text(language)
        }
    }

    /// Short enough for the 9-column STATUS column in both languages.
    static func shortStatus(_ status: CaseStatus, _ language: Language) -> String {
        let word: UIText
        switch status {
        case .submitted: word = .statusSubmitted
        case .awaitingMaterials: word = .statusAwaiting
        case .accepted: word = .statusAccepted
        case .inReview: word = .statusInReview
        case .suspended: word = .statusSuspended
        case .approved: word = .statusApproved
        case .completed: word = .statusCompleted
        case .denied: word = .statusDenied
        case .rejected: word = .statusRejected
        case .withdrawn: word = .statusWithdrawn
        }
        return word.text(language)
    }

    static func age(of submitted: String, now: Date) -> String {
        guard let date = Timestamp.parse(submitted) else { return "" }
        let hours = Int(now.timeIntervalSince(date) / 3600)
        return hours < 48 ? "\(max(0, hours))h" : "\(hours / 24)d"
    }
}
