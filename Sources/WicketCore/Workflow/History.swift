import Foundation

/// Appends history events: who, when, from, to, reason and details (JSON with sorted keys, so
/// the same event always reads the same), each chained to the one before by its keyed hash.
/// Without the history key (`Database.historyKey()`) nothing is appended and the action fails.
enum History {
    @discardableResult
    static func append(caseID: Int, at: String, actor: String, action: String, from: CaseStatus?, to: CaseStatus,
                       reason: String, details: [String: Any], version: Int, in db: Database) throws -> Int {
        try append(caseID: caseID, at: at, actor: actor, action: action, from: from, to: to, reason: reason,
                   details: json(details), version: version, in: db)
    }

    /// `details` already written by `json`.
    @discardableResult
    static func append(caseID: Int, at: String, actor: String, action: String, from: CaseStatus?, to: CaseStatus,
                       reason: String, details: String, version: Int, in db: Database) throws -> Int {
        try append(to: .cases, subjectID: caseID, at: at, actor: actor, action: action, from: from?.rawValue,
                   to: to.rawValue, reason: reason, details: details, version: version, in: db)
    }

    /// An event of any ledger (a case's, a consultation's, a booking's): statuses as stored.
    @discardableResult
    static func append(to ledger: Ledger, subjectID: Int, at: String, actor: String, action: String, from: String?,
                       to: String, reason: String, details: [String: Any], version: Int, in db: Database) throws -> Int {
        try append(to: ledger, subjectID: subjectID, at: at, actor: actor, action: action, from: from, to: to,
                   reason: reason, details: json(details), version: version, in: db)
    }

    @discardableResult
    static func append(to ledger: Ledger, subjectID: Int, at: String, actor: String, action: String, from: String?,
                       to: String, reason: String, details: String, version: Int, in db: Database) throws -> Int {
        // Inside the caller's write transaction (a savepoint) or its own: reading the chain's tail
        // and appending after it must happen under one write lock.
        let key = try db.historyKey()
        return try db.write {
            let tail = try HistoryChain.tail(in: db, ledger: ledger)
            let event = HistoryChain.Event(id: (tail?.id ?? 0) + 1, subjectID: subjectID, at: at, actor: actor, action: action,
                                           fromStatus: from, toStatus: to, reason: reason,
                                           details: details, version: version, previousHash: tail?.hash)
            try db.execute("INSERT INTO \(ledger.table)(\(ledger.columns)) VALUES \(row)",
                           arguments: values(event, hash: HistoryChain.hash(event, key: key, ledger: ledger)))
            return event.id
        }
    }

    /// The history table's columns, in the order of `values`.
    static let columns = Ledger.cases.columns
    static let row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    static func values(_ event: HistoryChain.Event, hash: String) -> [DatabaseBindable] {
        [event.id, event.subjectID, event.at, event.actor, event.action, event.fromStatus, event.toStatus, event.reason,
         event.details, event.version, event.previousHash, hash]
    }

    static func json(_ details: [String: Any]) -> String { CompactJSON.object(details) }
}
