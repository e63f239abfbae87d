import Foundation

/// Lists and the detail of consultations, limited by the one access rule (`CaseAccess`).
public enum ConsultationQueries {
    /// Where a page of open consultations ends: the next page starts after it (keyset paging).
    public struct Cursor: Sendable, Equatable {
        public let dueAt: String
        public let id: Int
    }

    /// Open consultations, most urgent first (the earliest due), a page at a time: indexed by
    /// (department, due_at, id) for a clerk and (due_at, id) for a supervisor, so the first page
    /// costs the same at 200,000 consultations as at 20.
    public static func open(in store: CaseStore, for access: CaseAccess, department: String? = nil,
                            after cursor: Cursor? = nil, limit: Int = 50) throws -> [Consultation] {
        let (sql, arguments) = openQuery(department: try access.department(requested: department), after: cursor, limit: limit)
        return try store.db.query(sql, arguments: arguments).map(ConsultationRows.record)
    }

    /// The open list's SQL: a range of the partial index on open consultations, in its order.
    static func openQuery(department: String?, after cursor: Cursor?, limit: Int) -> (String, [DatabaseBindable]) {
        var conditions = ["q.status = 'open'"]
        var arguments: [DatabaseBindable] = []
        if let department {
            conditions.append("q.department = ?")
            arguments.append(department)
        }
        if let cursor {
            conditions.append("(q.due_at, q.id) > (?, ?)")
            arguments += [cursor.dueAt, cursor.id]
        }
        arguments.append(limit)
        return (ConsultationRows.select + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY q.due_at, q.id LIMIT ?",
                arguments)
    }

    /// Every consultation (any status), newest first, a page at a time.
    public static func all(in store: CaseStore, for access: CaseAccess, department: String? = nil,
                           beforeID: Int? = nil, limit: Int = 50) throws -> [Consultation] {
        let department = try access.department(requested: department)
        var conditions = ["1"]
        var arguments: [DatabaseBindable] = []
        if let department {
            conditions.append("q.department = ?")
            arguments.append(department)
        }
        if let beforeID {
            conditions.append("q.id < ?")
            arguments.append(beforeID)
        }
        arguments.append(limit)
        return try store.db.query(ConsultationRows.select + " WHERE " + conditions.joined(separator: " AND ")
                                  + " ORDER BY q.id DESC LIMIT ?", arguments: arguments).map(ConsultationRows.record)
    }

    /// How many open consultations the user sees, and how many of them are late (past their due instant).
    public static func counts(in store: CaseStore, for access: CaseAccess) throws -> (open: Int, late: Int) {
        let now = Timestamp.format(store.clock.now)
        let department = access.listDepartment
        let filter = department == nil ? "" : " AND department = ?"
        let arguments: [DatabaseBindable] = department.map { [$0] } ?? []
        let open = try store.db.scalarIntWithArguments("SELECT count(*) FROM consultations WHERE status = 'open'" + filter, arguments) ?? 0
        let late = try store.db.scalarIntWithArguments("SELECT count(*) FROM consultations WHERE status = 'open' AND due_at < ?" + filter,
                                                       [now] + arguments) ?? 0
        return (open, late)
    }

    /// A consultation with its replies and history, if the user may see it.
    public static func detail(number: String, in store: CaseStore, for access: CaseAccess) throws -> ConsultationDetail {
        try store.db.read {
            guard let record = try ConsultationRows.load(number: number, in: store.db),
                  access.maySee(caseDepartment: record.department) else {
                throw WorkflowError.invalidArgument(ConsultationWords.notFound(number))
            }
            let replies = try store.db.query("""
                SELECT id, author, body, created_at, delivery_state, attempts, last_error FROM consultation_replies
                WHERE consultation_id = ? ORDER BY id
                """, record.id).map { row in
                ConsultationDetail.Reply(id: row.int("id"), author: row.string("author"), body: row.string("body"),
                                         createdAt: row.string("created_at"),
                                         deliveryState: DeliveryState(rawValue: row.optionalString("delivery_state") ?? "") ?? .queued,
                                         attempts: row.int("attempts"), lastError: row.string("last_error"))
            }
            let events = try store.db.query("""
                SELECT id, at, actor, action, from_status, to_status, reason, details, version FROM consultation_history
                WHERE consultation_id = ? ORDER BY id
                """, record.id).map { row in
                ConsultationDetail.Event(id: row.int("id"), at: row.string("at"), actor: row.string("actor"),
                                         action: row.string("action"), from: row.optionalString("from_status"),
                                         to: row.string("to_status"), reason: row.string("reason"),
                                         details: row.string("details"), version: row.int("version"))
            }
            return ConsultationDetail(record: record, level: record.level(at: store.clock.now), replies: replies, events: events)
        }
    }
}

/// One consultation as the detail pane and `consult show` present it.
public struct ConsultationDetail: Sendable {
    public struct Reply: Sendable, Equatable {
        public let id: Int
        public let author: String
        public let body: String
        public let createdAt: String
        public let deliveryState: DeliveryState
        public let attempts: Int
        public let lastError: String
    }

    public struct Event: Sendable, Equatable {
        public let id: Int
        public let at: String
        public let actor: String
        public let action: String
        public let from: String?
        public let to: String
        public let reason: String
        public let details: String
        public let version: Int
    }

    public let record: Consultation
    public let level: Level
    public let replies: [Reply]
    public let events: [Event]
}
