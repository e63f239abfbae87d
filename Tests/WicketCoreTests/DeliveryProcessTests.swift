import Foundation
import XCTest
@testable import WicketCore

/// The delivery command is a stranger's script: whatever it does (ignore SIGTERM, leave a
/// grandchild behind, never read its stdin, flood its stderr), delivery comes back within the
/// time limit plus the grace, nothing of it is left running, and the attempt is recorded.
/// Real processes throughout: pid files and `kill -0` say what is still alive.
final class DeliveryProcessTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func file(_ name: String) -> String { hall.directory.appendingPathComponent(name).path }

    private func reply(_ id: Int) throws -> Row {
        try hall.store.db.queryOne("SELECT delivery_state, attempts, last_error, next_attempt_at FROM messages WHERE id = ?", id)!
    }

    /// Accepts a fresh case: its reply is queued.
    private func queuedReply() throws -> Int {
        try hall.act(hall.submit().number, .accept).replyID!
    }

    private func outbox(command: String, timeLimit: TimeInterval) throws -> Outbox {
        try hall.store.setSetting("delivery_command", command)
        var outbox = Outbox(store: hall.store)
        outbox.timeLimit = timeLimit
        return outbox
    }

    /// The pids a command wrote, one a line, once the file has them all.
    private func pids(in path: String, count: Int) -> [pid_t] {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let lines = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            if lines.count >= count { return lines }
            usleep(20_000)
        }
        XCTFail("\(path) did not get \(count) pids")
        return []
    }

    /// Alive: it exists and is not a zombie waiting for a parent that is not us to reap it.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    /// Gives the killed processes a moment to be reaped by whoever inherited them.
    private func assertGone(_ pids: [pid_t], file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(3)
        while pids.contains(where: Self.isAlive) && Date() < deadline { usleep(20_000) }
        for pid in pids where Self.isAlive(pid) {
            kill(pid, SIGKILL)
            XCTFail("process \(pid) of the delivery command is still running", file: file, line: line)
        }
    }

    func testTheTimeLimitStopsACommandThatIgnoresSIGTERMAndItsGrandchildren() throws {
        let pidFile = file("pids")
        // The shell ignores SIGTERM, and so does the grandchild it leaves behind (ignoring is inherited).
        let outbox = try outbox(command: "trap '' TERM; echo $$ >> '\(pidFile)'; sleep 600 & echo $! >> '\(pidFile)'; wait; sleep 600",
                                timeLimit: 1)
        let id = try queuedReply()
        let started = Date()
        let result = outbox.deliverDue()
        let took = Date().timeIntervalSince(started)
        XCTAssertEqual(result.failed, 1)
        XCTAssertLessThan(took, 1 + 2 + 3, "the limit (1 s) and the grace (2 s) were not kept")
        XCTAssertGreaterThanOrEqual(took, 1)
        let row = try reply(id)
        XCTAssertEqual(row.string("delivery_state"), "failed")
        XCTAssertEqual(row.string("last_error"), "delivery command gave no answer within 1 s")
        XCTAssertNotNil(row.optionalString("next_attempt_at"), "a retry is scheduled")
        assertGone(pids(in: pidFile, count: 2))
    }

    /// Without the group, SIGTERM reached only the shell: its `sleep` went on holding stderr.
    func testTheTimeLimitStopsTheWholeGroupOfAnOrdinaryCommand() throws {
        let pidFile = file("pids")
        let outbox = try outbox(command: "echo $$ >> '\(pidFile)'; sleep 600 & echo $! >> '\(pidFile)'; sleep 600", timeLimit: 1)
        let id = try queuedReply()
        let started = Date()
        outbox.deliverDue()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(try reply(id).string("last_error"), "delivery command gave no answer within 1 s")
        assertGone(pids(in: pidFile, count: 2))
    }

    /// Replies of 20,000 characters make JSON beyond a pipe's 64 KiB; a command that never reads
    /// its stdin must not stall the writer past the limit (here: 200 KB).
    func testACommandThatNeverReadsItsStdinDoesNotHang() throws {
        let outbox = try outbox(command: "sleep 600", timeLimit: 1)
        let id = try queuedReply()
        try hall.store.db.execute("UPDATE messages SET body = ? WHERE id = ?", String(repeating: "申请材料已收到。", count: 10_000), id)
        let started = Date()
        outbox.deliverDue()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(try reply(id).string("last_error"), "delivery command gave no answer within 1 s")

        // One that closes its stdin unread and answers is sent, however big the reply.
        let second = try queuedReply()
        try hall.store.db.execute("UPDATE messages SET body = ? WHERE id = ?", String(repeating: "x", count: 200_000), second)
        try hall.store.setSetting("delivery_command", "exec 0<&-; sleep 0.2; exit 0")
        XCTAssertEqual(outbox.deliverDue().sent, 1)
        XCTAssertEqual(try reply(second).string("delivery_state"), "sent")
    }

    func testAPayloadOf200KBReachesACommandThatReadsIt() throws {
        let capture = file("payload")
        let body = String(repeating: "x", count: 200_000)
        let ending = DeliveryProcess(command: "cat > '\(capture)'", timeLimit: 5).run(payload: Data(body.utf8))
        XCTAssertEqual(ending, .exited(status: 0, errorOutput: ""))
        XCTAssertEqual(try String(contentsOfFile: capture, encoding: .utf8), body)
    }

    /// stderr is drained while the command runs: 1 MB of it neither stalls the command nor us.
    func testACommandWritingAMegabyteToStderrFinishesAndItsFirstBytesAreRecorded() throws {
        let outbox = try outbox(command: "echo gateway says no >&2; head -c 1000000 /dev/zero | tr '\\0' x >&2; exit 3", timeLimit: 5)
        let id = try queuedReply()
        let started = Date()
        XCTAssertEqual(outbox.deliverDue().failed, 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
        let error = try reply(id).string("last_error")
        XCTAssertTrue(error.hasPrefix("exit 3: gateway says no\nxxx"), error)
        XCTAssertLessThanOrEqual(error.utf8.count, "exit 3: ".utf8.count + DeliveryProcess.keptErrorBytes)
    }

    /// Wicket ignores SIGPIPE (a reader that hangs up must not kill it) and a thread may block
    /// signals; the command starts with every disposition at its default and nothing blocked.
    func testTheCommandStartsWithDefaultSignalsAndNothingBlocked() throws {
        let status = file("status")
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        var usr1 = sigset_t(), mask = sigset_t()
        sigemptyset(&usr1)
        sigaddset(&usr1, SIGUSR1)
        pthread_sigmask(SIG_BLOCK, &usr1, &mask)
        defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }

        let ending = DeliveryProcess(command: "grep -E '^Sig(Ign|Blk)' /proc/self/status > '\(status)'", timeLimit: 5).run(payload: Data("{}".utf8))
        XCTAssertEqual(ending, .exited(status: 0, errorOutput: ""))
        let lines = try String(contentsOfFile: status, encoding: .utf8)
        // Bits of signals 1–31; 32 and 33 are glibc's own (thread cancel, setxid), never a program's.
        func bits(_ name: String) -> UInt64? {
            lines.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap { UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16) }
        }
        XCTAssertEqual(try XCTUnwrap(bits("SigIgn")) & 0x7fff_ffff, 0, "the command inherited ignored signals:\n\(lines)")
        XCTAssertEqual(bits("SigBlk"), 0, "the command inherited blocked signals:\n\(lines)")
    }

    /// A descriptor of ours (the database, a terminal, here a file opened without close-on-exec)
    /// never reaches the command.
    func testNoDescriptorOfOursReachesTheCommand() throws {
        let listing = file("fds")
        let leaky = open(file("leaky"), O_WRONLY | O_CREAT, 0o600)
        XCTAssertGreaterThan(leaky, 2)
        defer { close(leaky) }
        // The shell's descriptors with what they point at (dash keeps a copy of a redirected
        // stdout of its own, so the numbers alone say little).
        let ending = DeliveryProcess(command: "ls -l /proc/$$/fd > '\(listing)'", timeLimit: 5).run(payload: Data("{}".utf8))
        XCTAssertEqual(ending, .exited(status: 0, errorOutput: ""))
        let fds = try String(contentsOfFile: listing, encoding: .utf8)
        XCTAssertFalse(fds.contains("leaky"), "the command holds a file of ours:\n\(fds)")
        XCTAssertFalse(fds.contains("hall.db"), "the command holds the database:\n\(fds)")
        XCTAssertFalse(fds.contains(" \(leaky) -> "), fds)
    }

    /// The service is stopping: the command's group is stopped at once (TERM, then KILL), not
    /// after the limit, and the attempt is a temporary failure retried later.
    func testAStopRequestEndsTheCommandsGroupAndIsRetriedLater() throws {
        let pidFile = file("pids")
        let outbox = try outbox(command: "trap '' TERM; echo $$ >> '\(pidFile)'; sleep 600 & echo $! >> '\(pidFile)'; wait", timeLimit: 600)
        let id = try queuedReply()
        let started = Date()
        let result = outbox.deliverDue(shouldStop: { FileManager.default.fileExists(atPath: pidFile) && Date().timeIntervalSince(started) > 0.5 })
        XCTAssertEqual(result.failed, 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 6, "the stop waited for the command")
        let row = try reply(id)
        XCTAssertEqual(row.string("delivery_state"), "failed")
        XCTAssertEqual(row.string("last_error"), Outbox.stoppedError)
        XCTAssertNotNil(row.optionalString("next_attempt_at"))
        assertGone(pids(in: pidFile, count: 2))
    }

    /// A stop never turns a reply into a permanent failure, even on what would be its last try.
    func testAStopOnTheLastTryKeepsTheReplyRetrying() throws {
        let outbox = try outbox(command: "sleep 600", timeLimit: 600)
        let id = try queuedReply()
        try hall.store.db.execute("UPDATE messages SET attempts = ? WHERE id = ?", Outbox.maxAttempts - 1, id)
        let started = Date()
        outbox.deliverDue(shouldStop: { Date().timeIntervalSince(started) > 0.3 })
        XCTAssertEqual(try reply(id).string("delivery_state"), "failed")
    }
}
