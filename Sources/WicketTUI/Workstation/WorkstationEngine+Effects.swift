import Foundation
import WicketCore

/// What each effect does against the core.
extension WorkstationEngine {
    func run(_ effect: Effect) throws {
        switch effect {
        case .reloadInbox:
            try reloadInbox()
        case .loadTab:
            try loadRows(keepPlace: false)
        case .pageInbox(let move):
            try pageInbox(move)
        case .stepMatch(let forward):
            try stepMatch(forward: forward)
        case .followSelection:
            if Layout.showsDetailBesideInbox(state), let number = state.inbox.selectedCase?.number,
               number != state.detail.detail?.record.number {
                try run(.openDetail(number))
            }
        case .openDetail(let number):
            let detail = try CaseDetail.load(number: number, in: store, for: access)
            if detail.record.number != state.detail.detail?.record.number {
                state.detail.scroll = 0
                state.detail.materialCursor = 0
                state.detail.revealed = nil
            }
            warnOfFailedReply(detail)
            state.detail.detail = detail
            state.detail.changedElsewhere = false
            refreshPresence()
        case .openDetailThen(let number, let action):
            try run(.openDetail(number))
            // The detail is this case's now, so `begin` finds the reply (or refuses): no second round.
            guard state.detail.detail?.record.number == number else { return }
            run(update.begin(action, &state))
        case .perform(let request):
            try perform(request)
        case .takeNext:
            let outcome = try workflow.takeNext(actor: state.user.login)
            state.inbox.tab = .mine
            state.inbox.filters = InboxFilters()
            try reloadInbox(select: outcome.caseNumber)
            try run(.openDetail(outcome.caseNumber))
            // The taken case highlighted in the list (its detail beside it from 100 columns): Enter
            // then opens it like any row. With the focus on the case, Enter would open the reply.
            state.focus = .inbox
            state.status = StatusMessage(text: UIText.statusTook.format(state.language, outcome.caseNumber), isError: false)
        case .loadDraft(let number):
            flushDraft()
            let text = try Drafts(store: store).load(caseNumber: number, author: state.user.login) ?? ""
            state.reply = ReplyState(caseNumber: number, editor: TextEditor(text: text), savedText: text)
            state.reply.editor.moveToEnd()
            if state.detail.detail?.record.number != number { try run(.openDetail(number)) }
            if !text.isEmpty { state.status = StatusMessage(text: UIText.statusDraftRestored.text(state.language), isError: false) }
        case .saveDraft:
            markDraftDirty()
        case .sendReply:
            try sendReply()
        case .openMaterialsDialog(let number):
            let detail = try CaseDetail.load(number: number, in: store, for: access)
            let items = detail.materials.map { material in
                MaterialChoice(material: material, name: store.material(material.code).map {
                    Words.name(zh: $0.nameZh, en: $0.nameEn, state.language)
                } ?? material.code, request: false)
            }
            state.overlay = .materials(MaterialsDialogState(caseNumber: number, version: detail.record.version, items: items))
            previewMaterials()
        case .openSupplementDialog(let number):
            let detail = try CaseDetail.load(number: number, in: store, for: access)
            let items = detail.materials.filter { $0.state.isOutstanding }.map { material in
                MaterialChoice(material: material, name: store.material(material.code).map {
                    Words.name(zh: $0.nameZh, en: $0.nameEn, state.language)
                } ?? material.code, request: false)
            }
            state.overlay = .materials(MaterialsDialogState(purpose: .supplement, caseNumber: number,
                                                            version: detail.record.version, items: items))
        case .previewMaterials:
            previewMaterials()
        case .submitMaterialsRequest:
            guard case .materials(let dialog) = state.overlay else { return }
            state.overlay = nil
            try perform(materialsRequest(dialog))
        case .fillTemplate(let action):
            guard let number = state.reply.caseNumber else { return }
            let text = try workflow.fillTemplate(action, caseNumber: number)
            state.reply.editor.insert(text)
            markDraftDirty()
        case .openAssignPicker(let department):
            let people = try CaseQueries.users(in: nil, store: store).filter {
                CaseAccess(user: $0).maySee(caseDepartment: department)
            }
            state.overlay = .picker(PickerState(title: UIText.pickerAssign.format(state.language, state.currentCaseNumber ?? ""), items: people.map {
                PickerItem(label: "\($0.login)  \($0.displayName)  \(Chrome.roleName($0.role, state.language))", choice: .assignTo($0.login))
            }))
        case .openIntake:
            state.overlay = .intake(IntakeFormState())
        case .registerIntake:
            try registerIntake()
        case .search(let text):
            try search(text)
        case .dashboard(let work):
            try run(work)
        case .board(let work):
            try run(work)
        case .reveal(let number):
            let revealed = try workflow.reveal(caseNumber: number, actor: state.user.login)
            try reloadInbox(select: number)
            try run(.openDetail(number))
            state.detail.revealed = revealed
            state.status = StatusMessage(text: UIText.statusRevealed.format(state.language, number), isError: false)
        case .consultation(let work):
            try run(work)
        case .redraw:
            wantsFullRedraw = true
        case .quit:
            flushDraft()
            state.shouldQuit = true
        }
    }

