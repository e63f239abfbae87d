import WicketCore

/// Starting actions: the ones that go straight through, and the ones that ask first.
extension Update {
    func request(_ action: CaseAction, _ state: WorkstationState) -> ActionRequest? {
        guard let number = state.currentCaseNumber else { return nil }
        return ActionRequest(caseNumber: number, action: action, actor: state.user.login,
                             expectedVersion: state.seenVersion)
    }

    func begin(_ action: CaseAction, _ state: inout WorkstationState) -> [Effect] {
        guard var pending = request(action, state) else {
            state.status = StatusMessage(text: UIText.noCaseSelected.text(state.language), isError: true)
            return []
        }
        let language = state.language
        func refuse(_ text: String) -> [Effect] {
            state.status = StatusMessage(text: UIText.statusRefused.format(language, text), isError: true)
            return []
        }
        // The key acts on the case the clerk sees, or on nothing.
        if let unseen = Refusal.unseen(pending.caseNumber, state) {
            state.unseenKeyRefused = true
            return refuse(unseen)
        }
        if let shown = shownBesideHighlight(state), shown != pending.caseNumber {
            _ = refuse(UIText.refusedPaneDiffers.format(language, shown, pending.caseNumber))
            return [.openDetail(pending.caseNumber)]
        }
        // The core's permission rule, before any question is asked.
        if Lifecycle.rule(for: action).supervisorOnly && !state.user.role.canOverride {
            return refuse(WorkflowError.supervisorOnly(action).message(language))
        }
        // And the lifecycle's, from the status on screen (the core checks again when it acts).
        if let status = shownStatus(of: pending.caseNumber, state), !Lifecycle.rule(for: action).from.contains(status) {
            let refusal = WorkflowError.notAllowed(action: action, status: status, allowed: Workflow.choices(from: status))
            state.status = StatusMessage(text: Refusal.text(refusal, state), isError: true)
            return []
        }
        switch action {
        case .requestMaterials:
            return [.openMaterialsDialog(pending.caseNumber)]
        case .reply:
            state.focus = .reply
            return state.reply.caseNumber == pending.caseNumber ? [] : [.loadDraft(pending.caseNumber)]
        case .transfer:
            let current = state.detail.detail?.record.department ?? state.inbox.selectedCase?.department
            state.overlay = .picker(PickerState(title: UIText.pickerTransfer.format(language, pending.caseNumber), items: catalog.departments
                .filter { $0.code != current }
                .map { PickerItem(label: "\($0.code)  " + Words.name(zh: $0.nameZh, en: $0.nameEn, language),
                                  choice: .transferTo($0.code)) }))
            return []
        case .assign:
            let department = state.detail.detail?.record.department ?? state.inbox.selectedCase?.department ?? ""
            return [.openAssignPicker(department)]
        case .extend:
            state.overlay = .prompt(PromptState(title: UIText.promptExtendDays.text(language), pending: pending, field: .days))
            return []
        case .note:
            state.overlay = .prompt(PromptState(title: UIText.promptNote.text(language), pending: pending, field: .text))
            return []
        case .supplement:
            // What came in (the checklist's outstanding items), then the applicant's message.
            return [.openSupplementDialog(pending.caseNumber)]
        case .resendReply, .replyHandled:
            // Said before anything is asked: the case shown has no failed reply to act on.
            guard hasFailedReply(pending.caseNumber, state) else {
                return refuse(UIText.statusNoFailedReply.format(language, pending.caseNumber))
            }
            // Which reply is read from the case's detail: load it first where it is not on screen.
            guard let failed = failedReply(of: pending.caseNumber, state) else {
                return [.openDetailThen(pending.caseNumber, action)]
            }
            pending.messageID = failed.id
            guard action == .replyHandled else { return [.perform(pending)] }
            let title = UIText.promptReplyHandled.format(language, pending.caseNumber, pending.messageID.map(String.init) ?? "?")
            state.overlay = .prompt(PromptState(title: title, pending: pending, field: .reason))
            return []
        default:
            if Lifecycle.rule(for: action).reasonRequired {
                var prompt = PromptState(title: UIText.promptReason.format(language, ActionKeys.label(action, language)),
                                         pending: pending, field: .reason)
                let offered = catalog.reasons(for: action, service: shownService(of: pending.caseNumber, state))
                if !offered.isEmpty { prompt.reasons = ReasonChoices(offered: offered) }
                state.overlay = .prompt(prompt)
                return []
            }
            pending.action = action
            return [.perform(pending)]
        }
    }

