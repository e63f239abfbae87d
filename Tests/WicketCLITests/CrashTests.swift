import Foundation
import WicketCore
import XCTest

/// SIGKILL at random moments: of `wicket import`, and of action runs (`wicket-stress` clerks and
/// the real `wicket act` / `wicket next`). After every kill the file must pass SQLite's integrity
/// check, no case may be half-written, the chain must hold, and what a process reported as done
/// must be there. A re-run of a killed import completes it.
///
/// Larger: WICKET_CRASH_RUNS (kills per test, default 50).
final class CrashTests: XCTestCase {
    private let seed = UInt64(sizeFromEnvironment("WICKET_CRASH_SEED", default: Int.random(in: 1...1_000_000)))
    private lazy var random = SeededRandom(seed: seed)

    private func audit(_ path: String, after what: String, records: [ActionRecord] = []) throws {
        let audit = try ReliabilityAudit(path: path)
        let when = "after \(what) (WICKET_CRASH_SEED=\(seed))"
        XCTAssertEqual(try audit.integrity(), "ok", when)
        XCTAssertEqual(try audit.halfWrittenCases(), [], when)
        XCTAssertEqual(try audit.chainLinks(), [], when)
        XCTAssertEqual(try audit.matches(records, complete: false), [], when)
    }

    private func refs(_ prefix: String, in path: String) throws -> Int {
        try ReliabilityAudit(path: path).db.scalarInt("SELECT count(*) FROM cases WHERE ref LIKE ?", prefix + "-%") ?? 0
    }

