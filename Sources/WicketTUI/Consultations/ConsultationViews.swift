import Foundation
import WicketCore

/// The Consultations tab's list, drawn in the inbox's place: one row per open question, the
/// earliest due first, with the same level marks as cases.
struct ConsultationListView {
    let theme: Theme
    let hallTime: HallTime
    let now: Date
    var language = Language.en

    struct Column {
        let title: String
        let width: Int
        let value: (Consultation) -> String
    }

    func columns(fitting width: Int) -> [Column] {
        let l = language
        let all: [(priority: Int, column: Column)] = [
            (0, Column(title: UIText.columnLevel.text(l), width: 9) { c in
                let level = c.level(at: now)
                return "\(level.mark) \(InboxView.levelWord(level, l))"
            }),
            (1, Column(title: UIText.columnNumber.text(l), width: 12) { $0.number }),
            (4, Column(title: UIText.consultColumnDue.text(l), width: 11) { c in c.marks.map { compact($0.dueAt) } ?? "-" }),
            (5, Column(title: UIText.columnChannel.text(l), width: 6) { Words.channel($0.channel, l) }),
            (6, Column(title: UIText.consultColumnDepartment.text(l), width: 7) { $0.department }),
            (2, Column(title: UIText.consultColumnAsker.text(l), width: 10) { $0.askerName }),
            // At least this wide; as the last column it takes the rest of the row.
            (3, Column(title: UIText.consultColumnQuestion.text(l), width: 20) { $0.question }),
        ]
        var chosen = all
        while chosen.count > 1, chosen.reduce(0, { $0 + $1.column.width + 1 }) > width {
            let drop = chosen.max { $0.priority < $1.priority }!
            chosen.removeAll { $0.priority == drop.priority }
        }
        return chosen.map(\.column)
    }

    /// "11-30 09:30": the hall's month, day and time, the same in both languages.
    func compact(_ date: Date) -> String {
        let moment = DateText.moment(stored: Timestamp.format(date), hallTime: hallTime, language: .en)
        return String(hallTime.day(of: date).description.suffix(5)) + " " + String(moment.suffix(5))
    }

    func draw(_ state: WorkstationState, in box: Rect, focused: Bool, into surface: inout CellBuffer) {
        let pane = state.consultations
        surface.drawBox(box, style: focused ? theme.focusedBorder : theme.border,
                        title: " \(InboxTab.consultations.title(language)) \(pane.total) ")
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return }
        let columns = columns(fitting: inner.width)
        var x = inner.column
        for column in columns {
            surface.put(column.title, row: inner.row, column: x, style: theme.header, maxWidth: column.width)
            x += column.width + 1
        }
        let visible = inner.height - 1
        guard visible > 0 else { return }
        if pane.rows.isEmpty {
            surface.put(UIText.consultEmpty.text(language), row: inner.row + 1, column: inner.column, style: theme.hint,
                        maxWidth: inner.width)
            return
        }
        let top = InboxView.scrollTop(selected: pane.selected, previous: pane.top, visible: visible, count: pane.rows.count)
        for line in 0..<min(visible, pane.rows.count - top) {
            let index = top + line
            let item = pane.rows[index]
            let row = inner.row + 1 + line
            var column = inner.column
            for (position, spec) in columns.enumerated() {
                let text = SafeText.sanitize(spec.value(item), options: .singleLine)
                // The last column takes what is left of the row.
                let width = position == columns.count - 1 ? max(1, inner.right - column) : spec.width
                surface.putCut(text, row: row, column: column, style: position == 0 ? theme.level(item.level(at: now)) : .plain,
                               maxWidth: width)
                column += spec.width + 1
            }
            if index == pane.selected {
                surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1),
                                 style: focused ? theme.selected : theme.selected.dim)
            }
        }
    }
}

/// One consultation in the detail pane: who asked what, about which item or case, the clock, the
/// answer, the case it became, its replies and its history.
struct ConsultationDetailView {
    let theme: Theme
    let hallTime: HallTime
    let catalog: Catalog
    let now: Date
    var language = Language.en

