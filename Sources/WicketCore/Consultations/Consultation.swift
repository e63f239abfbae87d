import Foundation

/// Where a consultation stands. Open ones run a response clock; the rest are ended.
public enum ConsultationStatus: String, CaseIterable, Sendable, Codable {
    case open, answered, referred, duplicate
    case noReplyNeeded = "no_reply_needed"
    case converted

    public var word: Bilingual {
        switch self {
        case .open: return Bilingual(en: "open", zh: "待答复")
        case .answered: return Bilingual(en: "answered", zh: "已答复")
        case .referred: return Bilingual(en: "referred", zh: "已转办")
        case .duplicate: return Bilingual(en: "duplicate", zh: "重复咨询")
        case .noReplyNeeded: return Bilingual(en: "no reply needed", zh: "无需答复")
        case .converted: return Bilingual(en: "converted", zh: "已转为申请")
        }
    }

    /// The ways to close a question without an answer (`close`), each with a reason.
    public static let closings: [ConsultationStatus] = [.referred, .duplicate, .noReplyNeeded]
}

/// A question from a person about a service item or an existing case (domain.md "Consultations").
public struct Consultation: Sendable, Equatable {
    public let id: Int
    public let number: String
    public let ref: String?
    public let channel: Channel
    public let askerName: String
    public let askerPhone: String
    public let askerIDNumber: String
    public let askerDocument: IdentityDocument
    public let language: Language
    public let serviceCode: String?
    public let caseID: Int?
    /// The number of the case asked about (`caseID`), read with the row.
    public let caseNumber: String?
    public let question: String
    public let department: String
    public internal(set) var status: ConsultationStatus
    public internal(set) var holder: String?
    public let askedAt: String
    public internal(set) var marks: ResponseMarks?
    public internal(set) var answeredAt: String?
    public internal(set) var answeredOnTime: Bool?
    public internal(set) var answer: String
    public internal(set) var closedReason: String
    public internal(set) var convertedCaseID: Int?
    /// The number of the case it became (`convertedCaseID`).
    public internal(set) var convertedCaseNumber: String?
    public internal(set) var version: Int
    public let createdAt: String
    public internal(set) var updatedAt: String

    /// The clock's level now: open questions only.
    public func level(at now: Date) -> Level {
        guard status == .open, let marks else { return .none }
        return marks.level(at: now)
    }
}

/// Reading and writing consultation rows (SQL lives here, not in the callers).
enum ConsultationRows {
    static let select = """
        SELECT q.*, c.number AS case_number, v.number AS converted_case_number FROM consultations q
        LEFT JOIN cases c ON c.id = q.case_id LEFT JOIN cases v ON v.id = q.converted_case_id
        """

    static func load(number: String, in db: Database) throws -> Consultation? {
        try db.queryOne(select + " WHERE q.number = ?", number).map(record)
    }

    static func load(id: Int, in db: Database) throws -> Consultation? {
        try db.queryOne(select + " WHERE q.id = ?", id).map(record)
    }

    static func record(_ row: Row) -> Consultation {
        let marks: ResponseMarks?
        if let yellow = row.optionalString("yellow_at").flatMap(Timestamp.parse),
           let red = row.optionalString("red_at").flatMap(Timestamp.parse),
           let due = row.optionalString("due_at").flatMap(Timestamp.parse) {
            marks = ResponseMarks(yellowAt: yellow, redAt: red, dueAt: due)
        } else {
            marks = nil
        }
        return Consultation(
            id: row.int("id"), number: row.string("number"), ref: row.optionalString("ref"),
            channel: Channel(rawValue: row.string("channel")) ?? .online, askerName: row.string("asker_name"),
            askerPhone: row.string("asker_phone"), askerIDNumber: row.string("asker_id_number"),
            askerDocument: IdentityDocument(rawValue: row.string("asker_id_type")) ?? .residentID,
            language: Language(rawValue: row.string("lang")) ?? .zh, serviceCode: row.optionalString("service_code"),
            caseID: row.optionalInt("case_id"), caseNumber: row.optionalString("case_number"),
            question: row.string("question"), department: row.string("department"),
            status: ConsultationStatus(rawValue: row.string("status")) ?? .open, holder: row.optionalString("holder"),
            askedAt: row.string("asked_at"), marks: marks, answeredAt: row.optionalString("answered_at"),
            answeredOnTime: row.optionalInt("answered_on_time").map { $0 != 0 }, answer: row.string("answer"),
            closedReason: row.string("closed_reason"), convertedCaseID: row.optionalInt("converted_case_id"),
            convertedCaseNumber: row.optionalString("converted_case_number"), version: row.int("version"),
            createdAt: row.string("created_at"), updatedAt: row.string("updated_at"))
    }

    /// Writes what a change may change, only if nobody changed the row since it was read.
    static func save(_ record: Consultation, expectedVersion: Int, in db: Database) throws {
        try db.execute("""
            UPDATE consultations SET status = ?, holder = ?, yellow_at = ?, red_at = ?, due_at = ?, answered_at = ?,
                answered_on_time = ?, answer = ?, closed_reason = ?, converted_case_id = ?, version = ?, updated_at = ?
            WHERE id = ? AND version = ?
            """, arguments: [record.status.rawValue, record.holder, record.marks.map { Timestamp.format($0.yellowAt) },
                             record.marks.map { Timestamp.format($0.redAt) }, record.marks.map { Timestamp.format($0.dueAt) },
                             record.answeredAt, record.answeredOnTime.map { $0 ? 1 : 0 }, record.answer, record.closedReason,
                             record.convertedCaseID, record.version, record.updatedAt, record.id, expectedVersion])
        guard try db.scalarInt("SELECT changes()") == 1 else {
            let current = try db.scalarInt("SELECT version FROM consultations WHERE id = ?", record.id) ?? 0
            throw WorkflowError.invalidArgument(ConsultationWords.stale(record.number, expected: expectedVersion, current: current))
        }
    }

    /// `Z` and the hall year of asking and the id, `Z2026-000042`: never a case number (those start with a digit).
    static func number(year: Int, id: Int) -> String { "Z" + NewCase.number(year: year, id: id) }
}

/// The actions of a consultation's history, as its events name them.
public enum ConsultationAction {
    public static func word(_ action: String) -> Bilingual {
        switch action {
        case "ask": return Bilingual(en: "ask", zh: "登记")
        case "answer": return Bilingual(en: "answer", zh: "答复")
        case "close": return Bilingual(en: "close", zh: "结束")
        case "convert": return Bilingual(en: "convert", zh: "转为申请")
        default: return Bilingual(en: action, zh: action)
        }
    }

    public static func statusWord(_ stored: String?) -> Bilingual {
        guard let stored else { return Bilingual(en: "-", zh: "-") }
        return ConsultationStatus(rawValue: stored)?.word ?? Bilingual(en: stored, zh: stored)
    }
}
