import Foundation
import WicketCore
import XCTest

/// Issue 12 in a real terminal: `wicket deliver` (run here, beside the clerk's open workstation)
/// gets exit 65 from the gateway; the clerk's screen marks the case without a key, the Failed
/// replies tab lists it, `e` queues the reply again, and the database shows it queued with one
/// history event.
extension WorkstationTmuxTests {
    func testAFailedReplyIsMarkedListedAndResent() throws {
        XCTAssertTrue(try cli.ok(["--as", "li", "act", "2026-000001", "accept"]).contains("queued for delivery"))
        try cli.ok(["settings", "set", "delivery_command", "cat > /dev/null; echo 'number not in service' >&2; exit 65"])
        let li = try open("li", as: "li")
        li.waitFor("6 Failed replies 0", "2026-000001")

        let delivered = try cli.run(["deliver"])
        XCTAssertEqual(delivered.status, 1, "a failure is exit 1: \(delivered.stdout) \(delivered.stderr)")
        // Within a poll, with no key pressed: the tab's count and the row's mark.
        li.waitFor("6 Failed replies 1", "✗2026-000001")
        let reply = try XCTUnwrap(try detail("2026-000001").messages.last)
        XCTAssertEqual(reply.deliveryState, .failedPermanent)

        // The case was on screen: the status line says what happened to it.
        let warning = "2026-000001: reply #\(reply.id) failed permanently: exit 65: number not in service — e resend, H mark handled"
        li.waitFor(warning)
        li.press("6")
        li.waitFor("Failed replies 1 ", "✗2026-000001")
        // Opening it warns again, and the detail's reply list says the same.
        li.press("Enter")
        li.waitFor(warning)
        let before = try detail("2026-000001")
        li.press("e")
        li.waitFor("2026-000001: resend failed reply (accepted) — reply #\(reply.id); reply queued for delivery",
                   "6 Failed replies 0")
        let after = try detail("2026-000001")
        let resent = try XCTUnwrap(after.messages.first { $0.id == reply.id })
        XCTAssertEqual(resent.deliveryState, .queued)
        XCTAssertEqual(resent.attempts, 0)
        XCTAssertEqual(after.history.count, before.history.count + 1)
        let event = try XCTUnwrap(after.history.last)
        XCTAssertEqual(event.action, "resend-reply")
        XCTAssertEqual(event.actor, "li")
        XCTAssertEqual(event.version, before.record.version + 1)
        assertNoLostUpdate(after)
        XCTAssertTrue(try cli.ok(["show", "2026-000001"]).contains("#\(reply.id) "), "show names the reply's id")
        quitAndExpectShell(li)
    }
}
