import Foundation
import XCTest

/// `wicket consult` run as a person would: register, list, answer with the template's draft,
/// close, convert and import, in English and Chinese, with `--json`, checked against the database.
final class ConsultCLITests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "hp", "--name", "刘洋", "--role", "clerk", "--dept", "HEALTH"])
        try cli.ok(["users", "add", "portal", "--name", "门户", "--role", "portal"])
    }

    override func tearDown() { cli.remove() }

    func add(_ extra: [String] = [], as login: String = "hp") throws -> [String: Any] {
        try cli.json(["--as", login, "consult", "add", "--channel", "online", "--name", "陈静", "--phone", "13800000000",
                      "--service", "BIRTH-REG", "--question", "办生育服务卡要带什么？", "--json"] + extra) as! [String: Any]
    }

    func testRegisterAnswerWithTheDraftAndConvert() throws {
        let added = try add()
        let number = try XCTUnwrap(added["number"] as? String)
        XCTAssertEqual(number, "Z2026-000001")
        XCTAssertEqual(added["status"] as? String, "open")
        XCTAssertEqual(added["due_at"] as? String, "2026-11-30T02:00:00Z", "Friday 10:00 + one working day")
        XCTAssertEqual((added["asker"] as? [String: String])?["phone"], "138****0000", "masked as applicants' are")
        let list = try cli.ok(["--as", "hp", "consult", "list"])
        XCTAssertTrue(list.contains(number) && list.contains("open") && list.contains("30 Nov 2026 10:00"), list)
        XCTAssertTrue(try cli.ok(["--as", "li", "consult", "list"]).contains("no consultations"), "another department's")
        XCTAssertEqual(try cli.run(["--as", "li", "consult", "show", number]).status, 1)

        let draft = try cli.ok(["--as", "hp", "consult", "draft", number])
        XCTAssertTrue(draft.contains("1. 居民身份证\n2. 配偶居民身份证\n3. 居民户口簿\n4. 结婚证"), draft)
        let answered = try cli.ok(["--as", "hp", "consult", "answer", number, "--draft", "--version", "1"])
        XCTAssertTrue(answered.contains("\(number) answered (version 2)"), answered)
        let stale = try cli.run(["--as", "hp", "consult", "convert", number, "--version", "1"])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.stderr.contains("changed since you read it"), stale.stderr)
        let converted = try cli.ok(["--as", "hp", "consult", "convert", number])
        XCTAssertTrue(converted.contains("\(number) became case 2026-000001"), converted)
        let shown = try cli.json(["--as", "hp", "consult", "show", number, "--json"]) as! [String: Any]
        XCTAssertEqual(shown["status"] as? String, "converted")
        XCTAssertEqual(shown["converted_case"] as? String, "2026-000001")
        XCTAssertEqual((shown["history"] as? [[String: Any]])?.map { $0["action"] as? String }, ["ask", "answer", "convert"])
        XCTAssertEqual((shown["replies"] as? [[String: Any]])?.first?["delivery_state"] as? String, "queued")
        let caseJSON = try cli.json(["--as", "hp", "show", "2026-000001", "--json"]) as! [String: Any]
        XCTAssertEqual((caseJSON["applicant"] as? [String: Any])?["name"] as? String, "陈静")
        XCTAssertTrue(try cli.ok(["check"]).hasPrefix("ok:"))
        let report = try cli.json(["consult", "report", "--json"]) as! [String: Any]
        let total = try XCTUnwrap(report["total"] as? [String: Any])
        XCTAssertEqual(total["received"] as? Int, 1)
        XCTAssertEqual(total["answered_on_time"] as? Int, 1)
        XCTAssertEqual(total["converted"] as? Int, 1)
        XCTAssertEqual(report["first_answer_median_hours"] as? Double, 0)
        XCTAssertTrue(try cli.ok(["--lang", "zh", "consult", "report"]).contains("  网上          1        1        1        0        1"))
        XCTAssertEqual(try cli.run(["--as", "li", "consult", "report", "--dept", "HEALTH"]).status, 1, "a clerk: own department only")
    }

    func testChineseOutputAndRefusals() throws {
        let number = try XCTUnwrap(try add()["number"] as? String)
        let shown = try cli.ok(["--lang", "zh", "--as", "hp", "consult", "show", number])
        XCTAssertTrue(shown.contains("咨询 \(number)  待答复  版本 1"), shown)
        XCTAssertTrue(shown.contains("网上渠道"), shown)
        XCTAssertTrue(shown.contains("登记 - → 待答复"), shown)
        XCTAssertFalse(shown.contains(" open"), "no English codes in Chinese: \(shown)")
        let noReason = try cli.run(["--lang", "zh", "--as", "hp", "consult", "close", number, "--as-status", "duplicate"])
        XCTAssertEqual(noReason.status, 1)
        XCTAssertTrue(noReason.stderr.contains("结束咨询需要填写理由"), noReason.stderr)
        let closed = try cli.ok(["--lang", "zh", "--as", "hp", "consult", "close", number, "--as-status", "duplicate", "--reason", "重复"])
        XCTAssertTrue(closed.contains("重复咨询"), closed)
        let onTheSpot = try cli.ok(["--lang", "zh", "--as", "li", "consult", "add", "--channel", "phone", "--name", "王五",
                                    "--question", "户口迁移在哪办", "--answered", "三楼公安窗口"])
        XCTAssertTrue(onTheSpot.contains("已答复"), onTheSpot)
        let wrong = try cli.run(["--lang", "zh", "--as", "li", "consult", "add", "--channel", "online", "--name", "王五",
                                 "--question", "x", "--answered", "y"])
        XCTAssertTrue(wrong.stderr.contains("只有电话和窗口咨询可以当场答复"), wrong.stderr)
    }

    static let portalLines = """
        {"ref":"P-1","channel":"online","asked_at":"2026-11-27T09:30:00+08:00","asker":{"name":"赵六","phone":"13900000000"},"service":"HUKOU-MOVE","question":"户口迁移需要什么材料？"}
        {"ref":"P-2","channel":"mobile","asked_at":"2026-11-27T09:31:00+08:00","asker":{"name":"钱七"},"department":"HEALTH","question":"周末上班吗？"}
        not json
        {"ref":"P-3","channel":"fax","asked_at":"2026-11-27T09:31:00+08:00","asker":{"name":"x"},"question":"q"}
        {"ref":"P-4","channel":"online","asked_at":"2026-11-27T09:32:00+08:00","asker":{"name":"x","phone":"123"},"service":"BIRTH-REG","question":"q"}
        {"ref":"P-5","channel":"online","asked_at":"2027-11-27T09:32:00+08:00","asker":{"name":"x"},"service":"BIRTH-REG","question":"q"}

        """

    func testImportIsIdempotentByRefAndNamesBadLines() throws {
        let file = cli.directory.appendingPathComponent("questions.jsonl")
        try Self.portalLines.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["--as", "li", "consult", "import", file.path]).status, 1, "a clerk does not import")
        let first = try cli.run(["--as", "portal", "consult", "import", file.path])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stdout.contains("imported 2, already present 0, bad lines 4"), first.stdout)
        XCTAssertTrue(first.stderr.contains("line 3: not JSON"), first.stderr)
        XCTAssertTrue(first.stderr.contains("line 4: unknown channel \"fax\""), first.stderr)
        XCTAssertTrue(first.stderr.contains("line 5: "), first.stderr)
        XCTAssertTrue(first.stderr.contains("line 6: date \"2027-11-27T09:32:00+08:00\" in asked_at is more than a day after"), first.stderr)
        let again = try cli.run(["--lang", "zh", "--as", "portal", "consult", "import", file.path])
        XCTAssertTrue(again.stdout.contains("已导入 0，已存在 2，错误行 4"), again.stdout)
        XCTAssertTrue(again.stderr.contains("line 3: 不是 JSON"), again.stderr)
        let all = try cli.json(["consult", "list", "--all", "--json"]) as! [[String: Any]]
        XCTAssertEqual(all.map { $0["ref"] as? String }, ["P-2", "P-1"])
        XCTAssertTrue(all.allSatisfy { $0["holder"] is NSNull }, "an imported question is nobody's yet (null, not missing)")
        XCTAssertTrue(try cli.ok(["check"]).hasPrefix("ok:"))
    }

    func testSettingsListTheResponseHoursInBothLanguages() throws {
        XCTAssertTrue(try cli.ok(["settings", "list"]).contains("consult_hours_online = (default)"))
        XCTAssertTrue(try cli.ok(["--lang", "zh", "settings", "list"]).contains("答复网上咨询的工作小时数"))
        try cli.ok(["settings", "set", "consult_hours_online", "4"])
        let added = try add()
        XCTAssertEqual(added["due_at"] as? String, "2026-11-27T06:00:00Z")
    }

    /// A hall's own answer template, loaded with the cases' (`templates load`), drafts the answer.
    func testTheHallsOwnAnswerTemplate() throws {
        let file = cli.directory.appendingPathComponent("templates.txt")
        try """
            [consult_service.zh]
            {applicant}：办理{service}请带：
            {checklist}
            收费：{fee}（{consultation_number}）
            [accept.zh]
            {applicant}您好：{case_number} 已受理。
            """.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try cli.ok(["templates", "load", file.path]).contains("2"))
        let number = try XCTUnwrap(try add()["number"] as? String)
        let draft = try cli.ok(["--as", "hp", "consult", "draft", number])
        XCTAssertTrue(draft.hasPrefix("陈静：办理生育登记请带：\n1. 居民身份证"), draft)
        XCTAssertTrue(draft.contains("收费：免费 free（\(number)）"), draft)
        let listed = try cli.ok(["templates", "list"])
        XCTAssertTrue(listed.contains("[consult_service.zh]\n{applicant}：办理{service}请带："), listed)
        XCTAssertTrue(listed.contains("[consult_plain.en]"), "the built-in ones too")
        let bad = try cli.run(["templates", "load", file.path + ".x"])
        XCTAssertEqual(bad.status, 1)
        try "[consult_nothing.zh]\nx".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try cli.run(["templates", "load", file.path]).stderr.contains("bad section [consult_nothing.zh]"))
    }
}
