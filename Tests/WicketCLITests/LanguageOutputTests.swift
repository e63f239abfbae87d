import Foundation
import XCTest

/// What the CLI prints for people follows the chosen language — the report's sections and lines,
/// `show` and `list` (words for codes, dates as each language writes them), import reasons — while
/// `--json` and `--csv` stay the same in both, for scripts.
final class LanguageOutputTests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.run(["import", "-"], stdin: EndToEndTests.applications)
    }

    override func tearDown() { cli.remove() }

    static func hasChinese(_ text: String) -> Bool { ChineseCLITests.hasChinese(text) }

    /// The HUKOU-MOVE case submitted on 26 Nov, accepted by li.
    func acceptedCase() throws -> String {
        let cases = try cli.json(["list", "--json"]) as! [[String: Any]]
        let number = try XCTUnwrap(cases.first { $0["applicant"] as? String == "John Smith" }?["number"] as? String)
        try cli.ok(["--as", "li", "act", number, "accept"])
        return number
    }

    func testReportTextInEachLanguageAndMachineOutputTheSame() throws {
        let number = try acceptedCase()
        _ = number
        let zh = try cli.ok(["--lang", "zh", "report", "--period", "7d"])
        for words in ["[统计期间]", "[积压（当前在办）]", "[时限（当前）]", "[流转（期内）]", "[满意度（期内）]",
                      "首次答复中位数（小时）", "红色预警", "已受理", "待受理", "2026年11月21日", "2026年11月27日", "全部"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        for english in ["[period]", "[backlog", "[deadlines]", "[flow]", "on-time rate", "acceptance overdue", "all\n"] {
            XCTAssertFalse(zh.contains(english), "\(english) left in the Chinese report\n\(zh)")
        }
        let en = try cli.ok(["--lang", "en", "report", "--period", "7d"])
        for words in ["[period]", "[backlog by status]", "  submitted ", "[deadlines]", "on-time rate", "21 Nov 2026", "27 Nov 2026"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        XCTAssertFalse(Self.hasChinese(en), en)

        // Scripts read the same CSV and JSON whatever the language.
        let csvZh = try cli.ok(["--lang", "zh", "report", "--period", "7d", "--csv", "--no-bom"])
        XCTAssertEqual(csvZh, try cli.ok(["--lang", "en", "report", "--period", "7d", "--csv", "--no-bom"]))
        for line in ["section,key,value", "period,start,2026-11-21", "backlog by status,accepted,1",
                     "deadlines,acceptance overdue,", "flow,on-time rate,", "satisfaction,poor without follow-up,0"] {
            XCTAssertTrue(csvZh.contains(line), "\(line) in\n\(csvZh)")
        }
        XCTAssertFalse(Self.hasChinese(csvZh.replacingOccurrences(of: "李娜", with: "")), csvZh)
        let jsonZh = try cli.json(["--lang", "zh", "report", "--json"]) as! [String: Any]
        let jsonEn = try cli.json(["--lang", "en", "report", "--json"]) as! [String: Any]
        XCTAssertEqual(Set(jsonZh.keys), Set(jsonEn.keys))
        XCTAssertEqual(jsonZh["by_status"] as? NSArray, jsonEn["by_status"] as? NSArray)
    }

    func testShowInEachLanguage() throws {
        let number = try acceptedCase()
        let zh = try cli.ok(["--lang", "zh", "show", number])
        for words in ["已受理", "2026年11月26日 09:30", "移动端", "普通", "英文", "受理：待受理 -> 已受理", "提交："] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        // The history's details stay the JSON the event recorded; everything above is words and written dates.
        let above = String(zh[..<zh.range(of: "\n历史\n")!.lowerBound])
        XCTAssertFalse(above.contains("2026-11-26"), "ISO days are for --json\n\(above)")
        XCTAssertFalse(above.contains("submitted") || above.contains("mobile"), above)

        let en = try cli.ok(["--lang", "en", "show", number])
        for words in ["accepted", "26 Nov 2026 09:30", "mobile", "accept: submitted -> accepted", "lang en"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        let json = try cli.json(["--lang", "zh", "show", number, "--json"]) as! [String: Any]
        XCTAssertEqual(json["status"] as? String, "accepted", "--json keeps the code")
        XCTAssertTrue((json["submitted_at"] as? String)?.hasPrefix("2026-11-26T") == true, "\(json)")
    }

    func testListInEachLanguage() throws {
        _ = try acceptedCase()
        let zh = try cli.ok(["--lang", "zh", "list"])
        for words in ["编号", "状态", "经办人", "待受理", "已受理", "网上", "移动端"] {
            XCTAssertTrue(zh.contains(words), "\(words) in\n\(zh)")
        }
        for code in ["NUMBER", "submitted", "accepted", "online"] {
            XCTAssertFalse(zh.contains(code), "\(code) in\n\(zh)")
        }
        let en = try cli.ok(["--lang", "en", "list"])
        for words in ["NUMBER", "STATUS", "submitted", "accepted", "online"] {
            XCTAssertTrue(en.contains(words), "\(words) in\n\(en)")
        }
        XCTAssertFalse(Self.hasChinese(en.replacingOccurrences(of: "王芳", with: "").replacingOccurrences(of: "欧阳娜娜", with: "")), en)
        let json = try cli.json(["--lang", "zh", "list", "--json"]) as! [[String: Any]]
        XCTAssertEqual(Set(json.compactMap { $0["status"] as? String }), ["submitted", "accepted"])

        // The other tables too: headers, roles, yes/no, working days and calendar days.
        let users = try cli.ok(["--lang", "zh", "users", "list"])
        XCTAssertTrue(users.contains("登录名") && users.contains("窗口") && users.contains("是"), users)
        XCTAssertTrue(try cli.ok(["users", "list"]).contains("clerk"))
        let catalog = try cli.ok(["--lang", "zh", "catalog", "list"])
        XCTAssertTrue(catalog.contains("受理时限") && catalog.contains("个工作日") && !catalog.contains(" WD"), catalog)
        let calendar = try cli.ok(["--lang", "zh", "calendar", "list"])
        XCTAssertTrue(calendar.contains("年") && calendar.contains("假日"), calendar)
        XCTAssertFalse(calendar.contains("holiday"), calendar)
    }

    func testImportAndFileProblemsInEachLanguage() throws {
        let bad = """
            {"ref":"x-1","service":"NOPE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"张三"}}
            {"ref":"x-2","service":"BIRTH-REG","channel":"fax","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"张三"}}
            not json
            """
        let zh = try cli.run(["--lang", "zh", "import", "-"], stdin: bad)
        XCTAssertEqual(zh.status, 1)
        // `line N:` stays for scripts; the reason is the reader's.
        for words in ["line 1: 未知事项", "line 2: 未知渠道“fax”", "line 3: 不是 JSON"] {
            XCTAssertTrue(zh.stderr.contains(words), "\(words) in\n\(zh.stderr)")
        }
        let en = try cli.run(["--lang", "en", "import", "-"], stdin: bad)
        for words in ["line 1: unknown service 'NOPE'", "line 2: unknown channel \"fax\"", "line 3: not JSON"] {
            XCTAssertTrue(en.stderr.contains(words), "\(words) in\n\(en.stderr)")
        }

        let calendar = cli.directory.appendingPathComponent("calendar.txt")
        try "2027-10-01 holiday\n2027-10-01 vacation\n".write(to: calendar, atomically: true, encoding: .utf8)
        let calendarZh = try cli.run(["--lang", "zh", "calendar", "load", calendar.path])
        XCTAssertTrue(calendarZh.stderr.contains(":2：未知类别“vacation”"), calendarZh.stderr)
        XCTAssertTrue(try cli.run(["calendar", "load", calendar.path]).stderr.contains(":2: unknown kind 'vacation'"))

        let templates = cli.directory.appendingPathComponent("templates.txt")
        try "[accept.zh]\n您好 {office_hours}\n".write(to: templates, atomically: true, encoding: .utf8)
        let templatesZh = try cli.run(["--lang", "zh", "templates", "load", templates.path])
        XCTAssertTrue(templatesZh.stderr.contains("未知占位符 {office_hours}"), templatesZh.stderr)
        XCTAssertTrue(try cli.run(["templates", "load", templates.path]).stderr.contains("unknown placeholder {office_hours}"))

        let catalog = cli.directory.appendingPathComponent("catalog.json")
        try "{\"services\": 3}".write(to: catalog, atomically: true, encoding: .utf8)
        let catalogZh = try cli.run(["--lang", "zh", "catalog", "load", catalog.path])
        XCTAssertTrue(catalogZh.stderr.contains("不是事项目录"), catalogZh.stderr)
        XCTAssertFalse(catalogZh.stderr.contains("Expected"), "Foundation's English stays out\n\(catalogZh.stderr)")
    }
}
