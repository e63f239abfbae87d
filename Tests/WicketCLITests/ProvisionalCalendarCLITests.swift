import Foundation
import WicketCore
import XCTest

/// The provisional calendar through the real binary, in December 2026 with the default calendar
/// (official 2025 and 2026): `show`, the notice, `check`, `calendar list`, `screen` and the
/// workstation in a terminal say when a due day lies in 2027, in both languages; `calendar load`
/// of an official 2027 schedule moves the due day and the warnings go.
final class ProvisionalCalendarCLITests: XCTestCase {
    static let now = "2026-12-04T10:00:00+08:00"
    /// A household registration transfer submitted on Friday 4 Dec 2026, in English.
    static let application = """
        {"ref":"prov-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-12-04T09:00:00+08:00","applicant":{"name":"John Smith","id_number":"440106199001095678","phone":"13900000000"},"summary":"moving to join my daughter","materials":["ID-CARD"],"lang":"en"}
        """
    /// An official 2027 schedule (made up for the test) that also closes Monday 4 Jan.
    static let official2027 = "2027-01-01..2027-01-04 holiday 元旦\n2027-02-06..2027-02-13 holiday 春节\n"

    var cli: BinaryRunner!
    var number = ""

    override func setUpWithError() throws {
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: Self.application).contains("imported 1"))
        let cases = try XCTUnwrap(try cli.json(["list", "--json"]) as? [[String: Any]])
        number = try XCTUnwrap(cases.first?["number"] as? String)
        try cli.ok(["--as", "li", "act", number, "accept"])
    }

    override func tearDown() { cli.remove() }

    func testShowAndTheNoticeSayTheDueDayIsProvisional() throws {
        let en = try cli.ok(["show", number])
        XCTAssertTrue(en.contains("due 4 Jan 2027 (provisional: the 2027 holiday schedule is not loaded)"), en)
        XCTAssertTrue(en.contains("We will decide on it by 4 Jan 2027 (provisional, subject to the official holiday schedule)."), en)
        let zh = try cli.ok(["--lang", "zh", "show", number])
        XCTAssertTrue(zh.contains("，2027年1月4日（暂定：2027年的节假日安排尚未载入） 到期"), zh)
        let json = try XCTUnwrap(try cli.json(["show", number, "--json"]) as? [String: Any])
        let clock = try XCTUnwrap(json["clock"] as? [String: Any])
        XCTAssertEqual(clock["due_on"] as? String, "2027-01-04", "not New Year's Day")
        XCTAssertEqual(clock["due_provisional"] as? Bool, true)
    }

    func testCheckWarnsWithoutChangingItsExitStatus() throws {
        var december = cli!
        december.environment["WICKET_NOW"] = "2026-12-15T09:00:00+08:00"
        let en = try december.run(["check"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(en.stdout.hasPrefix("ok: "), en.stdout)
        XCTAssertEqual(en.stderr, "wicket: warning: 1 open case is due in 2027, whose holiday schedule is not loaded: "
                       + "those due days are provisional until an admin loads the official 2027 calendar\n")
        let zh = try december.run(["--lang", "zh", "check"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertEqual(zh.stderr, "wicket: 警告：1 件在办案件的到期日在2027年，该年节假日安排尚未载入：到期日为暂定，待管理员载入2027年的官方日历\n")
        // A real problem still fails, with the warning beside it.
        let store = try CaseStore.open(path: cli.databasePath)
        try store.db.execute("UPDATE cases SET due_on = '2027-01-01' WHERE number = ?", number)
        let broken = try december.run(["check"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("warning: 1 open case is due in 2027"), broken.stderr)
    }

    func testCalendarListMarksTheProvisionalDaysAndNamesTheOfficialYears() throws {
        let en = try cli.ok(["calendar", "list"])
        let lines = en.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "official holiday schedules: 2025, 2026; provisional (statutory holidays computed by rule, "
                       + "no make-up working days): 2027")
        let provisional = lines.filter { $0.hasSuffix("provisional") }
        XCTAssertEqual(provisional.count, 13)
        XCTAssertTrue(provisional.first?.hasPrefix("1 Jan 2027   holiday  New Year's Day") ?? false, "\(provisional)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("10 Oct 2026  workday  国庆节调休") && !$0.hasSuffix(" ") }, en)
        let zh = try cli.ok(["--lang", "zh", "calendar", "list"])
        XCTAssertTrue(zh.hasPrefix("官方节假日安排：2025年、2026年；暂定（按法定节假日规则推算，不含调休上班日）：2027年\n"), zh)
        let marked = zh.split(separator: "\n").filter { $0.hasSuffix("暂定") }
        XCTAssertEqual(marked.count, 13)
        XCTAssertTrue(marked.contains { $0.hasPrefix("2027年2月5日") && $0.contains("假日") && $0.contains("春节") }, "\(marked)")
        // The computed days are named in Chinese only: no English word in them.
        for line in marked { XCTAssertNil(line.range(of: "[A-Za-z]", options: .regularExpression), String(line)) }
        // The hall-wide warning goes to those who see every department, not to a clerk.
        XCTAssertTrue(try cli.run(["calendar", "list"]).stderr.contains("warning: 1 open case is due in 2027"))
        let clerk = try cli.run(["--as", "li", "calendar", "list"])
        XCTAssertEqual(clerk.status, 0)
        XCTAssertEqual(clerk.stderr, "")
        XCTAssertEqual(clerk.stdout, en)
    }

    func testLoadingTheOfficial2027ScheduleMovesTheDueDayAndEndsTheWarnings() throws {
        let file = cli.directory.appendingPathComponent("calendar-2027.txt")
        try (DefaultCalendar.text + "\n" + Self.official2027).write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try cli.ok(["calendar", "load", file.path]).hasSuffix("; 1 open cases got new due days\n"))
        let shown = try cli.ok(["show", number])
        XCTAssertTrue(shown.contains("due 5 Jan 2027"), shown)
        XCTAssertFalse(shown.contains("(provisional: the 2027"), shown)
        let list = try cli.ok(["calendar", "list"])
        XCTAssertTrue(list.hasPrefix("official holiday schedules: 2025, 2026, 2027; provisional (statutory holidays computed by rule, "
                                     + "no make-up working days): 2028\n"), list)
        XCTAssertFalse(list.contains("Jan 2027   holiday  New Year's Day"), "2027's computed days are gone")
        var december = cli!
        december.environment["WICKET_NOW"] = "2026-12-15T09:00:00+08:00"
        XCTAssertEqual(try december.run(["check"]).stderr, "")
    }

    func testAnAdminsAndASupervisorsScreenWarnsAndAClerksDoesNot() throws {
        let admin = try cli.ok(["screen", "--size", "160x30"])
        XCTAssertTrue(admin.contains("1 open case is due in 2027, whose holiday schedule is not loaded"), admin)
        let supervisor = try cli.ok(["--as", "sun", "--lang", "zh", "screen", "--size", "160x30"])
        XCTAssertTrue(supervisor.contains("1 件在办案件的到期日在2027年，该年节假日安排尚未载入"), supervisor)
        let clerk = try cli.ok(["--as", "li", "screen", "--size", "160x30"])
        XCTAssertFalse(clerk.contains("2027, whose holiday schedule"), clerk)
    }

    /// The terminal's own start (`TerminalSession`), not only `screen`: a supervisor's workstation in tmux.
    func testASupervisorsWorkstationStartsWithTheWarning() throws {
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        let command = [
            "env", "-u", "WICKET_DB", "-u", "LC_ALL", "-u", "LC_MESSAGES",
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(cli.databasePath), "--as", "sun",
        ].joined(separator: " ")
        let pane = try tmux.start("sun", width: 100, height: 30, command: command)
        let screen = pane.waitFor(" Wicket ", "1 open case is due in 2027", timeout: 30)
        XCTAssertTrue(screen.contains("1 open case is due in 2027"), screen)
        pane.press("Q")
        pane.waitFor("EXITED 0", timeout: 30)
    }
}
