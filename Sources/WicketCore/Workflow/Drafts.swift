/// Reply drafts, saved as the clerk types so a quit or a crash loses nothing. A draft is the
/// clerk's own scratch text, not a change of the case: it writes no history event.
public struct Drafts {
    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    public func load(caseNumber: String, author: String) throws -> String? {
        try store.db.scalarString("""
            SELECT d.body FROM drafts d JOIN cases c ON c.id = d.case_id WHERE c.number = ? AND d.author = ?
            """, caseNumber, author)
    }

    /// Saves (or, for empty text, deletes) the draft.
    public func save(caseNumber: String, author: String, body: String) throws {
        try store.db.write {
            guard let caseID = try store.db.scalarInt("SELECT id FROM cases WHERE number = ?", caseNumber) else {
                throw WorkflowError.caseNotFound(caseNumber)
            }
            if body.isEmpty {
                try store.db.execute("DELETE FROM drafts WHERE case_id = ? AND author = ?", caseID, author)
            } else {
                try store.db.execute("""
                    INSERT INTO drafts(case_id, author, body, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(case_id, author) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
                    """, caseID, author, body, Timestamp.format(store.clock.now))
            }
        }
    }
}
