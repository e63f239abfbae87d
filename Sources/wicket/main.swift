import Foundation
import WicketCore

// Exit status: 0 done, 1 refused or bad input (message on stderr), 2 usage.
let environment = ProcessInfo.processInfo.environment
var words = Array(CommandLine.arguments.dropFirst())
var databasePath: String?
var actingUser: String?

do {
    // Global options come before the command.
    while let first = words.first, first.hasPrefix("--") {
        words.removeFirst()
        switch first {
        case "--db":
            guard !words.isEmpty else { throw UsageError(message: "--db needs a PATH") }
            databasePath = words.removeFirst()
        case "--as":
            guard !words.isEmpty else { throw UsageError(message: "--as needs a LOGIN") }
            actingUser = words.removeFirst()
        case "--help":
            words = ["help"]
        case "--version":
            words = ["version"]
        default:
            if first.hasPrefix("--db=") { databasePath = String(first.dropFirst(5)); continue }
            if first.hasPrefix("--as=") { actingUser = String(first.dropFirst(5)); continue }
            throw UsageError(message: "unknown option \(first) (see `wicket help`)")
        }
    }
    let context = CommandContext(databasePathOption: databasePath, realLogin: CommandContext.loginName(environment),
                                 asOption: actingUser, clock: try CommandContext.clock(environment),
                                 environment: environment)
    guard let name = words.first else {
        try Workstation.open(context.openStore(), as: context.actingUser, actedBy: context.actedBy)
        exit(0)
    }
    guard let spec = Commands.all.first(where: { $0.name == name }) else {
        throw UsageError(message: "unknown command '\(name)' (see `wicket help`)")
    }
    let rest = Array(words.dropFirst())
    if rest.contains("--help") || rest.first == "help" {
        Output.line(spec.help)
        exit(0)
    }
    let arguments = try ParsedArguments.parse(rest, for: spec)
    exit(try spec.run(arguments, context))
} catch let error as UsageError {
    Output.error(error.message)
    exit(2)
} catch let error as WorkflowError {
    Output.error(error.description)
    exit(1)
} catch let error as StoreError {
    Output.error(error.description)
    exit(1)
} catch let error as DatabaseError {
    Output.error("database error: \(error.message)")
    exit(1)
} catch {
    Output.error("\(error)")
    exit(1)
}
