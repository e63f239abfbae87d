import WicketCore

/// Dialogs drawn over the panes: help, prompts, pickers, the materials notice and the intake form.
struct OverlayView {
    let theme: Theme
    let catalog: Catalog

    func draw(_ overlay: Overlay, state: WorkstationState, into surface: inout CellBuffer) -> CursorPosition? {
        switch overlay {
        case .help(let requested):
            let language = state.language
            let onBoard = state.board != nil
            let onDashboard = !onBoard && state.dashboard?.visible == true
            let inConsultations = !onBoard && state.inbox.tab == .consultations && state.focus != .reply
            let lines = (onBoard ? HelpText.board : onDashboard ? HelpText.dashboard : inConsultations ? HelpText.consultations
                         : HelpText.lines(for: state.focus, keys: state.keys))
                .map { ($0.keys, $0.text.map { $0.text(language) } ?? "") }
            let box = centered(width: 86, height: lines.count + 2, in: surface.bounds)
            let inner = box.inset(by: 1)
            let offset = min(requested, max(0, lines.count - inner.height))
            let more = lines.count > inner.height ? UIText.helpScroll.text(language) : ""
            let pane: UIText = onBoard ? .paneBoard : onDashboard ? .paneDashboard : [.inbox: .paneInbox, .detail: .paneDetail, .reply: .paneReply][state.focus]!
            frame(box, title: " " + UIText.helpTitle.format(language, pane.text(language), more) + " ", into: &surface)
            for (row, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
                surface.putCut(line.0, row: inner.row + row, column: inner.column, style: theme.label, maxWidth: 26)
                surface.putCut(line.1, row: inner.row + row, column: inner.column + 27, style: .plain, maxWidth: inner.width - 27)
            }
            return nil
        case .prompt(let prompt) where prompt.reasons != nil:
            return drawReasonPrompt(prompt, language: state.language, into: &surface)
        case .prompt(let prompt):
            let box = centered(width: 70, height: 5, in: surface.bounds)
            frame(box, title: " \(prompt.title) ", into: &surface)
            let inner = box.inset(by: 1)
            surface.putCut("\(prompt.pending.caseNumber) · \(ActionKeys.label(prompt.pending.action, state.language))", row: inner.row,
                        column: inner.column, style: theme.hint, maxWidth: inner.width)
            let field = prompt.input.visible(width: inner.width - 2, measure: surface.measure)
            surface.put("> " + field.text, row: inner.row + 1, column: inner.column, style: .plain, maxWidth: inner.width)
            // Why Enter was not taken, in place of the key hint: the dialog stays until answered or Esc.
            surface.putCut(prompt.problem ?? UIText.promptKeys.text(state.language), row: inner.row + 2, column: inner.column,
                        style: prompt.problem == nil ? theme.hint : theme.error, maxWidth: inner.width)
            return CursorPosition(row: inner.row + 1, column: inner.column + 2 + field.cursorColumn)
        case .picker(let picker):
            let box = centered(width: 64, height: min(picker.items.count + 2, surface.height - 4), in: surface.bounds)
            frame(box, title: " \(picker.title) ", into: &surface)
            let inner = box.inset(by: 1)
            let top = max(0, min(picker.selected - inner.height + 1, picker.items.count - inner.height))
            for (offset, item) in picker.items.dropFirst(top).prefix(inner.height).enumerated() {
                let row = inner.row + offset
                surface.putCut(item.label, row: row, column: inner.column, style: .plain, maxWidth: inner.width)
                if top + offset == picker.selected {
                    surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
                }
            }
            return nil
        case .materials(let dialog):
            return drawMaterials(dialog, language: state.language, into: &surface)
        case .intake(let form):
            return drawIntake(form, language: state.language, into: &surface)
        case .consult(let form):
            return drawConsultForm(form, language: state.language, into: &surface)
        }
    }

    private func drawMaterials(_ dialog: MaterialsDialogState, language: Language,
                               into surface: inout CellBuffer) -> CursorPosition? {
        let box = centered(width: 90, height: surface.height - 2, in: surface.bounds)
        let supplement = dialog.purpose == .supplement
        frame(box, title: " " + (supplement ? UIText.supplementTitle : UIText.materialsTitle).format(language, dialog.caseNumber) + " ",
              into: &surface)
        let inner = box.inset(by: 1)
        var row = inner.row
        surface.putCut((supplement ? UIText.supplementKeys : UIText.materialsKeys).text(language),
                    row: row, column: inner.column, style: theme.hint, maxWidth: inner.width)
        row += 1
        for (index, item) in dialog.items.enumerated() where row < inner.bottom {
            let box = (item.material.state.isOutstanding && !supplement) || item.request ? "[x]" : "[ ]"
            let state = Words.materialState(item.material.state, language)
                + (item.material.reason.isEmpty ? "" : (language == .zh ? "：" : ": ") + item.material.reason)
            let note = language == .zh ? "（\(state)）" : " (\(state))"
            surface.putCut("\(box) \(item.name)\(note)", row: row, column: inner.column, style: .plain, maxWidth: inner.width)
            if index == dialog.selected {
                surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
            }
            row += 1
        }
        row += 1
        guard !supplement else { return nil }
        if row < inner.bottom {
            surface.putCut(UIText.materialsPreview.text(language), row: row, column: inner.column, style: theme.label, maxWidth: inner.width)
            row += 1
        }
        let text = dialog.previewError ?? dialog.preview
        for line in surface.measure.wrap(text, toWidth: inner.width) where row < inner.bottom {
            surface.put(line, row: row, column: inner.column, style: dialog.previewError == nil ? .plain : theme.error,
                        maxWidth: inner.width)
            row += 1
        }
        return nil
    }

