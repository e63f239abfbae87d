import Foundation
import WicketCore

/// Runs the workstation against a case database: keys go through `Update`, the effects it asks
/// for run here against the core, and changes made in other terminals are picked up by polling
/// `PRAGMA data_version` (cheap: it reads a counter, no query).
public final class WorkstationEngine {
    public internal(set) var state: WorkstationState
    public let store: CaseStore
    let workflow: Workflow
    let update: Update
    private var dataVersion: Int
    private var changeStamp = ""
    /// How many times the inbox was reloaded from the database (for tests and diagnostics).
    public internal(set) var inboxLoads = 0
    var draftDirty = false
    /// Set by Ctrl-L: the terminal should forget its picture and draw everything.
    public var wantsFullRedraw = false
    public var theme = Theme.standard
    /// Seconds between presence heartbeats for the same open case (others expire it after 15 s).
    public var heartbeatInterval: TimeInterval = 5
    /// The case the last heartbeat announced, and when (monotonic seconds), so switching
    /// cases is announced at once and staying on one only every `heartbeatInterval`.
    var presenceCase: String?
    var lastHeartbeat: TimeInterval = -.infinity
    /// Draws the current state at once, from inside a key's effect: set by the terminal loop, called
    /// while a write waits for another process's lock, so the screen says why it is not answering.
    public var drawWhileWaiting: (() -> Void)?
    /// The status line the last wait showed, cleared when the key's work is done.
    var waitStatus: StatusMessage?

    public init(store: CaseStore, login: String, width: Int, height: Int) throws {
        // The same rule as the command line's (`CaseAccess`): an unregistered or deactivated login,
        // or one that sees no case (a portal login), is refused before anything is shown.
        let access = try CaseAccess.check(login, in: store)
        try access.requireCases()
        let user = access.user
        self.store = store
        workflow = Workflow(store: store)
        update = Update(catalog: store.catalog)
        state = WorkstationState(width: width, height: height, user: user,
                                 databaseName: (store.path as NSString).lastPathComponent)
        if access.scope == .everyDepartment { state.inbox.tab = .all }
        dataVersion = try store.db.dataVersion()
        changeStamp = try CaseQueries.changeStamp(in: store)
        // SQLite calls this on this thread, inside the waiting write: no other thread touches the state.
        store.db.lockWait.observer = { [weak self] busy in self?.showWait(busy) }
        run([.reloadInbox])
        if Layout.showsDetailBesideInbox(state), let first = state.inbox.selectedCase { run([.openDetail(first.number)]) }
    }

    public var renderer: Renderer {
        Renderer(theme: theme, catalog: store.catalog, hallTime: store.hallTime, now: store.clock.now)
    }

    /// Draws with the terminal's measure (`state.measure`) unless told otherwise.
    public func render(measure: DisplayWidth? = nil) -> (CellBuffer, CursorPosition?) {
        renderer.render(state, measure: measure ?? state.measure)
    }

    public func handle(_ key: Key) {
        if key == .resize { return }
        if state.overlay == nil && state.searchInput == nil { state.status = .none }
        let target = state.currentCaseNumber
        let effects = update.handle(key, &state)
        run(effects)
        endWait()
        keepSelectionVisible()
        if state.unseenKeyRefused {
            // A key refused for a case the clerk had not seen: what was typed after it (the reason
            // it would have asked for, more keys) was meant for that key, never for commands.
            state.unseenKeyRefused = false
            typeahead = .afterRefusal
        } else if let target, state.currentCaseNumber != target, effects.contains(where: Self.changesCases) {
            // The clerk's own action took the case out of the list and the keys now point at
            // another, not drawn yet: anything typed ahead was meant for the case before.
            typeahead = .afterMove(from: target, to: state.currentCaseNumber)
        }
    }

    /// Why the keys typed ahead are to be thrown away, until the terminal has done so.
    private enum TypeaheadDrop {
        case afterMove(from: String, to: String?)
        case afterRefusal
    }

    private var typeahead: TypeaheadDrop?

