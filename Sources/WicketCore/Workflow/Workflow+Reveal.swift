/// The applicant's full ID and phone numbers, as released by `Workflow.reveal`.
public struct RevealedApplicant: Sendable, Equatable {
    public let caseNumber: String
    public let idNumber: String
    public let phone: String
    /// The case version after the reveal was recorded.
    public let version: Int
    public let historyEventID: Int
}

/// Lists, reports and exports show personal numbers masked, always. The full numbers leave the
/// database only through `reveal`, which records who saw them and when as one history event
/// (`reveal`, status unchanged). Like a note it raises the case version: "one change = one
/// event, versions strictly increase" holds for every row of the history, and the record is
/// protected like every other event (append-only, and chained where the history is chained),
/// which a separate access log would not be.
extension Workflow {
    /// Supervisors and admins see every queue, so they may reveal on any case; a clerk only on
    /// cases of their own department (the ones they may work on), whether or not they hold it.
    /// That is exactly who may see the case (`CaseAccess`).
    public static func mayReveal(_ user: User, caseDepartment: String) -> Bool {
        CaseAccess(user: user).maySee(caseDepartment: caseDepartment)
    }

    @discardableResult
    public func reveal(caseNumber: String, actor login: String) throws -> RevealedApplicant {
        try db.write {
            let access = try CaseAccess.check(login, in: db)
            try access.requireCases()
            // A case the actor may not see is refused as a missing one (before the reveal rule,
            // whose refusal would name the case's department).
            var record = try access.visibleCase(caseNumber, in: db)
            let actor = access.user
            guard Self.mayReveal(actor, caseDepartment: record.department) else {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "only supervisors, admins and clerks of \(record.department) may see the full ID and phone numbers " +
                        "of case \(record.number) (you are a \(actor.role.rawValue) of \(actor.department ?? "no department"))",
                    zh: "只有\(Role.supervisor.word.zh)、\(Role.admin.word.zh)和 \(record.department) 的办事员可以查看案件 \(record.number) 的完整证件号和电话" +
                        "（您是 \(actor.department ?? "无部门") 的\(actor.role.word.zh)）"))
            }
            let before = record.version
            record.version += 1
            record.updatedAt = Timestamp.format(clock.now)
            try CaseRows.save(record, expectedVersion: before, in: db)
            var details: [String: Any] = ["fields": ["id_number", "phone"]]
            if let actedBy, actedBy != actor.login { details["acted_by"] = actedBy }
            let eventID = try History.append(caseID: record.id, at: record.updatedAt, actor: actor.login,
                                             action: "reveal", from: record.status, to: record.status, reason: "",
                                             details: details, version: record.version, in: db)
            return RevealedApplicant(caseNumber: record.number, idNumber: record.applicantIDNumber,
                                     phone: record.applicantPhone, version: record.version, historyEventID: eventID)
        }
    }
}
