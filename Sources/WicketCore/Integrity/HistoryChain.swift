/// The history as one hash chain over the whole table: each event stores the HMAC-SHA-256 of its
/// content under the history key (`HistoryKey`, a file outside the database), and that content
/// includes the previous event's hash. Changing, deleting or inserting
/// an event therefore breaks the chain at that event, and `IntegrityCheck` names it.
///
/// One global chain (not one per case) so a deleted case's events cannot vanish unnoticed;
/// appends are serialised by the writer's `BEGIN IMMEDIATE`, so reading the tail and inserting
/// after it cannot race.
public enum HistoryChain {
    /// Bumped if the canonical form ever changes; it is part of every hashed content (per ledger:
    /// `Ledger.formatTag`; the cases' is this one).
    static let formatTag = Ledger.cases.formatTag

    /// Exactly the fields that are hashed, in their fixed order.
    public struct Event: Sendable, Equatable {
        public var id: Int
        /// The record the event belongs to: a case, or the record of another ledger.
        public var subjectID: Int
        public var at: String
        public var actor: String
        public var action: String
        public var fromStatus: String?
        public var toStatus: String
        public var reason: String
        public var details: String
        public var version: Int
        public var previousHash: String?

        init(row: Row, ledger: Ledger = .cases) {
            id = row.int("id")
            subjectID = row.int(ledger.subjectColumn)
            at = row.string("at")
            actor = row.string("actor")
            action = row.string("action")
            fromStatus = row.optionalString("from_status")
            toStatus = row.string("to_status")
            reason = row.string("reason")
            details = row.string("details")
            version = row.int("version")
            previousHash = row.optionalString("previous_hash")
        }

        init(id: Int, subjectID: Int, at: String, actor: String, action: String, fromStatus: String?, toStatus: String,
             reason: String, details: String, version: Int, previousHash: String?) {
            self.id = id
            self.subjectID = subjectID
            self.at = at
            self.actor = actor
            self.action = action
            self.fromStatus = fromStatus
            self.toStatus = toStatus
            self.reason = reason
            self.details = details
            self.version = version
            self.previousHash = previousHash
        }
    }

    /// The canonical bytes: a tag line, then `name#LENGTH:VALUE\n` per field in fixed order
    /// (`name!\n` for an absent value). Lengths are UTF-8 byte counts, so no value can imitate
    /// a field boundary, and absent differs from empty.
    static func content(_ event: Event, ledger: Ledger = .cases) -> [UInt8] {
        // Appended in place into one buffer: hashing runs for every imported case.
        var out: [UInt8] = []
        out.reserveCapacity(256 + event.details.utf8.count + event.reason.utf8.count)
        out.append(contentsOf: ledger.formatTag.utf8)
        out.append(10)
        func field(_ name: StaticString, _ value: String?) {
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            guard let value else {
                out.append(UInt8(ascii: "!"))
                out.append(10)
                return
            }
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: String(value.utf8.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: value.utf8)
            out.append(10)
        }
        field("id", String(event.id))
        if ledger.subjectColumn == "case_id" {
            field("case_id", String(event.subjectID))
        } else {
            // Another ledger names its subject column; its own tag keeps its events apart anyway.
            out.append(contentsOf: ledger.subjectColumn.utf8)
            out.append(UInt8(ascii: "#"))
            out.append(contentsOf: String(String(event.subjectID).utf8.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: String(event.subjectID).utf8)
            out.append(10)
        }
        field("at", event.at)
        field("actor", event.actor)
        field("action", event.action)
        field("from_status", event.fromStatus)
        field("to_status", event.toStatus)
        field("reason", event.reason)
        field("details", event.details)
        field("version", String(event.version))
        field("previous_hash", event.previousHash)
        return out
    }

    /// The event's keyed hash: HMAC-SHA-256 of `content` under `key`, as hex.
    public static func hash(_ event: Event, key: HistoryKey) -> String { hash(event, key: key, ledger: .cases) }

    public static func hash(_ event: Event, key: HistoryKey, ledger: Ledger) -> String {
        key.hex(content(event, ledger: ledger))
    }

    /// The hash before the chain was keyed (migration 9): plain SHA-256 of the same content.
    /// Wicket no longer writes it; `wicket check` recognises it to say that an event was forged
    /// (or a chain re-hashed) by someone without the key.
    public static func unkeyedHash(_ event: Event) -> String { SHA256.hex(content(event)) }

    /// The columns `Event(row:)` reads, for queries over the history.
    static let columns = Ledger.cases.columns

    /// The last event: the next one's id and previous hash. Call inside the writer's transaction.
    static func tail(in db: Database, ledger: Ledger = .cases) throws -> (id: Int, hash: String?)? {
        guard let row = try db.queryOne("SELECT id, hash FROM \(ledger.table) ORDER BY id DESC LIMIT 1") else { return nil }
        return (row.int("id"), row.optionalString("hash"))
    }

    /// Migration 3: hashes the events written before the chain existed, in id order, inside the
    /// migration's transaction (before the append-only triggers are created).
    static func backfill(_ db: Database) throws {
        var previous: String?
        var hashed: [(id: Int, previous: String?, hash: String)] = []
        try db.forEachRow("SELECT \(columns) FROM history ORDER BY id", arguments: []) { row in
            var event = Event(row: row)
            event.previousHash = previous
            let hash = unkeyedHash(event)
            hashed.append((event.id, previous, hash))
            previous = hash
        }
        for entry in hashed {
            try db.execute("UPDATE history SET previous_hash = ?, hash = ? WHERE id = ?", entry.previous, entry.hash, entry.id)
        }
    }

    /// Migration 9: the chain hashed again, in id order, with the key, inside the migration's
    /// transaction (it lifts `history_no_update` and puts it back). The unkeyed chain is checked
    /// first: keying an edited history would make the edit pass every later check, so an event
    /// that does not match its SHA-256 stops the migration and names it (nothing is written).
    static func rekey(_ db: Database, key: () throws -> HistoryKey) throws {
        guard try db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM history LIMIT 1)") == 1 else { return }
        let key = try key()
        // Already keyed with this key (a file whose version was set back, or a migration
        // interrupted after the commit): nothing to do; `wicket check` verifies the rest.
        if let first = try db.queryOne("SELECT \(columns) FROM history ORDER BY id LIMIT 1"),
           first.optionalString("hash") == hash(Event(row: first), key: key) {
            return
        }
        var lastID = 0
        var unkeyedPrevious: String?
        var keyedPrevious: String?
        while true {
            let rows = try db.query("SELECT \(columns) FROM history WHERE id > ? ORDER BY id LIMIT 10000", lastID)
            guard !rows.isEmpty else { break }
            var updates: [(id: Int, previous: String?, hash: String)] = []
            updates.reserveCapacity(rows.count)
            for row in rows {
                var event = Event(row: row)
                guard event.previousHash == unkeyedPrevious, let stored = row.optionalString("hash"),
                      unkeyedHash(event) == stored else {
                    throw StoreError.historyNotKeyable(path: db.path, eventID: event.id)
                }
                unkeyedPrevious = stored
                event.previousHash = keyedPrevious
                let keyed = hash(event, key: key)
                updates.append((event.id, keyedPrevious, keyed))
                keyedPrevious = keyed
                lastID = event.id
            }
            for update in updates {
                try db.execute("UPDATE history SET previous_hash = ?, hash = ? WHERE id = ?", update.previous, update.hash, update.id)
            }
        }
    }
}