    /// A case opened (or shown beside the inbox) whose reply failed: the status line says so and
    /// how to act, unless it already says something (an action's result, a refusal), which it keeps.
    func warnOfFailedReply(_ detail: CaseDetail) {
        guard state.status.text.isEmpty, let failed = detail.messages.last(where: { $0.isUnresolvedFailure }),
              let words = DeliveryText.describe(failed, hallTime: store.hallTime, today: store.today) else { return }
        let keys = state.keys
        state.status = StatusMessage(text: UIText.statusFailedReply.format(
            state.language, detail.record.number, failed.id, words.text(state.language),
            keys.key(for: .resendReply).map(String.init) ?? "-", keys.key(for: .replyHandled).map(String.init) ?? "-"), isError: true)
    }

    /// Drafts are written once per batch of keys (see `flushDraft`), not once per key.
    private func markDraftDirty() {
        if state.reply.editor.text != state.reply.savedText { draftDirty = true }
    }

    func filter(for tab: InboxTab) -> CaseFilter {
        var filter = CaseFilter(limit: 500)
        let user = state.user
        // Clerks see their own department's queues; supervisors and admins see every department.
        filter.department = access.listDepartment
        switch tab {
        case .mine: filter.holder = user.login
        case .unassigned: filter.unassignedOnly = true
        case .awaitingMaterials: filter.statuses = [.awaitingMaterials]
        case .warnings: filter.warningsOnly = true
        case .all, .consultations: break
        case .failedReplies: filter.failedReplies = .any
        }
        let extra = state.inbox.filters
        if let status = extra.status { filter.statuses = [status] }
        filter.serviceCode = extra.serviceCode
        filter.channel = extra.channel
        filter.level = extra.level
        return filter
    }

    /// What the inbox lists: a dashboard drill-down exactly, else the tab with its filters.
    func inboxFilter() -> CaseFilter {
        if let applicant = state.inbox.filters.applicant {
            // Every status: the applicant's whole record with the hall, open cases first.
            var filter = CaseFilter(statuses: CaseStatus.allCases, department: access.listDepartment, limit: 500)
            filter.applicantOf = applicant.origin
            return filter
        }
        return state.inbox.filters.drillDown?.filter ?? filter(for: state.inbox.tab)
    }

    /// Who the workstation's user is and what they may see (`CaseAccess`), checked when it opened.
    var access: CaseAccess { CaseAccess(user: state.user) }

