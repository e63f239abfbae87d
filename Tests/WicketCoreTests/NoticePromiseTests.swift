import XCTest
@testable import WicketCore

/// A notice never promises a day that has passed (issue 12): a case accepted after its acceptance
/// limit runs its time limit from receipt, so its true due day may already be behind it.
final class NoticePromiseTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall(now: "2026-10-20T10:00:00+08:00") }
    override func tearDown() { hall.remove() }

    private func lastReply(_ number: String) throws -> String {
        try hall.store.db.scalarString("""
            SELECT m.body FROM messages m JOIN cases c ON c.id = m.case_id
            WHERE c.number = ? AND m.direction = 'outbound' ORDER BY m.id DESC LIMIT 1
            """, number) ?? ""
    }

    func testALateAcceptanceSaysTheCaseIsOverdueAndWhenItWillBeDecided() throws {
        for language in [Language.zh, .en] {
            let number = try hall.submit(at: "2026-10-20T10:00:00+08:00", language: language).number
            hall.clock.set("2026-12-02T10:00:00+08:00")
            try hall.act(number, .accept)
            let record = try hall.record(number)
            let today = Day("2026-12-02")!
            let due = try XCTUnwrap(record.marks?.dueOn)
            XCTAssertLessThan(due, today, "received 20 Oct, 20 working days: due before 2 Dec")
            let body = try lastReply(number)
            let passed = DateText.day(due, language: language)
            let promised = hall.store.calendar.day(after: today, workingDays: 5)
            if language == .zh {
                XCTAssertFalse(body.contains("将在\(passed)前"), body)
                XCTAssertTrue(body.contains("逾期"), body)
                XCTAssertTrue(body.contains("将在\(DateText.day(promised, language: .zh))前作出决定"), body)
            } else {
                XCTAssertFalse(body.contains("by \(passed)"), body)
                XCTAssertTrue(body.contains("overdue"), body)
                XCTAssertTrue(body.contains("by \(DateText.day(promised, language: .en))"), body)
            }
            hall.clock.set("2026-10-20T10:00:00+08:00")
        }
    }

    func testATimelyAcceptancePromisesItsDueDay() throws {
        let number = try hall.submit(language: .en).number
        hall.clock.set("2026-10-21T10:00:00+08:00")
        try hall.act(number, .accept)
        let due = try XCTUnwrap(try hall.record(number).marks?.dueOn)
        let body = try lastReply(number)
        XCTAssertTrue(body.contains("by \(DateText.day(due, language: .en))."), body)
        XCTAssertFalse(body.contains("overdue"), body)
    }

    func testAFilledTemplateNeverPromisesAPassedDay() throws {
        let number = try hall.submit(at: "2026-10-20T10:00:00+08:00").number
        hall.clock.set("2026-12-02T10:00:00+08:00")
        try hall.act(number, .accept)
        let due = try XCTUnwrap(try hall.record(number).marks?.dueOn)
        let text = try hall.workflow.fillTemplate(.accept, caseNumber: number)
        XCTAssertFalse(text.contains("将在\(DateText.day(due, language: .zh))前"), text)
        XCTAssertTrue(text.contains("逾期"), text)
    }
}
