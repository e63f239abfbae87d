/// A bulk import counts each batch's cases into the tallies once, grouped, instead of letting
/// every case's insert triggers add one at a time: per case those triggers cost about as much
/// as writing its rows (≈ 15 µs), the grouped count a few hundred upserts per batch.
///
/// While a row exists in `bulk_import`, the case tallies' insert triggers do nothing. The
/// importer inserts the marker inside its batch's write transaction and deletes it before the
/// commit, so no other connection ever sees it, and a crash rolls it back with the batch: a
/// clerk's intake, or anything else, always meets the triggers on.
enum BulkTallies {
    static let table = """
    CREATE TABLE bulk_import (
        marker INTEGER PRIMARY KEY CHECK (marker = 1)   -- present only inside an import's batch
    );
    """

    static let skipWhileImporting = "NOT EXISTS (SELECT 1 FROM bulk_import)"

    /// Migration 7: the case tallies' insert triggers again, from the same definitions, off while
    /// the marker is there. Event tallies keep theirs: an import writes only `submit` events,
    /// which no event tally counts (their trigger's condition is false before any work).
    static let insertTriggers = Tallies.caseTallies.map { tally in
        "DROP TRIGGER \(tally.name)_insert;\n"
            + tally.insertTrigger(when: "\(skipWhileImporting) AND (\(tally.counts("new")))")
    }.joined(separator: "\n")

    /// Runs `insert`, which writes cases and returns the range of their ids (nil when none), with
    /// the insert triggers off, then adds those cases to every tally as the fill would count them.
    /// Only inside a write transaction: an error leaves the marker for the rollback to remove.
    static func batch(in db: Database, _ insert: () throws -> ClosedRange<Int>?) throws {
        precondition(db.isInTransaction, "the marker must never commit on its own")
        try db.execute("INSERT INTO bulk_import(marker) VALUES (1)")
        if let ids = try insert() {
            for tally in Tallies.caseTallies {
                let columns = tally.columns.joined(separator: ", ")
                try db.execute("""
                    INSERT INTO \(tally.table)(\(columns), n)
                    SELECT * FROM (\(tally.counted(ids: ("?1", "?2")))) WHERE 1
                    ON CONFLICT(\(columns)) DO UPDATE SET n = n + excluded.n
                    """, ids.lowerBound, ids.upperBound)
            }
        }
        try db.execute("DELETE FROM bulk_import")
    }
}

extension Schema {
    static let bulkImport = BulkTallies.table + BulkTallies.insertTriggers
}
