import Foundation
import WicketCore
import XCTest

/// A list far longer than the rows the workstation holds, in a real terminal: the ends of the
/// list are one key away, moving key by key past the rows held continues in list order, and the
/// case opened is the one the list shows there.
final class LongInboxTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"
    var cli: BinaryRunner!
    var tmux: TmuxServer!
    var demo: String { cli.directory.appendingPathComponent("demo.db").path }

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["--db", demo, "demo", "--cases", "1500"])
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    func testEndsAndMovesBeyondTheRowsHeld() throws {
        let store = try CaseStore.open(path: demo, clock: .fixed(Timestamp.parse(Self.now)!))
        let supervisor = try XCTUnwrap(store.db.scalarString(
            "SELECT login FROM users WHERE role = 'supervisor' AND active = 1 ORDER BY login LIMIT 1"))
        let list = try CaseQueries.list(CaseFilter(limit: 100_000), in: store)
        XCTAssertGreaterThan(list.count, 250, "the demo's open cases must outnumber the rows held")
        let historyBefore = try store.db.scalarInt("SELECT count(*) FROM history")
        let command = [
            "env", "-u", "WICKET_DB", "-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "NO_COLOR",
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(demo), "--as", supervisor, "--lang", "en",
        ].joined(separator: " ")
        let pane = try tmux.start("long", width: 100, height: 30, command: command)
        pane.waitFor(" Wicket ", "Q quit")
        pane.waitFor("All \(list.count) ", list[0].number)

        pane.press("G")
        pane.waitFor(list[list.count - 1].number)
        pane.press("g")
        pane.waitFor(list[0].number)

        // Key by key, past the first window: the selection walks the list in order.
        let steps = 230
        _ = try tmux.run(["send-keys", "-t", pane.target, "-N", "\(steps)", "j"])
        pane.waitFor(list[steps].number, timeout: 60)
        pane.press("Enter")
        // Enter opens the selected case: the detail pane beside the inbox starts with its number.
        pane.waitFor("││\(list[steps].number)  ")
        pane.press("Escape")
        _ = try tmux.run(["send-keys", "-t", pane.target, "-N", "\(steps)", "k"])
        pane.waitFor(list[0].number, timeout: 60)
        pane.press("Q")
        pane.waitUntil("the workstation to exit") { _ in pane.childCommands() != ["wicket"] }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM history"), historyBefore, "looking changes nothing")
    }
}
