import Foundation
@testable import WicketCore
import XCTest

/// Issue 11: clerks keep working while an import runs and while a process holding the write lock
/// is stopped (SIGSTOP) for a few seconds: nobody sees a database error, and a clerk at a shell who
/// waited more than a second was told once who holds the hall. Sized for CI; not a timed test.
///
/// Larger: WICKET_WAIT_IMPORT_LINES, WICKET_WAIT_STRESS_ACTIONS, WICKET_WAIT_BINARY_RUNS.
final class HallWaitTests: XCTestCase {
    static let clerks = ["c1", "c2", "c3", "c4"]

    /// A writer that leaves no record (here the `sqlite3` shell, in a transaction): the kernel's
    /// lock table still names the process holding the write lock, and the clerk's action waits for it.
    func testAnUnrecordedHolderIsNamedFromTheLockTable() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("no sqlite3 shell") }
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: ["c1"], supervisors: [], cases: 3)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        shell.arguments = [cli.databasePath]
        let input = Pipe()
        shell.standardInput = input
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        defer { if shell.isRunning { kill(shell.processIdentifier, SIGKILL) } }
        try input.fileHandleForWriting.write(contentsOf: Data("BEGIN IMMEDIATE;\nUPDATE settings SET value = value;\n".utf8))
        let deadline = Date().addingTimeInterval(60)
        while WriterActivity.writeLockHolder(databasePath: cli.databasePath)?.pid != shell.processIdentifier, Date() < deadline {
            usleep(20_000)
        }
        // The premise, not a pause: the shell holds the write lock before the clerk comes.
        XCTAssertEqual(WriterActivity.writeLockHolder(databasePath: cli.databasePath)?.pid, shell.processIdentifier,
                       "the sqlite3 shell never took the write lock")
        // A busy host's lock table is longer than a page (4 KB), newer locks listed first: the holder's
        // line must be found beyond the first page (Foundation's file reading stopped there).
        let fillers = try Self.holdFillerLocks(300)
        defer { fillers.forEach { close($0) } }
        XCTAssertGreaterThan(WriterActivity.readWhole("/proc/locks")?.utf8.count ?? 0, 8192, "the lock table spans pages")
        XCTAssertEqual(WriterActivity.writeLockHolder(databasePath: cli.databasePath)?.pid, shell.processIdentifier,
                       "the holder's line lies beyond the lock table's first page")
        let environment = cli.environment
        let clerk = Collected<ClerkProcesses.Run>()
        let done = DispatchSemaphore(value: 0)
        Thread {
            if let run = try? ClerkProcesses.wicket(["--as", "c1", "next", "--json"], environment: environment) { clerk.append(run) }
            done.signal()
        }.start()
        sleep(2)
        try input.fileHandleForWriting.write(contentsOf: Data("COMMIT;\n".utf8))
        try input.fileHandleForWriting.close()
        done.wait()
        let run = try XCTUnwrap(clerk.all.first)
        XCTAssertEqual(run.status, 0, run.stderr)
        let login = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        XCTAssertTrue(run.stderr.contains("waiting for the hall: sqlite3 by \(login) (pid \(shell.processIdentifier)) since "),
                      run.stderr)
    }

    func testClerksWorkThroughAnImportAndAStoppedWriter() throws {
        let lines = sizeFromEnvironment("WICKET_WAIT_IMPORT_LINES", default: 20_000)
        let actions = sizeFromEnvironment("WICKET_WAIT_STRESS_ACTIONS", default: 300)
        let binaryRuns = sizeFromEnvironment("WICKET_WAIT_BINARY_RUNS", default: 10)
        let seed = UInt64(sizeFromEnvironment("WICKET_STRESS_SEED", default: Int.random(in: 1...1_000_000)))
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: Self.clerks, supervisors: [], cases: 160)
        let caseNumbers = try ReliabilityAudit(path: cli.databasePath).db.query("SELECT number FROM cases ORDER BY id")
            .map { $0.string("number") }
        let big = cli.directory.appendingPathComponent("portal.jsonl")
        try BinaryRunner.applications(count: lines, prefix: "portal", services: ["HUKOU-MOVE", "ID-RENEW", "RES-PERMIT"])
            .write(to: big, atomically: true, encoding: .utf8)

        // The import: a separate process, as an admin would run it.
        let importer = Process()
        importer.executableURL = BinaryRunner.binary
        importer.arguments = ["import", big.path]
        importer.environment = cli.environment
        let importErrors = Pipe()
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = importErrors
        try importer.run()

        // Clerks: wicket-stress processes and shell clerks running the real `wicket act` / `next`.
        let logs = Self.clerks.map { cli.directory.appendingPathComponent("stress-\($0).log") }
        let stress = try Self.clerks.enumerated().map { index, login in
            try ClerkProcesses.startStress(database: cli.databasePath, actor: login, actions: actions,
                                           seed: seed &+ UInt64(index), log: logs[index])
        }
        let shell = Collected<BinaryClerk.Results>()
        let environment = cli.environment
        let databasePath = cli.databasePath
        let shellDone = DispatchGroup()
        for (index, login) in Self.clerks.enumerated() {
            shellDone.enter()
            Thread {
                var clerk = BinaryClerk(actor: login, environment: environment, caseNumbers: caseNumbers,
                                        random: SeededRandom(seed: seed &+ 1000 &+ UInt64(index)))
                do {
                    shell.append(try clerk.work(runs: binaryRuns, databasePath: databasePath))
                } catch {
                    var failed = BinaryClerk.Results()
                    failed.otherFailures.append("\(error)")
                    shell.append(failed)
                }
                shellDone.leave()
            }.start()
        }

        // Stop the import while it holds the write lock (it yields the lock between batches, so
        // try until a stop lands inside a batch), keep it stopped for 3 s, then let it go on.
        let pid = importer.processIdentifier
        let reader = try Database(path: databasePath, create: false, readOnly: true)
        var caught = false
        for _ in 0..<400 where importer.isRunning {
            kill(pid, SIGSTOP)
            usleep(20_000)
            if WriterActivity.writeLockHolder(databasePath: databasePath)?.pid == pid,
               (try? WriterActivity.current(in: reader))?.contains(where: { $0.pid == pid }) == true {
                caught = true
                break
            }
            kill(pid, SIGCONT)
            usleep(useconds_t.random(in: 1_000...30_000))
        }
        XCTAssertTrue(caught, "the import never held the write lock when stopped (finished too soon?)")
        let waiting = Collected<ClerkProcesses.Run>()
        let waiters = DispatchGroup()
        if caught {
            // Shell clerks who come to the hall now must wait; each is told once who holds it.
            for login in Self.clerks.prefix(2) {
                waiters.enter()
                Thread {
                    if let run = try? ClerkProcesses.wicket(["--as", login, "next", "--json"], environment: environment) {
                        waiting.append(run)
                    }
                    waiters.leave()
                }.start()
            }
            sleep(3)
        }
        kill(pid, SIGCONT)
        waiters.wait()

        importer.waitUntilExit()
        let importStderr = String(decoding: importErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(importer.terminationStatus, 0, importStderr)
        for process in stress { process.waitUntilExit() }
        shellDone.wait()

        // Every clerk waited without an error; the ones who came during the stop were told who holds the hall.
        if caught {
            XCTAssertEqual(waiting.all.count, 2)
            for run in waiting.all {
                XCTAssertEqual(run.status, 0, run.stderr)
                let told = run.stderr.split(separator: "\n").filter { $0.contains("waiting for the hall") }
                XCTAssertEqual(told.count, 1, "told once: \(run.stderr)")
                XCTAssertTrue(told.first?.contains("waiting for the hall: import by ") == true, run.stderr)
                XCTAssertTrue(told.first?.contains("(pid \(pid)) since ") == true, run.stderr)
                XCTAssertFalse(run.stderr.contains("locked"), run.stderr)
            }
        }
        var stressSuccesses = 0
        for (index, log) in logs.enumerated() {
            let parsed = ActionRecord.parseLog(try String(contentsOf: log, encoding: .utf8))
            XCTAssertEqual(parsed.locked, [], "\(Self.clerks[index]) met a locked database (seed \(seed))")
            XCTAssertEqual(parsed.errors, [], "\(Self.clerks[index]) failed (seed \(seed))")
            XCTAssertEqual(stress[index].terminationStatus, 0)
            stressSuccesses += parsed.records.count
        }
        XCTAssertGreaterThan(stressSuccesses, Self.clerks.count * actions / 5)
        for results in shell.all {
            XCTAssertEqual(results.databaseErrors, [], "a shell clerk saw a database error (seed \(seed))")
            XCTAssertEqual(results.otherFailures, [], "seed \(seed)")
        }
        let audit = try ReliabilityAudit(path: cli.databasePath)
        XCTAssertEqual(try audit.integrity(), "ok")
        XCTAssertEqual(try audit.db.scalarInt("SELECT count(*) FROM cases"), 160 + lines)
        XCTAssertEqual(try audit.db.scalarInt("SELECT count(*) FROM writer_activity"), 0, "the import's record is gone")
        let check = try cli.run(["check"])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    /// POSIX locks of this process on scratch files, as many clerks' processes make on a busy host.
    static func holdFillerLocks(_ count: Int) throws -> [Int32] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try (0..<count).map { index in
            let descriptor = open(folder.appendingPathComponent("f\(index)").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw POSIXError(.EIO) }
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            lock.l_start = 120
            lock.l_len = 1
            guard fcntl(descriptor, F_SETLK, &lock) == 0 else { throw POSIXError(.EAGAIN) }
            return descriptor
        }
    }
}
