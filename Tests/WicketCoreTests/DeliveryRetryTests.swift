import XCTest
@testable import WicketCore

/// The README's retry schedule: a temporary failure is tried again after 1, 2, 4 … minutes, at
/// most an hour apart, 12 tries in all; then the reply is failed for good and waits for a clerk.
final class DeliveryRetryTests: XCTestCase {
    func testTwelveTriesOneTwoFourMinutesAndAtMostAnHourApart() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let tries = hall.directory.appendingPathComponent("tries").path
        try hall.store.setSetting("delivery_command", "echo try >> '\(tries)'; exit 75")
        let number = try hall.submit().number
        let reply = try XCTUnwrap(try hall.act(number, .accept).replyID)
        var pauses: [Double] = []
        for attempt in 1...12 {
            let result = Outbox(store: hall.store).deliverDue()
            let row = try XCTUnwrap(try hall.store.db.queryOne(
                "SELECT delivery_state, attempts, next_attempt_at FROM messages WHERE id = ?", reply))
            XCTAssertEqual(row.int("attempts"), attempt)
            guard attempt < 12 else {
                XCTAssertEqual(result.permanent, 1, "the twelfth failure is final")
                XCTAssertEqual(row.string("delivery_state"), "failed_permanent")
                XCTAssertNil(row.optionalString("next_attempt_at"), "nothing is tried again without a clerk")
                break
            }
            XCTAssertEqual(result.failed, 1, "try \(attempt)")
            XCTAssertEqual(row.string("delivery_state"), "failed")
            let next = try XCTUnwrap(Timestamp.parse(row.string("next_attempt_at")))
            pauses.append(next.timeIntervalSince(hall.clock.now) / 60)
            // A moment before the pause is over nothing is tried; at its end the next try runs.
            hall.clock.now = next.addingTimeInterval(-1)
            XCTAssertEqual(Outbox(store: hall.store).deliverDue(), Outbox.Result())
            hall.clock.now = next
        }
        XCTAssertEqual(pauses, [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60])
        let ran = try String(contentsOfFile: tries, encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(ran, 12, "the command ran once per try, no more")
        // Even long after, a reply failed for good is not tried again.
        hall.clock.now = hall.clock.now.addingTimeInterval(86_400)
        XCTAssertEqual(Outbox(store: hall.store).deliverDue(), Outbox.Result())
    }
}