    /// Rows, tab counts and the clerk's workload: after any change of the data. The counts come
    /// from the tallies the database keeps (a few hundred rows, however large the hall); each
    /// equals the count of its tab's filter (`filter(for:)`), as the core's tests check.
    func reloadInbox(select number: String? = nil) throws {
        inboxLoads += 1
        let user = state.user
        let counts = try InboxTabCounts.read(for: user.login, department: access.listDepartment, in: store)
        state.tabCounts = [.mine: counts.mine, .unassigned: counts.unassigned, .awaitingMaterials: counts.awaitingMaterials,
                           .warnings: counts.warnings, .all: counts.all, .failedReplies: counts.failedReplies]
        state.workload = try CaseQueries.workload(of: state.user.login, in: store)
        try loadRows(keepPlace: true, select: number)
        try reloadConsultations()
    }

    /// Only the rows of the list (and its total): switching tabs or filters changes no count, so
    /// none is redone. `keepPlace`: read the window from where it stood (after a change).
    func loadRows(keepPlace: Bool, select number: String? = nil) throws {
        try loadWindow(keepPlace: keepPlace, select: number ?? state.inbox.selectedCase?.number)
        state.inbox.total = try listTotal()
    }

    private func perform(_ request: ActionRequest) throws {
        let outcome = try workflow.perform(request)
        let language = state.language
        let action = ActionKeys.label(outcome.action, language)
        let from = InboxView.shortStatus(outcome.from, language), to = InboxView.shortStatus(outcome.to, language)
        var text = outcome.from == outcome.to ? UIText.statusActed.format(language, outcome.caseNumber, action, to)
            : UIText.statusMoved.format(language, outcome.caseNumber, action, from, to)
        text += resultDetail(request)
        if outcome.replyID != nil { text += UIText.statusReplyStored.text(language) }
        if !outcome.notices.isEmpty { text += UIText.statusWarning.format(language, outcome.warnings(language).joined(separator: "; ")) }
        state.status = StatusMessage(text: text, isError: !outcome.warnings.isEmpty)
        try reloadInbox(select: outcome.caseNumber)
        if state.focus == .inbox, Layout.showsDetailBesideInbox(state), let selected = state.inbox.selectedCase?.number,
           selected != outcome.caseNumber {
            // The acted case left this tab: the detail follows the highlighted row, so the next key
            // acts on the case the clerk sees.
            try run(.openDetail(selected))
        } else if state.detail.detail != nil || state.focus != .inbox {
            try run(.openDetail(outcome.caseNumber))
        }
    }

    /// To whom, where, which item: what the status line's action words alone do not say.
    private func resultDetail(_ request: ActionRequest) -> String {
        let language = state.language
        switch request.action {
        case .assign:
            guard let login = request.target else { return "" }
            let name = (try? CaseQueries.user(login, in: store))?.map { "\($0.login) (\($0.displayName))" } ?? login
            return UIText.statusToWhom.format(language, name)
        case .transfer:
            guard let code = request.target else { return "" }
            let name = store.catalog.departments.first { $0.code == code }
                .map { "\(code) " + Words.name(zh: $0.nameZh, en: $0.nameEn, language) } ?? code
            return UIText.statusToWhom.format(language, name)
        case .material:
            guard let materialState = request.materialState else { return "" }
            let names = request.materials.map { code in
                store.material(code).map { Words.name(zh: $0.nameZh, en: $0.nameEn, language) } ?? code
            }
            return UIText.statusMaterialMark.format(language, names.joined(separator: ", "),
                                                    Words.materialState(materialState, language))
        case .resendReply:
            // No new reply is stored: the failed one is queued again.
            return (request.messageID.map { UIText.statusReplyNumber.format(language, $0) } ?? "")
                + UIText.statusReplyStored.text(language)
        case .replyHandled:
            return request.messageID.map { UIText.statusReplyNumber.format(language, $0) } ?? ""
        default:
            return ""
        }
    }

