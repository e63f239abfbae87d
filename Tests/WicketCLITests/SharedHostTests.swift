import Foundation
import WicketCore
import XCTest

/// Two clerks as two OS users in one group, on one database in a shared folder: one after the
/// other and at the same time, nobody meets "attempt to write a readonly database". Needs root
/// (to add the users); skipped otherwise. The users are made for the test and removed after it.
final class SharedHostTests: XCTestCase {
    static let group = "wkthall"
    static let clerks = ["wktclerka", "wktclerkb"]
    static let now = "2026-11-27T10:00:00+08:00"
    var folder: URL!

    override func setUpWithError() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to add OS users (runs in CI as root)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { throw XCTSkip("runuser is missing") }
        try Self.system(["/usr/sbin/groupadd", "-f", Self.group])
        for clerk in Self.clerks where !Self.userExists(clerk) {
            // -N: each clerk's primary group is not the hall's, as on a real host.
            try Self.system(["/usr/sbin/useradd", "-M", "-N", "-G", Self.group, "-s", "/usr/sbin/nologin", clerk])
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    }

    override func tearDown() {
        guard geteuid() == 0 else { return }
        if let folder { try? FileManager.default.removeItem(at: folder) }
        for clerk in Self.clerks { _ = try? Self.system(["/usr/sbin/userdel", clerk]) }
        _ = try? Self.system(["/usr/sbin/groupdel", Self.group])
    }

    // MARK: helpers

    static func userExists(_ name: String) -> Bool { getpwnam(name) != nil }

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

    var database: String { folder.appendingPathComponent("hall.db").path }

    /// `wicket` as an OS user with the everyday umask 022, which alone would leave files
    /// unwritable by the group.
    func launch(_ user: String, _ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", user, "--", "/bin/sh", "-c", "umask 022; exec \"$0\" \"$@\"",
                             BinaryRunner.binary.path, "--db", database] + arguments
        process.environment = ["WICKET_NOW": Self.now, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, output, errors)
    }

    @discardableResult
    func run(_ user: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (process, output, errors) = try launch(user, arguments)
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(user): wicket \(arguments.joined(separator: " ")): \(err)",
                       file: file, line: line)
        return out
    }

    func mode(_ path: String) -> (mode: UInt32, group: String)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt32(info.st_mode & 0o7777), getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "?")
    }

    static let applications = (1...6).map {
        #"{"ref":"sh-\#($0)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:3\#($0):00+08:00","applicant":{"name":"申请人\#($0)"},"summary":"s"}"#
    }.joined(separator: "\n")

    /// Both clerks, one after the other, then many processes of both at once.
    func work(file: StaticString = #filePath, line: UInt = #line) throws {
        let (a, b) = (Self.clerks[0], Self.clerks[1])
        XCTAssertTrue(try run(a, ["init"]).contains("\(a) is admin"), file: file, line: line)
        try run(a, ["users", "add", b, "--role", "clerk", "--dept", "PSB"])
        try run(a, ["users", "add", "li", "--role", "clerk", "--dept", "PSB"])
        let importFile = folder.appendingPathComponent("apps.jsonl")
        try Self.applications.write(to: importFile, atomically: true, encoding: .utf8)
        _ = chmod(importFile.path, 0o644)
        try run(a, ["import", importFile.path])
        XCTAssertTrue(try run(b, ["next"]).contains("held by \(b)"), file: file, line: line)
        try run(b, ["act", "2026-000001", "accept"])
        try run(a, ["act", "2026-000001", "note", "--text", "admin looked"])

        // At the same time: 8 processes per clerk, each writing.
        var running: [(Process, Pipe, Pipe, String)] = []
        for round in 0..<8 {
            for (user, number) in [(a, "2026-000002"), (b, "2026-000001")] {
                let (process, output, errors) = try launch(user, ["act", number, "note", "--text", "round \(round)"])
                running.append((process, output, errors, user))
            }
        }
        for (process, output, errors, user) in running {
            _ = output.fileHandleForReading.readDataToEndOfFile()
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(user): \(err)", file: file, line: line)
            XCTAssertFalse(err.contains("readonly"), err, file: file, line: line)
        }
        let store = try CaseStore.open(path: database)
        XCTAssertEqual(try CaseDetail.load(number: "2026-000001", in: store).notes.count, 9, file: file, line: line)
        XCTAssertEqual(try CaseDetail.load(number: "2026-000002", in: store).notes.count, 8, file: file, line: line)
        XCTAssertEqual(mode(database)?.mode, 0o660, "rw for the group, nothing for others", file: file, line: line)
        XCTAssertEqual(mode(database)?.group, Self.group, file: file, line: line)
        for suffix in ["-wal", "-shm"] {
            guard let companion = mode(database + suffix) else { continue }
            XCTAssertEqual(companion.group, Self.group, suffix, file: file, line: line)
            XCTAssertEqual(companion.mode & 0o060, 0o060, suffix, file: file, line: line)
        }
    }

    /// README's set-up: a setgid folder of the hall's group.
    func testTwoClerksInASetgidFolder() throws {
        try Self.system(["/bin/chgrp", Self.group, folder.path])
        try Self.system(["/bin/chmod", "2770", folder.path])
        try work()
    }

    /// A group-writable folder without setgid: new files would get each clerk's own group;
    /// Wicket gives them the database's.
    func testTwoClerksInAPlainGroupFolder() throws {
        try Self.system(["/bin/chgrp", Self.group, folder.path])
        try Self.system(["/bin/chmod", "0770", folder.path])
        try work()
    }

    /// While one clerk's workstation holds the database open (its -wal and -shm exist, made by
    /// that user), the other clerk's commands write, and the workstation shows the change.
    func testAWorkstationOfOneClerkAndCommandsOfTheOther() throws {
        try Self.system(["/bin/chgrp", Self.group, folder.path])
        try Self.system(["/bin/chmod", "0770", folder.path])
        let (a, b) = (Self.clerks[0], Self.clerks[1])
        try run(a, ["init"])
        try run(a, ["users", "add", b, "--role", "clerk", "--dept", "PSB"])
        let importFile = folder.appendingPathComponent("apps.jsonl")
        try Self.applications.write(to: importFile, atomically: true, encoding: .utf8)
        try run(a, ["import", importFile.path])
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        let command = "/usr/sbin/runuser -u \(a) -- /usr/bin/env LANG=C.UTF-8 TERM=xterm-256color WICKET_NOW=\(Self.now) " +
            "/bin/sh -c 'umask 022; exec \"$0\" \"$@\"' \(TmuxServer.quote(BinaryRunner.binary.path)) --db \(TmuxServer.quote(database))"
        let pane = try tmux.start("shared", width: 100, height: 30, command: command)
        pane.waitFor(" Wicket ", "2026-000006")
        XCTAssertTrue(try run(b, ["next"]).contains("held by \(b)"))
        try run(b, ["act", "2026-000001", "accept"])
        pane.waitFor("accepted")
        pane.press("Q")
        pane.waitFor("EXITED 0")
    }
}
