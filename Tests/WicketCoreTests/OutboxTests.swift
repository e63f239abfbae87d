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
        XCTAssertEqual(try state(reply).string("delivery_state"), "queued", "an action only queues its reply")
        XCTAssertEqual(Outbox(store: hall.store).deliverDue().sent, 1)
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
        XCTAssertEqual(Outbox(store: hall.store).deliverDue().failed, 1)
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
        XCTAssertEqual(Outbox(store: hall.store).deliverDue().permanent, 1)
        XCTAssertEqual(try state(reply).string("delivery_state"), "failed_permanent")
        XCTAssertEqual(try hall.record(number).status, .accepted, "a delivery failure never undoes the action")
    }

    func testACommandThatIgnoresItsInputDoesNotHurt() throws {
        try hall.store.setSetting("delivery_command", "true")
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        Outbox(store: hall.store).deliverDue()
        XCTAssertEqual(try state(reply).string("delivery_state"), "sent")
    }

    /// Issue 11: a gateway that hangs (here 30 s) never holds up the clerk: the action returns with
    /// its reply queued, and only `deliver` waits for the command.
    func testAHangingDeliveryCommandDoesNotSlowAnAction() throws {
        try hall.store.setSetting("delivery_command", "sleep 30")
        let number = try hall.submit().number
        let started = Date()
        let reply = try hall.act(number, .accept).replyID!
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the action waited for the delivery command")
        XCTAssertEqual(try state(reply).string("delivery_state"), "queued")
        XCTAssertEqual(try hall.record(number).status, .accepted)
    }

    /// A privileged (setgid) process takes no delivery command from its caller's environment.
    func testAPrivilegedProcessIgnoresTheEnvironmentsCommand() throws {
        setenv("WICKET_DELIVERY_COMMAND", "touch /tmp/should-not-run", 1)
        defer { unsetenv("WICKET_DELIVERY_COMMAND") }
        var outbox = Outbox(store: hall.store)
        XCTAssertEqual(outbox.command, "touch /tmp/should-not-run")
        outbox.trustsEnvironment = false
        XCTAssertNil(outbox.command)
        try hall.store.setSetting("delivery_command", "cat > /dev/null")
        XCTAssertEqual(outbox.command, "cat > /dev/null", "the hall's own setting still counts")
    }

    /// `deliver --watch`: a reply queued by another process while it waits goes out, and it stops when told.
    func testWatchDeliversWhatAnotherProcessQueuesAndStops() throws {
        let capture = hall.directory.appendingPathComponent("delivered").path
        try hall.store.setSetting("delivery_command", "cat >> '\(capture)'; echo >> '\(capture)'")
        let number = try hall.submit().number
        let path = hall.store.path
        let watcher = Thread {
            // Another connection plays the clerk's process: data_version changes only for other connections' commits.
            let clerk = try! CaseStore.open(path: path)
            usleep(300_000)
            _ = try! Workflow(store: clerk).perform(ActionRequest(caseNumber: number, action: .accept, actor: "admin"))
        }
        watcher.start()
        let outbox = Outbox(store: hall.store, clock: .system)
        let started = Date()
        var sent = 0
        try outbox.watch(poll: 0.05, shouldStop: { sent > 0 || Date().timeIntervalSince(started) > 20 }) { sent += $0.sent }
        XCTAssertEqual(sent, 1)
        XCTAssertTrue(try String(contentsOfFile: capture, encoding: .utf8).contains(number))
    }
}
