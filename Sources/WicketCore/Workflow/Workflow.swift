import Foundation

/// The one way a case changes: each call is one transaction that rewrites the case row,
/// appends exactly one history event and, where the applicant must be told, stores a reply.
/// A refused call throws a `WorkflowError` and changes nothing.
public final class Workflow {
    public let store: CaseStore
    let clock: WallClock
    /// The person really acting when an admin works under another login (`--as`); recorded in
    /// each history event's details as `acted_by`, so the history never hides who did it.
    public var actedBy: String?

    public init(store: CaseStore, clock: WallClock? = nil) {
        self.store = store
        self.clock = clock ?? store.clock
    }

    var db: Database { store.db }

    @discardableResult
    public func perform(_ request: ActionRequest) throws -> ActionOutcome {
        // The reply is only queued here: delivery runs in `wicket deliver [--watch]`, never on a
        // clerk's key path, where a hanging gateway would freeze the screen (README, "Replies and delivery").
        try db.write { try performInTransaction(request) }
    }

    /// The longest note, reply, message or reason one action may store: a page of text is about
    /// 2,000 characters. History and notes are never deleted, so a clerk pasting megabytes in a
    /// loop would fill the hall's disk and every colleague's detail pane.
    public static let textLimit = 20_000

    func performInTransaction(_ request: ActionRequest) throws -> ActionOutcome {
        for (name, text) in [("text", request.text), ("reason", request.reason)] {
            guard let text, text.count > Self.textLimit else { continue }
            throw WorkflowError.invalidArgument(Bilingual(
                en: "the \(name) is \(text.count) characters; at most \(Self.textLimit) may be stored with one action",
                zh: "\(name == "text" ? "正文" : "理由")有 \(text.count) 个字符；一次操作最多保存 \(Self.textLimit) 个字符"))
        }
        let now = clock.now
        let context = ActionContext(stamp: Timestamp.format(now), today: store.hallTime.day(of: now))
        let access = try CaseAccess.check(request.actor, in: db)
        try access.requireCases()
        // Before anything about the case is checked (its version, its status): a case this actor
        // may not see is refused as a missing one, and the refusal tells nothing about it.
        let original = try access.visibleCase(request.caseNumber, in: db)
        let actor = access.user
        if let expected = request.expectedVersion, expected != original.version {
            throw WorkflowError.staleVersion(case: original.number, expected: expected, current: original.version)
        }
        let rule = Lifecycle.rule(for: request.action)
        guard rule.from.contains(original.status) else {
            throw WorkflowError.notAllowed(action: request.action, status: original.status,
                                           allowed: Self.choices(from: original.status))
        }
        var reason = request.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let standard = try standardReason(request, for: original)
        if let standard, reason.isEmpty { reason = standard.name(original.language) }
        if rule.reasonRequired && reason.isEmpty { throw WorkflowError.reasonRequired(request.action) }
        if rule.supervisorOnly && !actor.role.canOverride { throw WorkflowError.supervisorOnly(request.action) }

        var change = CaseChange(record: original, reason: reason)
        try checkPermission(actor: actor, rule: rule, change: &change)
        if let actedBy, actedBy != actor.login { change.details["acted_by"] = actedBy }
        if let standard { change.details[StandardReason.detailsKey] = standard.code }
        try apply(request, actor: actor, context: context, change: &change)

        change.record.version = original.version + 1
        change.record.updatedAt = context.stamp
        try CaseRows.save(change.record, expectedVersion: original.version, in: db)

        var replyID: Int?
        if let body = try replyBody(for: request, rule: rule, change: change) {
            replyID = try Replies.store(caseID: original.id, channel: original.channel, author: actor.login,
                                        body: body, at: context.stamp, in: db)
            change.details["reply_id"] = replyID
        }
        let eventID = try History.append(caseID: original.id, at: context.stamp, actor: actor.login,
                                         action: request.action.rawValue, from: original.status,
                                         to: change.record.status, reason: reason, details: change.details,
                                         version: change.record.version, in: db)
        return ActionOutcome(caseNumber: original.number, action: request.action, from: original.status,
                             to: change.record.status, version: change.record.version, historyEventID: eventID,
                             replyID: replyID, holder: change.record.holder, notices: change.warnings)
    }

    /// Clerks must hold a case to handle it; acting on an unheld case claims it. Supervisors and
    /// admins may act anywhere (override). Which cases a clerk may act on at all is `CaseAccess`'s
    /// rule (their own department's), applied when the case was read.
    private func checkPermission(actor: User, rule: LifecycleRule, change: inout CaseChange) throws {
        guard actor.role == .clerk else { return }
        let record = change.record
        guard rule.handlesCase, !record.status.isTerminal else { return }
        if let holder = record.holder {
            guard holder == actor.login else { throw WorkflowError.notHolder(case: record.number, holder: holder) }
        } else {
            change.record.holder = actor.login
            change.details["claimed"] = true
        }
    }

