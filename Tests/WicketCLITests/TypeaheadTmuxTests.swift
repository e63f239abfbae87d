import Foundation
import WicketCore
import XCTest

/// Issue 12 in a real terminal (tmux, the built binary): keys typed ahead after the clerk's own
/// action never act on a case the clerk did not see, and a standard reason is found by typing.
/// Each step is checked against the history in the database.
final class TypeaheadTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"

    /// Three PSB household transfers, none held: the Unassigned tab lists them all.
    static let applications = """
        {"ref":"ta-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"110105198501011234","phone":"13700000000"},"summary":"购房落户","materials":["ID-CARD"]}
        {"ref":"ta-2","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"诸葛亮","id_number":"110105198501195678","phone":"13700000001"},"summary":"投靠子女","materials":[]}
        {"ref":"ta-3","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-27T08:00:00+08:00","applicant":{"name":"上官婉儿","id_number":"110105198501011111","phone":"13700000003"},"summary":"夫妻投靠","materials":[]}
        """

    var cli: BinaryRunner!
    var tmux: TmuxServer!

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: Self.applications).contains("imported 3"))
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    func open(as login: String, width: Int = 100) throws -> TmuxPane {
        let command = [
            "env", "-u", "WICKET_DB", "-u", "WICKET_DELIVERY_COMMAND", "-u", "WICKET_THEME", "-u", "LC_ALL", "-u", "LC_MESSAGES",
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(cli.databasePath), "--as", login,
        ].joined(separator: " ")
        let pane = try tmux.start("li", width: width, height: 30, command: command)
        pane.waitFor(" Wicket ", "Q quit", timeout: 20)
        return pane
    }

    func history(_ number: String) throws -> [CaseDetail.HistoryEvent] {
        try CaseDetail.load(number: number, in: try CaseStore.open(path: cli.databasePath)).history
    }

    /// The case the detail pane beside the inbox shows ("2026-000001  submitted  v1").
    func shownCase(_ screen: String) -> String? {
        guard let match = screen.range(of: #"2026-\d{6}  [a-z ]+  v\d+"#, options: .regularExpression) else { return nil }
        return String(screen[match].prefix(11))
    }

    func testTwoClaimsTypedAtOnceClaimOnlyTheCaseOnScreen() throws {
        let li = try open(as: "li")
        li.press("2")
        var screen = li.waitUntil("the first unassigned case shown", timeout: 20) { $0.contains("Unassigned 3") && self.shownCase($0) != nil }
        let first = try XCTUnwrap(shownCase(screen))
        // `c c` in one send-keys: the second c is typed ahead while the first claim runs.
        li.press("c", "c")
        screen = li.waitFor("was not on screen yet — press again to act on it", timeout: 20)
        XCTAssertEqual(try history(first).map(\.action), ["submit", "claim"])
        let next = try XCTUnwrap(shownCase(screen), screen)
        XCTAssertNotEqual(next, first)
        XCTAssertTrue(screen.contains("\(next) was not on screen yet"), screen)
        XCTAssertTrue(screen.contains(first), "both cases named:\n\(screen)")
        XCTAssertEqual(try history(next).map(\.action), ["submit"], "the key typed ahead acted on nothing")
        for number in ["2026-000001", "2026-000002", "2026-000003"] where number != first {
            XCTAssertEqual(try history(number).map(\.action), ["submit"], number)
        }
        // Now the clerk has seen it: c claims the case shown.
        li.press("c")
        li.waitFor("\(next): claim", timeout: 20)
        XCTAssertEqual(try history(next).map(\.action), ["submit", "claim"])
        XCTAssertEqual(try history(next).last?.actor, "li")
        XCTAssertEqual(try history(first).map(\.action), ["submit", "claim"])
        li.press("Q")
        XCTAssertTrue(li.waitFor("EXITED", timeout: 20).contains("EXITED 0"))
    }

    /// Another terminal withdraws the case li is looking at; she types `x` and the start of a
    /// reason at once. The x is refused (it was meant for the case that left), and the letters
    /// typed after it are dropped with it: the `a` never accepts the case that took its place.
    func testKeysTypedAfterARefusedKeyAreDroppedWithIt() throws {
        let li = try open(as: "li", width: 160)
        li.press("2")
        var screen = li.waitUntil("the first unassigned case shown", timeout: 20) { self.shownCase($0) != nil }
        let left = try XCTUnwrap(shownCase(screen))
        try cli.ok(["--as", "sun", "act", left, "withdraw", "--reason", "申请人撤回"])
        screen = li.waitFor("\(left) left this list", timeout: 20)
        let now = try XCTUnwrap(shownCase(screen))
        XCTAssertNotEqual(now, left)
        li.press("x", "a")
        screen = li.waitFor("refused: \(left) left the list and \(now) took its place", "the keys typed after it were dropped",
                            timeout: 20)
        XCTAssertEqual(try history(now).map(\.action), ["submit"], "the a typed after the refused x did nothing")
        XCTAssertFalse(screen.contains("\(now) · reject"), "no dialog opened:\n\(screen)")
        // Seen now: a accepts the case shown.
        li.press("a")
        li.waitFor("\(now): accept", timeout: 20)
        XCTAssertEqual(try history(now).map(\.action), ["submit", "accept"])
        XCTAssertEqual(try history(now).last?.actor, "li")
        li.press("Q")
        XCTAssertTrue(li.waitFor("EXITED", timeout: 20).contains("EXITED 0"))
    }

    func testAStandardReasonIsFoundByTypingAndItsCodeGoesWithTheRejection() throws {
        let li = try open(as: "li")
        li.press("2")
        let screen = li.waitUntil("the first unassigned case shown", timeout: 20) { self.shownCase($0) != nil }
        let number = try XCTUnwrap(shownCase(screen))
        li.press("x")
        li.waitFor("\(number) · reject", "Not within this office's remit", "other reason: the words as typed", timeout: 20)
        li.type("eligib")
        li.press("Tab")
        li.waitFor("standard reason: The applicant is not eligible to apply", timeout: 20)
        li.type(" (age)")
        li.press("Enter")
        li.waitFor("\(number): reject", timeout: 20)
        let event = try XCTUnwrap(try history(number).last)
        XCTAssertEqual(event.action, "reject")
        XCTAssertEqual(event.reason, "The applicant is not eligible to apply (age)")
        XCTAssertTrue(event.details.contains("\"reason_code\":\"NOT-ELIGIBLE\""), event.details)
        li.press("Q")
        XCTAssertTrue(li.waitFor("EXITED", timeout: 20).contains("EXITED 0"))
    }
}
