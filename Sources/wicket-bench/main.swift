import Foundation
import WicketCore

// wicket-bench [--cases N] [--folder DIR] [--runs R]: makes (once) a deterministic database of N
// realistic cases, measures Wicket's operations on it and prints a table; exit 1 if a target is missed.
var cases = 1_000_000
var folder = FileManager.default.currentDirectoryPath + "/.build/bench"
var runs = 200
var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    guard !arguments.isEmpty || option == "--help" else { fatalError("\(option) needs a value") }
    switch option {
    case "--cases": cases = Int(arguments.removeFirst()) ?? cases
    case "--folder": folder = arguments.removeFirst()
    case "--runs": runs = Int(arguments.removeFirst()) ?? runs
    default:
        print("usage: wicket-bench [--cases N (default 1000000)] [--folder DIR (default .build/bench)] [--runs R (default 200)]")
        exit(option == "--help" ? 0 : 2)
    }
}

do {
    let wicket = try BenchSetup.wicketBinary()
    let fixture = try Fixture.ensure(cases: cases, folder: folder)
    let operations = Operations(fixture: fixture, work: try Fixture.workingCopy(of: fixture), wicket: wicket, cases: cases)
    var rows: [Row] = []
    rows.append(try operations.startToFirstFrame(runs: max(10, runs / 10)))
    rows += try operations.keyToFrame(runs: runs)
    rows += try operations.search(runs: max(10, runs / 4))
    rows.append(try operations.dashboard(runs: max(5, runs / 20)))
    rows.append(try operations.transition(runs: runs))
    rows.append(try operations.takeNext(runs: runs))
    rows.append(try operations.importRate(folder: folder, lines: 100_000))
    rows += try Memory.rows(wicket: wicket, sizes: Set([10_000, 100_000, cases]).sorted(), folder: folder)
    Table.print(rows, cases: cases, machine: BenchSetup.machine, date: BenchSetup.date)
    exit(rows.allSatisfy(\.ok) ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("wicket-bench: \(error)\n".utf8))
    exit(2)
}
