import Foundation
import XCTest

/// A morning at the window, in tmux with the real binary: bookings made on Friday; on Monday the
/// door checks people in from another terminal and the clerk's open board shows it without a key;
/// `n` calls the first arrival (their case opens, held by the clerk); later that morning the one
/// who never came is a no-show on the board, and take next calls the booked arrival before the
/// walk-in waiting since 8 o'clock. Checked against the database after.
final class AppointmentsTmuxTests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner() // Friday 27 Nov 2026, 10:00
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--role", "clerk", "--dept", "PSB"])
        let file = cli.directory.appendingPathComponent("plan.txt")
        try "group PSB-ID ID-RENEW,HUKOU-MOVE,RES-PERMIT\nhours mon-fri 09:00-12:00 30\ncapacity mon-fri PSB-ID 2\n"
            .write(to: file, atomically: true, encoding: .utf8)
        try cli.ok(["appointments", "plan", "load", file.path])
        for (name, start, phone) in [("赵敏", "09:00", "13800000001"), ("钱晓明", "09:00", "13800000002"), ("孙悦", "09:30", "13800000003")] {
            try cli.ok(["--as", "zhang", "appointments", "book", "--service", "HUKOU-MOVE", "--day", "2026-11-30", "--start", start,
                        "--name", name, "--phone", phone])
        }
    }

    override func tearDown() { cli.remove() }

    func at(_ now: String) -> BinaryRunner {
        var runner = cli!
        runner.environment["WICKET_NOW"] = now
        return runner
    }

    func workstation(_ tmux: TmuxServer, _ name: String, now: String) throws -> TmuxPane {
        let command = ["env", "-u", "WICKET_DB", "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(now)",
                       TmuxServer.quote(BinaryRunner.binary.path), "--db", TmuxServer.quote(cli.databasePath), "--as", "li"]
            .joined(separator: " ")
        return try tmux.start(name, width: 100, height: 30, command: command)
    }

    func testAMorningAtTheWindow() throws {
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        // A walk-in registered at 08:00, waiting unassigned.
        let walkIn = #"{"ref":"walk-1","service":"HUKOU-MOVE","channel":"window","submitted_at":"2026-11-30T08:00:00+08:00","applicant":{"name":"周杰","phone":"13900000000"}}"#
        try at("2026-11-30T08:00:00+08:00").ok(["import", "-"], stdin: walkIn + "\n")

        let morning = try workstation(tmux, "morning", now: "2026-11-30T09:05:00+08:00")
        morning.waitFor("Mine")
        morning.press("Y")
        morning.waitFor("Appointments 30 Nov 2026", "booked 3", "赵敏", "钱晓明")
        // The door checks 赵敏 and 孙悦 in from another terminal: the board shows it without a key.
        try at("2026-11-30T08:55:00+08:00").ok(["--as", "zhang", "appointments", "check-in", "B2026-000001"])
        try at("2026-11-30T09:04:00+08:00").ok(["--as", "zhang", "appointments", "check-in", "B2026-000003"])
        morning.waitFor("arrived 2", "waited 10 min")
        morning.press("n")
        let called = morning.waitFor("赵敏 called to your window")
        XCTAssertTrue(called.contains("serving 1"), called)
        morning.press("Q")
        morning.waitFor("EXITED 0")

        // Later: 钱晓明 never came (09:00 slot, 15 minutes' grace); 孙悦's 09:30 slot has begun.
        let later = try workstation(tmux, "later", now: "2026-11-30T09:50:00+08:00")
        later.waitFor("Mine")
        later.press("Y")
        later.waitFor("no-show 1")
        later.press("Escape")
        later.waitFor("Mine")
        later.press("T")
        later.waitFor("孙悦")
        later.press("Q")
        later.waitFor("EXITED 0")

        let list = try at("2026-11-30T09:50:00+08:00").json(["--as", "li", "appointments", "list", "--json"]) as? [[String: Any]] ?? []
        let status = Dictionary(uniqueKeysWithValues: list.map { ($0["number"] as? String ?? "", $0["status"] as? String ?? "") })
        XCTAssertEqual(status, ["B2026-000001": "serving", "B2026-000002": "no_show", "B2026-000003": "serving"])
        let cases = Set(list.compactMap { $0["case"] as? String })
        XCTAssertEqual(cases.count, 2)
        // The walk-in still waits: the booked arrival came first.
        let unassigned = try at("2026-11-30T09:50:00+08:00").json(["--as", "li", "list", "--unassigned", "--json"]) as? [[String: Any]] ?? []
        XCTAssertEqual(unassigned.map { $0["applicant"] as? String }, ["周杰"])
        try at("2026-11-30T09:50:00+08:00").ok(["check"])
    }
}
