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
        guard let user = try CaseQueries.user(login, in: store) else { throw WorkflowError.unknownUser(login) }
        guard user.active else { throw WorkflowError.inactiveUser(login) }
        self.store = store
        workflow = Workflow(store: store)
        update = Update(catalog: store.catalog)
        state = WorkstationState(width: width, height: height, user: user,
                                 databaseName: (store.path as NSString).lastPathComponent)
        if user.role != .clerk { state.inbox.tab = .all }
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
        let effects = update.handle(key, &state)
        run(effects)
        endWait()
        keepSelectionVisible()
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
        let openCase = state.detail.detail?.record
        // Drafts and presence heartbeats commit too; only a change of cases reloads the lists.
        let stamp = (try? CaseQueries.changeStamp(in: store)) ?? ""
        if stamp != changeStamp || stamp.isEmpty {
            changeStamp = stamp
            run([.reloadInbox])
            if state.dashboard?.visible == true { run([.dashboard(.reload)]) }
        }
        if let openCase {
            if let fresh = try? CaseDetail.load(number: openCase.number, in: store) {
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
                state.detail.detail = fresh
            }
        }
        refreshPresence()
        return true
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
                state.status = StatusMessage(text: UIText.statusRefused.format(state.language, refusal.message(state.language)), isError: true)
            } catch {
                state.status = StatusMessage(text: UIText.statusError.format(state.language, ErrorText.message(error, state.language)), isError: true)
            }
        }
    }
}
