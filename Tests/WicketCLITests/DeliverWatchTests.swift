import Foundation
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
}
