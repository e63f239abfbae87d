import Foundation
import XCTest

/// Runs the built `wicket` binary as a person would from a shell, on a scratch database.
struct BinaryRunner {
    let directory: URL
    var environment: [String: String]

    /// The products folder: `swift test` builds the executable beside the test bundle.
    static var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("wicket")
    }

    /// Logins the CLI suites register. `init` makes the tester's own login the first admin (identity
    /// comes from the uid), so a tester whose login is one of these would be made a clerk by the
    /// suite's own `users add`, which the last-admin rule refuses: say so plainly, once, up front.
    static let suiteLogins: Set<String> = ["li", "zhang", "sun", "hp", "sup", "wang", "c1", "c2", "c3", "c4", "zhao", "portal", "feed", "x", "me", "gone"]

    init(now: String = "2026-11-27T10:00:00+08:00") throws {
        let tester = String(cString: getpwuid(getuid())!.pointee.pw_name)
        if Self.suiteLogins.contains(tester) {
            throw NSError(domain: "BinaryRunner", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "the CLI tests register a user named \(tester), your own login, which init makes the first admin; run them under another login"])
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["WICKET_DB"] = directory.appendingPathComponent("hall.db").path
        environment["WICKET_NOW"] = now
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "WICKET_DELIVERY_COMMAND")
        // The tester's own config file and theme must not change what the tests see.
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        for name in ["WICKET_CONFIG", "WICKET_THEME", "WICKET_AMBIGUOUS_WIDTH", "NO_COLOR", "LC_ALL", "LC_MESSAGES"] {
            environment.removeValue(forKey: name)
        }
        self.environment = environment
    }

    var databasePath: String { environment["WICKET_DB"]! }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build wicket first", file: file, line: line)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { try input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so a full pipe never blocks the child.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs and expects exit 0, returning stdout.
    @discardableResult
    func ok(_ arguments: [String], stdin: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try run(arguments, stdin: stdin, file: file, line: line)
        XCTAssertEqual(result.status, 0, "wicket \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result.stdout
    }

    func json(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let text = try ok(arguments, file: file, line: line)
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
