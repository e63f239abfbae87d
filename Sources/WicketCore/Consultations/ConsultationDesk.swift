import Foundation

/// The one way a consultation changes: each call is one transaction that writes the row and
/// appends exactly one event to `Ledger.consultations` (converting also registers the new case,
/// whose own `submit` event names the consultation). A refused call throws and changes nothing.
public struct ConsultationDesk {
    public let store: CaseStore
    let clock: WallClock
    /// The person really acting under another login (`--as`), recorded as `acted_by`.
    public var actedBy: String?

    public init(store: CaseStore, clock: WallClock? = nil) {
        self.store = store
        self.clock = clock ?? store.clock
    }

    var db: Database { store.db }

    // MARK: Register

    /// Registers a question (answered on the spot when it says so). Anyone active but a portal
    /// login registers, in any department: a window clerk takes every question the public brings.
    @discardableResult
    public func ask(_ question: Question, actor: String) throws -> Consultation {
        try db.write {
            let user = try Users.actor(actor, in: db)
            guard user.active else { throw WorkflowError.inactiveUser(actor) }
            guard user.role != .portal else { throw WorkflowError.invalidArgument(ConsultationWords.portalAsks) }
            guard let id = try insert(question, actor: user) else {
                throw WorkflowError.invalidArgument(ConsultationWords.alreadyRegistered(question.ref ?? ""))
            }
            return try ConsultationRows.load(id: id, in: db)!
        }
    }

    /// The question as it is registered (trimmed, its numbers checked) and its department, or the reason it is refused.
    func checked(_ question: Question, actor: User) throws -> (Question, department: String, caseID: Int?) {
        var q = question
        q.question = q.question.trimmingCharacters(in: .whitespacesAndNewlines)
        q.askerName = q.askerName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.question.isEmpty else { throw WorkflowError.invalidArgument(ConsultationWords.emptyQuestion) }
        guard !BlankText.isBlank(q.askerName, newlines: true) else { throw WorkflowError.invalidArgument(ConsultationWords.emptyName) }
        for text in [q.question, q.answeredOnTheSpot ?? ""] where text.count > Workflow.textLimit {
            throw WorkflowError.invalidArgument(ConsultationWords.tooLong(text.count))
        }
        do {
            q.askerIDNumber = try ApplicantIdentity.idNumber(q.askerIDNumber, document: q.askerDocument,
                                                             today: store.hallTime.day(of: clock.now))
            q.askerPhone = try ApplicantIdentity.phone(q.askerPhone)
        } catch {
            throw WorkflowError.invalidArgument(error.reason)
        }
        if let answer = q.answeredOnTheSpot {
            guard q.channel == .phone || q.channel == .window else {
                throw WorkflowError.invalidArgument(ConsultationWords.onTheSpotChannel(q.channel))
            }
            guard !BlankText.isBlank(answer, newlines: true) else { throw WorkflowError.invalidArgument(ConsultationWords.emptyAnswer) }
        }
        var caseID: Int?
        var department = q.department
        if let number = q.caseNumber {
            // A case the registering clerk may not see is, for them, no case (`CaseAccess`); the
            // portal, which sees no case, names the cases it filed itself.
            let record = actor.role == .portal
                ? try CaseRows.load(number: number, in: db).orThrow(WorkflowError.caseNotFound(number))
                : try CaseAccess(user: actor).visibleCase(number, in: db)
            caseID = record.id
            department = record.department
            if q.serviceCode == nil { q.serviceCode = record.serviceCode }
        }
        if let code = q.serviceCode {
            guard let service = store.service(code) else { throw WorkflowError.invalidArgument(ConsultationWords.unknownService(code)) }
            if caseID == nil { department = service.department }
        }
        if department == nil, actor.role == .clerk { department = actor.department }
        guard let department else { throw WorkflowError.invalidArgument(ConsultationWords.noDepartment) }
        guard store.department(department) != nil else { throw WorkflowError.invalidArgument(ConsultationWords.unknownDepartment(department)) }
        return (q, department, caseID)
    }