    /// The catalog's standard reason the request names, for this action and the case's service
    /// item; an unknown code is refused naming it and the codes there are.
    private func standardReason(_ request: ActionRequest, for record: CaseRecord) throws -> StandardReason? {
        guard let code = request.reasonCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty else { return nil }
        let offered = store.catalog.reasons(for: request.action, service: record.serviceCode)
        if let reason = offered.first(where: { $0.code == code }) { return reason }
        let known = offered.map(\.code)
        throw WorkflowError.invalidArgument(offered.isEmpty
            ? Bilingual(en: "unknown reason code \(code): \(request.action.rawValue) has no standard reasons",
                        zh: "未知的标准理由代码 \(code)：“\(request.action.word.zh)”没有标准理由")
            : Bilingual(en: "unknown reason code \(code) for \(request.action.rawValue) (the standard reasons: \(Language.en.list(known)))",
                        zh: "未知的标准理由代码 \(code)（“\(request.action.word.zh)”的标准理由：\(Language.zh.list(known))）"))
    }

    /// The lifecycle moves open from `status`, for a refusal's "allowed now" list (the workstation
    /// refuses with the same list before it asks for a reason).
    public static func choices(from status: CaseStatus) -> [CaseAction] {
        let bookkeeping: Set<CaseAction> = [.note, .reply, .rate, .followUp, .material, .resendReply, .replyHandled]
        return Lifecycle.actions(from: status).filter { !bookkeeping.contains($0) }
    }

    private func replyBody(for request: ActionRequest, rule: LifecycleRule, change: CaseChange) throws -> String? {
        if rule.notifiesApplicant || request.action == .reply,
           let template = request.template[change.record.language] ?? request.template[.zh] {
            return try notice(template, change)
        }
        if request.action == .reply { return change.replyText }
        guard rule.notifiesApplicant else { return nil }
        if let text = request.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        let templates = try TemplateSet.load(from: db)
        guard let template = templates.template(for: request.action, language: change.record.language) else { return nil }
        return try notice(template, change)
    }

    /// A template filled for `change`. One that promises a decision (`{due_date}`) never
    /// promises a passed day: an overdue case's notice says so and promises a new one (`DecisionPromise`).
    func notice(_ template: ReplyTemplate, _ change: CaseChange) throws -> String {
        let text = template.render(try placeholderValues(change))
        guard template.pieces.contains(.slot(.dueDate)), let promise = try decisionPromise(change.record),
              let note = promise.overdueNote(change.record.language) else { return text }
        return text + note
    }

    /// What a notice may promise for this case today; nil while its clock does not run.
    func decisionPromise(_ record: CaseRecord) throws -> DecisionPromise? {
        guard let due = record.marks?.dueOn else { return nil }
        let days = Int(try store.setting("overdue_promise_days") ?? "") ?? DecisionPromise.defaultOverdueDays
        return DecisionPromise(dueOn: due, today: store.hallTime.day(of: clock.now), calendar: store.calendar, overdueDays: days)
    }

    func placeholderValues(_ change: CaseChange) throws -> [Placeholder: String] {
        let record = change.record
        let language = record.language
        var values = change.placeholders
        values[.caseNumber] = record.number
        values[.applicant] = record.applicantName
        values[.service] = store.service(record.serviceCode)?.name(language) ?? record.serviceCode
        if let service = store.service(record.serviceCode) {
            values.merge(ServiceNotice(store: store, service: service, language: language).values) { mine, _ in mine }
        }
        values[.reason] = change.reason
        values[.department] = store.department(record.department).map { language == .zh ? $0.nameZh : $0.nameEn }
            ?? record.department
        if let promise = try decisionPromise(record) { values[.dueDate] = ProvisionalWords.promisedDay(promise.decideBy, calendar: store.calendar, language: language)
        }
        return values
    }
}

/// The instant and hall day an action happens at.
struct ActionContext {
    let stamp: String
    let today: Day
}

/// What an action is making of a case, built up before it is written.
struct CaseChange {
    var record: CaseRecord
    let reason: String
    var details: [String: Any] = [:]
    var warnings: [Bilingual] = []
    var placeholders: [Placeholder: String] = [:]
    var replyText: String?

    init(record: CaseRecord, reason: String) {
        self.record = record
        self.reason = reason
    }
}
