import Foundation
import XCTest

/// Two clerks' workstations in two real terminals with the same case open: each shows that the
/// other has it open, from the heartbeat in the polling loop, without a key press.
final class PresenceTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"

    func testEachClerkSeesTheOther() throws {
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        let cli = try BinaryRunner(now: Self.now)
        defer { cli.remove() }
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--dept", "PSB"])
        try cli.ok(["import", "-"], stdin: #"{"ref":"p-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"欧阳娜娜"},"summary":"购房落户"}"#)
        func open(_ login: String) throws -> TmuxPane {
            let command = ["env", "-u", "WICKET_DB", "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)",
                           TmuxServer.quote(BinaryRunner.binary.path), "--db", TmuxServer.quote(cli.databasePath),
                           "--as", login].joined(separator: " ")
            let pane = try tmux.start(login, width: 120, height: 30, command: command)
            pane.waitFor(" Wicket ", "Mine")
            pane.press("2")                               // Unassigned: the case is there
            pane.waitFor("2026-000001")
            pane.press("Enter")
            pane.waitFor("欧阳娜娜  (zh)")
            return pane
        }
        let li = try open("li")
        let zhang = try open("zhang")
        zhang.waitFor("Also open by 李娜 (li)")
        li.waitFor("Also open by 张伟 (zhang)")
        // zhang leaves: li's line goes at once (the goodbye), not after the 15 s expiry.
        zhang.press("Q")
        zhang.waitFor("EXITED 0")
        li.waitUntil("the line to go") { !$0.contains("Also open by") }
        li.press("Q")
        li.waitFor("EXITED 0")
    }
}
