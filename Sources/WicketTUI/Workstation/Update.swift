import WicketCore

/// Key → new state + effects. Pure: no database, no terminal. The engine runs the effects.
public struct Update {
    public let catalog: Catalog

    public init(catalog: Catalog) { self.catalog = catalog }

    public func handle(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        defer { state.shownCaseLeft = nil }
        if state.isTooSmall {
            return key == .character("Q") || key == .ctrl("c") ? [.quit] : []
        }
        if state.overlay != nil { return handleOverlay(key, &state) }
        if state.board != nil { return handleBoard(key, &state) }
        if state.dashboard?.visible == true { return handleDashboard(key, &state) }
        if state.searchInput != nil { return handleSearchInput(key, &state) }
        if state.focus == .reply, let effects = handleConsultationReply(key, &state) { return effects }
        if state.focus == .reply, state.reply.consultation == nil, let effects = handleReply(key, &state) { return effects }
        if key == .character(Self.registerConsultationKey) { return [.openConsultForm] }
        if state.inbox.tab == .consultations, state.focus != .reply {
            // The keys act on the consultation shown: no case key reaches a case that is not on screen.
            if let effects = handleScreenKeys(key, &state) { return effects }
            let global: [Key] = [.character("T"), .character("i"), .character("B"), .function(3), .character("Y"), .function(4)]
            if !global.contains(key) { return handleConsultations(key, &state) ?? [] }
        }
        if let effects = handleGlobal(key, &state) { return effects }
        switch state.focus {
        case .inbox: return handleInbox(key, &state)
        case .detail: return handleDetail(key, &state)
        case .reply: return []
        }
    }

    /// Quit, help and redraw: the same on every screen, the dashboard included.
    func handleScreenKeys(_ key: Key, _ state: inout WorkstationState) -> [Effect]? {
        switch key {
        case .character("Q"), .ctrl("c"):
            return [.quit]
        case .character("?"), .function(1):
            state.overlay = .help(0)
            return []
        case .ctrl("l"):
            return [.redraw]
        default:
            return nil
        }
    }

    /// Keys that mean the same in every pane (outside text entry).
    private func handleGlobal(_ key: Key, _ state: inout WorkstationState) -> [Effect]? {
        if let effects = handleScreenKeys(key, &state) { return effects }
        switch key {
        case .tab:
            return cycleFocus(&state, forward: true)
        case .backTab:
            return cycleFocus(&state, forward: false)
        case .character("T"):
            return [.takeNext]
        case .character("i"):
            return [.openIntake]
        case .character("f"):
            state.overlay = .picker(filterPicker(state))
            return []
        case .character("/"):
            // A new search starts empty; n / N still step through the last one's matches.
            state.searchInput = LineInput()
            state.focus = .inbox
            state.inbox.searchOrigin = state.inbox.selectedCase?.number
            return []
        case .character("n"):
            return [.stepMatch(forward: true)]
        case .character("N"):
            return [.stepMatch(forward: false)]
        case .character("."):
            return openActionMenu(&state)
        case .function(3), .character("B"):
            return [.dashboard(.open)]
        case .function(4), .character("Y"):
            return [.board(.open)]
        case .character("O"):
            return listApplicantCases(&state)
        case .escape, .character("q"):
            switch state.focus {
            case .inbox:
                if state.inbox.filters.applicant != nil { return leaveApplicantCases(&state) }
                // Back from a drill-down to the dashboard it came from.
                guard state.inbox.filters.drillDown != nil, state.dashboard != nil else { return [] }
                state.inbox.filters.drillDown = nil
                state.dashboard?.visible = true
                return [.dashboard(.reload), .reloadInbox]
            case .detail: state.focus = .inbox
            case .reply: state.focus = .detail
            }
            return []
        case .character(let character):
            guard let action = state.keys.action(for: character) else { return nil }
            return begin(action, &state)
        default:
            return nil
        }
    }

    func cycleFocus(_ state: inout WorkstationState, forward: Bool) -> [Effect] {
        let order: [PaneID] = [.inbox, .detail, .reply]
        let index = order.firstIndex(of: state.focus)!
        let next = order[(index + (forward ? 1 : 2)) % 3]
        state.focus = next
        switch next {
        case .detail where state.detail.detail == nil:
            return state.inbox.selectedCase.map { [.openDetail($0.number)] } ?? []
        case .reply:
            guard let number = state.currentCaseNumber else { state.focus = .inbox; return [] }
            return state.reply.caseNumber == number ? [] : [.loadDraft(number)]
        default:
            return []
        }
    }

