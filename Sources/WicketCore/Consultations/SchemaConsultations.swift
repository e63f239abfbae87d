extension Schema {
    /// Consultations (咨询): questions from people, answered on a response clock. A table of their
    /// own, not rows of `cases`: a question has no checklist, no decision and no legal limit, and
    /// a million cases' indexes should not carry it. Its history is a ledger of its own
    /// (`Ledger.consultations`); its answers are delivered from `consultation_replies`, which the
    /// `Outbox` claims from alongside `messages` (whose `case_id` is NOT NULL).
    static let consultations = """
    CREATE TABLE consultations (
        id                INTEGER PRIMARY KEY,
        number            TEXT NOT NULL UNIQUE,
        ref               TEXT UNIQUE,
        channel           TEXT NOT NULL CHECK (channel IN ('online', 'mobile', 'window', 'phone', 'mail')),
        asker_name        TEXT NOT NULL,
        asker_phone       TEXT NOT NULL DEFAULT '',
        asker_id_number   TEXT NOT NULL DEFAULT '',
        asker_id_type     TEXT NOT NULL DEFAULT 'resident_id',
        lang              TEXT NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en')),
        service_code      TEXT REFERENCES service_items(code),
        case_id           INTEGER REFERENCES cases(id),
        question          TEXT NOT NULL,
        department        TEXT NOT NULL REFERENCES departments(code),
        status            TEXT NOT NULL CHECK (status IN ('open', 'answered', 'referred', 'duplicate',
                              'no_reply_needed', 'converted')),
        holder            TEXT REFERENCES users(login),
        asked_at          TEXT NOT NULL,
        yellow_at         TEXT,
        red_at            TEXT,
        due_at            TEXT,
        answered_at       TEXT,
        answered_on_time  INTEGER,
        answer            TEXT NOT NULL DEFAULT '',
        closed_reason     TEXT NOT NULL DEFAULT '',
        converted_case_id INTEGER REFERENCES cases(id),
        version           INTEGER NOT NULL DEFAULT 1,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
    );
    -- The tab's urgency order and its keyset paging: open questions by due instant, per department
    -- (a clerk) and over all (a supervisor).
    CREATE INDEX consultations_open_by_department ON consultations(department, due_at, id) WHERE status = 'open';
    CREATE INDEX consultations_open_by_due ON consultations(due_at, id) WHERE status = 'open';
    -- Lists of every consultation, newest first, and the report's period.
    CREATE INDEX consultations_by_department ON consultations(department, id);
    CREATE INDEX consultations_by_asked ON consultations(asked_at);
    CREATE INDEX consultations_by_case ON consultations(case_id) WHERE case_id IS NOT NULL;
    CREATE TABLE consultation_replies (
        id              INTEGER PRIMARY KEY,
        consultation_id INTEGER NOT NULL REFERENCES consultations(id),
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
    CREATE INDEX consultation_replies_by_consultation ON consultation_replies(consultation_id, id);
    CREATE INDEX consultation_replies_to_deliver ON consultation_replies(next_attempt_at)
        WHERE delivery_state IN ('queued', 'failed');
    """ + Ledger.consultations.schema
}
