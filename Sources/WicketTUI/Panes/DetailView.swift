import WicketCore

/// The case detail: applicant, service and limits, the clock, the checklist, messages, notes and
/// the history, as one scrollable column of lines.
struct DetailView {
    let theme: Theme
    let hallTime: HallTime
    let catalog: Catalog
    var language = Language.en
    /// The hall's today: a retry due today shows its time only (nil: always day and time).
    var today: Day?

    struct Line {
        var text: String
        var style: Style = .plain
        /// Index of the checklist item this line shows, for the material cursor.
        var material: Int?
    }

    /// Wrapped with the terminal's own measure, so a wrapped line never overruns the pane.
    func lines(_ detail: CaseDetail, width: Int, measure: DisplayWidth, revealed: RevealedApplicant? = nil) -> [Line] {
        let r = detail.record
        var lines: [Line] = []
        func add(_ text: String, _ style: Style = .plain, material: Int? = nil) {
            for piece in measure.wrap(SafeText.sanitize(text, options: .multiLine), toWidth: max(1, width)) {
                lines.append(Line(text: piece, style: style, material: material))
            }
        }
        func section(_ title: String) {
            lines.append(Line(text: ""))
            lines.append(Line(text: title, style: theme.header))
        }
        let l = language
        func when(_ stored: String?) -> String { DateText.moment(stored: stored, hallTime: hallTime, language: l) }
        add("\(r.number)  \(InboxView.shortStatus(r.status, l))  v\(r.version)" +
            (r.priority == .urgent ? "  " + UIText.detailUrgent.text(l) : ""), theme.title)
        add(UIText.detailApplicant.format(l, r.applicantName, l.code(r.language.rawValue, r.language.word)))
        if let shown = revealed, shown.caseNumber == r.number {
            add(UIText.detailIDRevealed.format(l, r.applicantDocument.label(shown.idNumber, l), shown.phone), theme.label)
        } else {
            add(UIText.detailIDMasked.format(l, r.applicantDocument.label(Masking.idNumber(r.applicantIDNumber), l),
                                             Masking.phone(r.applicantPhone)))
        }
        if !detail.possibleDuplicates.isEmpty {
            add(UIText.detailDuplicate.format(l, detail.possibleDuplicates.joined(separator: l == .zh ? "、" : ", ")), theme.error)
        }
        add(UIText.detailChannel.format(l, Words.channel(r.channel, l), when(r.submittedAt)))
        add(UIText.detailHolder.format(l, r.holder ?? "-", r.department))
        if let service = detail.service {
            add(UIText.detailService.format(l, service.code, l == .zh ? service.nameZh : service.nameEn))
            add(UIText.detailLimits.format(l, service.acceptanceLimitDays, service.promisedLimitDays, service.legalLimitDays,
                                           service.fee), theme.hint)
        }
        if !r.summary.isEmpty { add(UIText.detailSummary.format(l, r.summary)) }
        if !r.details.isEmpty { add(UIText.detailDetails.format(l, r.details)) }

        section(UIText.sectionClock.text(l))
        let c = detail.clock
        var clock = "\(c.level.mark) \(c.level == .normal ? UIText.levelNormal.text(l) : InboxView.levelWord(c.level, l))"
        if let phase = c.phase { clock += " · " + Words.phase(phase, l) }
        if let due = c.dueText(l) { clock += " · " + UIText.clockDue.format(l, due) }
        add(clock, theme.level(c.level))
        if c.phase != nil {
            let left = c.daysLeft >= 0 ? UIText.clockLeft.format(l, c.daysLeft) : UIText.clockOver.format(l, -c.daysLeft)
            add(UIText.clockUsed.format(l, c.daysUsed, c.limitDays, left) +
                (c.paused ? UIText.clockPaused.text(l) : "") + (c.pausedDays > 0 ? UIText.clockPausedDays.format(l, c.pausedDays) : "") +
                (c.extensionDays > 0 ? UIText.clockExtended.format(l, c.extensionDays) : ""))
        }
        if c.acceptanceBreached { add(UIText.clockAcceptanceBreached.text(l), theme.level(.overdue)) }

        applicantSection(detail.applicant, add: add, section: section)

        section(UIText.sectionMaterials.text(l))
        for (index, item) in detail.materials.enumerated() {
            let name = catalog.materials.first { $0.code == item.code }.map { l == .zh ? $0.nameZh : $0.nameEn } ?? item.code
            let mark: UIText
            switch item.state {
            case .missing: mark = .materialMissing
            case .submitted: mark = .materialReceived
            case .verified: mark = .materialVerified
            case .defective: mark = .materialDefective
            }
            let source = detail.onFile[item.code]
            // Satisfied by what is on file, until the clerk confirms it (V) or asks again.
            add("\(index + 1). \((source == nil ? mark : .materialOnFileMark).text(l))  \(name)" + (item.reason.isEmpty ? "" : " — \(item.reason)"),
                item.state.isOutstanding && source == nil ? theme.level(.red) : .plain, material: index)
            // On file: satisfied, with where it was proven; V confirms it (a recorded event).
            if let source { add("   " + UIText.materialOnFile.format(l, source.text(l, hallTime: hallTime)), theme.hint, material: index) }
        }

        section(UIText.sectionMessages.text(l))
        if detail.messages.isEmpty { add(UIText.sectionNone.text(l), theme.hint) }
        for message in detail.messages {
            let inbound = message.direction == "inbound"
            // "failed — retrying (3/12), next 10:42", "failed permanently: …", "… handled by li: …"
            let state = DeliveryText.describe(message, hallTime: hallTime, today: today ?? Day(ordinal: 0)).map { " [\($0.text(l))]" } ?? ""
            add("\((inbound ? UIText.messageFrom : .messageTo).text(l)) #\(message.id) · \(when(message.createdAt)) · \(message.author)\(state)",
                message.isUnresolvedFailure ? theme.error : theme.label)
            add(message.body)
        }

        section(UIText.sectionNotes.text(l))
        if detail.notes.isEmpty { add(UIText.sectionNone.text(l), theme.hint) }
        for note in detail.notes { add("\(when(note.createdAt)) \(note.author): \(note.body)") }

        if !detail.ratings.isEmpty {
            section(UIText.sectionRatings.text(l))
            for rating in detail.ratings {
                add("\(Words.rating(rating.rating, l)) \(rating.comment)" + (rating.followUp.map { UIText.ratingFollowUp.format(l, $0) }
                    ?? (rating.rating == .poor ? UIText.ratingNeedsFollowUp.text(l) : "")))
            }
        }

        section(UIText.sectionHistory.text(l))
        for event in detail.history {
            let to = Words.status(event.to, l)
            let move = event.from.map { $0 == event.to ? to : "\(Words.status($0, l)) → \(to)" } ?? to
            add("v\(event.version) \(when(event.at)) \(event.actor) \(Words.historyAction(event.action, l)): \(move)" +
                (event.reason.isEmpty ? "" : " — \(event.reason)"))
        }
        return lines
    }