    func lines(_ detail: ConsultationDetail, width: Int, measure: DisplayWidth) -> [DetailView.Line] {
        let c = detail.record
        let l = language
        var lines: [DetailView.Line] = []
        func add(_ text: String, _ style: Style = .plain) {
            for piece in measure.wrap(SafeText.sanitize(text, options: .multiLine), toWidth: max(1, width)) {
                lines.append(DetailView.Line(text: piece, style: style))
            }
        }
        func field(_ label: UIText, _ value: String, _ style: Style = .plain) {
            add(label.text(l) + (l == .zh ? "：" : ": ") + value, style)
        }
        func section(_ title: UIText) {
            lines.append(DetailView.Line(text: ""))
            lines.append(DetailView.Line(text: title.text(l), style: theme.header))
        }
        func when(_ stored: String?) -> String { DateText.moment(stored: stored, hallTime: hallTime, language: l) }
        add("\(c.number)  \(c.status.word.text(l))  v\(c.version)", theme.title)
        var asker = c.askerName
        if !c.askerPhone.isEmpty { asker += "  " + Masking.phone(c.askerPhone) }
        if !c.askerIDNumber.isEmpty { asker += "  " + c.askerDocument.label(Masking.idNumber(c.askerIDNumber), l) }
        field(.consultAsker, asker)
        field(.consultAsked, Words.channel(c.channel, l) + " · " + when(c.askedAt))
        if let code = c.serviceCode {
            let service = catalog.services.first { $0.code == code }
            field(.consultService, code + (service.map { " " + Words.name(zh: $0.nameZh, en: $0.nameEn, l) } ?? ""))
        }
        if let number = c.caseNumber { field(.consultCase, number) }
        field(.consultDepartment, c.department + " · " + UIText.consultHolder.text(l) + " " + (c.holder ?? "-"))
        if c.status == .open, let marks = c.marks {
            let level = detail.level
            let word = level == .normal ? UIText.levelNormal.text(l) : InboxView.levelWord(level, l)
            field(.consultDue, "\(level.mark) \(word) · " + when(Timestamp.format(marks.dueAt)), theme.level(level))
        }
        section(.consultQuestion)
        add(c.question)
        if !c.answer.isEmpty {
            let onTime = c.answeredOnTime.map { ($0 ? UIText.consultOnTime : .consultLate).text(l) } ?? ""
            lines.append(DetailView.Line(text: ""))
            lines.append(DetailView.Line(text: UIText.consultAnswer.text(l) + " · "
                                         + UIText.consultAnsweredAt.format(l, when(c.answeredAt), onTime), style: theme.header))
            add(c.answer)
        }
        if !c.closedReason.isEmpty { field(.consultClosedReason, c.closedReason) }
        if let number = c.convertedCaseNumber { field(.consultConverted, number, theme.label) }
        for reply in detail.replies {
            add(UIText.consultReply.format(l, reply.id, when(reply.createdAt), Words.delivery(reply.deliveryState, l)), theme.hint)
        }
        section(.consultHistory)
        for event in detail.events {
            let action = l.code(event.action, ConsultationAction.word(event.action))
            let to = ConsultationAction.statusWord(event.to).text(l)
            add("\(when(event.at))  \(event.actor)  \(action) → \(to)" + (event.reason.isEmpty ? "" : " · " + event.reason))
        }
        return lines
    }

    func draw(_ state: WorkstationState, in box: Rect, focused: Bool, into surface: inout CellBuffer) {
        let pane = state.consultations
        let title = pane.detail.map { " " + UIText.consultDetailTitle.format(language, $0.record.number) + " " } ?? ""
        surface.drawBox(box, style: focused ? theme.focusedBorder : theme.border, title: title)
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return }
        let (body, footer) = inner.splitBottom(1)
        surface.putCut(UIText.consultKeysHint.text(language), row: footer.row, column: footer.column, style: theme.hint,
                       maxWidth: footer.width)
        guard let detail = pane.detail else {
            surface.put(UIText.consultNoneSelected.text(language), row: body.row, column: body.column, style: theme.hint,
                        maxWidth: body.width)
            return
        }
        let all = lines(detail, width: body.width, measure: surface.measure)
        let top = min(pane.scroll, max(0, all.count - body.height))
        for (offset, line) in all.dropFirst(top).prefix(body.height).enumerated() {
            surface.put(line.text, row: body.row + offset, column: body.column, style: line.style, maxWidth: body.width)
        }
    }
}

