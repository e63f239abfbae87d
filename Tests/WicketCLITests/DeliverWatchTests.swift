import Foundation
import WicketCore
import XCTest

/// `wicket act` only queues a reply; `wicket deliver --watch` (the service, under systemd) hands it
/// to the delivery command as soon as it is queued, and stops cleanly on SIGTERM.
final class DeliverWatchTests: XCTestCase {
    func testActionsQueueAndTheWatcherDeliversThenStopsOnSIGTERM() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: ["li"], supervisors: [], cases: 3)
        let capture = cli.directory.appendingPathComponent("sent.jsonl").path
        // A gateway that would hang an action for 30 s if delivery ran on the clerk's key path.
        try cli.ok(["settings", "set", "delivery_command", "cat >> '\(capture)'; echo >> '\(capture)'; sleep 2"])

        let started = Date()
        try cli.ok(["--as", "li", "act", "2026-000001", "accept"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.9, "the action waited for the delivery command")
        XCTAssertFalse(FileManager.default.fileExists(atPath: capture), "nothing is delivered by the action itself")

        let watcher = Process()
        watcher.executableURL = BinaryRunner.binary
        watcher.arguments = ["deliver", "--watch"]
        var environment = cli.environment
        environment.removeValue(forKey: "WICKET_NOW")  // retries fall due by the real clock
        watcher.environment = environment
        let output = Pipe()
        watcher.standardOutput = output
        watcher.standardError = output
        try watcher.run()
        defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }

        func delivered() -> String { (try? String(contentsOfFile: capture, encoding: .utf8)) ?? "" }
        let deadline = Date().addingTimeInterval(20)
        while !delivered().contains("2026-000001") && Date() < deadline { usleep(50_000) }
        XCTAssertTrue(delivered().contains("2026-000001"), "the queued reply was not delivered")
        // A reply queued while it watches goes out too.
        try cli.ok(["--as", "li", "act", "2026-000002", "accept"])
        while !delivered().contains("2026-000002") && Date() < deadline { usleep(50_000) }
        XCTAssertTrue(delivered().contains("2026-000002"), "a reply queued later was not delivered")
        // The command still sleeps its 2 s; a stop now would stop it (and retry the reply later).
        while try reply(of: "2026-000002", in: cli).string("delivery_state") != "sent" && Date() < deadline { usleep(50_000) }

        kill(watcher.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(10)
        while watcher.isRunning && Date() < stopBy { usleep(50_000) }
        XCTAssertFalse(watcher.isRunning, "deliver --watch did not stop on SIGTERM")
        watcher.waitUntilExit()
        XCTAssertEqual(watcher.terminationReason, .exit)
        XCTAssertEqual(watcher.terminationStatus, 0, String(decoding: output.fileHandleForReading.availableData, as: UTF8.self))
        let states = try cli.ok(["show", "2026-000002", "--json"])
        XCTAssertTrue(states.contains("\"sent\""), states)
    }

    /// The pids a delivery command wrote, one a line, once it has written `count`.
    private func pids(in path: String, count: Int, timeout: TimeInterval = 20) -> [pid_t] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let pids = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            if pids.count >= count { return pids }
            usleep(20_000)
        }
        XCTFail("the delivery command did not start (\(path))")
        return []
    }

    /// Alive: it exists and is not a zombie left for whoever inherited it to reap.
    private func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    private func assertGone(_ pids: [pid_t], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(3)
        while pids.contains(where: isAlive) && Date() < deadline { usleep(20_000) }
        for pid in pids where isAlive(pid) {
            kill(pid, SIGKILL)
            XCTFail("\(what): process \(pid) of the delivery command is still running", file: file, line: line)
        }
    }

    private func reply(of number: String, in cli: BinaryRunner) throws -> Row {
        let store = try CaseStore.open(path: cli.databasePath)
        return try XCTUnwrap(store.db.queryOne("""
            SELECT m.delivery_state, m.attempts, m.last_error, m.next_attempt_at FROM messages m JOIN cases c ON c.id = m.case_id
            WHERE c.number = ? AND m.direction = 'outbound' ORDER BY m.id DESC LIMIT 1
            """, number))
    }

    /// systemd stops the service while the command hangs (a plain `sleep 600`, one that ignores
    /// SIGTERM): the watcher does not wait out the limit (600 s here) but stops the command's
    /// whole group, records the attempt as a temporary failure to retry, and exits at once.
    func testStoppingTheWatcherStopsAHangingCommandsGroupAndTheReplyIsRetried() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: ["li"], supervisors: [], cases: 3)
        let variants: [(name: String, command: String, signal: Int32)] = [
            ("sleep in sh, SIGTERM", "sleep 600 & echo $! >> PIDS; wait", SIGTERM),
            ("trap '' TERM, SIGTERM", "trap '' TERM; sleep 600 & echo $! >> PIDS; wait; sleep 600", SIGTERM),
            ("trap '' TERM, SIGINT", "trap '' TERM INT; sleep 600 & echo $! >> PIDS; wait", SIGINT),
        ]
        for (index, variant) in variants.enumerated() {
            let number = String(format: "2026-%06d", index + 1)
            let pidFile = cli.directory.appendingPathComponent("pids-\(index)").path
            let command = "echo $$ >> PIDS; " + variant.command
            try cli.ok(["settings", "set", "delivery_command", command.replacingOccurrences(of: "PIDS", with: "'\(pidFile)'")])
            try cli.ok(["--as", "li", "act", number, "accept"])

            let watcher = Process()
            watcher.executableURL = BinaryRunner.binary
            watcher.arguments = ["deliver", "--watch", "--time-limit", "600"]
            watcher.environment = cli.environment
            let output = Pipe()
            watcher.standardOutput = output
            watcher.standardError = output
            try watcher.run()
            defer { if watcher.isRunning { kill(watcher.processIdentifier, SIGKILL) } }
            let pids = pids(in: pidFile, count: 2)

            let signalled = Date()
            kill(watcher.processIdentifier, variant.signal)
            while watcher.isRunning && Date().timeIntervalSince(signalled) < 20 { usleep(20_000) }
            let took = Date().timeIntervalSince(signalled)
            XCTAssertFalse(watcher.isRunning, "\(variant.name): deliver --watch did not stop")
            XCTAssertLessThan(took, 7, "\(variant.name): the stop took \(took) s (the grace is 2 s)")
            watcher.waitUntilExit()
            XCTAssertEqual(watcher.terminationReason, .exit, variant.name)
            XCTAssertEqual(watcher.terminationStatus, 0, "\(variant.name): " + String(decoding: output.fileHandleForReading.availableData, as: UTF8.self))
            assertGone(pids, variant.name)

            let row = try reply(of: number, in: cli)
            XCTAssertEqual(row.string("delivery_state"), "failed", variant.name)
            XCTAssertEqual(row.string("last_error"), "stopped: the delivery service was stopped", variant.name)
            XCTAssertEqual(row.int("attempts"), 1, variant.name)
            let retry = try XCTUnwrap(row.optionalString("next_attempt_at").flatMap(Timestamp.parse), variant.name)
            XCTAssertGreaterThan(retry, try XCTUnwrap(Timestamp.parse("2026-11-27T10:00:00+08:00")), "\(variant.name): no retry scheduled")
        }
    }

    /// The limit is the service's to set: `--time-limit 1` stops a hanging command after 1 s
    /// (and its grace), and the reply says so; a limit out of bounds is refused before anything runs.
    func testTheTimeLimitIsSetByOptionAndKept() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: ["li"], supervisors: [], cases: 1)
        let pidFile = cli.directory.appendingPathComponent("pids").path
        try cli.ok(["settings", "set", "delivery_command", "trap '' TERM; echo $$ >> '\(pidFile)'; sleep 600 & echo $! >> '\(pidFile)'; wait"])
        try cli.ok(["--as", "li", "act", "2026-000001", "accept"])

        for (limit, message) in [("0", "--time-limit takes 1 to 600 seconds, not 0"), ("601", "--time-limit takes 1 to 600 seconds, not 601"),
                                 ("soon", "--time-limit takes a whole number, not 'soon'")] {
            let refused = try cli.run(["deliver", "--time-limit", limit])
            XCTAssertEqual(refused.status, 2, limit)
            XCTAssertTrue(refused.stderr.contains(message), refused.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: pidFile), "a refused run started the command")
        XCTAssertEqual(try reply(of: "2026-000001", in: cli).string("delivery_state"), "queued")

        let started = Date()
        let result = try cli.run(["deliver", "--time-limit", "1"])
        let took = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("sent 0, failed (will retry) 1"), result.stdout)
        XCTAssertGreaterThanOrEqual(took, 1)
        XCTAssertLessThan(took, 8, "the limit of 1 s and the grace of 2 s were not kept")
        assertGone(pids(in: pidFile, count: 2), "after the time limit")
        let row = try reply(of: "2026-000001", in: cli)
        XCTAssertEqual(row.string("delivery_state"), "failed")
        XCTAssertEqual(row.string("last_error"), "delivery command gave no answer within 1 s")

        let help = try cli.ok(["deliver", "--help"])
        XCTAssertTrue(help.contains("--time-limit SECONDS"), help)
    }
}
