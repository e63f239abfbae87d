/// A history of one kind of record: an append-only table of events, each keyed-hash-chained to
/// the one before (`HistoryChain`). Cases have theirs (`history`); other records with a lifecycle
/// (consultations, bookings) get one each, built by `schema`, hashed, appended and checked by the
/// same code. One chain per ledger: a deleted record's events cannot vanish unnoticed from it.
public struct Ledger: Sendable, Equatable {
    /// The events' table, e.g. `history`.
    public let table: String
    /// The records' table, e.g. `cases`; each record has `id` and `version`.
    public let subjectTable: String
    /// The events' column naming their record, e.g. `case_id`; also its name in the hashed content.
    public let subjectColumn: String
    /// What one record is called in `wicket check`'s messages: "case" / "案件".
    public let subjectWord: Bilingual
    /// The first line of every hashed content: a ledger's events can never pass for another's.
    let formatTag: String
    /// The action of a record's first event (`submit` for a case).
    public let firstAction: String

    public init(table: String, subjectTable: String, subjectColumn: String, subjectWord: Bilingual, formatTag: String,
                firstAction: String) {
        self.table = table
        self.subjectTable = subjectTable
        self.subjectColumn = subjectColumn
        self.subjectWord = subjectWord
        self.formatTag = formatTag
        self.firstAction = firstAction
    }

    /// Cases: the original history, whose hashed form must never change.
    public static let cases = Ledger(table: "history", subjectTable: "cases", subjectColumn: "case_id",
                                     subjectWord: Bilingual(en: "case", zh: "案件"), formatTag: "wicket-history-1",
                                     firstAction: "submit")

    /// Every ledger `wicket check` verifies. A new kind of record appends its ledger here.
    public static var all: [Ledger] { [.cases] + others }
    /// Ledgers other than the cases' (their schema comes from `schema`).
    static let others: [Ledger] = [.consultations, .bookings, .notices]

    /// Bookings (appointments): booked, moved, cancelled, arrived, called, done, no-show.
    public static let bookings = Ledger(table: "booking_history", subjectTable: "bookings", subjectColumn: "booking_id",
                                        subjectWord: Bilingual(en: "booking", zh: "预约"), formatTag: "wicket-booking-history-1",
                                        firstAction: "book")

    var noUpdateTrigger: String { "\(table)_no_update" }
    var noDeleteTrigger: String { "\(table)_no_delete" }

    /// The columns of an event row, in the order `HistoryChain.Event(row:)` and `History.values` use.
    var columns: String {
        "id, \(subjectColumn), at, actor, action, from_status, to_status, reason, details, version, previous_hash, hash"
    }

    /// The table, its index and its append-only triggers, for a migration of a new kind of record
    /// (the cases' own history was made by migrations 1 and 3 and keeps their names).
    public var schema: String {
        """
        CREATE TABLE \(table) (
            id            INTEGER PRIMARY KEY,
            \(subjectColumn) INTEGER NOT NULL REFERENCES \(subjectTable)(id),
            at            TEXT NOT NULL,
            actor         TEXT NOT NULL,
            action        TEXT NOT NULL,
            from_status   TEXT,
            to_status     TEXT NOT NULL,
            reason        TEXT NOT NULL DEFAULT '',
            details       TEXT NOT NULL DEFAULT '{}',
            version       INTEGER NOT NULL,
            previous_hash TEXT,
            hash          TEXT
        );
        CREATE INDEX \(table)_by_subject ON \(table)(\(subjectColumn), id);
        CREATE TRIGGER \(noUpdateTrigger) BEFORE UPDATE ON \(table) BEGIN
            SELECT RAISE(ABORT, '\(table) is append-only: an event cannot be changed');
        END;
        CREATE TRIGGER \(noDeleteTrigger) BEFORE DELETE ON \(table) BEGIN
            SELECT RAISE(ABORT, '\(table) is append-only: an event cannot be deleted');
        END;
        """
    }
}
