import XCTest
@testable import WicketCore

/// Escalation rules raise each notice once; notices are acknowledged with their own history.
final class EscalationTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall(now: "2026-10-09T10:00:00+08:00") }
    override func tearDown() { hall.remove() }

    func testRedAndOverdueNoticesAreRaisedOnceAcknowledgedAndChecked() throws {
        let running = [try hall.submit().number, try hall.submit().number]
        let paused = try hall.submit().number
        for number in running + [paused] { try hall.act(number, .accept) }
        try hall.act(paused, .startReview)
        try hall.act(paused, .suspend) { $0.reason = "现场核查" }
        hall.clock.set("2026-12-10T10:00:00+08:00")   // far past every due day

        XCTAssertEqual(try Escalation.run(by: "sup", in: hall.store), 4, "red and overdue for each running case; none while paused")
        XCTAssertEqual(try Escalation.run(by: "sup", in: hall.store), 0, "once per rule and case")
        XCTAssertThrowsError(try Escalation.run(by: "li", in: hall.store), "clerks do not run escalation")

        let notices = try NoticeRows.visible(to: "sup", in: hall.store)
        XCTAssertEqual(Set(notices.map { "\($0.rule.rawValue) \($0.caseNumber)" }),
                       Set(running.flatMap { ["red \($0)", "overdue \($0)"] }))
        XCTAssertEqual(try NoticeRows.visible(to: "li", in: hall.store), [], "a clerk is not the person concerned")
        let admin = Administration(store: hall.store)
        try admin.saveUser(User(login: "psb.sup", displayName: "王主管", role: .supervisor, department: "PSB"))
        XCTAssertEqual(try NoticeRows.visible(to: "psb.sup", in: hall.store).map(\.rule), [.red, .red],
                       "a department's supervisor gets its red notices; the head gets the overdue ones")

        let first = notices[0].id
        try NoticeRows.acknowledge(first, login: "psb.sup", in: hall.store)
        XCTAssertThrowsError(try NoticeRows.acknowledge(first, login: "sup", in: hall.store), "already acknowledged")
        let acknowledged = try XCTUnwrap(try NoticeRows.visible(to: "sup", in: hall.store).first { $0.id == first })
        XCTAssertEqual(acknowledged.status, "acknowledged")
        XCTAssertEqual(acknowledged.version, 2)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM notice_history WHERE notice_id = ?", first), 2)
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run(), "the notices' ledger checks like the cases' history")
    }

    func testAChaserIsOneEventOnTheCaseAndIsCounted() throws {
        let number = try hall.submit().number
        let other = try hall.submit(service: "BIRTH-REG").number
        let first = try hall.workflow.recordChaser(caseNumber: number, channel: .phone, text: "问进度", actor: "li")
        XCTAssertEqual([first.version, first.onCase], [2, 1])
        XCTAssertEqual(try hall.workflow.recordChaser(caseNumber: number, channel: .online, text: "", actor: "li").onCase, 2)
        XCTAssertRefused(.caseNotFound(other)) { try hall.workflow.recordChaser(caseNumber: other, channel: .phone, text: "", actor: "li") }
        try hall.workflow.recordChaser(caseNumber: other, channel: .phone, text: "", actor: "hp")
        XCTAssertEqual(try hall.historyCount(number), 3, "submit and two chasers: one event each")
        XCTAssertEqual(try ChaserCount.received(department: "PSB", in: hall.store), 2)
        XCTAssertEqual(try ChaserCount.received(department: nil, in: hall.store), 3)
        XCTAssertEqual(CaseAction.historyWord(Workflow.chaserEvent).zh, "申请人催办")
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }
}