extension OverlayView {
    /// The registration form and the close dialog.
    func drawConsultForm(_ form: ConsultFormState, language: Language, into surface: inout CellBuffer) -> CursorPosition? {
        let rows = form.rows
        let box = centered(width: 80, height: rows.count + 5, in: surface.bounds)
        let title: String
        switch form.purpose {
        case .register: title = UIText.consultFormTitle.text(language)
        case .close(let number, _): title = UIText.consultCloseTitle.format(language, number)
        }
        frame(box, title: " \(title) ", into: &surface)
        let inner = box.inset(by: 1)
        let keys: UIText = form.purpose == .register ? .consultFormKeys : .consultCloseKeys
        surface.putCut(keys.text(language), row: inner.row, column: inner.column, style: theme.hint, maxWidth: inner.width)
        let labelWidth = 24
        var cursor: CursorPosition?
        for (index, kind) in rows.enumerated() {
            let row = inner.row + 1 + index
            guard row < inner.bottom - 1 else { break }
            let colon = language == .zh ? "：" : ":"
            let valueWidth = inner.width - labelWidth
            switch kind {
            case .channel:
                surface.putCut(UIText.consultFormChannel.text(language) + colon, row: row, column: inner.column, style: theme.label,
                               maxWidth: labelWidth)
                surface.put("◀ \(Words.channel(form.channel, language)) ▶", row: row, column: inner.column + labelWidth,
                            style: .plain, maxWidth: valueWidth)
            case .closing:
                surface.putCut(UIText.consultCloseAs.text(language) + colon, row: row, column: inner.column, style: theme.label,
                               maxWidth: labelWidth)
                surface.put("◀ \(form.closing.word.text(language)) ▶", row: row, column: inner.column + labelWidth,
                            style: .plain, maxWidth: valueWidth)
            case .field(let field):
                let label = form.purpose == .register ? ConsultFormState.fieldLabels[field] : .consultCloseReason
                surface.putCut(label.text(language) + colon, row: row, column: inner.column, style: theme.label, maxWidth: labelWidth)
                let visible = form.fields[field].visible(width: valueWidth - 1, measure: surface.measure)
                surface.put(visible.text, row: row, column: inner.column + labelWidth, style: .plain, maxWidth: valueWidth)
                if field == 2, form.purpose == .register, index != form.focus {
                    // The item the typed text names, or what happens without one.
                    let found = form.service(catalog)
                    let shown = form.fields[2].text.isEmpty ? UIText.consultFormNoService.text(language)
                        : found.map { "\($0.code) " + Words.name(zh: $0.nameZh, en: $0.nameEn, language) }
                        ?? UIText.consultFormNoMatch.text(language)
                    surface.putCut(shown, row: row, column: inner.column + labelWidth, style: found == nil ? theme.hint : .plain,
                                   maxWidth: valueWidth)
                }
                if index == form.focus { cursor = CursorPosition(row: row, column: inner.column + labelWidth + visible.cursorColumn) }
            }
            if index == form.focus, cursor == nil {
                surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
            }
        }
        if let error = form.error {
            surface.putCut(error, row: inner.bottom - 1, column: inner.column, style: theme.error, maxWidth: inner.width)
        }
        return cursor
    }
}

/// Late consultations in the Warnings tab: a block above the warning cases, the few most overdue
/// (consultations are late rarely, and each is someone nobody answered), with the way to them:
/// `7` lists them first in the Consultations tab, where the keys act on them. The block is not
/// selectable: the Warnings tab's keys act on its cases.
struct LateConsultationsBlock {
    static let shown = 3
    let theme: Theme
    let now: Date
    var language = Language.en

    /// Lines the block takes: its title, its rows and a blank line; none without late consultations.
    static func height(_ state: WorkstationState) -> Int {
        guard state.inbox.tab == .warnings, state.inbox.filters.drillDown == nil, !state.consultations.lateRows.isEmpty else { return 0 }
        return 2 + min(shown, state.consultations.lateRows.count)
    }

    func draw(_ state: WorkstationState, in box: Rect, into surface: inout CellBuffer) {
        let pane = state.consultations
        surface.putCut(UIText.warningsLateConsultations.format(language, pane.late), row: box.row, column: box.column,
                       style: theme.level(.overdue), maxWidth: box.width)
        for (offset, c) in pane.lateRows.prefix(Self.shown).enumerated() {
            let text = "\(Level.overdue.mark) \(c.number)  \(c.askerName)  " + SafeText.sanitize(c.question, options: .singleLine)
            surface.putCut(text, row: box.row + 1 + offset, column: box.column, style: .plain, maxWidth: box.width)
        }
    }
}
