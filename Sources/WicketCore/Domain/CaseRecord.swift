/// A case's row as the workflow reads and rewrites it inside one transaction.
public struct CaseRecord: Sendable, Equatable {
    public let id: Int
    public let number: String
    public let ref: String?
    public let serviceCode: String
    public var department: String
    public let channel: Channel
    public let priority: Priority
    public var status: CaseStatus
    public var resumeStatus: CaseStatus?
    public let applicantName: String
    public let applicantIDNumber: String
    /// What `applicantIDNumber` is the number of.
    public let applicantDocument: IdentityDocument
    public let applicantPhone: String
    public let language: Language
    public let summary: String
    public let details: String
    public let submittedAt: String
    public var receivedAt: String
    public var firstResponseAt: String?
    public var acceptedAt: String?
    public var clockStartOn: Day?
    public var acceptanceDueOn: Day?
    public var acceptanceBreached: Bool
    public var limitDays: Int
    public var extensionDays: Int
    public var pausedSince: Day?
    public var pausedDays: Int
    public var marks: ClockMarks?
    public var decidedAt: String?
    public var decidedOnTime: Bool?
    public var windowVisit: Bool
    public var closedAt: String?
    public var holder: String?
    public var version: Int
    public var updatedAt: String
}

extension CaseRecord {
    static let columns = """
        id, number, ref, service_code, department, channel, priority, status, resume_status, applicant_name,
        applicant_id_number, applicant_phone, lang, summary, details, submitted_at, received_at, first_response_at,
        accepted_at, clock_start_on, acceptance_due_on, acceptance_breached, limit_days, extension_days, paused_since,
        paused_days, yellow_on, red_on, due_on, decided_at, decided_on_time, window_visit, closed_at, holder, version,
        updated_at, applicant_id_type
        """

    init(row: Row) {
        id = row.int("id")
        number = row.string("number")
        ref = row.optionalString("ref")
        serviceCode = row.string("service_code")
        department = row.string("department")
        channel = Channel(rawValue: row.string("channel")) ?? .online
        priority = Priority(rawValue: row.string("priority")) ?? .normal
        status = CaseStatus(rawValue: row.string("status")) ?? .submitted
        resumeStatus = row.optionalString("resume_status").flatMap(CaseStatus.init(rawValue:))
        applicantName = row.string("applicant_name")
        applicantIDNumber = row.string("applicant_id_number")
        applicantDocument = IdentityDocument(rawValue: row.string("applicant_id_type")) ?? .residentID
        applicantPhone = row.string("applicant_phone")
        language = Language(rawValue: row.string("lang")) ?? .zh
        summary = row.string("summary")
        details = row.string("details")
        submittedAt = row.string("submitted_at")
        receivedAt = row.string("received_at")
        firstResponseAt = row.optionalString("first_response_at")
        acceptedAt = row.optionalString("accepted_at")
        clockStartOn = row.optionalString("clock_start_on").flatMap { Day($0) }
        acceptanceDueOn = row.optionalString("acceptance_due_on").flatMap { Day($0) }
        acceptanceBreached = row.bool("acceptance_breached")
        limitDays = row.int("limit_days")
        extensionDays = row.int("extension_days")
        pausedSince = row.optionalString("paused_since").flatMap { Day($0) }
        pausedDays = row.int("paused_days")
        if let yellow = row.optionalString("yellow_on").flatMap({ Day($0) }),
           let red = row.optionalString("red_on").flatMap({ Day($0) }),
           let due = row.optionalString("due_on").flatMap({ Day($0) }) {
            marks = ClockMarks(yellowOn: yellow, redOn: red, dueOn: due)
        } else {
            marks = nil
        }
        decidedAt = row.optionalString("decided_at")
        decidedOnTime = row.optionalInt("decided_on_time").map { $0 != 0 }
        windowVisit = row.bool("window_visit")
        closedAt = row.optionalString("closed_at")
        holder = row.optionalString("holder")
        version = row.int("version")
        updatedAt = row.string("updated_at")
    }

    /// The level on `today`; paused and closed cases have none of the warning levels.
    public func level(on today: Day) -> Level {
        if status.isTerminal { return .none }
        if status.isPaused { return .paused }
        return marks?.level(on: today) ?? .normal
    }
}

/// Reads and rewrites case rows; the version in the WHERE clause makes a lost update impossible
/// even if a caller forgot to check it.
enum CaseRows {
    static func load(number: String, in db: Database) throws -> CaseRecord? {
        try db.queryOne("SELECT \(CaseRecord.columns) FROM cases WHERE number = ?", number).map(CaseRecord.init(row:))
    }

    static func load(id: Int, in db: Database) throws -> CaseRecord? {
        try db.queryOne("SELECT \(CaseRecord.columns) FROM cases WHERE id = ?", id).map(CaseRecord.init(row:))
    }

    static func save(_ record: CaseRecord, expectedVersion: Int, in db: Database) throws {
        try db.execute("""
            UPDATE cases SET department = ?, status = ?, resume_status = ?, received_at = ?, first_response_at = ?,
                accepted_at = ?, clock_start_on = ?, acceptance_due_on = ?, acceptance_breached = ?, limit_days = ?,
                extension_days = ?, paused_since = ?, paused_days = ?, yellow_on = ?, red_on = ?, due_on = ?,
                decided_at = ?, decided_on_time = ?, window_visit = ?, closed_at = ?, holder = ?, version = ?, updated_at = ?
            WHERE id = ? AND version = ?
            """, arguments: [
                record.department, record.status.rawValue, record.resumeStatus?.rawValue, record.receivedAt,
                record.firstResponseAt, record.acceptedAt, record.clockStartOn?.description,
                record.acceptanceDueOn?.description, record.acceptanceBreached, record.limitDays, record.extensionDays,
                record.pausedSince?.description, record.pausedDays, record.marks?.yellowOn.description,
                record.marks?.redOn.description, record.marks?.dueOn.description, record.decidedAt,
                record.decidedOnTime, record.windowVisit, record.closedAt, record.holder, record.version,
                record.updatedAt, record.id, expectedVersion,
            ])
        guard db.changes == 1 else {
            throw WorkflowError.staleVersion(case: record.number, expected: expectedVersion,
                                             current: try db.scalarInt("SELECT version FROM cases WHERE id = ?", record.id) ?? -1)
        }
    }
}
