import Foundation
import WicketCore

/// The Consultations tab's work against the core (`ConsultationQueries`, `ConsultationDesk`).
extension WorkstationEngine {
    var desk: ConsultationDesk { ConsultationDesk(store: store) }

    func run(_ effect: ConsultationEffect) throws {
        let language = state.language
        switch effect {
        case .load(let select):
            try reloadConsultations(select: select)
        case .open(let number):
            let detail = try ConsultationQueries.detail(number: number, in: store, for: access)
            if detail.record.number != state.consultations.detail?.record.number { state.consultations.scroll = 0 }
            state.consultations.detail = detail
        case .draft(let number):
            // A case's reply being written is saved before the pane takes the answer.
            flushDraft()
            let text = try desk.draft(number: number, actor: state.user.login)
            state.reply = ReplyState(caseNumber: nil, editor: TextEditor(text: text), savedText: "", consultation: number)
            state.reply.editor.moveToEnd()
            if state.consultations.detail?.record.number != number { try run(.open(number)) }
        case .answer:
            guard let number = state.reply.consultation else { return }
            let version = state.consultations.detail.flatMap { $0.record.number == number ? $0.record.version : nil }
            let answered = try desk.answer(number: number, text: state.reply.editor.text, actor: state.user.login,
                                           expectedVersion: version)
            state.reply = ReplyState()
            state.focus = .detail
            try reloadConsultations(select: number)
            try run(.open(number))
            state.status = StatusMessage(text: UIText.statusConsultAnswered.format(language, answered.consultation.number), isError: false)
        case .convert(let number, let version):
            let converted = try desk.convert(number: number, actor: state.user.login, expectedVersion: version)
            try reloadInbox()
            try reloadConsultations(select: number)
            try run(.open(number))
            state.status = StatusMessage(text: UIText.statusConsultConverted.format(language, number, converted.caseRecord.number),
                                         isError: false)
        case .openForm:
            state.overlay = .consult(ConsultFormState(purpose: .register))
        case .submitForm:
            try submitConsultForm()
        }
    }

    /// The open consultations the user sees (the first 500, most urgent first) and the tab's counts.
    func reloadConsultations(select number: String? = nil) throws {
        let pane = state.consultations
        let keep = number ?? pane.selectedRow?.number
        let counts = try ConsultationQueries.counts(in: store, for: access)
        state.consultations.total = counts.open
        state.consultations.late = counts.late
        state.tabCounts[.consultations] = counts.open
        let now = store.clock.now
        state.consultations.lateRows = counts.late == 0 ? []
            : try ConsultationQueries.open(in: store, for: access, limit: LateConsultationsBlock.shown).filter { $0.level(at: now) == .overdue }
        guard state.inbox.tab == .consultations || number != nil || !pane.rows.isEmpty else { return }
        let rows = try ConsultationQueries.open(in: store, for: access, limit: 500)
        state.consultations.rows = rows
        if let keep, let index = rows.firstIndex(where: { $0.number == keep }) {
            state.consultations.selected = index
        } else {
            state.consultations.selected = max(0, min(pane.selected, rows.count - 1))
        }
        if state.focus == .inbox, Layout.showsDetailBesideInbox(state) {
            // Beside the list the detail always shows the highlighted row: the keys act on what is seen,
            // also after another terminal's answer took the row it showed out of the list.
            state.consultations.detail = try state.consultations.selectedRow.map {
                try ConsultationQueries.detail(number: $0.number, in: store, for: access)
            }
        } else if let open = state.consultations.detail?.record.number {
            state.consultations.detail = try? ConsultationQueries.detail(number: open, in: store, for: access)
        }
    }

    private func submitConsultForm() throws {
        guard case .consult(var form) = state.overlay else { return }
        let language = state.language
        do {
            switch form.purpose {
            case .register:
                let question = form.question(store.catalog, now: store.clock.now)
                let consultation = try desk.ask(question, actor: state.user.login)
                state.overlay = nil
                try reloadConsultations(select: consultation.number)
                let status = consultation.status.word.text(language)
                state.status = StatusMessage(text: UIText.statusConsultRegistered.format(language, consultation.number,
                                                                                         consultation.department, status), isError: false)
            case .close(let number, let version):
                let closed = try desk.close(number: number, as: form.closing, reason: form.fields[0].text,
                                            actor: state.user.login, expectedVersion: version)
                state.overlay = nil
                try reloadConsultations(select: number)
                try run(.open(number))
                state.status = StatusMessage(text: UIText.statusConsultClosed.format(language, number, closed.status.word.text(language)),
                                             isError: false)
            }
        } catch let refusal as WorkflowError {
            form.error = refusal.message(language)
            state.overlay = .consult(form)
        }
    }
}