    func openActionMenu(_ state: inout WorkstationState) -> [Effect] {
        guard let number = state.currentCaseNumber, let status = shownStatus(of: number, state) else {
            state.status = StatusMessage(text: UIText.noCaseSelected.text(state.language), isError: true)
            return []
        }
        let actions = menuActions(from: status, state)
        let title = UIText.pickerActions.format(state.language, number, InboxView.shortStatus(status, state.language))
        state.overlay = .picker(PickerState(title: title, items: actions.map {
            PickerItem(label: "\(state.keys.key(for: $0)!)  \(ActionKeys.label($0, state.language))", choice: .action($0))
        }))
        return []
    }

    /// The status the screen shows for `number`: the detail's, else its inbox row's.
    func shownStatus(of number: String, _ state: WorkstationState) -> CaseStatus? {
        if let record = state.detail.detail?.record, record.number == number { return record.status }
        return state.inbox.rows.first { $0.number == number }?.status
    }

    /// The service item of the case on screen (its own standard reasons come on top of the hall's).
    func shownService(of number: String, _ state: WorkstationState) -> String? {
        if let record = state.detail.detail?.record, record.number == number { return record.serviceCode }
        return state.inbox.rows.first { $0.number == number }?.serviceCode
    }

    /// The case the detail pane shows beside the inbox while the inbox has the keys: the
    /// highlighted row's, unless something left them apart.
    func shownBesideHighlight(_ state: WorkstationState) -> String? {
        guard state.focus == .inbox, Layout.showsDetailBesideInbox(state), state.inbox.selectedCase != nil else { return nil }
        return state.detail.detail?.record.number
    }

    /// What the `.` menu offers on a case in `status`: the actions with a key that this user may
    /// take (the core's rule: some are for supervisors); resend and handled only on a case with a
    /// failed reply.
    func menuActions(from status: CaseStatus, _ state: WorkstationState) -> [CaseAction] {
        let failed = state.currentCaseNumber.map { hasFailedReply($0, state) } ?? false
        return Lifecycle.actions(from: status).filter {
            state.keys.key(for: $0) != nil && (state.user.role.canOverride || !Lifecycle.rule(for: $0).supervisorOnly)
                && (failed || ($0 != .resendReply && $0 != .replyHandled))
        }
    }

    /// Whether the case shows a failed reply nobody has dealt with: in its detail when that is
    /// open, else its inbox row's mark.
    func hasFailedReply(_ number: String, _ state: WorkstationState) -> Bool {
        if let detail = state.detail.detail, detail.record.number == number {
            return detail.messages.contains { $0.isUnresolvedFailure }
        }
        return state.inbox.rows.first { $0.number == number }?.failedReply != nil
    }

    /// The failed reply the keys act on: the newest one nobody has dealt with (each key names it,
    /// and the next press takes the one before); nil when the case's detail is not loaded.
    func failedReply(of number: String, _ state: WorkstationState) -> CaseDetail.Message? {
        guard let detail = state.detail.detail, detail.record.number == number else { return nil }
        return detail.messages.last { $0.isUnresolvedFailure }
    }

    func filterPicker(_ state: WorkstationState) -> PickerState {
        let language = state.language
        var items = [PickerItem(label: UIText.filterClear.text(language), choice: .filter(InboxFilters()))]
        let current = state.inbox.filters
        for level in [Level.overdue, .red, .yellow, .paused] {
            var f = current; f.level = level
            let label = UIText.filterLevel.format(language, "\(level.mark) " + InboxView.levelWord(level, language))
            items.append(PickerItem(label: label, choice: .filter(f)))
        }
        for status in CaseStatus.allCases where !status.isTerminal {
            var f = current; f.status = status
            let label = UIText.filterStatus.format(language, InboxView.shortStatus(status, language))
            items.append(PickerItem(label: label, choice: .filter(f)))
        }
        for channel in Channel.allCases {
            var f = current; f.channel = channel
            items.append(PickerItem(label: UIText.filterChannel.format(language, Words.channel(channel, language)), choice: .filter(f)))
        }
        for service in catalog.services {
            var f = current; f.serviceCode = service.code
            items.append(PickerItem(label: UIText.filterService.format(language, "\(service.code) "
                + Words.name(zh: service.nameZh, en: service.nameEn, language)), choice: .filter(f)))
        }
        return PickerState(title: UIText.pickerFilter.text(language), items: items)
    }
}