    private func sendReply() throws {
        guard let number = state.reply.caseNumber else { return }
        let text = state.reply.editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            state.status = StatusMessage(text: UIText.statusReplyEmpty.text(state.language), isError: true)
            return
        }
        var request = ActionRequest(caseNumber: number, action: .reply, actor: state.user.login, text: text)
        if let record = state.detail.detail?.record, record.number == number { request.expectedVersion = record.version }
        try perform(request)
        state.reply.editor.clear()
        try Drafts(store: store).save(caseNumber: number, author: state.user.login, body: "")
        state.reply.savedText = ""
        state.status = StatusMessage(text: UIText.statusReplyQueued.format(state.language, number), isError: false)
    }

    private func materialsRequest(_ dialog: MaterialsDialogState) -> ActionRequest {
        var request = ActionRequest(caseNumber: dialog.caseNumber, action: .requestMaterials, actor: state.user.login,
                                    expectedVersion: dialog.version)
        request.missing = dialog.items.filter { $0.request && !$0.material.state.isOutstanding }.map(\.material.code)
        return request
    }

    private func previewMaterials() {
        guard case .materials(var dialog) = state.overlay else { return }
        do {
            let preview = try workflow.preview(materialsRequest(dialog))
            dialog.preview = preview.reply ?? ""
            dialog.previewError = nil
            if !preview.outcome.notices.isEmpty {
                let warnings = preview.outcome.warnings(state.language).joined(separator: "; ")
                dialog.preview = UIText.warningPrefix.text(state.language) + warnings + "\n\n" + dialog.preview
            }
        } catch {
            dialog.preview = ""
            dialog.previewError = ErrorText.message(error, state.language)
        }
        state.overlay = .materials(dialog)
    }

    private func registerIntake() throws {
        guard case .intake(var form) = state.overlay else { return }
        guard let application = form.application(store.catalog, now: store.clock.now) else {
            form.error = UIText.intakeChooseService.text(state.language)
            state.overlay = .intake(form)
            return
        }
        do {
            // The applicant is at this clerk's window: the clerk holds the case from the start.
            let record = try Intake(store: store).register(application, actor: state.user.login, holding: true)
            state.overlay = nil
            try reloadInbox(select: record.number)
            // A walk-in for another department's service is registered for that department; this
            // clerk does not see it (`CaseAccess`), so there is no detail to open.
            if access.maySee(caseDepartment: record.department) { try run(.openDetail(record.number)) }
            var text = UIText.statusRegistered.format(state.language, record.number, record.serviceCode,
                                                      Words.channel(record.channel, state.language))
            // Flagged, never merged: the applicant already has this service open.
            let duplicates = state.detail.detail?.record.number == record.number ? state.detail.detail?.possibleDuplicates ?? [] : []
            let onFile = state.detail.detail?.record.number == record.number ? state.detail.detail?.onFile.count ?? 0 : 0
            if onFile > 0 { text += UIText.statusOnFile.format(state.language, onFile) }
            if !duplicates.isEmpty {
                text += UIText.statusDuplicate.format(state.language, duplicates.joined(separator: state.language == .zh ? "、" : ", "))
            }
            state.status = StatusMessage(text: text, isError: !duplicates.isEmpty)
        } catch let refusal as WorkflowError {
            form.error = refusal.message(state.language)
            state.overlay = .intake(form)
        }
    }

    private func search(_ text: String, jump: Bool = true) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            state.inbox.matches = []
            return
        }
        try refreshMatches()
        guard jump else { return }
        let noMatch = UIText.statusNoMatch.text(state.language)
        if state.status.text == noMatch { state.status = .none }
        if let current = state.inbox.selectedCase, state.inbox.matches.contains(current.number) { return }
        if let index = state.inbox.rows.firstIndex(where: { state.inbox.matches.contains($0.number) }) {
            state.inbox.selected = index
            if Layout.showsDetailBesideInbox(state) { try run(.openDetail(state.inbox.rows[index].number)) }
        } else if (state.inbox.moreBefore || state.inbox.moreAfter), try firstMatchBeyondRows() {
            // None in the rows held: the first match in the list, wherever it is.
        } else {
            // Nothing matches: say so, and the selection is where it was before the search.
            if let origin = state.inbox.searchOrigin, let index = state.inbox.rows.firstIndex(where: { $0.number == origin }) {
                state.inbox.selected = index
                try run(.followSelection)
            }
            state.status = StatusMessage(text: noMatch, isError: false)
        }
    }
}
