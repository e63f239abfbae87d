import Foundation

/// Everything about one case: what `wicket show` prints and the detail pane draws.
public struct CaseDetail: Sendable {
    public let record: CaseRecord
    public let service: ServiceItem?
    public let materials: [CaseMaterial]
    public let messages: [Message]
    public let notes: [Note]
    public let history: [HistoryEvent]
    public let ratings: [RatingRecord]
    public let clock: ClockStatus
    /// The applicant's other cases the reader may see (`ApplicantQueries`).
    public let applicant: ApplicantRecord
    /// Outstanding checklist items already proven elsewhere (`OnFile`), by material code.
    public let onFile: [String: OnFileSource]

    public struct Message: Sendable, Codable, Equatable {
        public let id: Int
        public let direction: String
        public let channel: String
        public let author: String
        public let body: String
        public let createdAt: String
        public let deliveryState: DeliveryState?
        public let attempts: Int
        public let lastError: String
        /// When a failed reply is tried again (nil: not retried).
        public var nextAttemptAt: String? = nil
        /// A failed reply a clerk marked handled: when, who, and their note.
        public var handledAt: String? = nil
        public var handledBy: String? = nil
        public var handledNote: String? = nil

        /// Failed, and neither resent nor marked handled: the case shows in the Failed replies list.
        public var isUnresolvedFailure: Bool {
            direction == "outbound" && (deliveryState == .failed || deliveryState == .failedPermanent) && handledAt == nil
        }
    }

    public struct Note: Sendable, Codable, Equatable {
        public let id: Int
        public let author: String
        public let body: String
        public let createdAt: String
    }

    public struct HistoryEvent: Sendable, Codable, Equatable {
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

    public struct RatingRecord: Sendable, Codable, Equatable {
        public let rating: Rating
        public let comment: String
        public let ratedAt: String
        public let followUp: String?
    }

    /// The clock as a person reads it.
    public struct ClockStatus: Sendable, Codable, Equatable {
        /// "acceptance" (waiting for a first answer), "decision", "delivery", or nil when closed.
        public let phase: String?
        public let level: Level
        public let dueOn: Day?
        public let limitDays: Int
        public let daysUsed: Int
        public let daysLeft: Int
        public let paused: Bool
        public let pausedDays: Int
        public let extensionDays: Int
        public let acceptanceDueOn: Day?
        public let acceptanceBreached: Bool
        /// The due day lies in a year whose official holiday schedule is not loaded: it may move.
        public let dueProvisional: Bool

        /// The due day as people read it, with the provisional note when it applies.
        public func dueText(_ language: Language) -> String? {
            dueOn.map { ProvisionalWords.dueDay($0, provisional: dueProvisional, language: language) }
        }
    }

    /// Open cases of the same applicant for the same service, while this one is open: flagged,
    /// never merged (only those the reader may see).
    public var possibleDuplicates: [String] {
        guard !record.status.isTerminal else { return [] }
        return applicant.openCases.filter { $0.serviceCode == record.serviceCode }.map(\.number)
    }

    /// With `access`, a case its user may not see is refused exactly as a missing one (`CaseAccess`).
    public static func load(number: String, in store: CaseStore, for access: CaseAccess? = nil) throws -> CaseDetail {
        let db = store.db
        return try db.read {
            let record: CaseRecord
            if let access {
                record = try access.visibleCase(number, in: db)
            } else {
                guard let found = try CaseRows.load(number: number, in: db) else { throw WorkflowError.caseNotFound(number) }
                record = found
            }
            let id = record.id
            let messages = try db.query("SELECT * FROM messages WHERE case_id = ? ORDER BY id", id).map {
                Message(id: $0.int("id"), direction: $0.string("direction"), channel: $0.string("channel"),
                        author: $0.string("author"), body: $0.string("body"), createdAt: $0.string("created_at"),
                        deliveryState: $0.optionalString("delivery_state").flatMap(DeliveryState.init(rawValue:)),
                        attempts: $0.int("attempts"), lastError: $0.string("last_error"),
                        nextAttemptAt: $0.optionalString("next_attempt_at"), handledAt: $0.optionalString("handled_at"),
                        handledBy: $0.optionalString("handled_by"), handledNote: $0.optionalString("handled_note"))
            }
            let notes = try db.query("SELECT * FROM notes WHERE case_id = ? ORDER BY id", id).map {
                Note(id: $0.int("id"), author: $0.string("author"), body: $0.string("body"), createdAt: $0.string("created_at"))
            }
            let history = try db.query("SELECT * FROM history WHERE case_id = ? ORDER BY id", id).map {
                HistoryEvent(id: $0.int("id"), at: $0.string("at"), actor: $0.string("actor"), action: $0.string("action"),
                             from: $0.optionalString("from_status"), to: $0.string("to_status"), reason: $0.string("reason"),
                             details: $0.string("details"), version: $0.int("version"))
            }
            let ratings = try db.query("SELECT * FROM ratings WHERE case_id = ? ORDER BY id", id).map {
                RatingRecord(rating: Rating(rawValue: $0.string("rating")) ?? .fair, comment: $0.string("comment"),
                             ratedAt: $0.string("rated_at"), followUp: $0.optionalString("follow_up"))
            }
            return CaseDetail(record: record, service: store.service(record.serviceCode),
                              materials: try CaseMaterials.load(caseID: id, in: db), messages: messages, notes: notes,
                              history: history, ratings: ratings, clock: clockStatus(record, store: store),
                              applicant: try ApplicantQueries.cases(ofCase: id, in: store, for: access),
                              onFile: try OnFile.sources(caseID: id, today: store.today, access: access, in: db))
        }
    }

    static func clockStatus(_ record: CaseRecord, store: CaseStore) -> ClockStatus {
        let today = store.today
        let clock = store.caseClock
        let level = record.level(on: today)
        let phase: String?
        let start: Day?
        let limit: Int
        switch record.status {
        case .submitted:
            phase = "acceptance"
            start = Timestamp.parse(record.receivedAt).map(store.hallTime.day(of:))
            limit = store.service(record.serviceCode)?.acceptanceLimitDays ?? 5
        case .awaitingMaterials:
            phase = "acceptance"
            start = nil
            limit = store.service(record.serviceCode)?.acceptanceLimitDays ?? 5
        case .approved:
            phase = "delivery"
            start = record.decidedAt.flatMap(Timestamp.parse).map(store.hallTime.day(of:))
            limit = Int((try? store.setting("delivery_limit_days")) ?? nil ?? "") ?? 10
        case .accepted, .inReview, .suspended:
            phase = "decision"
            start = record.clockStartOn
            limit = record.limitDays + record.extensionDays
        case .completed, .denied, .rejected, .withdrawn:
            phase = nil
            start = nil
            limit = record.limitDays + record.extensionDays
        }
        let paused = phase == "decision" ? record.pausedDays : 0
        let used = start.map {
            clock.daysUsed(start: $0, pausedDays: paused, pausedSince: phase == "decision" ? record.pausedSince : nil, today: today)
        } ?? 0
        return ClockStatus(phase: phase, level: level, dueOn: record.marks?.dueOn, limitDays: limit, daysUsed: used,
                           daysLeft: limit - used, paused: record.status.isPaused, pausedDays: record.pausedDays,
                           extensionDays: record.extensionDays, acceptanceDueOn: record.acceptanceDueOn,
                           acceptanceBreached: record.acceptanceBreached,
                           dueProvisional: record.marks.map { store.calendar.isProvisional($0.dueOn) } ?? false)
    }
}