    private func drawIntake(_ form: IntakeFormState, language: Language, into surface: inout CellBuffer) -> CursorPosition? {
        let rows = form.rowCount(catalog)
        let box = centered(width: 80, height: min(surface.height - 2, rows + 5), in: surface.bounds)
        frame(box, title: " " + UIText.intakeTitle.text(language) + " ", into: &surface)
        let inner = box.inset(by: 1)
        surface.putCut(UIText.intakeKeys.text(language), row: inner.row,
                    column: inner.column, style: theme.hint, maxWidth: inner.width)
        var cursor: CursorPosition?
        var serviceRow: Int?
        let labelWidth = 20
        let first = max(0, form.focus - (inner.height - 4))
        for index in first..<rows {
            let row = inner.row + 1 + index - first
            guard row < inner.bottom - 1 else { break }
            let text: String
            switch form.row(index, catalog) {
            case .service:
                surface.put(UIText.intakeService.text(language), row: row, column: inner.column, style: theme.label, maxWidth: labelWidth)
                if index == form.focus {
                    // Typing finds the service: the query here, its matches listed under the row.
                    serviceRow = row
                    let visible = form.serviceQuery.visible(width: inner.width - labelWidth - 1, measure: surface.measure)
                    let empty = form.serviceQuery.text.isEmpty
                    surface.put(empty ? UIText.intakeServiceHint.text(language) : visible.text, row: row,
                                column: inner.column + labelWidth, style: empty ? theme.hint : .plain,
                                maxWidth: inner.width - labelWidth)
                    cursor = CursorPosition(row: row, column: inner.column + labelWidth + visible.cursorColumn)
                } else {
                    let chosen = form.service(catalog).map { "\($0.code) " + Words.name(zh: $0.nameZh, en: $0.nameEn, language) }
                    surface.put(chosen ?? UIText.intakeServiceHint.text(language), row: row, column: inner.column + labelWidth,
                                style: chosen == nil ? theme.hint : .plain, maxWidth: inner.width - labelWidth)
                }
                continue
            case .document:
                surface.put(UIText.intakeDocument.text(language) + (language == .zh ? "：" : ":"), row: row,
                            column: inner.column, style: theme.label, maxWidth: labelWidth)
                surface.put("◀ \(form.document.name.text(language)) ▶", row: row, column: inner.column + labelWidth,
                            style: .plain, maxWidth: inner.width - labelWidth)
                if index == form.focus {
                    surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
                }
                continue
            case .field(let field):
                let label = IntakeFormState.fieldLabels[field].text(language) + (language == .zh ? "：" : ":")
                surface.putCut(label, row: row, column: inner.column, style: theme.label, maxWidth: labelWidth)
                let visible = form.fields[field].visible(width: inner.width - labelWidth - 1, measure: surface.measure)
                surface.put(visible.text, row: row, column: inner.column + labelWidth, style: .plain,
                            maxWidth: inner.width - labelWidth)
                if index == form.focus { cursor = CursorPosition(row: row, column: inner.column + labelWidth + visible.cursorColumn) }
                continue
            case .material(let code):
                let name = catalog.materials.first { $0.code == code }.map { Words.name(zh: $0.nameZh, en: $0.nameEn, language) } ?? code
                text = "  \(form.received.contains(code) ? "[x]" : "[ ]") " + UIText.intakeReceived.format(language, name)
            case .priority:
                text = UIText.intakePriority.format(language, (form.urgent ? UIText.intakeUrgent : .intakeNormal).text(language))
            // Each language by its own name, as language choosers do.
            case .language: text = UIText.intakeReplyLanguage.format(language, form.english ? "English" : "中文")
            case .register: text = UIText.intakeRegister.text(language)
            }
            surface.putCut(text, row: row, column: inner.column, style: .plain, maxWidth: inner.width)
            if index == form.focus, cursor == nil {
                surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
            }
        }
        if let serviceRow {
            drawServiceMatches(form, below: serviceRow, column: inner.column, width: inner.width,
                               bottom: inner.bottom - 1, language: language, into: &surface)
        }
        if let error = form.error {
            surface.putCut(error, row: inner.bottom - 1, column: inner.column, style: theme.error, maxWidth: inner.width)
        }
        return cursor
    }

