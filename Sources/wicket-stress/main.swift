import Foundation
import WicketCore

// wicket-stress: a test tool, not part of the product. One process plays one clerk (or supervisor)
// doing random actions through the same WicketCore calls the `wicket` binary makes, many per
// process, so the stress and crash tests can run eight of them on one database in about a minute.
// Every action that went through is logged (one line, written before the next action) so the tests
// can hold the database to account: each logged outcome must be exactly one history event.
//
// usage: wicket-stress --db PATH --actor LOGIN --actions N --seed S --log PATH

let usage = "usage: wicket-stress --db PATH --actor LOGIN --actions N --seed S --log PATH"

func option(_ name: String) -> String? {
    let words = CommandLine.arguments
    guard let index = words.firstIndex(of: name), index + 1 < words.count else { return nil }
    return words[index + 1]
}

guard let path = option("--db"), let actor = option("--actor"), let logPath = option("--log"),
      let actions = option("--actions").flatMap(Int.init), let seed = option("--seed").flatMap(UInt64.init) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}

_ = FileManager.default.createFile(atPath: logPath, contents: nil)
guard let log = FileHandle(forWritingAtPath: logPath) else {
    FileHandle.standardError.write(Data("cannot write \(logPath)\n".utf8))
    exit(2)
}

/// One line per write(2): a SIGKILL can cut at most the line being written.
func record(_ fields: [String]) {
    log.write(Data((fields.joined(separator: "\t") + "\n").utf8))
}

var tally = Tally()
let started = Date()
do {
    let store = try CaseStore.open(path: path)
    var clerk = try RandomClerk(store: store, login: actor, seed: seed)
    for _ in 0..<actions {
        do {
            let outcome = try clerk.actOnce()
            tally.succeeded += 1
            record(["ok", String(outcome.historyEventID), outcome.caseNumber, outcome.action.rawValue, outcome.from.rawValue,
                    outcome.to.rawValue, String(outcome.version), outcome.holder ?? "-", actor,
                    clerk.lastWasTakeNext ? "take-next" : "-"])
        } catch let refusal as WorkflowError {
            // A refusal is the workflow doing its job (stale version, not the holder, wrong state).
            tally.refused[RandomClerk.kind(of: refusal), default: 0] += 1
        } catch let error as DatabaseError where error.isBusy {
            tally.locked += 1
            record(["locked", error.description])
        } catch {
            tally.failed += 1
            record(["error", "\(error)"])
        }
    }
} catch {
    record(["error", "\(error)"])
    tally.failed += 1
}
tally.seconds = Date().timeIntervalSince(started)
let summary = try JSONEncoder().encode(tally)
FileHandle.standardOutput.write(summary + Data("\n".utf8))
exit(tally.locked + tally.failed == 0 ? 0 : 1)

struct Tally: Codable {
    var succeeded = 0
    var refused: [String: Int] = [:]
    var locked = 0
    var failed = 0
    var seconds = 0.0
}
