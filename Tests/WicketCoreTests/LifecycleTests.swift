import XCTest
@testable import WicketCore

/// Every allowed transition of domain.md's table, and refusals that change nothing.
final class LifecycleTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func testHappyPathToCompletionWritesOneEventPerAction() throws {
        let number = try hall.submit().number
        XCTAssertEqual(try hall.historyCount(number), 1)
        let steps: [(CaseAction, CaseStatus)] = [(.accept, .accepted), (.startReview, .inReview), (.approve, .approved),
                                                (.deliver, .completed)]
        for (index, (action, expected)) in steps.enumerated() {
            let outcome = try hall.act(number, action)
            XCTAssertEqual(outcome.to, expected)
            XCTAssertEqual(outcome.version, index + 2)
            XCTAssertEqual(try hall.historyCount(number), index + 2)
        }
        let record = try hall.record(number)
        XCTAssertEqual(record.status, .completed)
        XCTAssertNotNil(record.closedAt)
        XCTAssertNil(record.marks, "a closed case has no running clock")
        XCTAssertEqual(record.holder, "li", "acting on an unheld case claims it")
        let actions = try hall.store.db.query("SELECT action, from_status, to_status, version FROM history WHERE case_id = ? ORDER BY id", record.id)
        XCTAssertEqual(actions.map { $0.string("action") }, ["submit", "accept", "start-review", "approve", "deliver"])
        XCTAssertEqual(actions.map { $0.int("version") }, [1, 2, 3, 4, 5], "versions strictly increase, one per event")
    }

    func testEveryNotifyingActionStoresAReply() throws {
        let number = try hall.submit().number
        try hall.act(number, .accept)
        try hall.act(number, .startReview)
        try hall.act(number, .suspend) { $0.reason = "需现场核查" }
        try hall.act(number, .resume)
        try hall.act(number, .extend, as: "sup") { $0.reason = "案情复杂"; $0.days = 5 }
        try hall.act(number, .deny) { $0.reason = "不符合法定条件" }
        let replies = try hall.store.db.query(
            "SELECT body FROM messages WHERE case_id = ? AND direction = 'outbound' ORDER BY id", try hall.record(number).id)
        XCTAssertEqual(replies.count, 5, "accept, suspend, resume, extend, deny each tell the applicant")
        XCTAssertTrue(replies[1].string("body").contains("需现场核查"))
        XCTAssertTrue(replies[3].string("body").contains("5个工作日"))
        XCTAssertTrue(replies[4].string("body").contains("行政复议"), "a denial names the appeal route")
    }

    func testRejectRequiresReasonAndCloses() throws {
        let number = try hall.submit().number
        XCTAssertRefused(.reasonRequired(.reject)) { try hall.act(number, .reject) }
        XCTAssertRefused(.reasonRequired(.reject)) { try hall.act(number, .reject) { $0.reason = "   " } }
        XCTAssertEqual(try hall.historyCount(number), 1, "a refusal writes nothing")
        try hall.act(number, .reject) { $0.reason = "不属于本机关职责" }
        XCTAssertEqual(try hall.record(number).status, .rejected)
        XCTAssertRefused(.notAllowed(action: .accept, status: .rejected, allowed: [])) { try hall.act(number, .accept) }
    }

    func testSuspendAndResumeReturnToTheStateLeft() throws {
        let number = try hall.submit().number
        try hall.act(number, .accept)
        try hall.act(number, .suspend) { $0.reason = "听证" }
        XCTAssertEqual(try hall.record(number).resumeStatus, .accepted)
        XCTAssertEqual(try hall.act(number, .resume).to, .accepted)
        try hall.act(number, .startReview)
        try hall.act(number, .suspend) { $0.reason = "专家评审" }
        XCTAssertEqual(try hall.act(number, .resume).to, .inReview)
    }

    func testWithdrawAndTransferFromAnyOpenState() throws {
        for status in [CaseStatus.submitted, .awaitingMaterials, .accepted, .inReview, .suspended, .approved] {
            let a = try reach(status).number
            XCTAssertEqual(try hall.act(a, .withdraw, as: "sup") { $0.reason = "申请人要求" }.to, .withdrawn, "\(status)")
            let b = try reach(status).number
            let moved = try hall.act(b, .transfer, as: "sup") { $0.reason = "属其他部门"; $0.target = "HEALTH" }
            XCTAssertEqual(moved.to, .submitted, "\(status)")
            let record = try hall.record(b)
            XCTAssertEqual(record.department, "HEALTH")
            XCTAssertNil(record.holder, "a transferred case waits for the new department")
            XCTAssertNil(record.clockStartOn, "the new department's acceptance clock starts again")
        }
    }

    func testSupplementReturnsToSubmittedAndUpdatesChecklist() throws {
        let number = try hall.submit().number
        try hall.act(number, .requestMaterials)
        try hall.act(number, .supplement) { $0.materials = ["HUKOU-BOOK"]; $0.text = "已补交户口簿" }
        let record = try hall.record(number)
        XCTAssertEqual(record.status, .submitted)
        let states = try CaseMaterials.load(caseID: record.id, in: hall.store.db)
        XCTAssertEqual(states.first { $0.code == "HUKOU-BOOK" }?.state, .submitted)
        let inbound = try hall.store.db.scalarInt("SELECT count(*) FROM messages WHERE case_id = ? AND direction = 'inbound'", record.id)
        XCTAssertEqual(inbound, 1)
    }

    func testRefusedTransitionsSayWhatIsAllowed() throws {
        let number = try hall.submit().number
        let refusals: [CaseAction] = [.startReview, .approve, .deny, .deliver, .suspend, .resume, .supplement]
        for action in refusals {
            XCTAssertRefused(.notAllowed(action: action, status: .submitted, allowed: Workflow.choices(from: .submitted))) {
                try hall.act(number, action, as: "sup") { $0.reason = "x"; $0.days = 1 }
            }
        }
        XCTAssertEqual(Workflow.choices(from: .submitted),
                       [.accept, .requestMaterials, .reject, .withdraw, .transfer, .claim, .release, .assign])
        XCTAssertEqual(try hall.historyCount(number), 1)
        XCTAssertEqual(try hall.record(number).version, 1)
    }

    func testExtendIsForSupervisorsOnceWithinTheLimit() throws {
        let number = try hall.submit().number
        try hall.act(number, .accept)
        XCTAssertRefused(.supervisorOnly(.extend)) { try hall.act(number, .extend) { $0.reason = "x"; $0.days = 3 } }
        XCTAssertRefused(.invalidArgument("extend needs --days between 1 and 10 (this service's most)")) {
            try hall.act(number, .extend, as: "sup") { $0.reason = "x"; $0.days = 11 }
        }
        let due = try hall.record(number).marks!.dueOn
        try hall.act(number, .extend, as: "sup") { $0.reason = "复杂"; $0.days = 10 }
        XCTAssertEqual(try hall.record(number).marks!.dueOn, hall.store.calendar.day(after: due, workingDays: 10))
        XCTAssertRefused(.alreadyExtended(number)) { try hall.act(number, .extend, as: "sup") { $0.reason = "y"; $0.days = 1 } }
    }

    func testStaleVersionIsRefusedAndChangesNothing() throws {
        let number = try hall.submit().number
        let seen = try hall.record(number).version
        try hall.act(number, .note, as: "zhang") { $0.text = "已电话联系" }
        let before = try hall.footprint()
        XCTAssertRefused(.staleVersion(case: number, expected: seen, current: seen + 1)) {
            try hall.act(number, .accept) { $0.expectedVersion = seen }
        }
        XCTAssertEqual(try hall.record(number).status, .submitted)
        XCTAssertEqual(try hall.footprint(), before, "no version, history event, reply or note was written")
        XCTAssertEqual(try hall.act(number, .accept) { $0.expectedVersion = seen + 1 }.to, .accepted)
    }

    func testHoldingRules() throws {
        let number = try hall.submit().number
        try hall.act(number, .claim, as: "li")
        XCTAssertRefused(.alreadyHeld(case: number, holder: "li")) { try hall.act(number, .claim, as: "zhang") }
        XCTAssertRefused(.notHolder(case: number, holder: "li")) { try hall.act(number, .accept, as: "zhang") }
        XCTAssertRefused(.notHolder(case: number, holder: "li")) { try hall.act(number, .release, as: "zhang") }
        XCTAssertRefused(.supervisorOnly(.assign)) { try hall.act(number, .assign, as: "li") { $0.target = "zhang" } }
        // Another department's case is, for a clerk, no case at all (`CaseAccess`).
        XCTAssertRefused(.caseNotFound(number)) { try hall.act(number, .claim, as: "hp") }
        XCTAssertRefused(.otherDepartment(case: number, caseDepartment: "PSB", userDepartment: "hp: HEALTH")) {
            try hall.act(number, .assign, as: "sup") { $0.target = "hp" }
        }
        XCTAssertEqual(try hall.act(number, .assign, as: "sup") { $0.target = "zhang" }.holder, "zhang")
        XCTAssertNil(try hall.act(number, .release, as: "zhang").holder)
        XCTAssertRefused(.notHeld(number)) { try hall.act(number, .release, as: "zhang") }
        XCTAssertRefused(.unknownUser("nobody")) { try hall.act(number, .claim, as: "nobody") }
    }

    func testNotesRatingsAndFollowUps() throws {
        let number = try hall.submit().number
        XCTAssertRefused(.invalidArgument("note needs --text TEXT")) { try hall.act(number, .note) }
        try hall.act(number, .note) { $0.text = "申请人下午来补材料" }
        XCTAssertRefused(.invalidArgument("case \(number) has no poor rating waiting for a follow-up")) {
            try hall.act(number, .followUp, as: "sup") { $0.text = "回访" }
        }
        try hall.act(number, .rate, as: "sup") { $0.rating = .poor; $0.text = "太慢" }
        try hall.act(number, .followUp, as: "sup") { $0.text = "已回访致歉" }
        let rating = try hall.store.db.queryOne("SELECT follow_up, follow_up_by FROM ratings")!
        XCTAssertEqual(rating.string("follow_up"), "已回访致歉")
        XCTAssertEqual(rating.string("follow_up_by"), "sup")
    }

    /// Brings a new case to `status` through lawful actions.
    private func reach(_ status: CaseStatus) throws -> CaseRecord {
        let number = try hall.submit().number
        let paths: [CaseStatus: [CaseAction]] = [
            .submitted: [], .awaitingMaterials: [.requestMaterials], .accepted: [.accept],
            .inReview: [.accept, .startReview], .suspended: [.accept, .suspend],
            .approved: [.accept, .startReview, .approve],
        ]
        for action in paths[status]! { try hall.act(number, action) { $0.reason = "理由" } }
        XCTAssertEqual(try hall.record(number).status, status)
        return try hall.record(number)
    }
}
