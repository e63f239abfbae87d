import Foundation
import WicketCore
import WicketTUI

/// The measured operations, each run many times on the fixture (or a working copy of it).
struct Operations {
    let fixture: String
    let work: String
    let wicket: String
    let cases: Int

    /// The whole `wicket screen` process, as a clerk starting the workstation would wait for it.
    func startToFirstFrame(runs: Int) throws -> Row {
        let samples = try Clock.measure(runs) { _ in
            _ = try ProcessRunner.run(wicket, ["--db", fixture, "--as", Fixture.clerk, "screen", "--size", "100x30"])
        }
        return Row(operation: "process start → first inbox frame", median: samples.median, p99: samples.p99, unit: "ms",
                   target: .atMost(30), floor: try Shell.processFloor(fixture, sql: inboxSQL(login: Fixture.clerk)))
    }

    /// One key, the update it causes, and drawing the new frame, in the real engine.
    func keyToFrame(runs: Int) throws -> [Row] {
        let store = try CaseStore.open(path: fixture, clock: Fixture.clock)
        var rows: [Row] = []
        func measure(_ name: String, login: String = Fixture.supervisor, width: Int = 100, setup: String = "",
                     key: String, reset: String = "") throws {
            let engine = try WorkstationEngine(store: store, login: login, width: width, height: 30)
            for key in try KeyScript.parse(setup) { engine.handle(key) }
            let keys = try KeyScript.parse(key)
            let resets = try KeyScript.parse(reset)
            var samples = Samples()
            for _ in 0..<runs {
                let start = Clock.now()
                for key in keys { engine.handle(key) }
                _ = engine.render()
                samples.add(Clock.now() - start)
                for key in resets { engine.handle(key) }
            }
            var row = Row(operation: "key → frame: \(name)", median: samples.median, p99: samples.p99, unit: "ms",
                          target: .atMost(10))
            row.checksP99 = true
            rows.append(row)
        }
        try measure("move (j)", setup: "5", key: "j", reset: "")
        try measure("page down", setup: "5g", key: "<PgDn>")
        try measure("jump to end (G)", setup: "5", key: "G", reset: "g")
        try measure("open case (Enter)", width: 80, setup: "5", key: "<Enter>", reset: "<Esc>j")
        try measure("switch tab", login: Fixture.clerk, key: "2", reset: "5")
        // The Consultations tab beside the cases (cases / 5 consultations, a few hundred open).
        try measure("consultations tab (6)", login: Fixture.clerk, key: "6", reset: "5")
        try measure("consultations: move (j)", setup: "6", key: "j", reset: "k")
        return rows
    }

    func search(runs: Int) throws -> [Row] {
        let store = try CaseStore.open(path: fixture, clock: Fixture.clock)
        var rows: [Row] = []
        for (label, text) in [("common", "户口迁移"), ("rare", "钱晓明")] {
            let filter = CaseFilter(search: text, limit: 50)
            var found = 0
            let samples = try Clock.measure(runs) { _ in found = try CaseQueries.list(filter, in: store).count }
            rows.append(Row(operation: "search first page: \(label) \"\(text)\" (\(found) shown)", median: samples.median,
                            p99: samples.p99, unit: "ms", target: .atMost(50),
                            floor: try Shell.queryFloor(fixture, statements: CaseQueries.shellSQL(filter, store: store))))
        }
        return rows
    }

    func dashboard(runs: Int) throws -> Row {
        let store = try CaseStore.open(path: fixture, clock: Fixture.clock)
        let samples = try Clock.measure(runs) { _ in _ = try ReportBuilder(store: store).build(period: .days(30)) }
        return Row(operation: "full dashboard (30 days, all departments)", median: samples.median, p99: samples.p99,
                   unit: "ms", target: .atMost(100))
    }

    /// Accept on submitted cases: the transaction, the history event and the stored reply.
    func transition(runs: Int) throws -> Row {
        let store = try CaseStore.open(path: work, clock: Fixture.clock)
        let numbers = try CaseQueries.list(CaseFilter(statuses: [.submitted], limit: runs), in: store).map(\.number)
        let workflow = Workflow(store: store)
        let samples = try Clock.measure(numbers.count) { index in
            try workflow.perform(ActionRequest(caseNumber: numbers[index], action: .accept, actor: Fixture.supervisor))
        }
        return Row(operation: "one transition (accept + history + reply)", median: samples.median, p99: samples.p99,
                   unit: "ms", target: .atMost(5))
    }

    /// 40 marked cases accepted at once (`performEach`): 40 transactions, each with its history
    /// event and its own templated reply. One sample is the whole batch.
    func bulkAct(batches: Int) throws -> Row {
        let store = try CaseStore.open(path: work, clock: Fixture.clock)
        let numbers = try CaseQueries.list(CaseFilter(statuses: [.submitted], limit: 40 * batches), in: store).map(\.number)
        guard numbers.count == 40 * batches else { throw BenchError("only \(numbers.count) submitted cases for \(batches) batches of 40") }
        let workflow = Workflow(store: store)
        let request = ActionRequest(caseNumber: "", action: .accept, actor: Fixture.supervisor)
        let samples = try Clock.measure(batches) { batch in
            let targets = numbers[(batch * 40)..<(batch * 40 + 40)].map { CaseTarget($0) }
            let results = workflow.performEach(request, on: targets)
            if let refused = results.first(where: \.isRefused) { throw BenchError("bulk accept refused: \(refused)") }
        }
        return Row(operation: "40 cases at once (accept + history + templated reply each)", median: samples.median,
                   p99: samples.p99, unit: "ms", target: .atMost(1000))
    }

