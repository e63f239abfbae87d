import Foundation
import WicketCore

// wicket-bench [--cases N] [--folder DIR] [--runs R]: makes (once) a deterministic database of N
// realistic cases, measures Wicket's operations on it and prints a table; exit 1 if a target is missed.
var cases = 1_000_000
var folder = FileManager.default.currentDirectoryPath + "/.build/bench"
var runs = 200
/// nil: every operation. Otherwise the names given to --only.
var only: Set<String>? = nil
let operationNames = ["start", "keys", "search", "dashboard", "transition", "bulk", "next", "import", "clerk", "memory", "board"]
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    guard !arguments.isEmpty || option == "--help" else { fatalError("\(option) needs a value") }
    switch option {
    case "--cases": cases = Int(arguments.removeFirst()) ?? cases
    case "--folder": folder = arguments.removeFirst()
    case "--runs": runs = Int(arguments.removeFirst()) ?? runs
    case "--only":
        let names = arguments.removeFirst().split(separator: ",").map(String.init)
        if let unknown = names.first(where: { !operationNames.contains($0) }) {
            print("wicket-bench: unknown operation \(unknown); choose from \(operationNames.joined(separator: ", "))")
            exit(2)
        }
        only = Set(names)
    default:
        print("usage: wicket-bench [--cases N (default 1000000)] [--folder DIR (default .build/bench)] [--runs R (default 200)]")
        print("                    [--only \(operationNames.joined(separator: ","))]")
        exit(option == "--help" ? 0 : 2)
    }
}

do {
    let wicket = try BenchSetup.wicketBinary()
    let fixture = try Fixture.ensure(cases: cases, folder: folder)
    func wanted(_ name: String) -> Bool { only?.contains(name) ?? true }
    // Only the operations that change the database need the (gigabytes-large) working copy.
    let changes = wanted("transition") || wanted("bulk") || wanted("next") || wanted("clerk")
    let operations = Operations(fixture: fixture, work: changes ? try Fixture.workingCopy(of: fixture) : fixture,
                                wicket: wicket, cases: cases)
    var rows: [Row] = []
    if wanted("start") { rows.append(try operations.startToFirstFrame(runs: max(10, runs / 10))) }
    if wanted("keys") { rows += try operations.keyToFrame(runs: runs) }
    if wanted("search") { rows += try operations.search(runs: max(10, runs / 4)) }
    if wanted("dashboard") { rows.append(try operations.dashboard(runs: max(5, runs / 20))) }
    if wanted("board") {
        try BenchBookings.ensure(fixture: fixture)
        rows += try operations.board(runs: runs)
    }
    if wanted("transition") { rows.append(try operations.transition(runs: runs)) }
    if wanted("bulk") { rows.append(try operations.bulkAct(batches: max(5, runs / 20))) }
    if wanted("next") { rows.append(try operations.takeNext(runs: runs)) }
    if wanted("import") { rows.append(try operations.importRate(folder: folder, lines: 100_000)) }
    if wanted("clerk") { rows += try operations.clerkDuringImport(folder: folder, lines: 100_000, runs: max(20, runs / 4)) }
    if wanted("memory") {
        rows += try Memory.rows(wicket: wicket, sizes: Set([10_000, 100_000, cases]).sorted(), folder: folder)
    }
    Table.print(rows, cases: cases, machine: BenchSetup.machine, date: BenchSetup.date)
    exit(rows.allSatisfy(\.ok) ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("wicket-bench: \(error)\n".utf8))
    exit(2)
}
