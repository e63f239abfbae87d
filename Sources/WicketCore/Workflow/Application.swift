import Foundation

/// An application as it arrives: from the portal's import file, or typed in at a window.
public struct Application: Sendable, Equatable {
    public var ref: String?
    public var serviceCode: String
    public var channel: Channel
    public var submittedAt: Date
    public var applicantName: String
    public var applicantIDNumber: String
    /// What `applicantIDNumber` is the number of (`ApplicantIdentity` checks it by this).
    public var applicantDocument: IdentityDocument
    public var applicantPhone: String
    public var summary: String
    public var details: String
    /// The codes of the materials the applicant sent; the rest of the checklist starts missing.
    public var materials: [String]
    public var priority: Priority
    public var language: Language

    public init(ref: String? = nil, serviceCode: String, channel: Channel, submittedAt: Date, applicantName: String,
                applicantIDNumber: String = "", applicantDocument: IdentityDocument = .residentID,
                applicantPhone: String = "", summary: String = "", details: String = "",
                materials: [String] = [], priority: Priority = .normal, language: Language = .zh) {
        self.ref = ref
        self.serviceCode = serviceCode
        self.channel = channel
        self.submittedAt = submittedAt
        self.applicantName = applicantName
        self.applicantIDNumber = applicantIDNumber
        self.applicantDocument = applicantDocument
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

    /// A walk-in or single application: its own transaction. With `holding`, the case is held
    /// from the start by the clerk who registered it (a walk-in: the applicant is at their window),
    /// when they may see the service's department; the submission's history event says so.
    @discardableResult
    public func register(_ application: Application, actor: String, holding: Bool = false) throws -> CaseRecord {
        try store.db.write {
            let user = try Users.actor(actor, in: store.db)
            let department = store.service(application.serviceCode)?.department
            let holds = holding && user.role != .portal && department.map { CaseAccess(user: user).maySee(caseDepartment: $0) } == true
            guard let id = try insert(application, actor: actor, holder: holds ? actor : nil) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "an application with ref \(application.ref ?? "") is already registered",
                zh: "编号为 \(application.ref ?? "") 的申请已登记"))
            }
            return try CaseRows.load(id: id, in: store.db)!
        }
    }

    /// Checks an application against the catalog; the message says what is wrong.
    public func validate(_ application: Application) throws {
        _ = try validated(application)
    }

    /// The application as it is registered — its ID and phone numbers as `ApplicantIdentity`
    /// stores them — or the reason it is refused, the same for a walk-in and an import line.
    public func validated(_ application: Application) throws -> Application {
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
        guard !BlankText.isBlank(application.applicantName, newlines: true) else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "the applicant's name is empty",
                zh: "申请人姓名为空"))
        }
        var checked = application
        do {
            checked.applicantIDNumber = try ApplicantIdentity.idNumber(application.applicantIDNumber,
                                                                       document: application.applicantDocument,
                                                                       today: store.hallTime.day(of: clock.now))
            checked.applicantPhone = try ApplicantIdentity.phone(application.applicantPhone)
        } catch {
            throw WorkflowError.invalidArgument(error.reason)
        }
        return checked
    }

    /// Inside the caller's transaction. Returns nil when the ref is already registered, so a
    /// re-run of an import changes nothing.
    /// `consultation`: the number of the consultation this application was turned from, named in
    /// the `submit` event (`ConsultationDesk.convert`).
    func insert(_ application: Application, actor: String, holder: String? = nil, consultation: String? = nil) throws -> Int? {
        let application = try validated(application)
        let db = store.db
        if let ref = application.ref, try db.scalarInt("SELECT id FROM cases WHERE ref = ?", ref) != nil { return nil }
        let service = store.service(application.serviceCode)!
        let receivedDay = store.hallTime.day(of: application.submittedAt)
        let id = (try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM cases")) ?? 1
        let new = NewCase(id: id, application: application, service: service, holder: holder, stamp: Timestamp.format(clock.now),
                          receivedDay: receivedDay, consultation: consultation,
                          marks: store.caseClock.marks(start: receivedDay, limitDays: service.acceptanceLimitDays, pausedDays: 0),
                          matcher: try db.applicantMatcher())
        try db.execute("INSERT INTO cases(\(NewCase.caseColumns)) VALUES \(NewCase.caseRow)", arguments: new.caseValues)
        for (code, state) in new.checklist {
            try CaseMaterials.set(caseID: id, code: code, state: state, reason: "", at: new.stamp, in: db)
        }
        try History.append(caseID: id, at: new.stamp, actor: actor, action: CaseAction.submitEvent, from: nil,
                           to: .submitted, reason: "", details: new.submitDetails, version: 1, in: db)
        return id
    }
}
