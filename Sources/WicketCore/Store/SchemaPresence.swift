extension Schema {
    /// Who has which case open in a workstation (see `Presence`). Rows are short-lived
    /// heartbeats, one per login; nothing else refers to them.
    static let presence = """
    CREATE TABLE presence (
        login     TEXT PRIMARY KEY,
        case_id   INTEGER NOT NULL REFERENCES cases(id),
        last_seen INTEGER NOT NULL
    );
    CREATE INDEX presence_by_case ON presence(case_id, last_seen);
    """
}