    func takeNext(runs: Int) throws -> Row {
        let store = try CaseStore.open(path: work, clock: Fixture.clock)
        let workflow = Workflow(store: store)
        let samples = try Clock.measure(runs) { _ in _ = try workflow.takeNext(actor: Fixture.clerk) }
        return Row(operation: "take next", median: samples.median, p99: samples.p99, unit: "ms", target: .atMost(5))
    }

    /// 100,000 portal lines into a new database, in cases per second.
    func importRate(folder: String, lines: Int) throws -> Row {
        let file = "\(folder)/import-\(lines).jsonl"
        if !FileManager.default.fileExists(atPath: file) { try Fixture.importLines(lines).write(to: URL(fileURLWithPath: file)) }
        var rates = Samples()
        for run in 0..<3 {
            let path = "\(folder)/import-target-\(run).db"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let store = try CaseStore.create(path: path, creator: "admin", clock: Fixture.clock)
            var importer = Importer(store: store, actor: "admin")
            if let size = ProcessInfo.processInfo.environment["WICKET_BENCH_IMPORT_BATCH"].flatMap({ Int($0) }) {
                importer.batchSize = size
            }
            let start = Clock.now()
            let summary = try importer.run(from: try FileHandle(forReadingFrom: URL(fileURLWithPath: file)))
            let seconds = (Clock.now() - start) / 1000
            guard summary.errors.isEmpty, summary.imported == lines else {
                throw BenchError("import failed: \(summary.errors.prefix(3))")
            }
            rates.add(Double(lines) / seconds)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return Row(operation: "import \(lines) lines", median: rates.median, p99: nil, unit: "cases/s", target: .atLeast(50_000))
    }

    /// A clerk's `wicket act` (the whole process, as at a shell) while nothing else runs, then while
    /// a 100,000-line import runs beside it (in this process, on its own connection): the import
    /// yields the write lock between batches, so the action waits at most about one batch.
    /// Also the import's rate beside the clerk and how long its batches held the lock.
    func clerkDuringImport(folder: String, lines: Int, runs: Int) throws -> [Row] {
        let file = "\(folder)/import-\(lines).jsonl"
        if !FileManager.default.fileExists(atPath: file) { try Fixture.importLines(lines).write(to: URL(fileURLWithPath: file)) }
        let store = try CaseStore.open(path: work, clock: Fixture.clock)
        var numbers = try CaseQueries.list(CaseFilter(statuses: [.submitted], limit: 100_000), in: store).map(\.number)
        func act() throws -> Double {
            guard let number = numbers.popLast() else { throw BenchError("no submitted case left to accept") }
            let start = Clock.now()
            let outcome = try ProcessRunner.run(wicket, ["--db", work, "--as", Fixture.supervisor, "act", number, "accept"])
            guard outcome.status == 0 else { throw BenchError("wicket act \(number) accept failed: \(outcome.output)") }
            return Clock.now() - start
        }
        var idle = Samples()
        for _ in 0..<runs {
            idle.add(try act())
            usleep(50_000)
        }

        final class Shared: @unchecked Sendable {
            let lock = NSLock()
            var done = false
            var holds = Samples()
            var seconds = 0.0
            var failure: String?
        }
        let shared = Shared()
        let path = work
        let importer = Thread {
            do {
                let store = try CaseStore.open(path: path, clock: Fixture.clock)
                var importer = Importer(store: store, actor: "admin")
                if let size = ProcessInfo.processInfo.environment["WICKET_BENCH_IMPORT_BATCH"].flatMap({ Int($0) }) {
                    importer.batchSize = size
                }
                importer.checkpointsEachBatch = ProcessInfo.processInfo.environment["WICKET_BENCH_NO_CHECKPOINT"] == nil
                importer.onBatchWritten = { _, seconds in shared.lock.withLock { shared.holds.add(seconds * 1000) } }
                let start = Clock.now()
                let summary = try importer.run(from: try FileHandle(forReadingFrom: URL(fileURLWithPath: file)))
                shared.lock.withLock {
                    shared.seconds = (Clock.now() - start) / 1000
                    if summary.imported != lines { shared.failure = "imported \(summary.imported) of \(lines)" }
                }
            } catch {
                shared.lock.withLock { shared.failure = "\(error)" }
            }
            shared.lock.withLock { shared.done = true }
        }
        importer.start()
        // A clerk acts every 50 ms or so (a busier clerk than any real one), not back to back:
        // the figure is how long one action takes beside the import, not how fast one can be repeated.
        var busy = Samples()
        while !shared.lock.withLock({ shared.done }) {
            busy.add(try act())
            usleep(50_000)
        }
        if let failure = shared.failure { throw BenchError("import beside the clerk failed: \(failure)") }
        var during = Row(operation: "clerk act during \(lines)-line import (\(busy.milliseconds.count) acts)", median: busy.median,
                         p99: busy.p99, unit: "ms", target: .atMost(150))
        during.checksP99 = true
        return [
            Row(operation: "clerk act (wicket act, idle floor)", median: idle.median, p99: idle.p99, unit: "ms", target: .none),
            during,
            Row(operation: "import batch: write lock held", median: shared.holds.median, p99: shared.holds.p99, unit: "ms",
                target: .none),
            Row(operation: "import \(lines) lines beside the clerk", median: Double(lines) / shared.seconds, p99: nil,
                unit: "cases/s", target: .none),
        ]
    }

    func inboxSQL(login: String) throws -> String {
        let store = try CaseStore.open(path: fixture, clock: Fixture.clock)
        let user = try CaseQueries.user(login, in: store)
        return try CaseQueries.shellSQL(CaseFilter(department: user?.department, holder: login, limit: 500), store: store)
            .joined(separator: "; ")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
