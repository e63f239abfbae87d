extension Schema {
    /// Migration 12: the catalog's standard reasons (`StandardReason`), rejections counted by
    /// their reason's code instead of its text, and denials counted the same way. A reason a later catalog leaves out stays as an
    /// inactive row, so the figures can still name the code its events carry.
    static let standardReasons = """
    CREATE TABLE standard_reasons (
        action       TEXT NOT NULL,            -- reject, deny, suspend, withdraw
        code         TEXT NOT NULL,
        service_code TEXT NOT NULL DEFAULT '', -- '' for the whole hall
        name_zh      TEXT NOT NULL,
        name_en      TEXT NOT NULL,
        position     INTEGER NOT NULL DEFAULT 0,
        active       INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (action, code)
    ) WITHOUT ROWID;
    """

    /// Existing halls get the default reasons (a new hall's catalog writes its own right after);
    /// the rejections and denials tallies are (re)built with the new grouping, their triggers and
    /// the transfer trigger (which moves every event tally) made again from the definitions.
    /// Rejections and denials recorded before have no code: they count as "other reasons".
    @Sendable static func groupRejectionsByStandardReason(_ db: Database) throws {
        try CatalogWriter.writeReasons(DefaultCatalog.reasons, into: db)
        let rebuilt = [Tallies.rejected, Tallies.denied]
        try db.executeScript(rebuilt.map { "DROP TRIGGER IF EXISTS tally_\($0.kind)_insert;\n" }.joined()
            + "DROP TRIGGER IF EXISTS tally_events_transfer;\n"
            + rebuilt.map(\.insertTrigger).joined(separator: "\n") + "\n" + Tallies.eventsTransferTrigger)
        let columns = Tallies.dayColumns.joined(separator: ", ")
        for tally in rebuilt {
            try db.execute("DELETE FROM tally_days WHERE kind = ?", tally.kind)
            try db.execute("""
                INSERT INTO tally_days(\(columns), n) SELECT * FROM (\(tally.expected)) WHERE 1
                ON CONFLICT(\(columns)) DO UPDATE SET n = n + excluded.n
                """)
        }
    }
}
