import Foundation
import WicketCore
import XCTest

/// Consultations in the real workstation: a clerk registers a phone question, another terminal
/// sees it arrive, the clerk answers it from the template, and the database holds what the screen said.
final class ConsultationTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"
    var cli: BinaryRunner!
    var tmux: TmuxServer!

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    /// The workstation as a clerk opens it, in its own tmux session; waits for the first frame.
    func open(_ login: String) throws -> TmuxPane {
        let command = [
            "env", "-u", "WICKET_DB", "-u", "WICKET_DELIVERY_COMMAND", "-u", "WICKET_THEME", "-u", "LC_ALL", "-u", "LC_MESSAGES",
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(cli.databasePath), "--as", login,
        ].joined(separator: " ")
        let pane = try tmux.start(login, width: 100, height: 30, command: command)
        pane.waitFor(" Wicket ", "Q quit")
        return pane
    }

    func testRegisterSeeElsewhereAndAnswer() throws {
        let li = try open("li")
        let zhang = try open("zhang")
        zhang.press("7")
        zhang.waitFor("Consultations 0", "No open consultations")
        // Li registers a phone question about a household transfer.
        li.press("z")
        li.waitFor("Register a consultation")
        li.press("Tab")
        li.type("赵敏")
        li.press("Tab")
        li.type("13900001234")
        li.press("Tab")
        li.type("hukou")
        li.press("Tab")
        li.type("迁到外省要多久？")
        li.press("C-s")
        li.waitFor("Z2026-000001 registered for PSB")
        // Zhang's tab shows it within a second or two, without a key.
        zhang.waitFor("Consultations 1", "赵敏")
        li.press("7")
        li.waitFor("Z2026-000001", "迁到外省要多久？")
        li.press("r")
        li.waitFor("Answer Z2026-000001", "1. ")
        li.press("C-s")
        li.waitFor("Z2026-000001 answered")
        zhang.waitFor("Consultations 0")
        let store = try CaseStore.open(path: cli.databasePath)
        let answered = try ConsultationQueries.detail(number: "Z2026-000001", in: store,
                                                      for: CaseAccess.check("sun", in: store))
        XCTAssertEqual(answered.record.status, .answered)
        XCTAssertEqual(answered.record.channel, .phone)
        XCTAssertEqual(answered.record.holder, "li")
        XCTAssertEqual(answered.events.map(\.action), ["ask", "answer"])
        XCTAssertEqual(answered.replies.map(\.deliveryState), [.queued])
        XCTAssertTrue(answered.record.answer.contains("居民户口簿"), answered.record.answer)
        XCTAssertTrue(try cli.ok(["check"]).hasPrefix("ok:"))
    }
}
