import Foundation
import WicketCore

/// The workstation's side of `Presence`: announce the open case, show who else has it open.
extension WorkstationEngine {
    /// Writes a heartbeat when the open case changed or the last one is `heartbeatInterval`
    /// old; true when the "also open by" line changed. Part of the polling loop, so an idle
    /// workstation writes at most one small row every few seconds.
    @discardableResult
    func heartbeatIfDue() -> Bool {
        let open = state.detail.detail?.record.number
        let now = ProcessInfo.processInfo.systemUptime
        guard open != presenceCase || (open != nil && now - lastHeartbeat >= heartbeatInterval) else { return false }
        // Presence is advice: a heartbeat that cannot be written (read-only file, busy) is skipped.
        try? Presence(store: store).beat(login: state.user.login, caseNumber: open)
        presenceCase = open
        lastHeartbeat = now
        return refreshPresence()
    }

    /// Re-reads who else has the open case open; true when that changed.
    @discardableResult
    func refreshPresence() -> Bool {
        var names: [String] = []
        if let number = state.detail.detail?.record.number,
           let others = try? Presence(store: store).others(caseNumber: number, excluding: state.user.login) {
            names = others.map { $0.name == $0.login ? $0.login : "\($0.name) (\($0.login))" }
        }
        guard names != state.detail.alsoOpenBy else { return false }
        state.detail.alsoOpenBy = names
        return true
    }

    /// Removes this workstation's presence when it closes, so others stop seeing it at once.
    public func leavePresence() {
        guard presenceCase != nil else { return }
        try? Presence(store: store).beat(login: state.user.login, caseNumber: nil)
        presenceCase = nil
    }
}
