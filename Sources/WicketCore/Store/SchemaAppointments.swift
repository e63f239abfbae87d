extension Schema {
    /// Appointments (migration 13): the slot plan an admin loads, and the bookings with their own
    /// hash-chained history (`Ledger.bookings`). Weekday scopes are `mon` … `sun` and `makeup`;
    /// a day's own lines (scope `YYYY-MM-DD`) win over its weekday's.
    static let appointments = """
    CREATE TABLE appointment_groups (
        code     TEXT PRIMARY KEY,
        name     TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL
    );
    CREATE TABLE appointment_group_services (
        service_code TEXT PRIMARY KEY REFERENCES service_items(code),
        group_code   TEXT NOT NULL REFERENCES appointment_groups(code),
        position     INTEGER NOT NULL
    );
    CREATE TABLE appointment_hours (
        scope        TEXT NOT NULL,
        opens        INTEGER NOT NULL,
        closes       INTEGER NOT NULL CHECK (closes > opens),
        slot_minutes INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
        PRIMARY KEY (scope, opens)
    ) WITHOUT ROWID;
    CREATE TABLE appointment_capacity (
        scope      TEXT NOT NULL,
        group_code TEXT NOT NULL REFERENCES appointment_groups(code),
        capacity   INTEGER NOT NULL CHECK (capacity >= 0),
        PRIMARY KEY (scope, group_code)
    ) WITHOUT ROWID;
    CREATE TABLE appointment_closed (
        day    TEXT PRIMARY KEY,
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE bookings (
        id               INTEGER PRIMARY KEY,
        number           TEXT NOT NULL UNIQUE,
        ref              TEXT UNIQUE,
        service_code     TEXT NOT NULL REFERENCES service_items(code),
        department       TEXT NOT NULL REFERENCES departments(code),
        group_code       TEXT NOT NULL,
        slot_day         TEXT NOT NULL,
        slot_start       INTEGER NOT NULL,
        slot_end         INTEGER NOT NULL,
        channel          TEXT NOT NULL CHECK (channel IN ('online', 'mobile', 'window', 'phone', 'mail')),
        person_name      TEXT NOT NULL,
        person_phone     TEXT NOT NULL DEFAULT '',
        person_id_number TEXT NOT NULL DEFAULT '',
        person_id_type   TEXT NOT NULL DEFAULT 'resident_id',
        person_key       TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'arrived', 'serving', 'done', 'no_show')),
        booked_at        TEXT NOT NULL,
        arrived_at       TEXT,
        called_at        TEXT,
        called_by        TEXT REFERENCES users(login),
        done_at          TEXT,
        case_id          INTEGER REFERENCES cases(id),
        consultation_id  INTEGER,
        version          INTEGER NOT NULL DEFAULT 1,
        updated_at       TEXT NOT NULL
    );
    CREATE INDEX bookings_by_slot ON bookings(slot_day, group_code, slot_start, status);
    CREATE INDEX bookings_by_person ON bookings(person_key, status, slot_day);
    CREATE INDEX bookings_by_status ON bookings(status, slot_day, slot_end);
    """ + Ledger.bookings.schema
}
