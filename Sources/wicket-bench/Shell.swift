import Foundation

/// Runs processes: the real `wicket` binary, and the `sqlite3` shell as the floor to compare with.
enum ProcessRunner {
    struct Outcome {
        let status: Int32
        let output: String
    }

    static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["WICKET_NOW"] = Fixture.now
        environment["LANG"] = "C.UTF-8"
        let output = Pipe()
        let stdin = Pipe()
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, stdin.fileHandleForReading.fileDescriptor, 0)
        posix_spawn_file_actions_adddup2(&actions, output.fileHandleForWriting.fileDescriptor, 1)
        // The child must not keep the pipes' other ends, or nobody ever sees end of file.
        for descriptor in [stdin.fileHandleForReading, stdin.fileHandleForWriting, output.fileHandleForReading,
                           output.fileHandleForWriting].map(\.fileDescriptor) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else {
            throw BenchError("cannot start \(executable)")
        }
        try? stdin.fileHandleForReading.close()
        try? output.fileHandleForWriting.close()
        if let input { try stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return Outcome(status: status, output: String(decoding: data, as: UTF8.self))
    }
}

enum Shell {
    static var sqlite3: String? {
        ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The median time the `sqlite3` shell's timer reports for `statements` (summed), run 15
    /// times in one shell.
    static func queryFloor(_ database: String, statements: [String]) throws -> Double? {
        guard let sqlite3, !statements.isEmpty else { return nil }
        let round = statements.map { $0 + ";\n" }.joined()
        let script = ".timer on\n.output /dev/null\n" + String(repeating: round, count: 15)
        let outcome = try ProcessRunner.run(sqlite3, ["-readonly", database], input: script)
        let times = outcome.output.split(separator: "\n").filter { $0.hasPrefix("Run Time: real ") }.compactMap {
            $0.dropFirst("Run Time: real ".count).split(separator: " ").first.flatMap { Double($0) }
        }
        var samples = Samples()
        for start in stride(from: 0, to: times.count - statements.count + 1, by: statements.count) {
            samples.add(times[start..<start + statements.count].reduce(0, +) * 1000)
        }
        return samples.milliseconds.isEmpty ? nil : samples.median
    }

    /// A whole `sqlite3` process answering the inbox's first page: the floor for a process start.
    static func processFloor(_ database: String, sql: String) throws -> Double? {
        guard let sqlite3 else { return nil }
        let samples = try Clock.measure(15) { _ in _ = try ProcessRunner.run(sqlite3, ["-readonly", database, sql]) }
        return samples.median
    }
}
