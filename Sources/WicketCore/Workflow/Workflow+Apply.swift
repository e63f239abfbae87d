import Foundation

/// What each action does to a case (the lifecycle table says which are allowed from where).
extension Workflow {
    func apply(_ request: ActionRequest, actor: User, context: ActionContext, change: inout CaseChange) throws {
        let today = context.today
        switch request.action {
        case .accept:
            recordFirstAnswer(&change, context)
            change.record.status = .accepted
            change.record.acceptedAt = context.stamp
            // Unanswered past the acceptance limit counts as accepted on receipt: the clock runs from then.
            change.record.clockStartOn = change.details["acceptance_breached"] != nil ? receivedDay(change.record) : today
            change.record.pausedDays = 0
            change.record.pausedSince = nil
            change.record.extensionDays = 0
            change.record.marks = decisionMarks(change.record)
        case .requestMaterials:
            try requestMaterials(request, context: context, change: &change)
        case .supplement:
            try recordSupplement(request, context: context, change: &change)
        case .reject:
            recordFirstAnswer(&change, context)
            close(&change, as: .rejected, context)
        case .startReview:
            change.record.status = .inReview
        case .approve:
            recordDecision(&change, context)
            change.record.status = .approved
            // The result is due within the delivery limit of the decision (Administrative Licensing Law art. 44).
            change.record.marks = store.caseClock.marks(start: today, limitDays: deliveryLimitDays, pausedDays: 0)
        case .deny:
            recordDecision(&change, context)
            close(&change, as: .denied, context)
        case .deliver:
            let fullyOnline = store.service(change.record.serviceCode)?.fullyOnline ?? false
            let atWindow = request.atWindow ?? !fullyOnline
            if atWindow { change.record.windowVisit = true }
            change.details["at_window"] = atWindow
            close(&change, as: .completed, context)
        case .suspend:
            change.record.resumeStatus = change.record.status
            change.record.status = .suspended
            change.record.pausedSince = today
            change.record.marks = nil
        case .resume:
            let pausedSince = change.record.pausedSince ?? today
            let paused = store.calendar.workingDays(after: pausedSince, through: today)
            change.record.pausedDays += paused
            change.record.pausedSince = nil
            change.record.status = change.record.resumeStatus ?? .accepted
            change.record.resumeStatus = nil
            change.record.marks = decisionMarks(change.record)
            change.details["paused_working_days"] = paused
        case .extend:
            try extend(request, change: &change)
        case .withdraw:
            close(&change, as: .withdrawn, context)
        case .transfer:
            try transfer(request, context: context, change: &change)
        case .claim:
            if let holder = change.record.holder {
                throw WorkflowError.alreadyHeld(case: change.record.number, holder: holder)
            }
            change.record.holder = actor.login
        case .release:
            guard let holder = change.record.holder else { throw WorkflowError.notHeld(change.record.number) }
            guard holder == actor.login || actor.role.canOverride else {
                throw WorkflowError.notHolder(case: change.record.number, holder: holder)
            }
            change.record.holder = nil
            change.details["released"] = holder
        case .assign:
            try assign(request, change: &change)
        case .material:
            try setMaterials(request, context: context, change: &change)
        case .note:
            let text = try requiredText(request)
            try db.execute("INSERT INTO notes(case_id, author, body, created_at) VALUES (?, ?, ?, ?)",
                           change.record.id, actor.login, text, context.stamp)
            change.details["note_id"] = db.lastInsertRowID
        case .reply:
            // A macro's template is the reply (filled per case in `replyBody`); otherwise the text.
            if request.template.isEmpty { change.replyText = try requiredText(request) }
        case .rate:
            guard let rating = request.rating else { throw WorkflowError.invalidArgument(Bilingual(
                en: "rate needs --rating good|fair|poor",
                zh: "评价需要 --rating good|fair|poor")) }
            try db.execute("INSERT INTO ratings(case_id, rating, comment, rated_at) VALUES (?, ?, ?, ?)",
                           change.record.id, rating.rawValue, request.text ?? "", context.stamp)
            change.details["rating"] = rating.rawValue
            change.details["rating_id"] = db.lastInsertRowID
        case .followUp:
            let text = try requiredText(request)
            guard let ratingID = try db.scalarInt("""
                SELECT id FROM ratings WHERE case_id = ? AND rating = 'poor' AND follow_up IS NULL ORDER BY id LIMIT 1
                """, change.record.id) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "case \(change.record.number) has no poor rating waiting for a follow-up",
                zh: "案件 \(change.record.number) 没有待回访的差评"))
            }
            try db.execute("UPDATE ratings SET follow_up = ?, follow_up_by = ?, follow_up_at = ? WHERE id = ?",
                           text, actor.login, context.stamp, ratingID)
            change.details["rating_id"] = ratingID
        case .resendReply, .replyHandled:
            try settleFailedReply(request, actor: actor, context: context, change: &change)
        }
    }

    var deliveryLimitDays: Int { Int((try? store.setting("delivery_limit_days")) ?? nil ?? "") ?? 10 }

    func receivedDay(_ record: CaseRecord) -> Day {
        Timestamp.parse(record.receivedAt).map(store.hallTime.day(of:)) ?? store.today
    }

    /// The decision clock: the promised limit plus any extension, less paused days.
    func decisionMarks(_ record: CaseRecord) -> ClockMarks? {
        guard let start = record.clockStartOn else { return nil }
        return store.caseClock.marks(start: start, limitDays: record.limitDays + record.extensionDays,
                                     pausedDays: record.pausedDays)
    }

    /// The acceptance clock, restarted whenever the case (re-)enters `submitted`.
    func startAcceptanceClock(_ change: inout CaseChange, context: ActionContext) {
        let limit = store.service(change.record.serviceCode)?.acceptanceLimitDays ?? 5
        let marks = store.caseClock.marks(start: context.today, limitDays: limit, pausedDays: 0)
        change.record.receivedAt = context.stamp
        change.record.acceptanceDueOn = marks.dueOn
        change.record.marks = marks
    }

    /// The first answer (accept, request materials, reject) ends the acceptance clock; late, it is a breach.
    func recordFirstAnswer(_ change: inout CaseChange, _ context: ActionContext) {
        if change.record.firstResponseAt == nil { change.record.firstResponseAt = context.stamp }
        if let due = change.record.acceptanceDueOn, context.today > due {
            change.record.acceptanceBreached = true
            change.details["acceptance_breached"] = true
        }
    }

    private func recordDecision(_ change: inout CaseChange, _ context: ActionContext) {
        change.record.decidedAt = context.stamp
        let onTime = change.record.marks.map { context.today <= $0.dueOn } ?? true
        change.record.decidedOnTime = onTime
        change.details["on_time"] = onTime
    }

    private func close(_ change: inout CaseChange, as status: CaseStatus, _ context: ActionContext) {
        change.record.status = status
        change.record.closedAt = context.stamp
        change.record.marks = nil
        change.record.resumeStatus = nil
    }

    private func extend(_ request: ActionRequest, change: inout CaseChange) throws {
        guard change.record.extensionDays == 0 else { throw WorkflowError.alreadyExtended(change.record.number) }
        let most = store.service(change.record.serviceCode)?.extensionMaxDays ?? 10
        guard let days = request.days, days >= 1, days <= most else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "extend needs --days between 1 and \(most) (this service's most)",
                zh: "延期需要 --days，取值 1 到 \(most)（本事项上限）"))
        }
        change.record.extensionDays = days
        change.record.marks = decisionMarks(change.record)
        change.details["days"] = days
        change.placeholders[.days] = String(days)
    }

    private func transfer(_ request: ActionRequest, context: ActionContext, change: inout CaseChange) throws {
        guard let target = request.target, let department = store.department(target) else {
            let known = store.catalog.departments.map(\.code).joined(separator: ", ")
            throw WorkflowError.invalidArgument(Bilingual(
                en: "transfer needs --to DEPARTMENT (one of: \(known))",
                zh: "转办需要 --to 部门（可选：\(known)）"))
        }
        guard department.code != change.record.department else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "case \(change.record.number) is already in \(department.code)",
                zh: "案件 \(change.record.number) 已在 \(department.code)"))
        }
        change.details["from_department"] = change.record.department
        change.details["to_department"] = department.code
        change.record.department = department.code
        change.record.status = .submitted
        change.record.holder = nil
        change.record.resumeStatus = nil
        change.record.acceptedAt = nil
        change.record.clockStartOn = nil
        change.record.pausedSince = nil
        change.record.pausedDays = 0
        change.record.extensionDays = 0
        startAcceptanceClock(&change, context: context)
    }

    private func assign(_ request: ActionRequest, change: inout CaseChange) throws {
        guard let login = request.target else { throw WorkflowError.invalidArgument(Bilingual(
                en: "assign needs --to LOGIN",
                zh: "指派需要 --to 登录名")) }
        let target = try Users.actor(login, in: db)
        // The holder must be someone who may see the case (`CaseAccess`): a clerk of its department,
        // a supervisor or an admin; never a portal login.
        if !CaseAccess(user: target).maySee(caseDepartment: change.record.department) {
            if target.role == .clerk {
                throw WorkflowError.otherDepartment(case: change.record.number, caseDepartment: change.record.department,
                                                    userDepartment: "\(login): \(target.department ?? "no department")")
            }
            throw WorkflowError.invalidArgument(Bilingual(
                en: "\(login) is a \(target.role.rawValue) login and cannot hold a case",
                zh: "\(login) 是\(target.role.word.zh)登录，不能经办案件"))
        }
        change.details["from_holder"] = change.record.holder ?? NSNull()
        change.details["to_holder"] = login
        change.record.holder = login
    }

    func requiredText(_ request: ActionRequest) throws -> String {
        let text = request.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty else { throw WorkflowError.invalidArgument(Bilingual(
                en: "\(request.action.rawValue) needs --text TEXT",
                zh: "“\(request.action.word.zh)”需要 --text 文字")) }
        return text
    }
}