    /// Whether the terminal should throw away the keys typed ahead now (asked once per key).
    public func takeTypeaheadDiscard() -> Bool {
        typeahead != nil && state.caseOnScreen != nil
    }

    /// The terminal threw the typed-ahead keys away (`discarded`: there were some), and the bottom
    /// line says so: after the clerk's own action they count as the refused key, named like any
    /// key for a case not on screen yet; after a refusal, the refusal says they went with it.
    public func typeaheadDiscarded(_ discarded: Bool) {
        defer { typeahead = nil }
        guard discarded, let typeahead else { return }
        let language = state.language
        switch typeahead {
        case .afterMove(let from, let to):
            guard let to else { return }
            // First, before the action's own result: a narrow message line cuts the end.
            let dropped = UIText.typeaheadDiscarded.format(language, to, from)
            state.status = StatusMessage(text: state.status.text.isEmpty ? dropped : dropped + " — " + state.status.text,
                                         isError: true)
        case .afterRefusal:
            state.status = StatusMessage(text: state.status.text + UIText.typeaheadDroppedWithRefusal.text(language),
                                         isError: true)
        }
    }

    /// A frame was drawn: the case the keys point at is on the clerk's screen.
    public func frameDrawn() {
        state.caseOnScreen = CaseOnScreen(number: state.currentCaseNumber)
        typeahead = nil
    }

    /// Effects that change cases (the clerk's own actions), after which the list may move.
    private static func changesCases(_ effect: Effect) -> Bool {
        switch effect {
        case .perform, .takeNext, .submitMaterialsRequest, .registerIntake: return true
        default: return false
        }
    }

    /// "waiting for the hall: import by admin (pid 123) since 10:02:13…" on the status line, drawn now.
    func showWait(_ busy: HallBusy) {
        let status = StatusMessage(text: busy.waitingLine.text(state.language), isError: true)
        state.status = status
        waitStatus = status
        drawWhileWaiting?()
    }

    /// The wait is over: its line goes unless the key's own work put another message there.
    func endWait() {
        if let waitStatus, state.status == waitStatus { state.status = .none }
        waitStatus = nil
    }

    public func resize(width: Int, height: Int) {
        state.width = width
        state.height = height
        keepSelectionVisible()
    }

    /// True when another terminal changed the database and the screen was refreshed. Also sends
    /// this workstation's presence heartbeat when one is due.
    @discardableResult
    public func pollForChanges() -> Bool {
        let presenceChanged = heartbeatIfDue()
        guard let version = try? store.db.dataVersion(), version != dataVersion else { return presenceChanged }
        dataVersion = version
        // Bookings change without touching cases; the board also records no-shows as time passes.
        if state.board != nil { run([.board(.reload)]) }
        let openCase = state.detail.detail?.record
        let target = state.currentCaseNumber, highlighted = state.inbox.selectedCase?.number
        // Drafts and presence heartbeats commit too; only a change of cases reloads the lists.
        let stamp = (try? CaseQueries.changeStamp(in: store)) ?? ""
        if stamp != changeStamp || stamp.isEmpty {
            changeStamp = stamp
            run([.reloadInbox])
            if state.dashboard?.visible == true { run([.dashboard(.reload)]) }
        }
        if let openCase {
            do {
                let fresh = try CaseDetail.load(number: openCase.number, in: store, for: access)
                if fresh.record.version != openCase.version {
                    state.detail.changedElsewhere = true
                    let last = fresh.history.last
                    let language = state.language
                    let notice = last.map {
                        UIText.statusChangedBy.format(language, openCase.number, $0.actor, Words.historyAction($0.action, language))
                    } ?? UIText.statusChangedElsewhere.format(language, openCase.number)
                    // A refusal from the keys just pressed must stay readable: the clerk needs both.
                    let refused = UIText.statusRefused.format(language, "")
                    let refusal = state.status.isError && state.status.text.hasPrefix(refused) ? state.status.text + " — " : ""
                    state.status = StatusMessage(text: refusal + notice, isError: true)
                }
                // A reply of the open case failed just now (`wicket deliver` elsewhere): say so.
                let failedBefore = state.detail.detail?.messages.contains { $0.isUnresolvedFailure } ?? false
                state.detail.detail = fresh
                if !failedBefore { warnOfFailedReply(fresh) }
            } catch let refusal as WorkflowError where refusal == .caseNotFound(openCase.number) {
                // Moved out of what this user may see (transferred to another department): nothing
                // newer is shown, and the pane closes with the reason.
                state.detail = DetailState()
                state.focus = .inbox
                state.status = StatusMessage(text: UIText.statusRefused.format(state.language, refusal.message(state.language)),
                                             isError: true)
            } catch {
                // Unreadable for a moment (e.g. busy): keep what is shown; the next poll tries again.
            }
        }
        followChangedTarget(target, highlighted: highlighted, shown: openCase?.number)
        refreshPresence()
        return true
    }

