import Foundation

/// An application as it arrives: from the portal's import file, or typed in at a window.
public struct Application: Sendable, Equatable {
    public var ref: String?
    public var serviceCode: String
    public var channel: Channel
    public var submittedAt: Date
    public var applicantName: String
    public var applicantIDNumber: String
    public var applicantPhone: String
    public var summary: String
    public var details: String
    /// The codes of the materials the applicant sent; the rest of the checklist starts missing.
    public var materials: [String]
    public var priority: Priority
    public var language: Language

    public init(ref: String? = nil, serviceCode: String, channel: Channel, submittedAt: Date, applicantName: String,
                applicantIDNumber: String = "", applicantPhone: String = "", summary: String = "", details: String = "",
                materials: [String] = [], priority: Priority = .normal, language: Language = .zh) {
        self.ref = ref
        self.serviceCode = serviceCode
        self.channel = channel
        self.submittedAt = submittedAt
        self.applicantName = applicantName
        self.applicantIDNumber = applicantIDNumber
        self.applicantPhone = applicantPhone
        self.summary = summary
        self.details = details
        self.materials = materials
        self.priority = priority
        self.language = language
    }
}

/// Registers applications as new cases: a case row, its checklist and a `submit` history event.
public struct Intake {
    public let store: CaseStore
    let clock: WallClock

    public init(store: CaseStore, clock: WallClock? = nil) {
        self.store = store
        self.clock = clock ?? store.clock
    }

    /// A walk-in or single application: its own transaction.
    @discardableResult
    public func register(_ application: Application, actor: String) throws -> CaseRecord {
        try store.db.write {
            _ = try Users.actor(actor, in: store.db)
            guard let id = try insert(application, actor: actor) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "an application with ref \(application.ref ?? "") is already registered",
                zh: "编号为 \(application.ref ?? "") 的申请已登记"))
            }
            return try CaseRows.load(id: id, in: store.db)!
        }
    }

    /// Checks an application against the catalog; the message says what is wrong.
    public func validate(_ application: Application) throws {
        guard let service = store.service(application.serviceCode) else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "unknown service '\(application.serviceCode)'",
                zh: "未知事项“\(application.serviceCode)”"))
        }
        for code in application.materials where !service.materials.contains(code) {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "material '\(code)' is not on \(service.code)'s checklist (\(service.materials.joined(separator: ", ")))",
                zh: "材料“\(code)”不在 \(service.code) 的材料清单上（\(service.materials.joined(separator: "、"))）"))
        }
        guard !application.applicantName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "the applicant's name is empty",
                zh: "申请人姓名为空"))
        }
    }

    /// Inside the caller's transaction. Returns nil when the ref is already registered, so a
    /// re-run of an import changes nothing.
    func insert(_ application: Application, actor: String) throws -> Int? {
        try validate(application)
        let db = store.db
        if let ref = application.ref, try db.scalarInt("SELECT id FROM cases WHERE ref = ?", ref) != nil { return nil }
        let service = store.service(application.serviceCode)!
        let now = Timestamp.format(clock.now)
        let submitted = Timestamp.format(application.submittedAt)
        let receivedDay = store.hallTime.day(of: application.submittedAt)
        let marks = store.caseClock.marks(start: receivedDay, limitDays: service.acceptanceLimitDays, pausedDays: 0)
        let id = (try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM cases")) ?? 1
        let number = String(format: "%04d-%06d", receivedDay.components.year, id)
        try db.execute("""
            INSERT INTO cases(id, number, ref, service_code, department, channel, priority, status, applicant_name,
                applicant_id_number, applicant_phone, lang, summary, details, submitted_at, received_at,
                acceptance_due_on, limit_days, yellow_on, red_on, due_on, window_visit, version, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            """, arguments: [
                id, number, application.ref, service.code, service.department, application.channel.rawValue,
                application.priority.rawValue, application.applicantName, application.applicantIDNumber,
                application.applicantPhone, application.language.rawValue, application.summary, application.details,
                submitted, submitted, marks.dueOn.description, service.promisedLimitDays, marks.yellowOn.description,
                marks.redOn.description, marks.dueOn.description, application.channel == .window, now,
            ])
        let sent = Set(application.materials)
        for code in service.materials {
            try CaseMaterials.set(caseID: id, code: code, state: sent.contains(code) ? .submitted : .missing,
                                  reason: "", at: now, in: db)
        }
        var details: [String: Any] = ["channel": application.channel.rawValue, "submitted_at": submitted,
                                      "materials": application.materials]
        if let ref = application.ref { details["ref"] = ref }
        try History.append(caseID: id, at: now, actor: actor, action: CaseAction.submitEvent, from: nil,
                           to: .submitted, reason: "", details: details, version: 1, in: db)
        return id
    }
}