    /// Inside the caller's transaction; nil when the ref is already registered (a re-run of an import).
    func insert(_ question: Question, actor: User, holding: Bool = true) throws -> Int? {
        let (q, department, caseID) = try checked(question, actor: actor)
        if let ref = q.ref, try db.scalarInt("SELECT id FROM consultations WHERE ref = ?", ref) != nil { return nil }
        let now = clock.now
        let stamp = Timestamp.format(now)
        let asked = Timestamp.format(q.askedAt)
        let id = try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM consultations") ?? 1
        let number = ConsultationRows.number(year: store.hallTime.day(of: q.askedAt).components.year, id: id)
        let onTheSpot = q.answeredOnTheSpot?.trimmingCharacters(in: .whitespacesAndNewlines)
        let marks = store.responseClock.marks(askedAt: q.askedAt, hours: try store.responseHours(q.channel))
        // A question taken one by one is the taking clerk's; an imported one nobody's yet.
        let holder: String? = holding ? actor.login : nil
        let status: ConsultationStatus = onTheSpot == nil ? .open : .answered
        try db.execute("""
            INSERT INTO consultations(id, number, ref, channel, asker_name, asker_phone, asker_id_number, asker_id_type, lang,
                service_code, case_id, question, department, status, holder, asked_at, yellow_at, red_at, due_at,
                answered_at, answered_on_time, answer, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """, arguments: [id, number, q.ref, q.channel.rawValue, q.askerName, q.askerPhone, q.askerIDNumber,
                             q.askerDocument.rawValue, q.language.rawValue, q.serviceCode, caseID, q.question, department,
                             status.rawValue, holder, asked, Timestamp.format(marks.yellowAt), Timestamp.format(marks.redAt),
                             Timestamp.format(marks.dueAt), onTheSpot == nil ? nil : stamp, onTheSpot == nil ? nil : 1,
                             onTheSpot ?? "", stamp, stamp])
        var details: [String: Any] = ["channel": q.channel.rawValue, "department": department, "asked_at": asked]
        if let ref = q.ref { details["ref"] = ref }
        if let code = q.serviceCode { details["service"] = code }
        if let case_ = q.caseNumber { details["case"] = case_ }
        if onTheSpot != nil { details["on_the_spot"] = true }
        if let actedBy, actedBy != actor.login { details["acted_by"] = actedBy }
        try History.append(to: .consultations, subjectID: id, at: stamp, actor: actor.login, action: "ask", from: nil,
                           to: status.rawValue, reason: "", details: details, version: 1, in: db)
        return id
    }

    // MARK: Change

    /// The consultation numbered `number` if `actor` may see it, at the version the caller read.
    func visible(_ number: String, actor: String, expectedVersion: Int?) throws -> (Consultation, User) {
        let access = try CaseAccess.check(actor, in: db)
        try access.requireCases()
        guard let record = try ConsultationRows.load(number: number, in: db),
              access.maySee(caseDepartment: record.department) else {
            throw WorkflowError.invalidArgument(ConsultationWords.notFound(number))
        }
        if let expectedVersion, expectedVersion != record.version {
            throw WorkflowError.invalidArgument(ConsultationWords.stale(number, expected: expectedVersion, current: record.version))
        }
        return (record, access.user)
    }

    /// The answer a clerk starts from: the item's whole one-time notice, or a greeting.
    public func draft(number: String, actor: String) throws -> String {
        try db.read {
            let (record, _) = try visible(number, actor: actor, expectedVersion: nil)
            return try ConsultationNotice.draft(record, store: store)
        }
    }

    public struct Answered: Sendable {
        public let consultation: Consultation
        public let replyID: Int
    }

