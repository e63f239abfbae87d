extension Schema {
    /// Migration 6: the dashboard's tallies (see `Tally`). Each table holds one row per key that
    /// has cases — thousands at a million cases, not one per case — and a count `n`. With them,
    /// the queue of poor ratings awaiting a follow-up (`PoorRatingQueue`).
    static let tallyTables = HallDayShifts.table + PoorRatingQueue.table + """
    CREATE TABLE tally_open (
        department   TEXT NOT NULL,
        status       TEXT NOT NULL,
        service_code TEXT NOT NULL,
        channel      TEXT NOT NULL,
        holder       TEXT NOT NULL,   -- '' when nobody holds the case
        n            INTEGER NOT NULL,
        PRIMARY KEY (department, status, service_code, channel, holder)
    ) WITHOUT ROWID;
    CREATE TABLE tally_open_days (
        department TEXT NOT NULL,
        day        TEXT NOT NULL,     -- hall day of submission
        n          INTEGER NOT NULL,
        PRIMARY KEY (department, day)
    ) WITHOUT ROWID;
    CREATE TABLE tally_running (
        department TEXT NOT NULL,
        status     TEXT NOT NULL,
        due_on     TEXT NOT NULL,
        red_on     TEXT NOT NULL,
        yellow_on  TEXT NOT NULL,
        n          INTEGER NOT NULL,
        PRIMARY KEY (department, status, due_on, red_on, yellow_on)
    ) WITHOUT ROWID;
    CREATE TABLE tally_days (
        kind       TEXT NOT NULL,     -- intake, decided, completed, rejected, rated, …
        day        TEXT NOT NULL,     -- hall day
        department TEXT NOT NULL,
        detail     TEXT NOT NULL,     -- the reason of a rejection, the rating given; else ''
        since      TEXT NOT NULL,     -- events: hall day of the case's previous one of the kind, or ''
        n          INTEGER NOT NULL,
        PRIMARY KEY (kind, day, department, detail, since)
    ) WITHOUT ROWID;
    """

    /// Counts what is there, then installs the triggers that keep the counts from now on; one
    /// transaction, so no change slips between the two.
    @Sendable static func installTallies(_ db: Database) throws {
        try HallDayShifts.write(try HallDayShifts.zone(in: db), into: db)
        try Tallies.refill(db)
        try PoorRatingQueue.refill(db)
        try db.executeScript(Tallies.triggers + PoorRatingQueue.triggers)
    }
}
