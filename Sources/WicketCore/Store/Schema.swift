/// The schema as ordered migrations. A migration is never edited once released: change the
/// schema by appending one. `PRAGMA user_version` records how many have run.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "cases, catalog, calendar, history", sql: version1),
        Migration(version: 2, name: "full-text search over cases (trigram)", sql: version2),
        Migration(version: 3, name: "history hash chain, append-only", sql: version3) { db in
            // Existing events are hashed in order before the triggers make the table append-only.
            try HistoryChain.backfill(db)
            try db.executeScript(version3Triggers)
        },
        Migration(version: 4, name: "presence: who has which case open", sql: presence),
        Migration(version: 5, name: "inbox indexes over running clocks", sql: inboxIndexes),
        Migration(version: 6, name: "dashboard tallies kept by triggers", sql: tallyTables, code: installTallies),
        Migration(version: 7, name: "bulk import counts tallies per batch", sql: bulkImport),
        Migration(version: 8, name: "portal role: a service login that imports", sql: "", code: allowPortalRole),
        Migration(version: 9, name: "history chain keyed (HMAC-SHA-256, key file outside the database)",
                  sql: "DROP TRIGGER IF EXISTS history_no_update;", keyed: { db, key in
            try HistoryChain.rekey(db, key: key)
            try db.executeScript(historyNoUpdate)
        }),
        Migration(version: 10, name: "writer activity: who holds the hall for a long write", sql: writerActivity),
        Migration(version: 11, name: "applicant's identity document; ID numbers found by exact lookup", sql: applicantDocument),
        // No new table: the provisional holidays are computed, not stored. But running cases due in a
        // year the calendar does not cover were counted over those days as working days; moving
        // them here keeps `check` (stale due days) true on the first run after the upgrade.
        Migration(version: 12, name: "provisional statutory holidays for years without an official schedule",
                  sql: "", code: { db in _ = try OpenClocks.read(from: db).recompute(in: db) }),
        Migration(version: 13, name: "standard reasons; rejections counted by their reason's code", sql: standardReasons,
                  code: groupRejectionsByStandardReason),
        Migration(version: 14, name: "failed replies: handled marks, and the cases that have one unresolved",
                  sql: FailedReplyCases.table, code: FailedReplyCases.install),
        Migration(version: 15, name: "consultations: questions answered on a response clock, their history and replies",
                  sql: consultations),
        Migration(version: 16, name: "appointments: slot plan, bookings and their history", sql: appointments),
        Migration(version: 17, name: "macros, saved views, chasing notices",
                  sql: MacroRows.table + "\n" + ViewRows.table + "\n" + NoticeRows.table),
        Migration(version: 18, name: "applicant match key (keyed hash of the ID number, else name and phone)",
                  sql: applicantKeyColumn, keyed: { db, key in try fillApplicantKeys(db, key: key) }),
    ]

    static var latestVersion: Int { migrations.last!.version }

    /// One row per long writer at work (import, calendar load, time zone change, migration),
    /// committed before it starts and deleted after: a waiting process reads it without the write lock.
    static let writerActivity = """
    CREATE TABLE writer_activity (
        pid   INTEGER NOT NULL,
        login TEXT NOT NULL,
        what  TEXT NOT NULL,
        since TEXT NOT NULL
    );
    """

    /// 'WICK': marks the file as Wicket's, so another program's SQLite file is refused.
    static let applicationID: Int32 = 0x5749_434B

    static let version1 = """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE departments (
        code    TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL
    );
    CREATE TABLE users (
        login        TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'admin')),
        department   TEXT REFERENCES departments(code),
        active       INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT NOT NULL
    );
    CREATE TABLE materials (
        code    TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL
    );
    CREATE TABLE service_items (
        code                  TEXT PRIMARY KEY,
        name_zh               TEXT NOT NULL,
        name_en               TEXT NOT NULL,
        department            TEXT NOT NULL REFERENCES departments(code),
        acceptance_limit_days INTEGER NOT NULL CHECK (acceptance_limit_days >= 1),
        legal_limit_days      INTEGER NOT NULL CHECK (legal_limit_days >= 1),
        promised_limit_days   INTEGER NOT NULL CHECK (promised_limit_days >= 1),
        extension_max_days    INTEGER NOT NULL DEFAULT 10,
        fully_online          INTEGER NOT NULL DEFAULT 0,
        fee                   TEXT NOT NULL DEFAULT '',
        active                INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE service_materials (
        service_code  TEXT NOT NULL REFERENCES service_items(code) ON DELETE CASCADE,
        material_code TEXT NOT NULL REFERENCES materials(code),
        position      INTEGER NOT NULL,
        PRIMARY KEY (service_code, material_code)
    );
    CREATE TABLE calendar_days (
        day  TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
        name TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE cases (
        id                  INTEGER PRIMARY KEY,
        number              TEXT NOT NULL UNIQUE,
        ref                 TEXT UNIQUE,
        service_code        TEXT NOT NULL REFERENCES service_items(code),
        department          TEXT NOT NULL REFERENCES departments(code),
        channel             TEXT NOT NULL CHECK (channel IN ('online', 'mobile', 'window', 'phone', 'mail')),
        priority            TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent')),
        status              TEXT NOT NULL CHECK (status IN ('submitted', 'awaiting_materials', 'accepted',
                                'in_review', 'suspended', 'approved', 'completed', 'denied', 'rejected', 'withdrawn')),
        resume_status       TEXT,
        applicant_name      TEXT NOT NULL,
        applicant_id_number TEXT NOT NULL DEFAULT '',
        applicant_phone     TEXT NOT NULL DEFAULT '',
        lang                TEXT NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en')),
        summary             TEXT NOT NULL DEFAULT '',
        details             TEXT NOT NULL DEFAULT '',
        submitted_at        TEXT NOT NULL,
        received_at         TEXT NOT NULL,
        first_response_at   TEXT,
        accepted_at         TEXT,
        clock_start_on      TEXT,
        acceptance_due_on   TEXT,
        acceptance_breached INTEGER NOT NULL DEFAULT 0,
        limit_days          INTEGER NOT NULL,
        extension_days      INTEGER NOT NULL DEFAULT 0,
        paused_since        TEXT,
        paused_days         INTEGER NOT NULL DEFAULT 0,
        yellow_on           TEXT,
        red_on              TEXT,
        due_on              TEXT,
        decided_at          TEXT,
        decided_on_time     INTEGER,
        window_visit        INTEGER NOT NULL DEFAULT 0,
        closed_at           TEXT,
        holder              TEXT REFERENCES users(login),
        version             INTEGER NOT NULL DEFAULT 1,
        updated_at          TEXT NOT NULL
    );
    CREATE INDEX cases_by_status ON cases(status, due_on);
    CREATE INDEX cases_by_department ON cases(department, status, due_on);
    CREATE INDEX cases_by_holder ON cases(holder, status) WHERE holder IS NOT NULL;
    CREATE INDEX cases_by_service ON cases(service_code, status);
    CREATE TABLE case_materials (
        case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        material_code TEXT NOT NULL REFERENCES materials(code),
        state         TEXT NOT NULL CHECK (state IN ('missing', 'submitted', 'verified', 'defective')),
        reason        TEXT NOT NULL DEFAULT '',
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (case_id, material_code)
    ) WITHOUT ROWID;
    CREATE TABLE messages (
        id              INTEGER PRIMARY KEY,
        case_id         INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        direction       TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        channel         TEXT NOT NULL,
        author          TEXT NOT NULL,
        body            TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        delivery_state  TEXT CHECK (delivery_state IN ('queued', 'sent', 'delivered', 'failed', 'failed_permanent')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT NOT NULL DEFAULT '',
        next_attempt_at TEXT,
        delivered_at    TEXT
    );
    CREATE INDEX messages_by_case ON messages(case_id, id);
    CREATE INDEX messages_to_deliver ON messages(next_attempt_at) WHERE delivery_state IN ('queued', 'failed');
    CREATE TABLE notes (
        id         INTEGER PRIMARY KEY,
        case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        body       TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX notes_by_case ON notes(case_id, id);
    CREATE TABLE drafts (
        case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        body       TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (case_id, author)
    ) WITHOUT ROWID;
    CREATE TABLE history (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES cases(id),
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        from_status TEXT,
        to_status   TEXT NOT NULL,
        reason      TEXT NOT NULL DEFAULT '',
        details     TEXT NOT NULL DEFAULT '{}',
        version     INTEGER NOT NULL
    );
    CREATE INDEX history_by_case ON history(case_id, id);
    CREATE INDEX history_by_action ON history(action, at);
    CREATE TABLE ratings (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES cases(id),
        rating        TEXT NOT NULL CHECK (rating IN ('good', 'fair', 'poor')),
        comment       TEXT NOT NULL DEFAULT '',
        rated_at      TEXT NOT NULL,
        follow_up     TEXT,
        follow_up_by  TEXT,
        follow_up_at  TEXT
    );
    CREATE INDEX ratings_by_case ON ratings(case_id);
    CREATE TABLE templates (
        action TEXT NOT NULL,
        lang   TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
        body   TEXT NOT NULL,
        PRIMARY KEY (action, lang)
    );
    """

    /// Trigram tokens find Chinese substrings; the default tokenizer would not.
    /// External content: the index stores no second copy of the text.
    static let version2 = """
    CREATE VIRTUAL TABLE case_search USING fts5(
        number, ref, applicant_name, summary, details,
        content='cases', content_rowid='id', tokenize='trigram'
    );
    INSERT INTO case_search(rowid, number, ref, applicant_name, summary, details)
        SELECT id, number, coalesce(ref, ''), applicant_name, summary, details FROM cases;
    CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
        INSERT INTO case_search(rowid, number, ref, applicant_name, summary, details)
        VALUES (new.id, new.number, coalesce(new.ref, ''), new.applicant_name, new.summary, new.details);
    END;
    CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
        INSERT INTO case_search(case_search, rowid, number, ref, applicant_name, summary, details)
        VALUES ('delete', old.id, old.number, coalesce(old.ref, ''), old.applicant_name, old.summary, old.details);
    END;
    CREATE TRIGGER cases_search_update AFTER UPDATE OF number, ref, applicant_name, summary, details ON cases BEGIN
        INSERT INTO case_search(case_search, rowid, number, ref, applicant_name, summary, details)
        VALUES ('delete', old.id, old.number, coalesce(old.ref, ''), old.applicant_name, old.summary, old.details);
        INSERT INTO case_search(rowid, number, ref, applicant_name, summary, details)
        VALUES (new.id, new.number, coalesce(new.ref, ''), new.applicant_name, new.summary, new.details);
    END;
    """

    /// Each event stores the SHA-256 of its content and the previous event's hash (`HistoryChain`).
    static let version3 = """
    ALTER TABLE history ADD COLUMN previous_hash TEXT;
    ALTER TABLE history ADD COLUMN hash TEXT;
    """

    /// The history is append-only: an event once written is never changed or removed, by
    /// Wicket or by anyone with the sqlite3 shell (dropping these is what `wicket check` catches).
    static let version3Triggers = historyNoUpdate + """

    CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN
        SELECT RAISE(ABORT, 'history is append-only: an event cannot be deleted');
    END;
    """

    static let historyNoUpdate = """
    CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN
        SELECT RAISE(ABORT, 'history is append-only: an event cannot be changed');
    END;
    """
}

struct Migration: Sendable {
    let version: Int
    let name: String
    let sql: String
    /// Work SQL alone cannot do (e.g. computing hashes), run after `sql` in the same transaction.
    var code: (@Sendable (Database) throws -> Void)? = nil
    /// Work that needs the history key; `key` finds (or makes) it, and is only called if needed.
    var keyed: (@Sendable (Database, _ key: () throws -> HistoryKey) throws -> Void)? = nil
}
