import WicketCore

/// The case detail: applicant, service and limits, the clock, the checklist, messages, notes and
/// the history, as one scrollable column of lines.
struct DetailView {
    let theme: Theme
    let hallTime: HallTime
    let catalog: Catalog

    struct Line {
        var text: String
        var style: Style = .plain
        /// Index of the checklist item this line shows, for the material cursor.
        var material: Int?
    }

    func lines(_ detail: CaseDetail, width: Int, revealed: RevealedApplicant? = nil) -> [Line] {
        let r = detail.record
        let measure = DisplayWidth.standard
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
        add("\(r.number)  \(r.status.rawValue)  v\(r.version)" + (r.priority == .urgent ? "  URGENT 加急" : ""), theme.title)
        add("Applicant 申请人: \(r.applicantName)  (\(r.language.rawValue))")
        if let shown = revealed, shown.caseNumber == r.number {
            add("ID 证件: \(shown.idNumber)   Phone 电话: \(shown.phone)   (revealed, recorded 已记录查看)", theme.label)
        } else {
            add("ID 证件: \(Masking.idNumber(r.applicantIDNumber))   Phone 电话: \(Masking.phone(r.applicantPhone))   (R reveal)")
        }
        add("Channel 渠道: \(r.channel.rawValue)   Submitted 提交: \(hallTime.display(stored: r.submittedAt))")
        add("Holder 经办: \(r.holder ?? "-")   Dept 部门: \(r.department)")
        if let service = detail.service {
            add("Service 事项: \(service.code) \(service.nameZh) / \(service.nameEn)")
            add("Limits 时限: accept \(service.acceptanceLimitDays) WD · promised \(service.promisedLimitDays) WD · legal \(service.legalLimitDays) WD · fee \(service.fee)", theme.hint)
        }
        if !r.summary.isEmpty { add("Summary 事由: \(r.summary)") }
        if !r.details.isEmpty { add("Details 说明: \(r.details)") }

        section("Clock 时限")
        let c = detail.clock
        var clock = "\(c.level.mark) \(c.level.rawValue)"
        if let phase = c.phase { clock += " · \(phase)" }
        if let due = c.dueOn { clock += " · due 截止 \(due)" }
        add(clock, theme.level(c.level))
        if c.phase != nil {
            let left = c.daysLeft >= 0 ? "\(c.daysLeft) left 剩余" : "\(-c.daysLeft) over 超期"
            add("\(c.daysUsed) of \(c.limitDays) working days used 已用, \(left)" +
                (c.paused ? " · PAUSED 暂停" : "") + (c.pausedDays > 0 ? " · paused \(c.pausedDays) days" : "") +
                (c.extensionDays > 0 ? " · extended +\(c.extensionDays)" : ""))
        }
        if c.acceptanceBreached { add("Acceptance limit was breached 受理超期", theme.level(.overdue)) }

        section("Materials 材料  (1-9 select · V verified · S received · M missing · F defective)")
        for (index, item) in detail.materials.enumerated() {
            let name = catalog.materials.first { $0.code == item.code }.map { "\($0.nameZh) \($0.nameEn)" } ?? item.code
            let mark: String
            switch item.state {
            case .missing: mark = "[ ] missing 缺"
            case .submitted: mark = "[~] received 已收"
            case .verified: mark = "[✓] verified 已核"
            case .defective: mark = "[!] defective 不符"
            }
            add("\(index + 1). \(mark)  \(name)" + (item.reason.isEmpty ? "" : " — \(item.reason)"),
                item.state.isOutstanding ? theme.level(.red) : .plain, material: index)
        }

        section("Messages 往来消息")
        if detail.messages.isEmpty { add("(none 无)", theme.hint) }
        for message in detail.messages {
            let inbound = message.direction == "inbound"
            let state = message.deliveryState.map { " [\($0.rawValue)\(message.lastError.isEmpty ? "" : ": \(message.lastError)")]" } ?? ""
            add("\(inbound ? "← from" : "→ to") applicant · \(hallTime.display(stored: message.createdAt)) · \(message.author)\(state)",
                message.deliveryState == .failedPermanent ? theme.error : theme.label)
            add(message.body)
        }

        section("Notes 内部备注")
        if detail.notes.isEmpty { add("(none 无)", theme.hint) }
        for note in detail.notes { add("\(hallTime.display(stored: note.createdAt)) \(note.author): \(note.body)") }

        if !detail.ratings.isEmpty {
            section("Ratings 评价")
            for rating in detail.ratings {
                add("\(rating.rating.rawValue) \(rating.comment)" + (rating.followUp.map { " — follow-up: \($0)" }
                    ?? (rating.rating == .poor ? " — needs follow-up 待回访" : "")))
            }
        }

        section("History 历史")
        for event in detail.history {
            let move = event.from.map { $0 == event.to ? event.to : "\($0) → \(event.to)" } ?? event.to
            add("v\(event.version) \(hallTime.display(stored: event.at)) \(event.actor) \(event.action): \(move)" +
                (event.reason.isEmpty ? "" : " — \(event.reason)"))
        }
        return lines
    }

    func draw(_ state: WorkstationState, in box: Rect, focused: Bool, into surface: inout CellBuffer) {
        surface.drawBox(box, style: focused ? theme.focusedBorder : theme.border, title: " Case 案件 ")
        let inner = box.inset(by: 1)
        guard !inner.isEmpty else { return }
        guard let detail = state.detail.detail else {
            surface.put("Select a case and press Enter. 选择案件后按回车", row: inner.row, column: inner.column,
                        style: theme.hint, maxWidth: inner.width)
            return
        }
        var top = 0
        if state.detail.changedElsewhere {
            surface.put("Changed in another terminal: refreshed 已被他人更新", row: inner.row, column: inner.column,
                        style: theme.error, maxWidth: inner.width)
            top = 1
        }
        if !state.detail.alsoOpenBy.isEmpty, top < inner.height {
            surface.put("Also open by \(state.detail.alsoOpenBy.joined(separator: ", ")) 他人也在查看", row: inner.row + top,
                        column: inner.column, style: theme.error, maxWidth: inner.width)
            top += 1
        }
        let all = lines(detail, width: inner.width, revealed: state.detail.revealed)
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
