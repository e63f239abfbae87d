import XCTest
@testable import WicketCore

/// Replies are stored first, then handed to the delivery command; failures are recorded and retried.
final class OutboxTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func state(_ id: Int) throws -> Row {
        try hall.store.db.queryOne("SELECT delivery_state, attempts, last_error, next_attempt_at FROM messages WHERE id = ?", id)!
    }

    func testWithoutACommandRepliesWaitInTheOutbox() throws {
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        XCTAssertEqual(try state(reply).string("delivery_state"), "queued")
    }

    func testCommandReceivesTheReplyAsJSONAndSuccessMarksItSent() throws {
        let capture = hall.directory.appendingPathComponent("delivered.json").path
        try hall.store.setSetting("delivery_command", "cat > '\(capture)'")
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        XCTAssertEqual(try state(reply).string("delivery_state"), "sent")
        let payload = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: capture))) as! [String: Any]
        XCTAssertEqual(payload["case_number"] as? String, number)
        XCTAssertEqual(payload["id"] as? Int, reply)
        XCTAssertEqual((payload["to"] as? [String: String])?["phone"], "13800000000")
        XCTAssertTrue((payload["body"] as? String)?.contains("已正式受理") == true)
    }

    func testTemporaryFailureIsRecordedAndRetriedLater() throws {
        try hall.store.setSetting("delivery_command", "echo gateway down >&2; exit 3")
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        var row = try state(reply)
        XCTAssertEqual(row.string("delivery_state"), "failed")
        XCTAssertEqual(row.int("attempts"), 1)
        XCTAssertEqual(row.string("last_error"), "exit 3: gateway down")
        // Not due again yet: nothing is tried.
        XCTAssertEqual(Outbox(store: hall.store).deliverDue(), Outbox.Result())
        // The gateway recovers; once the pause is over the reply goes out.
        try hall.store.setSetting("delivery_command", "cat > /dev/null")
        hall.clock.now = hall.clock.now.addingTimeInterval(3600)
        XCTAssertEqual(Outbox(store: hall.store).deliverDue().sent, 1)
        row = try state(reply)
        XCTAssertEqual(row.string("delivery_state"), "sent")
        XCTAssertEqual(row.int("attempts"), 2)
    }

    func testPermanentFailureNeedsAClerk() throws {
        try hall.store.setSetting("delivery_command", "exit 65")
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        XCTAssertEqual(try state(reply).string("delivery_state"), "failed_permanent")
        XCTAssertEqual(try hall.record(number).status, .accepted, "a delivery failure never undoes the action")
    }

    func testACommandThatIgnoresItsInputDoesNotHurt() throws {
        try hall.store.setSetting("delivery_command", "true")
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        XCTAssertEqual(try state(reply).string("delivery_state"), "sent")
    }
}
