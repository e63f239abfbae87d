/// The cases with a reply that failed and that nobody has dealt with yet: delivery failed
/// (temporary, still retried, or permanent) and neither a resend nor "handled" has answered it.
/// Kept by triggers on `messages` in the same transaction as every delivery result, resend and
/// handle, like the tallies: the inbox marks a row by one primary-key lookup here, the Failed
/// replies tab and the dashboard read this small table, and nothing scans `messages` per case.
/// One row per such case; `permanent` and `retrying` count its unresolved failed replies.
enum FailedReplyCases {
    static let columns = ["case_id", "department", "permanent", "retrying"]

    static let table = """
    ALTER TABLE messages ADD COLUMN handled_at TEXT;
    ALTER TABLE messages ADD COLUMN handled_by TEXT;
    ALTER TABLE messages ADD COLUMN handled_note TEXT;
    CREATE TABLE failed_reply_cases (
        case_id    INTEGER PRIMARY KEY,
        department TEXT NOT NULL,
        permanent  INTEGER NOT NULL,
        retrying   INTEGER NOT NULL
    );
    CREATE INDEX failed_reply_cases_by_department ON failed_reply_cases(department);
    """

    /// A message that is an unresolved failure (`m` is the row's alias, or `new` / `old`).
    static func unresolved(_ m: String) -> String {
        "(\(m).direction = 'outbound' AND \(m).delivery_state IN ('failed', 'failed_permanent') AND \(m).handled_at IS NULL)"
    }

    /// What the table should hold, counted afresh from the messages (`wicket check` compares).
    static let expected = """
        SELECT c.id, c.department, sum(m.delivery_state = 'failed_permanent'), sum(m.delivery_state = 'failed')
        FROM messages m JOIN cases c ON c.id = m.case_id WHERE \(unresolved("m")) GROUP BY c.id
        """

    /// Re-counts one case's failed replies (its few messages, by `messages_by_case`).
    static func refresh(_ caseID: String) -> String {
        """
        DELETE FROM failed_reply_cases WHERE case_id = \(caseID);
            INSERT INTO failed_reply_cases(case_id, department, permanent, retrying)
                SELECT c.id, c.department, sum(m.delivery_state = 'failed_permanent'), sum(m.delivery_state = 'failed')
                FROM cases c JOIN messages m ON m.case_id = c.id
                WHERE c.id = \(caseID) AND \(unresolved("m")) GROUP BY c.id;
        """
    }

    /// Only changes that make or end an unresolved failure, or move one between temporary and
    /// permanent, touch the table: a successful first delivery (queued → sent) does not.
    static let triggers = """
    CREATE TRIGGER failed_reply_cases_insert AFTER INSERT ON messages WHEN \(unresolved("new")) BEGIN
        \(refresh("new.case_id"))
    END;
    CREATE TRIGGER failed_reply_cases_update AFTER UPDATE OF delivery_state, handled_at, direction ON messages
    WHEN (\(unresolved("old")) OR \(unresolved("new")))
         AND (old.delivery_state IS NOT new.delivery_state OR old.handled_at IS NOT new.handled_at
              OR old.direction IS NOT new.direction) BEGIN
        \(refresh("new.case_id"))
    END;
    CREATE TRIGGER failed_reply_cases_delete AFTER DELETE ON messages WHEN \(unresolved("old")) BEGIN
        \(refresh("old.case_id"))
    END;
    CREATE TRIGGER failed_reply_cases_department AFTER UPDATE OF department ON cases
    WHEN old.department IS NOT new.department BEGIN
        UPDATE failed_reply_cases SET department = new.department WHERE case_id = new.id;
    END;
    """

    static func refill(_ db: Database) throws {
        try db.execute("DELETE FROM failed_reply_cases")
        try db.execute("INSERT INTO failed_reply_cases(\(columns.joined(separator: ", "))) \(expected)")
    }

    /// Migration 12: the columns and the table, filled from the messages already there, then
    /// the triggers; one transaction, so no delivery result slips between the count and them.
    @Sendable static func install(_ db: Database) throws {
        try refill(db)
        try db.executeScript(triggers)
    }
}
