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
                let outcome = try ProcessRunner.run(wicket, ["--db", path, "--as", Fixture.supervisor, "screen", "--size",
                                                            "160x45", "--keys", "5G<Enter>/户口<Enter>"])
                samples.add(outcome.maxRSSMegabytes)
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
            FileHandle.standardError.write(Data("building wicket (\(configuration)) …\n".utf8))
            let outcome = try ProcessRunner.run("/usr/bin/env", ["swift", "build", "-c", configuration, "--product", "wicket"])
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