    /// How many of the applicant's other cases the detail lists; `O` shows them all.
    static let applicantLines = 4

    /// The applicant's other cases the clerk may see, open first: number, service, status, level.
    /// Only cases today; consultations and bookings are to come as sections of their own here.
    private func applicantSection(_ record: ApplicantRecord, add: (String, Style, Int?) -> Void, section: (String) -> Void) {
        guard !record.isEmpty else { return }
        let l = language
        let total = record.openCases.count + record.closedCases.count + record.moreClosed
        section(UIText.sectionApplicant.format(l, total))
        for item in record.listed.prefix(Self.applicantLines) {
            let level = item.status.isTerminal ? "" : "  \(item.level.mark) \(InboxView.levelWord(item.level, l))"
            add("\(item.number)  \(item.serviceCode)  \(InboxView.shortStatus(item.status, l))\(level)",
                item.status.isTerminal ? theme.hint : theme.level(item.level), nil)
        }
        add(UIText.applicantMore.text(l), theme.hint, nil)
    }

    /// The notices above the lines (changed elsewhere, also open by): they take rows from the scroll.
    private func noticeRows(_ state: WorkstationState) -> Int {
        (state.detail.changedElsewhere ? 1 : 0) + (state.detail.alsoOpenBy.isEmpty ? 0 : 1)
    }

    /// The furthest the pane scrolls in `box`: its last line at the bottom. `G` and `PgDn` ask for
    /// more; the state keeps this, so the first `k` after them moves.
    func maxScroll(_ state: WorkstationState, in box: Rect, measure: DisplayWidth) -> Int {
        let inner = box.inset(by: 1)
        guard let detail = state.detail.detail, !inner.isEmpty else { return 0 }
        let count = lines(detail, width: inner.width, measure: measure, revealed: state.detail.revealed).count
        return max(0, count - max(0, inner.height - noticeRows(state)))
    }

    func draw(_ state: WorkstationState, in box: Rect, focused: Bool, into surface: inout CellBuffer) {
        surface.drawBox(box, style: focused ? theme.focusedBorder : theme.border, title: " \(UIText.detailTitle.text(language)) ")
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return }
        guard let detail = state.detail.detail else {
            surface.put(UIText.detailSelect.text(language), row: inner.row, column: inner.column,
                        style: theme.hint, maxWidth: inner.width)
            return
        }
        var top = 0
        if state.detail.changedElsewhere {
            surface.put(UIText.detailChanged.text(language), row: inner.row, column: inner.column,
                        style: theme.error, maxWidth: inner.width)
            top = 1
        }
        if !state.detail.alsoOpenBy.isEmpty, top < inner.height {
            surface.put(UIText.detailAlsoOpen.format(language, state.detail.alsoOpenBy.joined(separator: ", ")), row: inner.row + top,
                        column: inner.column, style: theme.error, maxWidth: inner.width)
            top += 1
        }
        let all = lines(detail, width: inner.width, measure: surface.measure, revealed: state.detail.revealed)
        let visible = inner.height - top
        let scroll = min(state.detail.scroll, max(0, all.count - visible))
        for (offset, line) in all.dropFirst(scroll).prefix(visible).enumerated() {
            let row = inner.row + top + offset
            surface.put(line.text, row: row, column: inner.column, style: line.style, maxWidth: inner.width)
            if focused, let material = line.material, material == state.detail.materialCursor {
                surface.setStyle(Rect(row: row, column: inner.column, width: inner.width, height: 1), style: theme.selected)
            }
        }
    }
}
