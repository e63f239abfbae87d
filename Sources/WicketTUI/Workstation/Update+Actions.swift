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
            state.status = StatusMessage(text: "no case selected", isError: true)
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
            state.overlay = .picker(PickerState(title: "Transfer to 转办至", items: catalog.departments
                .filter { $0.code != current }
                .map { PickerItem(label: "\($0.code)  \($0.nameZh) \($0.nameEn)", choice: .transferTo($0.code)) }))
            return []
        case .assign:
            let department = state.detail.detail?.record.department ?? state.inbox.selectedCase?.department ?? ""
            return [.openAssignPicker(department)]
        case .extend:
            state.overlay = .prompt(PromptState(title: "Extend by how many working days? 延长工作日数", pending: pending, field: .days))
            return []
        case .note:
            state.overlay = .prompt(PromptState(title: "Internal note 内部备注", pending: pending, field: .text))
            return []
        default:
            if Lifecycle.rule(for: action).reasonRequired {
                state.overlay = .prompt(PromptState(title: "Reason for \(ActionKeys.label(action, state.language)) 理由", pending: pending,
                                                    field: .reason))
                return []
            }
            pending.action = action
            return [.perform(pending)]
        }
    }

    func openActionMenu(_ state: inout WorkstationState) -> [Effect] {
        guard let status = state.detail.detail?.record.status ?? state.inbox.selectedCase?.status else {
            state.status = StatusMessage(text: "no case selected", isError: true)
            return []
        }
        let actions = Lifecycle.actions(from: status).filter { state.keys.key(for: $0) != nil }
        state.overlay = .picker(PickerState(title: "Actions 操作 (\(status.rawValue))", items: actions.map {
            PickerItem(label: "\(state.keys.key(for: $0)!)  \(ActionKeys.label($0, state.language))", choice: .action($0))
        }))
        return []
    }

    func filterPicker(_ state: WorkstationState) -> PickerState {
        var items = [PickerItem(label: "(clear filters 清除筛选)", choice: .filter(InboxFilters()))]
        let current = state.inbox.filters
        for level in [Level.overdue, .red, .yellow, .paused] {
            var f = current; f.level = level
            items.append(PickerItem(label: "level: \(level.mark) \(level.rawValue)", choice: .filter(f)))
        }
        for status in CaseStatus.allCases where !status.isTerminal {
            var f = current; f.status = status
            items.append(PickerItem(label: "status: \(status.rawValue)", choice: .filter(f)))
        }
        for channel in Channel.allCases {
            var f = current; f.channel = channel
            items.append(PickerItem(label: "channel: \(channel.rawValue)", choice: .filter(f)))
        }
        for service in catalog.services {
            var f = current; f.serviceCode = service.code
            items.append(PickerItem(label: "service: \(service.code) \(service.nameZh)", choice: .filter(f)))
        }
        return PickerState(title: "Filter 筛选", items: items)
    }
}
