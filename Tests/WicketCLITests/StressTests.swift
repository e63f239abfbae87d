import Foundation
import WicketCore
import XCTest

/// Many clerks, one database: eight `wicket-stress` processes (seven PSB clerks and a supervisor,
/// 2,000 random actions each by default) and, at the same time, eight shell clerks running the real
/// `wicket act` / `wicket next`, all on one SQLite file. Afterwards every reported success must be
/// exactly one history event, nothing else may be in the history, versions rise by one per case,
/// no clerk ever acted on a case another clerk held, and nobody saw "database is locked".
///
/// Larger: WICKET_STRESS_ACTIONS (per stress process), WICKET_STRESS_BINARY_RUNS (per shell clerk).
final class StressTests: XCTestCase {
    static let clerks = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"]
    static let supervisors: Set<String> = ["sup"]

    func testEightClerksOnOneDatabaseLoseNothing() throws {
        let actions = sizeFromEnvironment("WICKET_STRESS_ACTIONS", default: 2000)
        let binaryRuns = sizeFromEnvironment("WICKET_STRESS_BINARY_RUNS", default: 40)
        let seed = UInt64(sizeFromEnvironment("WICKET_STRESS_SEED", default: Int.random(in: 1...1_000_000)))
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.prepareHall(clerks: Self.clerks, supervisors: Array(Self.supervisors), cases: 240)
        let caseNumbers = try ReliabilityAudit(path: cli.databasePath).db.query("SELECT number FROM cases ORDER BY id")
            .map { $0.string("number") }

        let started = Date()
        let people = Self.clerks + ["sup"]
        let logs = people.map { cli.directory.appendingPathComponent("stress-\($0).log") }
        let stress = try people.enumerated().map { index, login in
            try ClerkProcesses.startStress(database: cli.databasePath, actor: login, actions: actions,
                                           seed: seed &+ UInt64(index), log: logs[index])
        }
        // The shell clerks run while the stress processes do.
        let shell = Collected<BinaryClerk.Results>()
        let environment = cli.environment
        let databasePath = cli.databasePath
        onThreads(people.count) { index in
            var clerk = BinaryClerk(actor: people[index], environment: environment, caseNumbers: caseNumbers,
                                    random: SeededRandom(seed: seed &+ 1000 &+ UInt64(index)))
            do {
                shell.append(try clerk.work(runs: binaryRuns, databasePath: databasePath))
            } catch {
                var failed = BinaryClerk.Results()
                failed.otherFailures.append("\(error)")
                shell.append(failed)
            }
        }
        for process in stress { process.waitUntilExit() }
        let seconds = Date().timeIntervalSince(started)

        var records: [ActionRecord] = []
        for (index, log) in logs.enumerated() {
            let parsed = ActionRecord.parseLog(try String(contentsOf: log, encoding: .utf8))
            XCTAssertEqual(parsed.locked, [], "\(people[index]) met a locked database (seed \(seed))")
            XCTAssertEqual(parsed.errors, [], "\(people[index]) failed (seed \(seed))")
            XCTAssertEqual(stress[index].terminationStatus, 0, "\(people[index])'s wicket-stress")
            records += parsed.records
        }
        let stressSuccesses = records.count
        for results in shell.all {
            XCTAssertEqual(results.databaseErrors, [], "a shell clerk saw a database error (seed \(seed))")
            XCTAssertEqual(results.otherFailures, [], "seed \(seed)")
            records += results.records
        }
        // Not vacuous: a good share of the actions must have gone through, in both kinds of process.
        XCTAssertGreaterThan(stressSuccesses, people.count * actions / 5)
        XCTAssertGreaterThan(records.count - stressSuccesses, people.count * binaryRuns / 5)
        XCTAssertTrue(records.contains { $0.takeNext })

        let audit = try ReliabilityAudit(path: cli.databasePath)
        XCTAssertEqual(try audit.integrity(), "ok")
        XCTAssertEqual(try audit.matches(records, complete: true), [], "seed \(seed)")
        XCTAssertEqual(try audit.halfWrittenCases(), [], "seed \(seed)")
        XCTAssertEqual(try audit.holders(records, supervisors: Self.supervisors), [], "seed \(seed)")
        let check = try cli.run(["check"])
        XCTAssertEqual(check.status, 0, check.stderr)

        let attempted = people.count * (actions + binaryRuns)
        print("""
            stress (seed \(seed)): \(attempted) actions attempted by \(people.count) wicket-stress + \(people.count) shell clerks \
            in \(String(format: "%.1f", seconds)) s (\(Int(Double(attempted) / seconds)) actions/s), \(records.count) went \
            through (\(stressSuccesses) from wicket-stress, \(records.count - stressSuccesses) from wicket act/next), \
            \(shell.all.map(\.refused).reduce(0, +)) shell refusals
            """)
    }
}