    // MARK: inbox

    private func handleInbox(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        let page = max(1, Layout.inboxRowsVisible(state))
        let count = state.inbox.rows.count
        var inbox = state.inbox
        // Past the rows held, the engine reads the next window of the list (keyset pages).
        func move(_ delta: Int) -> [Effect]? {
            let target = inbox.selected + delta
            if target >= count && inbox.moreAfter { return [.pageInbox(.forward(delta))] }
            if target < 0 && inbox.moreBefore { return [.pageInbox(.backward(-delta))] }
            inbox.selected = target
            return nil
        }
        switch key {
        case .down, .character("j"): if let effects = move(1) { return effects }
        case .up, .character("k"): if let effects = move(-1) { return effects }
        case .pageDown, .character(" "): if let effects = move(page) { return effects }
        case .pageUp, .character("-"): if let effects = move(-page) { return effects }
        case .home, .character("g"):
            if inbox.moreBefore { return [.pageInbox(.first)] }
            inbox.selected = 0
        case .end, .character("G"):
            if inbox.moreAfter { return [.pageInbox(.last)] }
            inbox.selected = count - 1
        case .enter:
            guard let number = inbox.selectedCase?.number else { return [] }
            state.focus = .detail
            return [.openDetail(number)]
        case .character(let digit) where ("1"..."7").contains(digit):
            return switchTab(to: Int(String(digit))! - 1, &state)
        default:
            return []
        }
        inbox.selected = max(0, min(count - 1, inbox.selected))
        let moved = inbox.selected != state.inbox.selected
        state.inbox = inbox
        return moved ? followSelection(state) : []
    }

    /// Where the detail pane is on screen beside the inbox, it follows the selection.
    func followSelection(_ state: WorkstationState) -> [Effect] {
        guard Layout.showsDetailBesideInbox(state), let number = state.inbox.selectedCase?.number,
              number != state.detail.detail?.record.number else { return [] }
        return [.openDetail(number)]
    }

    private func handleSearchInput(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        switch key {
        case .enter:
            state.searchInput = nil
            return []
        case .escape:
            state.searchInput = nil
            state.inbox.search = ""
            state.inbox.matches = []
            return []
        default:
            guard var input = state.searchInput, input.handle(key) else { return [] }
            state.searchInput = input
            state.inbox.search = input.text
            return [.search(input.text)]
        }
    }

    // MARK: detail

    private func handleDetail(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        let page = max(1, state.height - 6)
        let materials = state.detail.detail?.materials ?? []
        switch key {
        case .down, .character("j"): state.detail.scroll += 1
        case .up, .character("k"): state.detail.scroll = max(0, state.detail.scroll - 1)
        case .pageDown, .character(" "): state.detail.scroll += page
        case .pageUp, .character("-"): state.detail.scroll = max(0, state.detail.scroll - page)
        case .home, .character("g"): state.detail.scroll = 0
        case .end, .character("G"): state.detail.scroll = Int.max / 2
        case .character("]"): state.detail.materialCursor = min(max(0, materials.count - 1), state.detail.materialCursor + 1)
        case .character("["): state.detail.materialCursor = max(0, state.detail.materialCursor - 1)
        case .character(let digit) where ("1"..."9").contains(digit):
            let index = Int(String(digit))! - 1
            if index < materials.count { state.detail.materialCursor = index }
        case .character("V"): return setMaterial(.verified, &state)
        case .character("S"): return setMaterial(.submitted, &state)
        case .character("M"): return setMaterial(.missing, &state)
        case .character("F"): return setMaterial(.defective, &state)
        case .character("R"):
            guard let number = state.detail.detail?.record.number else { return [] }
            return [.reveal(number)]
        case .enter:
            return cycleFocus(&state, forward: true)
        default:
            break
        }
        return []
    }

    private func setMaterial(_ materialState: MaterialState, _ state: inout WorkstationState) -> [Effect] {
        guard let detail = state.detail.detail, detail.materials.indices.contains(state.detail.materialCursor) else { return [] }
        var request = request(.material, state)!
        request.materials = [detail.materials[state.detail.materialCursor].code]
        request.materialState = materialState
        if materialState == .defective {
            state.overlay = .prompt(PromptState(title: UIText.promptDefectiveReason.text(state.language), pending: request, field: .reason))
            return []
        }
        return [.perform(request)]
    }
}
