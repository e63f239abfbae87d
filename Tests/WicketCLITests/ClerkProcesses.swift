import Foundation
import WicketCore

/// Starts the processes of the stress and crash tests: `wicket-stress` (one clerk, many actions
/// per process) and the real `wicket` binary (one action per process, as from a shell).
enum ClerkProcesses {
    /// Built beside `wicket` by `swift build` / `swift test`.
    static var stressBinary: URL {
        BinaryRunner.binary.deletingLastPathComponent().appendingPathComponent("wicket-stress")
    }

    /// A running `wicket-stress`; its log is read after it ends (or is killed).
    static func startStress(database: String, actor: String, actions: Int, seed: UInt64, log: URL) throws -> Process {
        let process = Process()
        process.executableURL = stressBinary
        process.arguments = ["--db", database, "--actor", actor, "--actions", String(actions), "--seed", String(seed),
                             "--log", log.path]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "WICKET_DELIVERY_COMMAND")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// SIGKILL: no handler, no cleanup, no flush; what SQLite has not committed must vanish.
    /// Returns whether the process was still running (a real kill, not a late one).
    @discardableResult
    static func sigkill(_ process: Process) -> Bool {
        let wasRunning = process.isRunning
        if wasRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    struct Run: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The real binary, once, from a worker thread (no XCTest calls here).
    static func wicket(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }
}

/// A clerk at a shell: looks at a random case (status and version, as `wicket show` would tell),
/// then runs `wicket act … --json` or `wicket next --json`.
struct BinaryClerk {
    let actor: String
    let environment: [String: String]
    let caseNumbers: [String]
    var random: SeededRandom

    struct Results: Sendable {
        var records: [ActionRecord] = []
        var refused = 0
        /// "database is locked" or any other database error a person would have seen.
        var databaseErrors: [String] = []
        var otherFailures: [String] = []
    }

    /// The arguments of one random action on what `reader` shows now.
    mutating func nextArguments(reader: Database) throws -> [String] {
        if random.chance(0.1) { return ["--as", actor, "next", "--json"] }
        let number = random.pick(caseNumbers)
        guard let seen = try reader.queryOne("SELECT status, version FROM cases WHERE number = ?", number),
              let status = CaseStatus(rawValue: seen.string("status")) else { return ["--as", actor, "next", "--json"] }
        let allowed = Lifecycle.actions(from: status).filter { $0 != .transfer && $0 != .followUp && $0 != .material }
        guard !allowed.isEmpty else { return ["--as", actor, "next", "--json"] }
        let action = random.pick(allowed)
        var arguments = ["--as", actor, "act", number, action.rawValue, "--json"]
        if random.chance(0.7) { arguments += ["--version", String(seen.int("version"))] }
        switch action {
        case .reject, .deny, .suspend, .withdraw: arguments += ["--reason", "现场核查"]
        case .extend: arguments += ["--reason", "专家评审", "--days", "2"]
        case .note, .reply: arguments += ["--text", "已电话联系"]
        case .supplement: arguments += ["--materials", "ID-CARD", "--text", "补交"]
        case .rate: arguments += ["--rating", "good"]
        case .assign: arguments += ["--to", actor]
        default: break
        }
        return arguments
    }

    mutating func work(runs: Int, databasePath: String) throws -> Results {
        var results = Results()
        let reader = try Database(path: databasePath, create: false, readOnly: true)
        for _ in 0..<runs {
            let arguments = try nextArguments(reader: reader)
            let run = try ClerkProcesses.wicket(arguments, environment: environment)
            switch run.status {
            case 0:
                guard let outcome = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any],
                      let id = outcome["history_id"] as? Int, let number = outcome["case"] as? String,
                      let action = outcome["action"] as? String, let from = outcome["from"] as? String,
                      let to = outcome["to"] as? String, let version = outcome["version"] as? Int else {
                    results.otherFailures.append("unreadable outcome of \(arguments): \(run.stdout)")
                    continue
                }
                results.records.append(ActionRecord(historyID: id, caseNumber: number, action: action, from: from, to: to,
                                                    version: version, holder: outcome["holder"] as? String, actor: actor,
                                                    takeNext: arguments.contains("next")))
            case 1:
                let message = run.stderr.lowercased()
                if message.contains("locked") || message.contains("busy") || message.contains("database error") {
                    results.databaseErrors.append(run.stderr)
                } else {
                    results.refused += 1
                }
            default:
                results.otherFailures.append("exit \(run.status) from \(arguments): \(run.stderr)")
            }
        }
        return results
    }
}

/// Starts `count` threads running `body(index)` and waits for all: the workers mostly wait on
/// child processes, so they need threads of their own, not a share of two cores.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }.start()
    }
    group.wait()
}

extension BinaryRunner {
    /// A hall for the reliability tests: PSB clerks, supervisors, and `cases` PSB applications.
    func prepareHall(clerks: [String], supervisors: [String], cases: Int) throws {
        let created = try run(["init"])
        precondition(created.status == 0, "wicket init failed: \(created.stderr)")
        for login in clerks { _ = try run(["users", "add", login, "--role", "clerk", "--dept", "PSB"]) }
        for login in supervisors { _ = try run(["users", "add", login, "--role", "supervisor"]) }
        let file = directory.appendingPathComponent("hall.jsonl")
        try Self.applications(count: cases, prefix: "hall", services: ["HUKOU-MOVE", "ID-RENEW", "RES-PERMIT"])
            .write(to: file, atomically: true, encoding: .utf8)
        let imported = try run(["import", file.path])
        precondition(imported.status == 0, "import failed: \(imported.stderr)")
    }

    /// JSON Lines of `count` applications spread over `services`, each with one material sent.
    static func applications(count: Int, prefix: String, services: [String]) -> String {
        (0..<count).map { index in
            let service = services[index % services.count]
            let material = ["ID-RENEW": "PHOTO"][service] ?? "ID-CARD"
            let day = 20 + index % 7
            return #"{"ref":"\#(prefix)-\#(index)","service":"\#(service)","channel":"online","submitted_at":"2026-11-\#(day)T09:30:00+08:00","applicant":{"name":"申请人\#(index)","id_number":"440106199001181234","phone":"13800000000"},"summary":"第\#(index)号申请","materials":["\#(material)"]}"#
        }.joined(separator: "\n") + "\n"
    }
}
