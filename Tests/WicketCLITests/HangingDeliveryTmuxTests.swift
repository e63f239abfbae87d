import Foundation
import WicketCore
import XCTest

/// Issue 12, "a slow delivery command freezes the workstation": with a gateway that takes 40 s a
/// reply in the clerk's environment, the real workstation in a real terminal keeps answering every
/// key (its actions only queue replies; `wicket deliver` is the service's job), says the replies
/// are queued, never runs the command, and SIGTERM or Ctrl-C end it at once with the terminal
/// restored. The database says afterwards what the screen said.
final class HangingDeliveryTmuxTests: XCTestCase {
    var cli: BinaryRunner!
    var tmux: TmuxServer!
    /// The delivery command touches this file first: it must never exist.
    var ranMarker: String { cli.directory.appendingPathComponent("delivery-ran").path }

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: WorkstationTmuxTests.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: WorkstationTmuxTests.applications).contains("imported 4"))
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    /// The workstation with the hanging gateway in its environment, as a clerk's shell would start it.
    func open(_ session: String) throws -> TmuxPane {
        let command = [
            "env", "-u", "WICKET_DB", "-u", "WICKET_THEME", "-u", "LC_ALL", "-u", "LC_MESSAGES",
            "WICKET_DELIVERY_COMMAND=" + TmuxServer.quote("touch \(TmuxServer.quote(ranMarker)); sleep 40"),
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color",
            "WICKET_NOW=\(WorkstationTmuxTests.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(cli.databasePath), "--as", "li",
        ].joined(separator: " ")
        let pane = try tmux.start(session, command: command)
        pane.waitFor(" Wicket ", "Q quit", timeout: 20)
        return pane
    }

    /// The workstation's pid: the child of the pane's shell (`env` execs into `wicket`).
    func workstationPID(_ pane: TmuxPane) throws -> pid_t {
        let shell = pane.format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        let pid = try XCTUnwrap(children.split(separator: " ").compactMap { pid_t($0) }.first { child in
            (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8))?.hasPrefix("wicket") == true
        }, "no wicket under the pane's shell")
        return pid
    }

    /// Presses keys and waits for what they must show; each step well within the gateway's 40 s.
    func step(_ pane: TmuxPane, _ keys: [String], text: String? = nil, expect: String..., line: UInt = #line) {
        let started = Date()
        for key in keys { pane.press(key, line: line) }
        if let text { pane.type(text, line: line) }
        pane.waitUntil(expect.joined(separator: " and "), timeout: 20, line: line) { screen in expect.allSatisfy(screen.contains) }
        XCTAssertLessThan(Date().timeIntervalSince(started), 15, "the keys \(keys) waited for something", line: line)
    }

    /// The clerk accepts two cases and replies to one; every reply is queued, nothing is sent.
    func workAMorning(_ pane: TmuxPane) {
        step(pane, ["2"], expect: "Unassigned 4", "欧阳娜娜")
        step(pane, ["Enter"], expect: "Applicant: 欧阳娜娜", "2026-000001  submitted  v1")
        step(pane, ["a"], expect: "2026-000001: accept, submitted → accepted; reply queued for delivery", "2026-000001  accepted  v2")
        step(pane, ["Escape", "/"], text: "诸葛亮", expect: "/诸葛亮")
        step(pane, ["Enter"], expect: "/诸葛亮 1")
        step(pane, ["Enter"], expect: "Applicant: 诸葛亮", "2026-000002  submitted  v1")
        step(pane, ["a"], expect: "2026-000002: accept, submitted → accepted; reply queued for delivery")
        step(pane, ["r"], expect: "Reply → 2026-000002")
        step(pane, [], text: "您好，请于周五前来窗口领取。", expect: "您好，请于周五前来窗口领取。")
        step(pane, ["C-s"], expect: "2026-000002: reply queued for delivery")
        XCTAssertFalse(pane.screen().contains("reply sent"), "a queued reply is called sent:\n\(pane.screen())")
    }

    /// The database holds what the screen said: the actions on exactly those cases, by li, and
    /// every reply still queued (the workstation never ran the command).
    func assertDatabaseAfterTheMorning() throws {
        let store = try CaseStore.open(path: cli.databasePath)
        let first = try CaseDetail.load(number: "2026-000001", in: store)
        let second = try CaseDetail.load(number: "2026-000002", in: store)
        XCTAssertEqual(first.history.map(\.action), ["submit", "accept"])
        XCTAssertEqual(second.history.map(\.action), ["submit", "accept", "reply"])
        XCTAssertEqual(Set((first.history + second.history).filter { $0.action != "submit" }.map(\.actor)), ["li"])
        let replies = (first.messages + second.messages).filter { $0.direction == "outbound" }
        XCTAssertEqual(replies.count, 3)
        XCTAssertEqual(replies.map(\.deliveryState), Array(repeating: .queued, count: 3))
        XCTAssertEqual(second.messages.last?.body, "您好，请于周五前来窗口领取。")
        for number in ["2026-000003", "2026-000004"] {
            XCTAssertEqual(try CaseDetail.load(number: number, in: store).record.version, 1, "\(number) was touched")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: ranMarker), "the workstation ran the delivery command")
    }

    /// The pane's shell is back: the workstation is gone, its frame too, the alternate screen left.
    func assertEndedAtOnce(_ pane: TmuxPane, pid: pid_t, after signalled: Date, line: UInt = #line) {
        let screen = pane.waitFor("EXITED", timeout: 20, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(signalled), 5, "the workstation took long to end", line: line)
        XCTAssertFalse(screen.contains("Q quit"), "the workstation's frame is left on the shell:\n\(screen)", line: line)
        XCTAssertEqual(pane.format("#{alternate_on}"), "0", "still in the alternate screen", line: line)
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(20_000) }
        XCTAssertNotEqual(kill(pid, 0), 0, "the workstation process \(pid) is still there", line: line)
    }

    func testKeysKeepAnsweringAndSIGTERMEndsTheWorkstationAtOnce() throws {
        let pane = try open("sigterm")
        let pid = try workstationPID(pane)
        workAMorning(pane)
        let signalled = Date()
        kill(pid, SIGTERM)
        assertEndedAtOnce(pane, pid: pid, after: signalled)
        try assertDatabaseAfterTheMorning()
    }

    func testKeysKeepAnsweringAndCtrlCEndsTheWorkstationAtOnce() throws {
        let pane = try open("ctrl-c")
        let pid = try workstationPID(pane)
        workAMorning(pane)
        step(pane, ["Escape"], expect: "Applicant: 诸葛亮")
        let signalled = Date()
        pane.press("C-c")
        assertEndedAtOnce(pane, pid: pid, after: signalled)
        XCTAssertTrue(pane.screen().contains("EXITED 0"), pane.screen())
        try assertDatabaseAfterTheMorning()
    }
}
