import Foundation
import WicketCore
import XCTest

/// Claims the README makes that no other test held: each is checked here against the real binary.
final class ReadmeClaimsTests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        let line = #"{"ref":"claim-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳","id_number":"110105198501011234","phone":"13700000000"},"summary":"户口迁移","materials":[]}"#
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: line + "\n").contains("imported 1"))
    }

    override func tearDown() { cli?.remove() }

    private var realLogin: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    private func history(_ number: String) throws -> [[String: Any]] {
        let shown = try XCTUnwrap(try cli.json(["show", number, "--json"]) as? [String: Any])
        return try XCTUnwrap(shown["history"] as? [[String: Any]])
    }

    /// "The acting user is your login name (from the process's user id, not `$USER`)."
    func testTheActingUserComesFromTheUserIDNotTheEnvironment() throws {
        var impostor = cli!
        for name in ["USER", "LOGNAME", "SUDO_USER", "USERNAME"] { impostor.environment[name] = "li" }
        try impostor.ok(["act", "2026-000001", "note", "--text", "who am I"])
        let last = try XCTUnwrap(try history("2026-000001").last)
        XCTAssertEqual(last["actor"] as? String, realLogin, "the history names the uid's login, whatever $USER says")
        XCTAssertNotEqual(realLogin, "li")
    }

    /// "A plain build in a private folder makes `rw-------` files" — whatever the caller's umask.
    func testAPrivateDatabaseAndItsCompanionsAreReadableByTheOwnerOnly() throws {
        let fresh = cli.directory.appendingPathComponent("own.db").path
        var runner = cli!
        runner.environment["WICKET_DB"] = fresh
        let old = umask(0o022)
        defer { umask(old) }
        try runner.ok(["init"])
        try runner.ok(["users", "add", "zhao", "--name", "赵", "--role", "clerk", "--dept", "PSB"])
        for suffix in ["", "-wal", "-shm", ".key"] where FileManager.default.fileExists(atPath: fresh + suffix) {
            var info = stat()
            XCTAssertEqual(stat(fresh + suffix, &info), 0)
            let mode = info.st_mode & 0o777
            let name = suffix.isEmpty ? "the database" : suffix
            // The history key is read-only even to its owner (0400); nothing is open to group or others.
            XCTAssertEqual(mode, suffix == ".key" ? 0o400 : 0o600, "\(name): \(String(mode, radix: 8))")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: fresh), "init made the database")
    }

    /// "`demo` … never writes into a database that is not a demo."
    func testDemoRefusesARealHallAndLeavesItsBytes() throws {
        let files = ["", "-wal"].map { cli.databasePath + $0 }
        let before = files.map { FileManager.default.contents(atPath: $0) }
        let result = try cli.run(["demo", "--db", cli.databasePath, "--cases", "5"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("is not a demo database; demo never writes into a real one"), result.stderr)
        XCTAssertEqual(files.map { FileManager.default.contents(atPath: $0) }, before, "not a byte of the hall changed")
        XCTAssertEqual(try history("2026-000001").count, 1)
    }

    /// "The command comes from $WICKET_DELIVERY_COMMAND or the delivery_command setting": the
    /// variable wins, and the command gets the reply as JSON on stdin.
    func testDeliveryUsesTheCommandFromTheEnvironment() throws {
        try cli.ok(["act", "2026-000001", "reply", "--text", "请携带身份证原件"])
        let received = cli.directory.appendingPathComponent("received.json").path
        let setting = cli.directory.appendingPathComponent("setting-used").path
        try cli.ok(["settings", "set", "delivery_command", "touch \(setting)"])
        var service = cli!
        service.environment["WICKET_DELIVERY_COMMAND"] = "cat > \(received)"
        let delivered = try service.ok(["deliver"])
        XCTAssertTrue(delivered.contains("1"), delivered)
        let payload = try XCTUnwrap(FileManager.default.contents(atPath: received))
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        XCTAssertEqual(json["case_number"] as? String, "2026-000001")
        XCTAssertEqual(json["body"] as? String, "请携带身份证原件")
        XCTAssertFalse(FileManager.default.fileExists(atPath: setting), "the variable beats the setting")
        let messages = try XCTUnwrap((try cli.json(["show", "2026-000001", "--json"]) as? [String: Any])?["messages"] as? [[String: Any]])
        XCTAssertEqual(messages.last?["delivery_state"] as? String, "sent")
    }

    /// "`--json` output is stable: keys are snake_case, absent values are `null`, never missing."
    func testAbsentValuesAreNullNeverEmptyOrMissing() throws {
        let bare = #"{"ref":"claim-2","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T10:30:00+08:00","applicant":{"name":"李雷"},"materials":[]}"#
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: bare + "\n").contains("imported 1"))
        try cli.ok(["act", "2026-000002", "accept"])
        let shown = try XCTUnwrap(try cli.json(["show", "2026-000002", "--json"]) as? [String: Any])
        let applicant = try XCTUnwrap(shown["applicant"] as? [String: Any])
        for (key, value) in [("id_number", applicant["id_number"]), ("phone", applicant["phone"]),
                             ("summary", shown["summary"]), ("details", shown["details"])] {
            XCTAssertTrue(value is NSNull, "\(key): \(String(describing: value))")
        }
        let history = try XCTUnwrap(shown["history"] as? [[String: Any]])
        XCTAssertTrue(history.allSatisfy { $0["reason"] is NSNull }, "no action here needed a reason: \(history)")
        let messages = try XCTUnwrap(shown["messages"] as? [[String: Any]])
        XCTAssertFalse(messages.isEmpty)
        XCTAssertTrue(messages.allSatisfy { $0["last_error"] is NSNull && $0.keys.contains("delivery_state") }, "\(messages)")
        let listed = try XCTUnwrap(try cli.json(["list", "--json", "--search", "李雷"]) as? [[String: Any]])
        XCTAssertTrue(listed.first?["id_number"] is NSNull, "\(listed)")
    }
}
