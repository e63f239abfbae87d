/// Take next with appointments: a booked person who has checked in and whose slot has begun is
/// called before any walk-in case (earliest slot, then earliest arrival). Calling them opens
/// their application as a case the clerk holds, linked to the booking (`Appointments.call`).
extension Workflow {
    /// Inside take next's write transaction: the arrival called, as take next's outcome, or nil
    /// when no booked arrival of the clerk's department is due.
    func takeBookedArrival(actor login: String) throws -> ActionOutcome? {
        let appointments = Appointments(store: store, clock: clock)
        appointments.actedBy = actedBy
        guard let number = try appointments.nextArrival(actor: login) else { return nil }
        let booking = try appointments.call(number, actor: login)
        guard let caseID = booking.caseID, let caseNumber = booking.caseNumber,
              let eventID = try db.scalarInt("SELECT max(id) FROM history WHERE case_id = ?", caseID) else { return nil }
        return ActionOutcome(caseNumber: caseNumber, action: .claim, from: .submitted, to: .submitted, version: 1,
                             historyEventID: eventID, replyID: nil, holder: login, notices: [Bilingual(
                                en: "booking \(booking.number) (\(booking.startText)-\(booking.endText)): \(booking.personName) is called before walk-ins",
                                zh: "预约 \(booking.number)（\(booking.startText)-\(booking.endText)）：\(booking.personName) 先于现场取号办理")])
    }
}
