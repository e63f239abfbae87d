import Foundation
import WicketCore
import XCTest

/// A shared host made as README "A shared host" says, in a fresh folder (the prefix) instead of
/// `/usr/local` and `/srv`: `PREFIX/bin/wicket` root's and setgid to the service group,
/// `PREFIX/etc/wicket/wicket.conf` naming the hall's database, the hall's folder
/// `PREFIX/srv/wicket` of the service group, mode 2770. The admin and the clerks are OS users
/// *outside* the service group, each with their own primary group and umask 022.
struct HallHost {
    static let group = "wktsvc"
    static let admin = "wktadmin"
    static let clerks = ["wktclerka", "wktclerkb"]

    let prefix: String
    var binary: String { prefix + "/bin/wicket" }
    var hallFolder: String { prefix + "/srv/wicket" }
    var database: String { hallFolder + "/hall.db" }

    static func make() throws -> HallHost {
        guard geteuid() == 0 else { throw XCTSkip("needs root to add OS users and install a setgid program (CI runs as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { throw XCTSkip("runuser is missing") }
        try system(["/usr/sbin/groupadd", "-f", "--system", group])
        for user in [admin] + clerks where getpwnam(user) == nil {
            // -N with no -G: each person's primary group is their own, none is in the service group.
            try system(["/usr/sbin/useradd", "-M", "-U", "-s", "/usr/sbin/nologin", user])
        }
        let prefix = "/tmp/wicket-host-\(UUID().uuidString.prefix(8))"
        let host = HallHost(prefix: prefix)
        try system(["/usr/bin/install", "-d", "-o", "root", "-g", "root", "-m", "755", prefix, prefix + "/bin", prefix + "/etc", prefix + "/etc/wicket", prefix + "/srv", prefix + "/incoming"])
        // The program: copied where every user may run it (the checkout may be under /root).
        try system(["/usr/bin/install", "-o", "root", "-g", group, "-m", "2755", BinaryRunner.binary.path, host.binary])
        try system(["/usr/bin/install", "-d", "-o", "root", "-g", group, "-m", "2770", host.hallFolder])
        try "# the hall of the tests\ndb = \(host.database)\n".write(toFile: prefix + "/etc/wicket/wicket.conf", atomically: true, encoding: .utf8)
        _ = chmod(prefix + "/etc/wicket/wicket.conf", 0o644)
        return host
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: prefix)
        for user in [Self.admin] + Self.clerks { _ = try? Self.system(["/usr/sbin/userdel", user]) }
        _ = try? Self.system(["/usr/sbin/groupdel", Self.group])
    }

    static let applications = (1...6).map {
        #"{"ref":"sh-\#($0)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:3\#($0):00+08:00","applicant":{"name":"申请人\#($0)"},"summary":"s"}"#
    }.joined(separator: "\n")

    /// Root makes the hall (`init --as` the admin); the admin registers both clerks (PSB) and imports six applications.
    func setUpHall() throws {
        let initialised = try runAsRoot(["init", "--as", Self.admin])
        XCTAssertEqual(initialised.status, 0, initialised.stderr)
        for clerk in Self.clerks { try run(Self.admin, ["users", "add", clerk, "--role", "clerk", "--dept", "PSB"]) }
        let file = prefix + "/incoming/apps.jsonl"
        try Self.applications.write(toFile: file, atomically: true, encoding: .utf8)
        _ = chmod(file, 0o644)
        try run(Self.admin, ["import", file])
    }

    // MARK: running

    /// Starts a process with the test's small environment; stdout and stderr apart (or together).
    private func spawn(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                       errorsWithOutput: Bool = false) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": prefix].merging(environment) { $1 }
        let output = Pipe()
        let errors = errorsWithOutput ? output : Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output, errors)
    }

    /// `wicket ARGUMENTS` as `user`, with the everyday umask 022.
    func launch(_ user: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        try spawn("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", "umask 022; exec \"$0\" \"$@\"", binary] + arguments,
                  environment: environment)
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `wicket ARGUMENTS` as `user`; `expect` is the exit status wanted (nil: any).
    @discardableResult
    func run(_ user: String, _ arguments: [String], environment: [String: String] = [:], expect: Int32? = 0,
             file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        let (process, output, errors) = try launch(user, arguments, environment: environment)
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if let expect {
            XCTAssertEqual(process.terminationStatus, expect, "\(user): wicket \(arguments.joined(separator: " ")): \(err)", file: file, line: line)
        }
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    func runAsRoot(_ arguments: [String]) throws -> Result {
        let (process, output, errors) = try spawn(binary, arguments)
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }

    /// A shell command as `user` (what a clerk with a shell on the host can do), output and errors together.
    func shell(_ user: String, _ command: String) throws -> (status: Int32, output: String) {
        let (process, output, _) = try spawn("/usr/sbin/runuser", ["-u", user, "--", "/bin/sh", "-c", command], errorsWithOutput: true)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @discardableResult
    static func system(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "system", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(arguments.joined(separator: " ")): \(text)"])
        }
        return text
    }

    static func fileInfo(_ path: String) -> (mode: UInt32, owner: String, group: String)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt32(info.st_mode & 0o7777),
                getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(info.st_uid),
                getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? String(info.st_gid))
    }
}
