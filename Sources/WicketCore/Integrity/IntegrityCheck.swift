/// `wicket check`: SQLite's own integrity and foreign-key checks, then the history chain and
/// every case against its history. Stops at the first problem and names it, so an operator
/// knows where to look (the event, the case) rather than only that something is wrong.
public struct IntegrityCheck {
    public let db: Database

    public init(db: Database) { self.db = db }

    public enum Kind: String, Sendable {
        case integrity, foreignKey = "foreign key", protection, chain, caseHistory = "case history"
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let kind: Kind
        /// The first history event concerned, when the problem is in the history.
        public let eventID: Int?
        public let message: String
        public var description: String { "\(kind.rawValue): \(message)" }
    }

    public struct Summary: Equatable, Sendable {
        public var cases = 0
        public var events = 0
        /// The hash of the last event: noted elsewhere, it shows later whether the history was rewritten.
        public var headHash: String?
    }

    /// Throws the first `Problem` found; one read transaction, so clerks working meanwhile
    /// cannot make a consistent file look inconsistent.
    public func run() throws -> Summary {
        do {
            return try db.read {
                try sqliteIntegrity()
                try foreignKeys()
                try appendOnlyTriggers()
                return try historyAndCases()
            }
        } catch let error as DatabaseError where error.primaryCode == 11 /* SQLITE_CORRUPT */ || error.primaryCode == 26 {
            // Damage bad enough that SQLite stops reading is still an answer to "is the file sound?".
            throw Problem(kind: .integrity, eventID: nil, message: error.message)
        }
    }

    private func sqliteIntegrity() throws {
        let rows = try db.query("PRAGMA integrity_check")
        let first = rows.first?.string(at: 0) ?? "no answer"
        guard first == "ok" else { throw Problem(kind: .integrity, eventID: nil, message: first) }
    }

    private func foreignKeys() throws {
        guard let row = try db.query("PRAGMA foreign_key_check").first else { return }
        throw Problem(kind: .foreignKey, eventID: nil,
                      message: "\(row.string(at: 0)) row \(row.string(at: 1)) refers to a missing \(row.string(at: 2)) row")
    }

    private func appendOnlyTriggers() throws {
        for name in ["history_no_update", "history_no_delete"] {
            guard try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?", name) == 1 else {
                throw Problem(kind: .protection, eventID: nil,
                              message: "trigger \(name) is missing: the history is no longer append-only")
            }
        }
    }

    /// What the history says about one case so far.
    private struct CaseTrail {
        var version: Int
        var status: String
        var lastEventID: Int
    }

    private func historyAndCases() throws -> Summary {
        var numbers: [Int: String] = [:]
        try db.forEachRow("SELECT id, number FROM cases", arguments: []) { numbers[$0.int("id")] = $0.string("number") }
        func name(_ event: HistoryChain.Event) -> String {
            "history event #\(event.id) (case \(numbers[event.caseID] ?? "#\(event.caseID)"), \(event.action) by \(event.actor) at \(event.at))"
        }
        var summary = Summary()
        var previous: (id: Int, hash: String)?
        var trails: [Int: CaseTrail] = [:]
        try db.forEachRow("SELECT \(HistoryChain.columns) FROM history ORDER BY id", arguments: []) { row in
            let event = HistoryChain.Event(row: row)
            guard let stored = row.optionalString("hash") else {
                throw Problem(kind: .chain, eventID: event.id, message: "\(name(event)) has no hash: it was written around Wicket")
            }
            try checkLink(event, after: previous)
            guard HistoryChain.hash(event) == stored else {
                throw Problem(kind: .chain, eventID: event.id,
                              message: "\(name(event)) was changed after it was written: its content no longer matches its hash")
            }
            let expected = (trails[event.caseID]?.version ?? 0) + 1
            guard event.version == expected else {
                throw Problem(kind: .caseHistory, eventID: event.id,
                              message: "\(name(event)) has version \(event.version), expected \(expected): an event of this case is missing or was added")
            }
            if expected == 1 && event.action != CaseAction.submitEvent {
                throw Problem(kind: .caseHistory, eventID: event.id,
                              message: "\(name(event)) is the case's first event but not its submission")
            }
            trails[event.caseID] = CaseTrail(version: event.version, status: event.toStatus, lastEventID: event.id)
            previous = (event.id, stored)
            summary.events += 1
        }
        summary.headHash = previous?.hash
        try db.forEachRow("SELECT id, number, status, version FROM cases ORDER BY id", arguments: []) { row in
            let number = row.string("number")
            guard let trail = trails[row.int("id")] else {
                throw Problem(kind: .caseHistory, eventID: nil, message: "case \(number) has no history")
            }
            let version = row.int("version")
            if trail.version < version {
                throw Problem(kind: .caseHistory, eventID: nil,
                              message: "case \(number) is at version \(version) but its history ends at version \(trail.version) (event #\(trail.lastEventID)): later events were deleted, or the case was changed around Wicket")
            }
            if trail.version > version {
                throw Problem(kind: .caseHistory, eventID: trail.lastEventID,
                              message: "history event #\(trail.lastEventID) gives case \(number) version \(trail.version), but the case is at version \(version): the event was added around Wicket")
            }
            guard trail.status == row.string("status") else {
                throw Problem(kind: .caseHistory, eventID: nil,
                              message: "case \(number) is \(row.string("status")) but its last event says \(trail.status): the case was changed around Wicket")
            }
            summary.cases += 1
        }
        return summary
    }

    /// An event must name the hash of the event before it; which one is to blame depends on
    /// whether ids are missing in between.
    private func checkLink(_ event: HistoryChain.Event, after previous: (id: Int, hash: String)?) throws {
        guard let previous else {
            guard event.previousHash == nil, event.id == 1 else {
                throw Problem(kind: .chain, eventID: 1,
                              message: "history events #1…#\(event.id - 1) are missing: the history's start was deleted")
            }
            return
        }
        guard event.previousHash != previous.hash else { return }
        if event.id > previous.id + 1 {
            let range = event.id == previous.id + 2 ? "#\(previous.id + 1) is" : "#\(previous.id + 1)…#\(event.id - 1) are"
            throw Problem(kind: .chain, eventID: previous.id + 1, message: "history event \(range) missing: deleted")
        }
        throw Problem(kind: .chain, eventID: previous.id,
                      message: "history event #\(previous.id) was changed (and re-hashed), or #\(event.id) was inserted: #\(event.id) records a different hash for the event before it")
    }
}
