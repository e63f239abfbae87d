import Foundation

/// Appends history events: who, when, from, to, reason and details (JSON with sorted keys, so
/// the same event always reads the same).
enum History {
    @discardableResult
    static func append(caseID: Int, at: String, actor: String, action: String, from: CaseStatus?, to: CaseStatus,
                       reason: String, details: [String: Any], version: Int, in db: Database) throws -> Int {
        try db.execute("""
            INSERT INTO history(case_id, at, actor, action, from_status, to_status, reason, details, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, at, actor, action, from?.rawValue, to.rawValue, reason, json(details), version])
        return db.lastInsertRowID
    }

    static func json(_ details: [String: Any]) -> String { CompactJSON.object(details) }
}
