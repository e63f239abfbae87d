/// The cases with a poor rating still waiting for its follow-up, kept by triggers like the
/// tallies: the dashboard lists every one of them by number, and looking each up in the cases
/// table (random reads across gigabytes) cost more than the rest of the dashboard together.
/// One row per case in the queue; it shrinks as follow-ups are recorded.
enum PoorRatingQueue {
    static let columns = ["number", "case_id", "department"]

    static let table = """
    CREATE TABLE poor_rating_queue (
        number     TEXT PRIMARY KEY,
        case_id    INTEGER NOT NULL UNIQUE,
        department TEXT NOT NULL
    ) WITHOUT ROWID;
    """

    static let pending = "SELECT 1 FROM ratings WHERE case_id = c.id AND rating = 'poor' AND follow_up IS NULL"

    /// The queue as the ratings have it now.
    static let expected = "SELECT c.number, c.id, c.department FROM cases c WHERE EXISTS (\(pending))"

    /// Re-reads one case's place in the queue.
    static func refresh(_ caseID: String) -> String {
        """
        DELETE FROM poor_rating_queue WHERE case_id = \(caseID);
            INSERT INTO poor_rating_queue(number, case_id, department)
                SELECT c.number, c.id, c.department FROM cases c WHERE c.id = \(caseID) AND EXISTS (\(pending));
        """
    }

    static let triggers = """
    CREATE TRIGGER poor_rating_queue_rated AFTER INSERT ON ratings WHEN new.rating = 'poor' AND new.follow_up IS NULL BEGIN
        \(refresh("new.case_id"))
    END;
    CREATE TRIGGER poor_rating_queue_followed_up AFTER UPDATE OF follow_up ON ratings
    WHEN new.rating = 'poor' AND (old.follow_up IS NULL) <> (new.follow_up IS NULL) BEGIN
        \(refresh("new.case_id"))
    END;
    CREATE TRIGGER poor_rating_queue_case AFTER UPDATE OF number, department ON cases
    WHEN old.number IS NOT new.number OR old.department IS NOT new.department BEGIN
        UPDATE poor_rating_queue SET number = new.number, department = new.department WHERE case_id = new.id;
    END;
    """

    static func refill(_ db: Database) throws {
        try db.execute("DELETE FROM poor_rating_queue")
        try db.execute("INSERT INTO poor_rating_queue(\(columns.joined(separator: ", "))) \(expected)")
    }
}