    /// The service items matching what was typed, under the service row (over the rows below it),
    /// the highlighted one marked `>` and selected (a mark, not colour alone); a window of them
    /// follows the highlight.
    private func drawServiceMatches(_ form: IntakeFormState, below row: Int, column: Int, width: Int, bottom: Int,
                                    language: Language, into surface: inout CellBuffer) {
        let matches = form.matches(catalog)
        let room = min(IntakeFormState.visibleMatches, bottom - row - 1)
        guard room > 0, width > 0 else { return }
        let area = Rect(row: row + 1, column: column, width: width, height: max(1, min(room, matches.count)))
        surface.fill(area, style: theme.dialog)
        guard !matches.isEmpty else {
            surface.put(UIText.intakeNoMatch.text(language), row: row + 1, column: column, style: theme.hint, maxWidth: width)
            return
        }
        let start = max(0, min(form.serviceChoice - room + 1, matches.count - room))
        for (offset, service) in matches[start..<min(matches.count, start + room)].enumerated() {
            let line = row + 1 + offset
            let mark = start + offset == form.serviceChoice ? "  > " : "    "
            surface.put(mark + "\(service.code)  " + Words.name(zh: service.nameZh, en: service.nameEn, language), row: line,
                        column: column, style: .plain, maxWidth: width)
            if start + offset == form.serviceChoice {
                surface.setStyle(Rect(row: line, column: column, width: width, height: 1), style: theme.selected)
            }
        }
    }

    /// A reason dialog with the catalog's standard reasons: the text, then the reasons matching
    /// it (the highlighted one marked `>`, a mark and not colour alone) and the free-text row, or,
    /// once one is taken, which standard reason the words stand for.
    private func drawReasonPrompt(_ prompt: PromptState, language: Language, into surface: inout CellBuffer) -> CursorPosition? {
        guard let reasons = prompt.reasons else { return nil }
        let matches = reasons.chosen == nil ? reasons.matches(prompt.input.text) : []
        let shown = min(matches.count, ReasonChoices.visibleRows)
        let listRows = reasons.chosen == nil ? shown + 1 : 1
        let box = centered(width: 76, height: 5 + listRows, in: surface.bounds)
        frame(box, title: " \(prompt.title) ", into: &surface)
        let inner = box.inset(by: 1)
        surface.putCut("\(prompt.pending.caseNumber) · \(ActionKeys.label(prompt.pending.action, language))", row: inner.row,
                       column: inner.column, style: theme.hint, maxWidth: inner.width)
        let field = prompt.input.visible(width: inner.width - 2, measure: surface.measure)
        surface.put("> " + field.text, row: inner.row + 1, column: inner.column, style: .plain, maxWidth: inner.width)
        var row = inner.row + 2
        if let chosen = reasons.chosen {
            surface.putCut(UIText.promptReasonChosen.format(language, chosen.name(language)), row: row, column: inner.column,
                           style: theme.label, maxWidth: inner.width)
        } else {
            // A window of the matches that keeps the highlighted row in view; the free-text row last.
            let highlighted = reasons.highlighted ?? -1
            let start = max(0, min(highlighted - shown + 1, matches.count - shown))
            var labels = matches[start..<(start + shown)].enumerated().map { (start + $0.offset, $0.element.name(language)) }
            labels.append((matches.count, UIText.promptReasonOther.text(language)))
            for (index, label) in labels where row < inner.bottom - 1 {
                surface.putCut((index == highlighted ? "  > " : "    ") + label, row: row, column: inner.column,
                               style: index == matches.count ? theme.hint : .plain, maxWidth: inner.width)
                if index == highlighted {
                    surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
                }
                row += 1
            }
        }
        surface.putCut(prompt.problem ?? UIText.promptReasonKeys.text(language), row: inner.bottom - 1, column: inner.column,
                       style: prompt.problem == nil ? theme.hint : theme.error, maxWidth: inner.width)
        return CursorPosition(row: inner.row + 1, column: inner.column + 2 + field.cursorColumn)
    }

    func centered(width: Int, height: Int, in bounds: Rect) -> Rect {
        let w = min(width, bounds.width - 2)
        let h = min(height, bounds.height - 2)
        return Rect(row: (bounds.height - h) / 2, column: (bounds.width - w) / 2, width: max(0, w), height: max(0, h))
    }

    func frame(_ box: Rect, title: String, into surface: inout CellBuffer) {
        surface.fill(box, style: theme.dialog)
        surface.drawBox(box, style: theme.focusedBorder, title: title)
    }
}

import Foundation
