import WicketCore

/// What can be done to a consultation from the workstation: each has one key, listed in help,
/// the `.` menu and the README's key table alike (`ConsultationKeys.all`).
public enum ConsultationKey: CaseIterable, Sendable {
    case answer, close, convert

    public var key: Character {
        switch self {
        case .answer: return "r"
        case .close: return "x"
        case .convert: return "I"
        }
    }

    public var text: UIText {
        switch self {
        case .answer: return .helpConsultAnswer
        case .close: return .helpConsultClose
        case .convert: return .helpConsultConvert
        }
    }

    /// Which statuses allow it (the core checks again).
    func allowed(_ status: ConsultationStatus) -> Bool {
        switch self {
        case .answer, .close: return status == .open
        case .convert: return status == .open || status == .answered
        }
    }
}

/// Keys in the Consultations tab: moving in its list, opening one, answering, closing, converting.
extension Update {
    /// The register key (`e`), in every pane but the reply's text.
    static let registerConsultationKey: Character = "z"

    /// Nil: not a key of the Consultations tab (the global keys take it).
    func handleConsultations(_ key: Key, _ state: inout WorkstationState) -> [Effect]? {
        let language = state.language
        var pane = state.consultations
        switch key {
        case .character("/"), .character("f"), .character("n"), .character("N"):
            state.status = StatusMessage(text: UIText.consultNotHere.text(language), isError: true)
            return []
        case .character(let digit) where ("1"..."7").contains(digit):
            return switchTab(to: Int(String(digit))! - 1, &state)
        case .tab, .backTab:
            if state.focus == .inbox {
                guard let number = pane.selectedRow?.number else { return [] }
                state.focus = .detail
                return [.openConsultation(number)]
            }
            state.focus = .inbox
            return []
        case .escape, .character("q"):
            if state.focus == .detail { state.focus = .inbox }
            return []
        case .character("."):
            guard let current = pane.current(focus: state.focus) else { return noneSelected(&state) }
            let items = ConsultationKey.allCases.filter { $0.allowed(current.status) }.map {
                PickerItem(label: "\($0.key)  \($0.text.text(language))", choice: .consultation($0))
            }
            state.overlay = .picker(PickerState(title: UIText.consultMenu.format(language, current.number,
                                                                                 current.status.word.text(language)), items: items))
            return []
        case .character(let character):
            if let action = ConsultationKey.allCases.first(where: { $0.key == character }) { return begin(action, &state) }
        default:
            break
        }
        if state.focus == .detail {
            switch key {
            case .down, .character("j"): state.consultations.scroll += 1
            case .up, .character("k"): state.consultations.scroll = max(0, state.consultations.scroll - 1)
            case .home, .character("g"): state.consultations.scroll = 0
            case .enter: return begin(.answer, &state)
            default: return nil
            }
            return []
        }
        let count = pane.rows.count
        let page = max(1, Layout.inboxRowsVisible(state))
        switch key {
        case .down, .character("j"): pane.selected += 1
        case .up, .character("k"): pane.selected -= 1
        case .pageDown, .character(" "): pane.selected += page
        case .pageUp, .character("-"): pane.selected -= page
        case .home, .character("g"): pane.selected = 0
        case .end, .character("G"): pane.selected = count - 1
        case .enter:
            guard let number = pane.selectedRow?.number else { return [] }
            state.focus = .detail
            return [.openConsultation(number)]
        default:
            return nil
        }
        pane.selected = max(0, min(count - 1, pane.selected))
        let moved = pane.selected != state.consultations.selected
        state.consultations = pane
        guard moved, Layout.showsDetailBesideInbox(state), let number = pane.selectedRow?.number else { return [] }
        return [.openConsultation(number)]
    }

    func switchTab(to index: Int, _ state: inout WorkstationState) -> [Effect] {
        guard let tab = InboxTab(rawValue: index) else { return [] }
        state.inbox.tab = tab
        state.inbox.filters.drillDown = nil
        state.inbox.filters.applicant = nil
        state.applicantReturn = nil
        state.inbox.selected = 0
        state.inbox.top = 0
        state.focus = .inbox
        if tab == .consultations { return [.loadConsultations] }
        return [.loadTab, .followSelection]
    }

    private func noneSelected(_ state: inout WorkstationState) -> [Effect] {
        state.status = StatusMessage(text: UIText.consultNoneSelected.text(state.language), isError: true)
        return []
    }

    func begin(_ action: ConsultationKey, _ state: inout WorkstationState) -> [Effect] {
        guard let current = state.consultations.current(focus: state.focus) else { return noneSelected(&state) }
        let language = state.language
        guard action.allowed(current.status) else {
            state.status = StatusMessage(text: UIText.statusRefused.format(language, UIText.consultNotNow.format(
                language, current.number, current.status.word.text(language))), isError: true)
            return []
        }
        switch action {
        case .answer:
            state.focus = .reply
            return state.reply.consultation == current.number ? [] : [.draftConsultationAnswer(current.number)]
        case .close:
            state.overlay = .consult(ConsultFormState(purpose: .close(number: current.number, version: current.version)))
            return []
        case .convert:
            return [.convertConsultation(current.number, version: current.version)]
        }
    }

    /// The consultation dialog's keys (`.consult` overlay).
    func handleConsultForm(_ key: Key, _ form: ConsultFormState, _ state: inout WorkstationState) -> [Effect] {
        if key == .escape {
            state.overlay = nil
            return []
        }
        var form = form
        let effects = form.handle(key)
        state.overlay = .consult(form)
        return effects
    }

    /// The reply pane answering a consultation: Ctrl-S answers, Ctrl-T starts again from the
    /// template, Esc leaves (nothing is kept: a consultation has no drafts).
    func handleConsultationReply(_ key: Key, _ state: inout WorkstationState) -> [Effect]? {
        guard let number = state.reply.consultation else { return nil }
        switch key {
        case .escape:
            state.focus = .detail
            return []
        case .ctrl("s"), .function(5):
            return [.answerConsultation]
        case .ctrl("t"), .function(2):
            return [.draftConsultationAnswer(number)]
        case .tab, .backTab, .function(1), .ctrl("l"), .ctrl("c"):
            return nil
        default:
            let width = max(1, Layout.replyTextWidth(state))
            _ = state.reply.editor.handle(key, width: width, measure: state.measure)
            return []
        }
    }
}
