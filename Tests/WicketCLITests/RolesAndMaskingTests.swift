import Foundation
import WicketCore
import XCTest

/// Roles on the real binary: who may use `--as`, what clerks, supervisors and admins may do
/// (each refusal says why), and that personal numbers stay masked unless revealed — and a
/// reveal is in the history.
final class RolesAndMaskingTests: XCTestCase {
    var cli: BinaryRunner!

    /// The login of the person running the tests: the binary reads the same (from the user id).
    static let realLogin: String = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "unknown" }
        return String(cString: name)
    }()

    static let applications = """
        {"ref":"r-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"110105198501011234","phone":"13700000000"},"summary":"购房落户","materials":["ID-CARD"]}
        {"ref":"r-2","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳","id_number":"440106199001181234","phone":"13800000000"},"summary":"一孩生育登记","materials":["ID-CARD"]}
        """

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        // The real login creates the database and so is its first admin.
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--dept", "PSB"])
        try cli.ok(["users", "add", "hp", "--name", "刘洋", "--dept", "HEALTH"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        try cli.ok(["import", "-"], stdin: Self.applications)
    }

    override func tearDown() { cli.remove() }

    /// Turns the real login into `role` directly in the file (no `--as` needed to do it).
    func makeRealLogin(_ role: Role, department: String? = "PSB") throws {
        let store = try CaseStore.open(path: cli.databasePath)
        // The hall keeps an admin (the last one cannot step down): the tests' own.
        try Administration(store: store).saveUser(User(login: "wkt-admin", displayName: "test admin", role: .admin, department: nil))
        try Administration(store: store).saveUser(User(login: Self.realLogin, displayName: "me", role: role,
                                                       department: role == .clerk ? department : nil))
    }

    func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try cli.run(arguments, file: file, line: line)
        XCTAssertEqual(result.status, 1, "expected a refusal for \(arguments): \(result.stdout)", file: file, line: line)
        return result.stderr
    }

    func history(_ number: String) throws -> [CaseDetail.HistoryEvent] {
        try CaseDetail.load(number: number, in: try CaseStore.open(path: cli.databasePath)).history
    }

    // MARK: --as

    func testAsIsForAdminsAndRecordsWhoReallyActed() throws {
        try cli.ok(["--as", "li", "act", "2026-000001", "note", "--text", "窗口来电"])
        let note = try XCTUnwrap(try history("2026-000001").last)
        XCTAssertEqual(note.actor, "li")
        XCTAssertTrue(note.details.contains("\"acted_by\":\"\(Self.realLogin)\""), note.details)
        // Acting as oneself is not impersonation: nothing extra recorded.
        try cli.ok(["act", "2026-000001", "note", "--text", "自己"])
        XCTAssertFalse(try history("2026-000001").last!.details.contains("acted_by"))
    }

    func testAsIsRefusedToClerksSupervisorsAndStrangersOutsideADemo() throws {
        try makeRealLogin(.clerk)
        var message = try refusal(["--as", "sun", "act", "2026-000001", "note", "--text", "x"])
        XCTAssertTrue(message.contains("--as sun refused: only an admin may act as another user"), message)
        XCTAssertTrue(message.contains("you are \(Self.realLogin), a clerk"), message)
        // Reading is acting too: the list would be the other person's view.
        XCTAssertTrue(try refusal(["--as", "li", "list"]).contains("only an admin"))
        try makeRealLogin(.supervisor)
        XCTAssertTrue(try refusal(["--as", "li", "next"]).contains("a supervisor"))
        // Without --as the clerk simply acts as themselves.
        try makeRealLogin(.clerk)
        XCTAssertTrue(try cli.ok(["act", "2026-000001", "claim"]).contains("held by \(Self.realLogin)"))
        try CaseStore.open(path: cli.databasePath).db.execute("UPDATE users SET role = 'admin', active = 0 WHERE login = ?",
                                                               Self.realLogin)
        message = try refusal(["--as", "li", "show", "2026-000001"])
        XCTAssertTrue(message.contains("you are \(Self.realLogin), deactivated"), message)
    }

    /// `init --as boss` names the first admin (there is nobody to ask yet); the person at the
    /// terminal is then a stranger to the database and cannot use `--as` on it.
    func testAStrangerCannotActAsAnyone() throws {
        let other = try BinaryRunner()
        defer { other.remove() }
        XCTAssertTrue(try other.ok(["--as", "boss", "init"]).contains("boss is admin"))
        let result = try other.run(["--as", "boss", "users", "add", "me", "--role", "admin"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("you are \(Self.realLogin), not registered in this database"), result.stderr)
    }

    func testAsIsAllowedInADemoDatabase() throws {
        try makeRealLogin(.clerk)
        XCTAssertTrue(try refusal(["--as", "li", "next"]).contains("only an admin"))
        try CaseStore.open(path: cli.databasePath).setSetting("demo", "1")
        XCTAssertTrue(try cli.ok(["--as", "li", "next"]).contains("held by li"))
    }

    // MARK: what each role may do

    func testEveryRefusalSaysWhy() throws {
        try cli.ok(["--as", "li", "act", "2026-000001", "accept"])
        let cases: [([String], String)] = [
            // Another department's case is, for a clerk, no case at all (CaseAccessTests).
            (["--as", "hp", "act", "2026-000001", "note", "--text", "x"], "no case 2026-000001 that you may see"),
            (["--as", "zhang", "act", "2026-000001", "start-review"], "is held by li; ask them or a supervisor"),
            (["--as", "zhang", "act", "2026-000001", "release"], "is held by li"),
            (["--as", "li", "act", "2026-000001", "assign", "--to", "zhang"], "only a supervisor or admin may assign"),
            (["--as", "li", "act", "2026-000001", "extend", "--days", "3", "--reason", "r"], "only a supervisor or admin may extend"),
            (["--as", "sun", "users", "add", "x", "--dept", "PSB"], "only an admin may add users (you are supervisor sun)"),
            (["--as", "li", "settings", "set", "yellow_percent", "60"], "only an admin may change settings"),
            (["--as", "sun", "calendar", "load", "/dev/null"], "only an admin may load a calendar"),
            (["--as", "sun", "catalog", "load", "/dev/null"], "only an admin may load a catalog"),
            (["--as", "li", "templates", "load", "/dev/null"], "only an admin may load templates"),
            (["--as", "hp", "show", "2026-000001", "--reveal"], "no case 2026-000001 that you may see"),
        ]
        for (arguments, why) in cases {
            let message = try refusal(arguments)
            XCTAssertTrue(message.contains(why), "\(arguments): \(message)")
        }
        // Clerks list their own department's cases; supervisors every department's.
        XCTAssertEqual(try cli.ok(["--as", "hp", "list"]).contains("2026-000001"), false)
        XCTAssertTrue(try cli.ok(["--as", "hp", "list", "--status", "submitted"]).contains("2026-000002"), "BIRTH-REG is HEALTH's")
        XCTAssertTrue(try refusal(["--as", "hp", "list", "--dept", "PSB"]).contains("clerks see their own department's cases (HEALTH)"))
        XCTAssertTrue(try cli.ok(["--as", "sun", "list"]).contains("2026-000001"))
        // Supervisors reassign and extend; the held case moves to zhang.
        XCTAssertTrue(try cli.ok(["--as", "sun", "act", "2026-000001", "assign", "--to", "zhang"]).contains("held by zhang"))
        try cli.ok(["--as", "zhang", "act", "2026-000001", "start-review"])
        try cli.ok(["--as", "sun", "act", "2026-000001", "extend", "--days", "3", "--reason", "需核查"])
    }

    // MARK: masking and reveal

    func testNumbersAreMaskedEverywhereUntilRevealedAndARevealIsRecorded() throws {
        let full = ["110105198501011234", "13700000000"]
        let outputs = [
            try cli.ok(["list"]), try cli.ok(["list", "--json"]), try cli.ok(["show", "2026-000001"]),
            try cli.ok(["show", "2026-000001", "--json"]), try cli.ok(["report"]), try cli.ok(["report", "--csv"]),
            try cli.ok(["report", "--json"]),
        ]
        for output in outputs {
            for number in full { XCTAssertFalse(output.contains(number), "unmasked \(number) in:\n\(output)") }
        }
        XCTAssertTrue(outputs[2].contains("1101**********1234"))
        XCTAssertTrue(outputs[2].contains("137****0000"))
        let before = try history("2026-000001").count

        // A PSB clerk who does not hold the case may look, and the look is one event, one version.
        let shown = try cli.ok(["--as", "zhang", "show", "2026-000001", "--reveal"])
        XCTAssertTrue(shown.contains("ID 110105198501011234  phone 13700000000"), shown)
        XCTAssertTrue(shown.contains("zhang reveal: submitted"), "the printed history includes this look:\n\(shown)")
        let events = try history("2026-000001")
        XCTAssertEqual(events.count, before + 1)
        XCTAssertEqual(events.last?.action, "reveal")
        XCTAssertEqual(events.last?.actor, "zhang")
        XCTAssertEqual(events.last?.from, events.last?.to, "a reveal does not change the status")
        XCTAssertEqual(events.map(\.version), Array(1...events.count), "versions still strictly increase by one")
        let detail = try CaseDetail.load(number: "2026-000001", in: try CaseStore.open(path: cli.databasePath))
        XCTAssertEqual(detail.record.version, events.count)
        XCTAssertNil(detail.record.holder, "looking does not claim the case")

        let json = try cli.json(["--as", "sun", "show", "2026-000001", "--reveal", "--json"]) as! [String: Any]
        let applicant = json["applicant"] as! [String: Any]
        XCTAssertEqual(applicant["id_number"] as? String, full[0])
        XCTAssertEqual(applicant["phone"] as? String, full[1])
        // A refused reveal changes nothing.
        _ = try refusal(["--as", "hp", "show", "2026-000001", "--reveal"])
        XCTAssertEqual(try history("2026-000001").count, before + 2)
    }
}
