/// Take next: one key to claim the most urgent unassigned case of one's department (the whole hall
/// for a supervisor or admin who belongs to none).
/// The choice and the claim happen under one write lock, so two clerks never get the same case.
extension Workflow {
    /// States in which a case waits for a clerk (not for the applicant or a third party).
    static let takeableStatuses: [CaseStatus] = [.submitted, .accepted, .inReview, .approved]

    /// `details` plus `acted_by` when an admin works under another login.
    func actedByDetails(_ details: [String: Any]) -> [String: Any] {
        guard let actedBy else { return details }
        return details.merging(["acted_by": actedBy]) { old, _ in old }
    }

    @discardableResult
    public func takeNext(actor login: String) throws -> ActionOutcome {
        try db.write {
            let access = try CaseAccess.check(login, in: db)
            try access.requireCases()
            let actor = access.user
            // Booked arrivals within their slot come first (README, "Appointments").
            if let called = try takeBookedArrival(actor: login) { return called }
            // A clerk works their department's queue. A supervisor or admin of no department sees every
            // department, so their take next is the most urgent unassigned case of the whole hall.
            // (A clerk without a department sees nothing: `requireCases` refused above.)
            let department = actor.department
            let now = clock.now
            let today = store.hallTime.day(of: now)
            // The takeable states are exactly those with a running clock, so the inbox's urgency
            // segments (index ranges, stopping at the first case) find the most urgent one.
            let (sql, arguments) = UrgencySegments(store: store).query(
                CaseFilter(department: department, unassignedOnly: true, limit: 1), today: today, runningOnly: true)
            guard let number = try db.query(sql, arguments: arguments).first?.string("number"),
                  var record = try CaseRows.load(number: number, in: db) else {
                throw WorkflowError.noCaseToTake(department: department)
            }
            let id = record.id
            let version = record.version
            record.holder = login
            record.version += 1
            record.updatedAt = Timestamp.format(now)
            try CaseRows.save(record, expectedVersion: version, in: db)
            let eventID = try History.append(caseID: id, at: record.updatedAt, actor: login,
                                             action: CaseAction.claim.rawValue, from: record.status, to: record.status,
                                             reason: "", details: actedByDetails(["take_next": true]),
                                             version: record.version, in: db)
            return ActionOutcome(caseNumber: record.number, action: .claim, from: record.status, to: record.status,
                                 version: record.version, historyEventID: eventID, replyID: nil, holder: login,
                                 notices: [])
        }
    }
}
