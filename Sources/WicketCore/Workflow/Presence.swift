import Foundation

/// Who has which case open in a workstation right now, so two clerks looking at one case each
/// see the other ("also open by 张伟") before they both act on it. One row per login, refreshed
/// by a heartbeat from the workstation; a row older than `staleAfter` is ignored (its terminal
/// was closed without saying goodbye, or crashed) and swept by the next heartbeat.
///
/// Presence is advice, never a lock: a failed heartbeat (a read-only copy, a busy database)
/// is ignored by the caller, and the version check still refuses a stale action.
public struct Presence {
    public static let staleAfter: TimeInterval = 15

    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    /// Records that `login` has `caseNumber` open now (nil: has no case open).
    public func beat(login: String, caseNumber: String?) throws {
        let db = store.db
        let now = Int(store.clock.now.timeIntervalSince1970)
        // Advice, not work: after half a second of another's write lock the beat is skipped.
        try db.write(waitingAtMost: 0.5) {
            try db.execute("DELETE FROM presence WHERE login = ?1 OR last_seen < ?2",
                           login, now - Int(Self.staleAfter) * 4)
            guard let caseNumber else { return }
            try db.execute("""
                INSERT INTO presence(login, case_id, last_seen)
                SELECT ?1, id, ?2 FROM cases WHERE number = ?3
                """, login, now, caseNumber)
        }
    }

    /// The other people (display name and login) with `caseNumber` open, by login.
    public func others(caseNumber: String, excluding login: String) throws -> [(login: String, name: String)] {
        let since = Int(store.clock.now.timeIntervalSince1970 - Self.staleAfter)
        return try store.db.query("""
            SELECT p.login, coalesce(u.display_name, p.login) AS name FROM presence p
            JOIN cases c ON c.id = p.case_id LEFT JOIN users u ON u.login = p.login
            WHERE c.number = ?1 AND p.login <> ?2 AND p.last_seen >= ?3 ORDER BY p.login
            """, caseNumber, login, since).map { ($0.string("login"), $0.string("name")) }
    }
}
