/// Outbound replies are stored before anything tries to deliver them, so none is ever lost.
enum Replies {
    static func store(caseID: Int, channel: Channel, author: String, body: String, at stamp: String,
                      in db: Database) throws -> Int {
        try db.execute("""
            INSERT INTO messages(case_id, direction, channel, author, body, created_at, delivery_state, next_attempt_at)
            VALUES (?, 'outbound', ?, ?, ?, ?, 'queued', ?)
            """, caseID, channel.rawValue, author, body, stamp, stamp)
        return db.lastInsertRowID
    }
}