    /// Answers an open question: the reply is stored and queued for delivery like a case's.
    @discardableResult
    public func answer(number: String, text: String, actor: String, expectedVersion: Int? = nil) throws -> Answered {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw WorkflowError.invalidArgument(ConsultationWords.emptyAnswer) }
        guard body.count <= Workflow.textLimit else { throw WorkflowError.invalidArgument(ConsultationWords.tooLong(body.count)) }
        return try db.write {
            let (original, user) = try visible(number, actor: actor, expectedVersion: expectedVersion)
            guard original.status == .open else {
                throw WorkflowError.invalidArgument(ConsultationWords.notOpen(number, original.status, doing: ConsultationWords.answerWord))
            }
            let now = clock.now
            let stamp = Timestamp.format(now)
            try db.execute("""
                INSERT INTO consultation_replies(consultation_id, channel, author, body, created_at, delivery_state, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 'queued', ?)
                """, original.id, original.channel.rawValue, user.login, body, stamp, stamp)
            let replyID = db.lastInsertRowID
            var record = original
            record.status = .answered
            record.answer = body
            record.answeredAt = stamp
            record.answeredOnTime = original.marks.map { now <= $0.dueAt } ?? true
            record.holder = user.login
            var details: [String: Any] = ["reply_id": replyID, "on_time": record.answeredOnTime!]
            try save(&record, from: original, by: user, action: "answer", reason: "", details: &details, stamp: stamp)
            return Answered(consultation: try ConsultationRows.load(id: original.id, in: db)!, replyID: replyID)
        }
    }

    /// Closes an open question without an answer: referred, duplicate or no reply needed, with a reason.
    @discardableResult
    public func close(number: String, as status: ConsultationStatus, reason: String, actor: String,
                      expectedVersion: Int? = nil) throws -> Consultation {
        guard ConsultationStatus.closings.contains(status) else { throw WorkflowError.invalidArgument(ConsultationWords.notClosing(status)) }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw WorkflowError.invalidArgument(ConsultationWords.reasonRequired) }
        guard reason.count <= Workflow.textLimit else { throw WorkflowError.invalidArgument(ConsultationWords.tooLong(reason.count)) }
        return try db.write {
            let (original, user) = try visible(number, actor: actor, expectedVersion: expectedVersion)
            guard original.status == .open else {
                throw WorkflowError.invalidArgument(ConsultationWords.notOpen(number, original.status, doing: ConsultationWords.closeWord))
            }
            var record = original
            record.status = status
            record.closedReason = reason
            var details: [String: Any] = [:]
            try save(&record, from: original, by: user, action: "close", reason: reason, details: &details,
                     stamp: Timestamp.format(clock.now))
            return try ConsultationRows.load(id: original.id, in: db)!
        }
    }

    public struct Converted: Sendable {
        public let consultation: Consultation
        public let caseRecord: CaseRecord
    }

    /// Turns a question (open or answered) into an application in one step: a new case registered
    /// through the walk-in path (`Intake`), the asker's details carried over, linked both ways —
    /// `converted_case_id` here, the consultation's number in the case's `submit` event.
    @discardableResult
    public func convert(number: String, serviceCode: String? = nil, actor: String, expectedVersion: Int? = nil) throws -> Converted {
        try db.write {
            let (original, user) = try visible(number, actor: actor, expectedVersion: expectedVersion)
            guard original.status == .open || original.status == .answered else {
                throw WorkflowError.invalidArgument(ConsultationWords.notOpen(number, original.status, doing: ConsultationWords.convertWord))
            }
            guard let code = serviceCode ?? original.serviceCode else { throw WorkflowError.invalidArgument(ConsultationWords.needsService) }
            guard let service = store.service(code) else { throw WorkflowError.invalidArgument(ConsultationWords.unknownService(code)) }
            let now = clock.now
            let application = Application(serviceCode: code, channel: original.channel, submittedAt: now,
                                          applicantName: original.askerName, applicantIDNumber: original.askerIDNumber,
                                          applicantDocument: original.askerDocument, applicantPhone: original.askerPhone,
                                          summary: String(original.question.prefix(200)), details: original.question,
                                          language: original.language)
            // The converting clerk holds the new case when they may see its department, as a walk-in's.
            let holds = CaseAccess(user: user).maySee(caseDepartment: service.department) && user.role != .portal
            guard let caseID = try Intake(store: store, clock: clock).insert(application, actor: user.login,
                                                                              holder: holds ? user.login : nil,
                                                                              consultation: original.number) else {
                throw WorkflowError.invalidArgument(ConsultationWords.needsService)
            }
            let caseRecord = try CaseRows.load(id: caseID, in: db)!
            var record = original
            record.status = .converted
            record.convertedCaseID = caseID
            var details: [String: Any] = ["case": caseRecord.number, "service": code]
            try save(&record, from: original, by: user, action: "convert", reason: "", details: &details,
                     stamp: Timestamp.format(now))
            return Converted(consultation: try ConsultationRows.load(id: original.id, in: db)!, caseRecord: caseRecord)
        }
    }

    /// Writes the row at the next version and its one event.
    private func save(_ record: inout Consultation, from original: Consultation, by user: User, action: String,
                      reason: String, details: inout [String: Any], stamp: String) throws {
        if let actedBy, actedBy != user.login { details["acted_by"] = actedBy }
        record.version = original.version + 1
        record.updatedAt = stamp
        try ConsultationRows.save(record, expectedVersion: original.version, in: db)
        try History.append(to: .consultations, subjectID: original.id, at: stamp, actor: user.login, action: action,
                           from: original.status.rawValue, to: record.status.rawValue, reason: reason, details: details,
                           version: record.version, in: db)
    }
}

private extension Optional {
    func orThrow(_ error: Error) throws -> Wrapped {
        guard let value = self else { throw error }
        return value
    }
}