    func testKilledImportsLeaveWholeCasesAndARerunCompletesThem() throws {
        let target = sizeFromEnvironment("WICKET_CRASH_RUNS", default: 50)
        // Two and a bit batches, so a kill can fall between two commits of one file.
        let linesPerFile = Importer.defaultBatchSize * 2 + 300
        // A fresh database every few files keeps each audit small; the kills are what count.
        let filesPerHall = 5
        var cli = try BinaryRunner()
        var halls = [cli]
        defer { halls.forEach { $0.remove() } }
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        var file = 0
        var firstFileOfHall = 0
        var kills = 0
        var killsBetweenCommits = 0
        var attempts = 0
        var auditSeconds = 0.0
        // Kill moments spread over how long one whole import takes here (measured on the first file).
        var importMicroseconds = 400_000
        func allFilesComplete(through last: Int) throws {
            for index in firstFileOfHall...last {
                XCTAssertEqual(try refs("crash\(index)", in: cli.databasePath), linesPerFile, "crash\(index) complete")
            }
            XCTAssertEqual(try ReliabilityAudit(path: cli.databasePath).db.scalarInt("SELECT count(*) FROM cases"),
                           (last - firstFileOfHall + 1) * linesPerFile, "each application once")
        }
        while kills < target && attempts < target * 4 {
            attempts += 1
            let prefix = "crash\(file)"
            let path = cli.directory.appendingPathComponent("\(prefix).jsonl")
            if !FileManager.default.fileExists(atPath: path.path) {
                try BinaryRunner.applications(count: linesPerFile, prefix: prefix,
                                              services: ["HUKOU-MOVE", "ID-RENEW", "BIRTH-REG", "INDIV-BIZ", "RES-PERMIT"])
                    .write(to: path, atomically: true, encoding: .utf8)
            }
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["import", path.path]
            process.environment = cli.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let started = Date()
            try process.run()
            if attempts == 1 {
                process.waitUntilExit()
                importMicroseconds = Int(Date().timeIntervalSince(started) * 1_000_000)
            } else {
                usleep(UInt32(Int.random(in: 0...importMicroseconds, using: &random)))
            }
            if ClerkProcesses.sigkill(process) {
                kills += 1
                let auditStarted = Date()
                try audit(cli.databasePath, after: "kill \(kills) of an import of \(prefix)")
                auditSeconds += Date().timeIntervalSince(auditStarted)
                let present = try refs(prefix, in: cli.databasePath)
                if present > 0 && present < linesPerFile { killsBetweenCommits += 1 }
                continue
            }
            // It finished first: the re-runs so far have completed this file.
            XCTAssertEqual(process.terminationStatus, 0)
            try allFilesComplete(through: file)
            file += 1
            if file - firstFileOfHall == filesPerHall {
                cli = try BinaryRunner()
                halls.append(cli)
                XCTAssertEqual(try cli.run(["init"]).status, 0)
                firstFileOfHall = file
            }
        }
        XCTAssertGreaterThanOrEqual(kills, target)
        XCTAssertGreaterThan(killsBetweenCommits, 0, "some kills left a file half imported (whole batches only)")
        // The file last killed: one more run completes it, every application is there once, and
        // the whole chain (recomputed) holds.
        let last = cli.directory.appendingPathComponent("crash\(file).jsonl")
        if FileManager.default.fileExists(atPath: last.path) {
            XCTAssertTrue(try cli.ok(["import", last.path]).contains("bad lines 0"))
            try allFilesComplete(through: file)
        }
        let check = try cli.run(["check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        print("crash/import: \(kills) kills (\(killsBetweenCommits) between two commits of a file) during imports of \(linesPerFile) lines (\(importMicroseconds / 1000) ms each), \(file) files completed by re-runs in \(halls.count) databases; audits \(Int(auditSeconds * 1000)) ms")
    }

    func testKilledActionRunsLoseNothingTheyReported() throws {
        let target = sizeFromEnvironment("WICKET_CRASH_RUNS", default: 50)
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: ["c1", "c2", "c3"], supervisors: ["sup"], cases: 150)
        let numbers = try ReliabilityAudit(path: cli.databasePath).db.query("SELECT number FROM cases").map { $0.string(at: 0) }
        var records: [ActionRecord] = []
        var stressKills = 0
        var binaryKills = 0
        var auditSeconds = 0.0
        for round in 0..<target {
            // Two stress clerks with more work than they can finish, and one clerk at a shell.
            let logs = (0..<2).map { cli.directory.appendingPathComponent("crash-\(round)-\($0).log") }
            let stress = try ["c1", "sup"].enumerated().map { index, login in
                try ClerkProcesses.startStress(database: cli.databasePath, actor: login, actions: 1_000_000,
                                               seed: random.next(), log: logs[index])
            }
            usleep(UInt32(Int.random(in: 15_000...120_000, using: &random)))
            let shell = Process()
            shell.executableURL = BinaryRunner.binary
            shell.arguments = random.chance(0.3) ? ["--as", "c3", "next"]
                : ["--as", "c3", "act", random.pick(numbers), random.pick(["claim", "note", "accept", "release"]), "--text", "x"]
            shell.environment = cli.environment
            shell.standardOutput = FileHandle.nullDevice
            shell.standardError = FileHandle.nullDevice
            try shell.run()
            usleep(UInt32(Int.random(in: 0...25_000, using: &random)))
            if ClerkProcesses.sigkill(shell) { binaryKills += 1 }
            for process in stress where ClerkProcesses.sigkill(process) { stressKills += 1 }
            var reported: [ActionRecord] = []
            for log in logs {
                // Killed before it made its log (a loaded machine starts processes slowly): it reported nothing.
                guard FileManager.default.fileExists(atPath: log.path) else { continue }
                let parsed = ActionRecord.parseLog(try String(contentsOf: log, encoding: .utf8))
                XCTAssertEqual(parsed.locked + parsed.errors, [], "round \(round)")
                reported += parsed.records
            }
            // The history is append-only (and `wicket check` at the end proves the chain), so what
            // is in it now stays: each round's reports need checking once.
            records += reported
            let auditStarted = Date()
            try audit(cli.databasePath, after: "round \(round) of killed action runs", records: reported)
            auditSeconds += Date().timeIntervalSince(auditStarted)
        }
        XCTAssertGreaterThanOrEqual(stressKills, target)
        XCTAssertGreaterThan(records.count, target * 10, "the killed clerks got work done between kills")
        let check = try cli.run(["check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        print("crash/actions: \(stressKills) wicket-stress and \(binaryKills) wicket act/next processes killed in \(target) rounds; \(records.count) reported actions all in the history; audits \(Int(auditSeconds * 1000)) ms")
    }
}
