import Foundation
import WicketCore

/// Peak memory of the workstation process at several database sizes: it must not grow with
/// the number of cases.
enum Memory {
    static func rows(wicket: String, sizes: [Int], folder: String) throws -> [Row] {
        var peaks: [(Int, Double)] = []
        for size in sizes {
            let path = try Fixture.ensure(cases: size, folder: folder)
            var samples = Samples()
            for _ in 0..<3 {
                samples.add(try PeakMemory.measure(wicket, ["--db", path, "--as", Fixture.supervisor, "screen", "--size",
                                                            "160x45", "--keys", "5G<Enter>/户口迁移<Enter>"]))
            }
            peaks.append((size, samples.median))
        }
        var rows = peaks.map { size, peak in
            Row(operation: "max RSS at \(size) cases", median: peak, p99: nil, unit: "MB", target: .atMost(48))
        }
        if let smallest = peaks.first?.1, let largest = peaks.last?.1, peaks.count > 1 {
            let growth = (largest - smallest) / smallest * 100
            rows.append(Row(operation: "RSS growth \(peaks.first!.0) → \(peaks.last!.0) cases", median: growth, p99: nil,
                            unit: "%", target: .atMost(10)))
        }
        return rows
    }
}

enum BenchSetup {
    /// The `wicket` binary beside this one; built first if `swift run` built only the benchmark.
    static func wicketBinary() throws -> String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let path = here.appendingPathComponent("wicket").path
        if !FileManager.default.isExecutableFile(atPath: path) {
            let configuration = here.lastPathComponent == "debug" ? "debug" : "release"
            // Into the build folder this benchmark came from (…/SCRATCH/<triple>/release), which
            // need not be .build (`swift run --scratch-path`).
            let scratch = here.deletingLastPathComponent().deletingLastPathComponent().path
            FileHandle.standardError.write(Data("building wicket (\(configuration)) …\n".utf8))
            let outcome = try ProcessRunner.run("/usr/bin/env", ["swift", "build", "-c", configuration, "--product", "wicket",
                                                                 "--scratch-path", scratch])
            guard outcome.status == 0, FileManager.default.isExecutableFile(atPath: path) else {
                throw BenchError("could not build wicket: \(outcome.output)")
            }
        }
        return path
    }

    static var machine: String {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let model = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(machine), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(model)"
    }

    static var date: String { Timestamp.format(Date()) }
}

/// The child's own peak resident memory (VmHWM), sampled from /proc while it runs. wait4's
/// ru_maxrss cannot be used here: a child spawned with vfork semantics inherits the parent's
/// high-water mark at exec, so it reports the benchmark's memory, not wicket's.
enum PeakMemory {
    static func measure(_ executable: String, _ arguments: [String]) throws -> Double {
        var environment = ProcessInfo.processInfo.environment
        environment["WICKET_NOW"] = Fixture.now
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { throw BenchError("cannot start \(executable)") }
        var peakKilobytes = 0
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let value = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
                peakKilobytes = max(peakKilobytes, value)
            }
            usleep(1000)
        }
        return Double(peakKilobytes) / 1024
    }
}
