import Foundation
import WicketCore
import XCTest

/// One action that went through, as the process that made it reported it (a `wicket-stress` log
/// line, or `wicket act --json` / `wicket next --json`).
struct ActionRecord: Sendable {
    let historyID: Int
    let caseNumber: String
    let action: String
    let from: String
    let to: String
    let version: Int
    let holder: String?
    let actor: String
    let takeNext: Bool

    /// Log lines of `wicket-stress`: the last line may be cut by a SIGKILL, so only whole lines count.
    static func parseLog(_ text: String) -> (records: [ActionRecord], locked: [String], errors: [String]) {
        var records: [ActionRecord] = []
        var locked: [String] = []
        var errors: [String] = []
        let whole = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex)])
        for line in whole.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "ok" where fields.count == 10:
                records.append(ActionRecord(historyID: Int(fields[1])!, caseNumber: fields[2], action: fields[3], from: fields[4],
                                            to: fields[5], version: Int(fields[6])!, holder: fields[7] == "-" ? nil : fields[7],
                                            actor: fields[8], takeNext: fields[9] == "take-next"))
            case "locked": locked.append(fields.dropFirst().joined(separator: " "))
            default: errors.append(String(line))
            }
        }
        return (records, locked, errors)
    }
}

/// Holds a database to account after concurrent or killed runs. Each check returns the problems
/// it found (empty: all well), so a failing test lists what went wrong, not only that it did.
struct ReliabilityAudit {
    let db: Database

    init(path: String) throws {
        db = try Database(path: path, create: false)
    }

    /// SQLite's own check of the file after a crash or a run: "ok" or the first complaint.
    func integrity() throws -> String {
        try db.query("PRAGMA integrity_check").first?.string(at: 0) ?? "no answer"
    }

    /// No case half-written: its checklist, its `submit` event, and every event of it in order
    /// (versions 1…n without gaps) ending in the case's own status and version.
    func halfWrittenCases() throws -> [String] {
        var problems: [String] = []
        let queries = [
            "missing checklist rows": """
                SELECT number FROM cases c WHERE (SELECT count(*) FROM case_materials m WHERE m.case_id = c.id)
                    != (SELECT count(*) FROM service_materials s WHERE s.service_code = c.service_code)
                """,
            "no submit event at version 1": """
                SELECT number FROM cases c WHERE NOT EXISTS
                    (SELECT 1 FROM history h WHERE h.case_id = c.id AND h.action = 'submit' AND h.version = 1)
                """,
            "versions not 1…n": """
                SELECT c.number FROM cases c JOIN (SELECT case_id, count(*) AS n, count(DISTINCT version) AS d,
                    min(version) AS low, max(version) AS high FROM history GROUP BY case_id) v ON v.case_id = c.id
                WHERE v.n != v.d OR v.low != 1 OR v.high != v.n
                """,
            "status or version differs from the last event": """
                SELECT c.number FROM cases c JOIN history h ON h.id = (SELECT max(id) FROM history WHERE case_id = c.id)
                WHERE h.to_status != c.status OR h.version != c.version
                """,
            "versions not rising by one in event order": """
                SELECT c.number FROM (SELECT case_id, version, lag(version) OVER (PARTITION BY case_id ORDER BY id) AS prior
                    FROM history) v JOIN cases c ON c.id = v.case_id WHERE v.prior IS NOT NULL AND v.version != v.prior + 1
                LIMIT 5
                """,
        ]
        for (problem, sql) in queries.sorted(by: { $0.key < $1.key }) {
            let cases = try db.query(sql).map { $0.string(at: 0) }
            if !cases.isEmpty { problems.append("\(problem): \(cases.prefix(5).joined(separator: ", "))") }
        }
        if let row = try db.query("PRAGMA foreign_key_check").first {
            problems.append("foreign key: \(row.string(at: 0)) row \(row.string(at: 1))")
        }
        return problems
    }

    /// The chain's links, cheaply in SQL (the full recomputation is `wicket check`'s): ids without
    /// gaps, each event naming the hash of the one before.
    func chainLinks() throws -> [String] {
        let broken = try db.query("""
            SELECT h.id FROM history h LEFT JOIN history p ON p.id = h.id - 1
            WHERE h.hash IS NULL OR (h.id > 1 AND (p.id IS NULL OR h.previous_hash IS NOT p.hash))
            LIMIT 5
            """).map { "#\($0.int(at: 0))" }
        return broken.isEmpty ? [] : ["chain broken at \(broken.joined(separator: ", "))"]
    }

    /// Every reported success is exactly its own history event; with `complete`, the history has
    /// no other event besides the submissions (nothing lost, nothing extra).
    func matches(_ records: [ActionRecord], complete: Bool) throws -> [String] {
        var problems: [String] = []
        let ids = Set(records.map(\.historyID))
        if ids.count != records.count { problems.append("\(records.count - ids.count) history ids reported twice") }
        for record in records {
            guard let event = try db.queryOne("""
                SELECT c.number, h.action, h.to_status, h.version, h.actor FROM history h JOIN cases c ON c.id = h.case_id
                WHERE h.id = ?
                """, record.historyID) else {
                problems.append("lost update: \(record.action) on \(record.caseNumber) (event #\(record.historyID)) is not in the history")
                continue
            }
            if event.string("number") != record.caseNumber || event.string("action") != record.action
                || event.string("to_status") != record.to || event.int("version") != record.version
                || event.string("actor") != record.actor {
                problems.append("event #\(record.historyID) is not what \(record.actor) was told: \(event.values) vs \(record)")
            }
        }
        let events = try db.scalarInt("SELECT count(*) FROM history WHERE action != 'submit'") ?? 0
        if complete && events != ids.count {
            problems.append("\(events) events but \(ids.count) reported successes: something happened that nobody was told of")
        }
        return problems
    }

    /// Replays who held each case: a clerk claims (or takes next) only an unheld case and acts only
    /// on a case nobody else holds; the replay ends where the database is.
    func holders(_ records: [ActionRecord], supervisors: Set<String>) throws -> [String] {
        var problems: [String] = []
        var holder: [String: String] = [:]
        for record in records.sorted(by: { $0.historyID < $1.historyID }) {
            let before = holder[record.caseNumber]
            let closed = CaseStatus(rawValue: record.from)?.isTerminal ?? false
            let handles = CaseAction(rawValue: record.action).map { Lifecycle.rule(for: $0).handlesCase } ?? false
            if record.takeNext || record.action == "claim" {
                if let before { problems.append("\(record.actor) claimed \(record.caseNumber) held by \(before) (event #\(record.historyID))") }
            } else if !supervisors.contains(record.actor), handles, !closed, let before, before != record.actor {
                problems.append("\(record.actor) handled \(record.caseNumber) held by \(before) (event #\(record.historyID))")
            }
            holder[record.caseNumber] = record.holder
        }
        try db.forEachRow("SELECT number, holder FROM cases", arguments: []) { row in
            let number = row.string("number")
            if holder[number] != row.optionalString("holder") {
                problems.append("\(number) is held by \(row.optionalString("holder") ?? "nobody"), the replay says \(holder[number] ?? "nobody")")
            }
        }
        return problems
    }
}

/// A thread-safe list, for results gathered by concurrent workers.
final class Collected<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Element] = []

    func append(_ item: Element) { lock.withLock { items.append(item) } }
    func append(contentsOf more: [Element]) { lock.withLock { items.append(contentsOf: more) } }
    var all: [Element] { lock.withLock { items } }
}

/// Sizes: the CI default, or larger from the environment (README: Reliability).
func sizeFromEnvironment(_ name: String, default value: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
}
