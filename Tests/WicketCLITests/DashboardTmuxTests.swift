import Foundation
import WicketCore
import XCTest

/// The dashboard from the command line: `report --json` is the very `Report` the dashboard shows,
/// `wicket screen --view dashboard` draws it, `--csv` gives the same numbers, and in a real
/// terminal (tmux) a change made by another process shows without a key press.
final class DashboardTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"

    /// Four PSB applications: 1 and 4 household transfers, 2 an ID card renewal, 3 a residence permit.
    static let applications = """
        {"ref":"dash-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜"},"materials":["ID-CARD"]}
        {"ref":"dash-2","service":"ID-RENEW","channel":"mobile","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"诸葛亮"},"materials":["PHOTO"]}
        {"ref":"dash-3","service":"RES-PERMIT","channel":"online","submitted_at":"2026-11-26T14:00:00+08:00","applicant":{"name":"司马懿"},"materials":["ID-CARD"]}
        {"ref":"dash-4","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-27T08:00:00+08:00","applicant":{"name":"上官婉儿"},"materials":[]}
        """

    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: Self.applications).contains("imported 4"))
        try cli.ok(["--as", "li", "act", "2026-000002", "accept"])
        // A standard reason by its code, the words edited: the figures count the code.
        try cli.ok(["--as", "li", "act", "2026-000003", "reject", "--reason-code", "NOT-REMIT", "--reason", "不属于本机关职责"])
    }

    override func tearDown() { cli?.remove() }

    /// `--reason-code` takes the catalog's codes only: another is refused naming it and the codes
    /// there are, and nothing changes.
    func testAnUnknownReasonCodeIsRefusedNamingIt() throws {
        let refused = try cli.run(["--as", "li", "act", "2026-000001", "reject", "--reason-code", "NOPE"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("unknown reason code NOPE") && refused.stderr.contains("NOT-REMIT"), refused.stderr)
        let zh = try cli.run(["--as", "li", "--lang", "zh", "act", "2026-000001", "reject", "--reason-code", "NOPE"])
        XCTAssertTrue(zh.stderr.contains("未知的标准理由代码 NOPE"), zh.stderr)
        XCTAssertEqual((try cli.json(["show", "2026-000001", "--json"]) as? [String: Any])?["status"] as? String, "submitted")
        // The code alone: the standard words, in the applicant's language, are the reason.
        try cli.ok(["--as", "li", "act", "2026-000001", "reject", "--reason-code", "NOT-ELIGIBLE"])
        let shown = try XCTUnwrap(try cli.json(["show", "2026-000001", "--json"]) as? [String: Any])
        let last = try XCTUnwrap((shown["history"] as? [[String: Any]])?.last)
        XCTAssertEqual(last["reason"] as? String, "申请人不具备申请资格")
        XCTAssertTrue("\(last["details"] ?? "")".contains("NOT-ELIGIBLE"), "\(last)")
    }

    func testReportJSONIsTheDashboardsReport() throws {
        let text = try cli.ok(["--as", "sun", "report", "--json", "--period", "week"])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let printed = try decoder.decode(Report.self, from: Data(text.utf8))
        // What the dashboard builds for the same period and clock (the engine calls this builder).
        let store = try CaseStore.open(path: cli.databasePath, clock: .fixed(Timestamp.parse(Self.now)!))
        XCTAssertEqual(printed, try ReportBuilder(store: store).build(period: .week))
        XCTAssertTrue(text.contains("\"oldest_suspended\" : null"), "absent values are null, not missing")

        let screen = try cli.ok(["--as", "sun", "screen", "--view", "dashboard", "--size", "160x45", "--keys", "w"])
        XCTAssertTrue(screen.contains("Open cases"), screen)
        let openLine = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Open cases") })
        XCTAssertTrue(openLine.contains(" \(printed.openTotal) "), String(openLine))
        XCTAssertTrue(screen.contains("Not within this office's remit"), screen)

        let csv = try cli.ok(["--as", "sun", "report", "--csv", "--period", "week"])
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}section,key,value\n"))
        XCTAssertTrue(csv.contains("backlog,open,\(printed.openTotal)\n"))
        XCTAssertTrue(csv.contains("rejections by reason,NOT-REMIT,1\n"), csv)
        let zhReport = try cli.ok(["--as", "sun", "--lang", "zh", "report", "--period", "week"])
        XCTAssertTrue(zhReport.contains("申请事项不属于本机关职权范围"), zhReport)
        XCTAssertTrue(csv.contains("backlog by status and service,accepted/ID-RENEW,1\n"), csv)
        XCTAssertFalse(try cli.ok(["--as", "sun", "report", "--csv", "--no-bom"]).hasPrefix("\u{FEFF}"))
    }

    func testClerksGetTheirOwnDepartmentOnly() throws {
        let own = try cli.json(["--as", "li", "report", "--json"]) as! [String: Any]
        XCTAssertEqual(own["department"] as? String, "PSB")
        let other = try cli.run(["--as", "li", "report", "--dept", "HEALTH"])
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.stderr.contains("own department"), other.stderr)
        XCTAssertEqual(try cli.run(["dashboard"], stdin: "").status, 1, "no terminal: refused with a pointer to report")
    }

    /// Another process accepts a case; the dashboard in tmux shows one submitted case fewer, with no key pressed.
    func testAChangeInAnotherProcessAppearsWithoutAKeyPress() throws {
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        let command = [
            "env", "-u", "WICKET_DB", "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)",
            TmuxServer.quote(BinaryRunner.binary.path), "--db", TmuxServer.quote(cli.databasePath), "--as", "sun", "dashboard",
        ].joined(separator: " ")
        let pane = try tmux.start("dash", width: 160, height: 45, command: command)
        pane.waitFor("Wicket · Dashboard", "Open cases")
        func totalLine(_ screen: String) -> String {
            screen.split(separator: "\n").map(String.init).first { $0.contains("TOTAL            ") } ?? ""
        }
        // Three open (1 and 4 submitted, 2 accepted); submitted is the first column.
        let before = pane.waitUntil("totals") { totalLine($0).contains("TOTAL            2     ·     1") }
        XCTAssertTrue(before.contains("Open cases"))
        try cli.ok(["--as", "li", "act", "2026-000001", "accept"])
        let committed = Date()
        pane.waitUntil("the accepted case to move columns", timeout: 30) {
            totalLine($0).contains("TOTAL            1     ·     2")
        }
        // The README: "refreshes by itself within a second of a change made in any terminal".
        let delay = Date().timeIntervalSince(committed)
        XCTAssertLessThan(delay, 1, "the dashboard took \(delay) s to show the change; the README promises a second")
        pane.press("Q")
        pane.waitFor("EXITED 0")
    }
}