    /// After another terminal's change, beside the inbox: where the detail showed the highlighted
    /// row and the highlight moved (its case left the list), or the detail had to close (its case
    /// left what this user may see), the detail shows the highlighted row. If the case the keys act
    /// on is no longer the one the clerk was looking at, the clerk is told, and the next action key
    /// is refused (`shownCaseLeft`).
    private func followChangedTarget(_ target: String?, highlighted: String?, shown: String?) {
        let current = state.detail.detail?.record.number
        if state.focus == .inbox, Layout.showsDetailBesideInbox(state), let selected = state.inbox.selectedCase?.number,
           (current == nil && shown != nil) || (selected != highlighted && current == highlighted && current != nil) {
            run([.openDetail(selected)])
        }
        guard let target, state.currentCaseNumber != target else { return }
        state.shownCaseLeft = target
        let language = state.language
        let moved = state.currentCaseNumber.map { UIText.statusCaseLeft.format(language, target, $0) }
            ?? UIText.statusCaseLeftNone.format(language, target)
        // What moved first: a narrow message line cuts the end.
        let earlier = state.status.text.isEmpty ? "" : " — " + state.status.text
        state.status = StatusMessage(text: moved + earlier, isError: true)
    }

    /// Saves the reply draft if it changed; called after each batch of keys.
    public func flushDraft() {
        defer { endWait() }
        guard draftDirty, let number = state.reply.caseNumber else { return }
        draftDirty = false
        let text = state.reply.editor.text
        guard text != state.reply.savedText else { return }
        do {
            try Drafts(store: store).save(caseNumber: number, author: state.user.login, body: text)
            state.reply.savedText = text
        } catch {
            state.status = StatusMessage(text: UIText.statusDraftNotSaved.format(state.language, "\(error)"), isError: true)
        }
    }

    private func keepSelectionVisible() {
        let visible = Layout.inboxRowsVisible(state)
        state.inbox.top = InboxView.scrollTop(selected: state.inbox.selected, previous: state.inbox.top,
                                              visible: visible, count: state.inbox.rows.count)
        if let box = Layout.panes(state).detail, state.detail.scroll > 0 {
            let view = DetailView(theme: theme, hallTime: store.hallTime, catalog: store.catalog, language: state.language)
            state.detail.scroll = min(state.detail.scroll, view.maxScroll(state, in: box, measure: state.measure))
        }
        if state.reply.caseNumber != nil {
            let width = Layout.replyTextWidth(state)
            let height = max(1, (Layout.panes(state).reply?.height ?? state.height) - 3)
            state.reply.top = state.reply.editor.layout(width: width, measure: state.measure)
                .scrollTop(previous: state.reply.top, height: height)
        }
    }

    func run(_ effects: [Effect]) {
        for effect in effects {
            do {
                try run(effect)
            } catch let refusal as WorkflowError {
                state.status = StatusMessage(text: Refusal.text(refusal, state), isError: true)
            } catch {
                state.status = StatusMessage(text: UIText.statusError.format(state.language, ErrorText.message(error, state.language)), isError: true)
            }
        }
    }
}
