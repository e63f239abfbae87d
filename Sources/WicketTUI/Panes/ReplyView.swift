import WicketCore

/// The reply pane: the editor wrapped to the pane, with the case it answers and the keys.
struct ReplyView {
    let theme: Theme

    /// Draws and returns where the terminal cursor belongs (when focused).
    func draw(_ state: WorkstationState, in box: Rect, focused: Bool, into surface: inout CellBuffer) -> CursorPosition? {
        let language = state.language
        let title = " " + (state.reply.consultation.map { UIText.consultReplyTitle.format(language, $0) }
            ?? state.reply.caseNumber.map { UIText.replyTitleCase.format(language, $0) } ?? UIText.replyTitle.text(language)) + " "
        surface.drawBox(box, style: focused ? theme.focusedBorder : theme.border, title: title)
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return nil }
        guard state.reply.caseNumber != nil || state.reply.consultation != nil else {
            let key = state.keys.key(for: .reply).map(String.init) ?? "."
            let hint = state.inbox.tab == .consultations ? UIText.consultReplyHint.text(language) : UIText.replyNoCase.format(language, key)
            surface.put(hint, row: inner.row, column: inner.column, style: theme.hint, maxWidth: inner.width)
            return nil
        }
        let (textArea, footer) = inner.splitBottom(1)
        surface.put((state.reply.consultation == nil ? UIText.replyKeys : .consultReplyKeys).text(language), in: footer, style: theme.hint)
        let layout = state.reply.editor.layout(width: textArea.width, measure: surface.measure)
        let top = layout.scrollTop(previous: state.reply.top, height: textArea.height)
        for (offset, row) in layout.rows.dropFirst(top).prefix(textArea.height).enumerated() {
            surface.put(row.text, row: textArea.row + offset, column: textArea.column, style: .plain, maxWidth: textArea.width)
        }
        if state.reply.editor.isEmpty {
            surface.put(UIText.replyPlaceholder.text(language), row: textArea.row, column: textArea.column, style: theme.hint,
                        maxWidth: textArea.width)
        }
        guard focused else { return nil }
        return CursorPosition(row: textArea.row + layout.cursorRow - top,
                              column: textArea.column + min(layout.cursorColumn, textArea.width - 1))
    }
}
