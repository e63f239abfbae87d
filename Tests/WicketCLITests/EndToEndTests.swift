import Foundation
import XCTest

/// The README's walk-through, run on the real binary: init, import, list, a whole lifecycle,
/// refusals with their exit codes, show with the full history, take next and the report.
final class EndToEndTests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws { cli = try BinaryRunner() }
    override func tearDown() { cli.remove() }

    static let applications = """
        {"ref":"portal-000123","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-20T09:30:00+08:00","applicant":{"name":"王芳","id_number":"440106199001181234","phone":"13800000000"},"summary":"一孩生育登记","details":"材料已上传","materials":["ID-CARD","HUKOU-BOOK"],"priority":"normal"}
        {"ref":"portal-000124","service":"HUKOU-MOVE","channel":"mobile","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"John Smith","id_number":"440106199001095678","phone":"13900000000"},"summary":"moving to join my daughter","materials":["ID-CARD"],"lang":"en"}
        {"ref":"portal-000125","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-27T08:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"110105198501011234","phone":"13700000000"},"summary":"购房落户","materials":[]}
        this line is not JSON
        """

    func testWholeLifecycleFromTheCommandLine() throws {
        XCTAssertTrue(try cli.ok(["init", "--help"]).contains("usage:"))
        XCTAssertTrue(try cli.ok(["init"]).contains("13 service items"))
        let again = try cli.run(["init"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already holds a Wicket database"))

        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "hp", "--name", "刘洋", "--dept", "HEALTH"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        XCTAssertTrue(try cli.ok(["users", "list"]).contains("李娜"))

        let file = cli.directory.appendingPathComponent("apps.jsonl")
        try Self.applications.write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", file.path])
        XCTAssertEqual(imported.status, 1, "one bad line")
        XCTAssertTrue(imported.stdout.contains("imported 3"))
        XCTAssertTrue(imported.stderr.contains("line 4: not JSON"))
        XCTAssertTrue(try cli.run(["import", "-"], stdin: Self.applications).stdout.contains("already present 3"))

        // BIRTH-REG promises an answer within 1 working day: submitted Friday 20 Nov, overdue by Friday 27 Nov.
        let overdue = try cli.json(["list", "--level", "overdue", "--json"]) as! [[String: Any]]
        XCTAssertEqual(overdue.map { $0["number"] as? String }, ["2026-000001"])
        XCTAssertEqual(overdue.first?["id_number"] as? String, "4401**********1234", "ID numbers are masked in lists")
        let found = try cli.json(["list", "--search", "欧阳娜", "--json"]) as! [[String: Any]]
        XCTAssertEqual(found.map { $0["number"] as? String }, ["2026-000003"])

        let hukou = "2026-000002"
        let refusedOther = try cli.run(["--as", "hp", "act", hukou, "accept"])
        XCTAssertEqual(refusedOther.status, 1)
        XCTAssertTrue(refusedOther.stderr.contains("no case \(hukou) that you may see"), "another department's case is no case for a clerk")
        let noReason = try cli.run(["--as", "li", "act", hukou, "reject"])
        XCTAssertEqual(noReason.status, 1)
        XCTAssertTrue(noReason.stderr.contains("needs a reason"))
        let badAction = try cli.run(["--as", "li", "act", hukou, "teleport"])
        XCTAssertEqual(badAction.status, 2, "usage errors exit 2")

        try cli.ok(["--as", "li", "act", hukou, "request-materials"])
        try cli.ok(["--as", "li", "act", hukou, "supplement", "--materials", "APPLICATION,HUKOU-BOOK,KINSHIP-PROOF",
                    "--text", "All documents attached"])
        let stale = try cli.run(["--as", "li", "act", hukou, "accept", "--version", "2"])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.stderr.contains("changed since you read it"))
        let accepted = try cli.json(["--as", "li", "act", hukou, "accept", "--version", "3", "--json"]) as! [String: Any]
        XCTAssertEqual(accepted["to"] as? String, "accepted")
        XCTAssertEqual(accepted["version"] as? Int, 4)
        try cli.ok(["--as", "li", "act", hukou, "note", "--text", "申请人女儿陪同来窗口"])
        try cli.ok(["--as", "li", "act", hukou, "start-review"])
        try cli.ok(["--as", "li", "act", hukou, "suspend", "--reason", "需现场核查"])
        try cli.ok(["--as", "li", "act", hukou, "resume"])
        let extendByClerk = try cli.run(["--as", "li", "act", hukou, "extend", "--days", "5", "--reason", "复杂"])
        XCTAssertEqual(extendByClerk.status, 1)
        try cli.ok(["--as", "sun", "act", hukou, "extend", "--days", "5", "--reason", "需核实亲属关系"])
        try cli.ok(["--as", "li", "act", hukou, "approve"])
        try cli.ok(["--as", "li", "act", hukou, "deliver", "--window"])
        try cli.ok(["--as", "sun", "act", hukou, "rate", "--rating", "good"])

        let shown = try cli.json(["show", hukou, "--json"]) as! [String: Any]
        XCTAssertEqual(shown["status"] as? String, "completed")
        let history = shown["history"] as! [[String: Any]]
        XCTAssertEqual(history.map { $0["action"] as? String },
                       ["submit", "request-materials", "supplement", "accept", "note", "start-review", "suspend", "resume",
                        "extend", "approve", "deliver", "rate"])
        XCTAssertEqual(history.map { $0["version"] as? Int }, Array(1...12))
        XCTAssertEqual(history[8]["actor"] as? String, "sun")
        XCTAssertEqual(history[6]["reason"] as? String, "需现场核查")
        let messages = shown["messages"] as! [[String: Any]]
        XCTAssertTrue((messages.first?["body"] as? String)?.hasPrefix("Dear John Smith") == true, "English applicant")
        XCTAssertEqual((shown["applicant"] as? [String: Any])?["phone"] as? String, "139****0000")
        let text = try cli.ok(["show", hukou])
        XCTAssertTrue(text.contains("v12"), text)
        XCTAssertTrue(text.contains("需现场核查"))

        let taken = try cli.json(["--as", "li", "next", "--json"]) as! [String: Any]
        XCTAssertEqual(taken["case"] as? String, "2026-000003")
        XCTAssertEqual(try cli.run(["--as", "li", "next"]).status, 1, "nothing left to take")

        let csv = try cli.ok(["report", "--period", "7d", "--csv"])
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}section,key,value\n"), "a byte order mark, then the header")
        XCTAssertTrue(csv.contains("flow,completed,1"), csv)
        XCTAssertTrue(csv.contains("flow,extensions granted,1"), csv)
        let report = try cli.json(["report", "--json"]) as! [String: Any]
        XCTAssertEqual(report["open_total"] as? Int, 2)
    }

    func testDatabaseProblemsNameTheFile() throws {
        let missing = try cli.run(["list"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains(cli.databasePath))
        XCTAssertTrue(missing.stderr.contains("wicket init"))
        try "hello".write(toFile: cli.databasePath, atomically: true, encoding: .utf8)
        let garbage = try cli.run(["list"])
        XCTAssertEqual(garbage.status, 1)
        XCTAssertTrue(garbage.stderr.contains("is not an SQLite database"), garbage.stderr)
        XCTAssertEqual(try String(contentsOfFile: cli.databasePath, encoding: .utf8), "hello")
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try cli.run(["frobnicate"]).status, 2)
        XCTAssertEqual(try cli.run(["list", "--bogus"]).status, 2)
        XCTAssertEqual(try cli.run(["act", "2026-000001"]).status, 2)
        XCTAssertEqual(try cli.run(["list", "--limit", "many"]).status, 2)
        XCTAssertTrue(try cli.ok(["help"]).contains("commands:"))
    }

    func testApplicantTextNeverReachesTheTerminalRaw() throws {
        try cli.ok(["init"])
        let hostile = #"{"ref":"h-1","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-27T09:00:00+08:00","applicant":{"name":"王\u001b]0;pwned\u0007芳\u202e","id_number":"110105198501011234","phone":"13700000000"},"summary":"\u001b[2J\u009b31m清屏","materials":[]}"#
        try cli.ok(["import", "-"], stdin: hostile)
        for arguments in [["list"], ["show", "2026-000001"]] {
            let output = try cli.ok(arguments)
            for scalar in output.unicodeScalars {
                let v = scalar.value
                XCTAssertFalse((v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || v == 0x202E,
                               "raw U+\(String(v, radix: 16)) in `wicket \(arguments.joined(separator: " "))`")
            }
            XCTAssertTrue(output.contains("王"), output)
        }
    }
}
