import Foundation
import WicketCore
import XCTest

/// Who sees which cases and who may import (`CaseAccess`), on the real binary: a clerk never sees
/// another department's case, not even its status; an unregistered or deactivated login sees
/// nothing and may do nothing; only admins and the portal's login import; and every view of a
/// clerk's cases (list, show, report, the workstation's inbox, the dashboard) agrees.
final class CaseAccessTests: XCTestCase {
    var cli: BinaryRunner!
    var me: String { RolesAndMaskingTests.realLogin }

    /// Three PSB cases (one held by li), two HEALTH ones (one held by hp), one SAMR.
    static let applications = """
        {"ref":"a-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"110105198501011234","phone":"13700000000"},"summary":"购房落户"}
        {"ref":"a-2","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"司马秘密","id_number":"440106199001181234","phone":"13800000000"},"summary":"机密的生育登记说明","details":"HEALTH-ONLY-DETAIL"}
        {"ref":"a-3","service":"ID-RENEW","channel":"window","submitted_at":"2026-11-24T09:30:00+08:00","applicant":{"name":"张三"},"summary":"换领身份证"}
        {"ref":"a-4","service":"RES-PERMIT","channel":"mobile","submitted_at":"2026-11-23T09:30:00+08:00","applicant":{"name":"李四"},"summary":"居住证"}
        {"ref":"a-5","service":"BIRTH-REG","channel":"mail","submitted_at":"2026-11-20T09:30:00+08:00","applicant":{"name":"王五"},"summary":"二孩登记"}
        {"ref":"a-6","service":"COMPANY-REG","channel":"online","submitted_at":"2026-11-26T11:30:00+08:00","applicant":{"name":"赵六"},"summary":"公司设立"}
        """
    static let psb = ["2026-000001", "2026-000003", "2026-000004"]
    static let health = ["2026-000002", "2026-000005"]
    static let all = (1...6).map { String(format: "2026-%06d", $0) }

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        // The real login creates the database and so is its first admin.
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--dept", "PSB"])
        try cli.ok(["users", "add", "hp", "--name", "刘洋", "--dept", "HEALTH"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        try cli.ok(["users", "add", "gone", "--name", "离职", "--dept", "PSB", "--inactive"])
        try cli.ok(["users", "add", "feed", "--name", "网上办事大厅", "--role", "portal"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: Self.applications).contains("imported 6"))
        try cli.ok(["--as", "li", "act", "2026-000003", "claim"])
        try cli.ok(["--as", "hp", "act", "2026-000005", "accept"])
    }

    override func tearDown() { cli.remove() }

    func store() throws -> CaseStore { try CaseStore.open(path: cli.databasePath) }

    /// Cases, events, versions, holders, replies and notes: what a refused command must leave as it was.
    func footprint() throws -> [Int] {
        let db = try store().db
        return try ["SELECT count(*) FROM cases", "SELECT count(*) FROM history", "SELECT count(*) FROM messages",
                    "SELECT count(*) FROM notes", "SELECT coalesce(sum(version), 0) FROM cases", "SELECT count(holder) FROM cases"]
            .map { try db.scalarInt($0) ?? -1 }
    }

    @discardableResult
    func refused(_ arguments: [String], stdin: String? = nil, saying words: String,
                 file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Result {
        let before = try footprint()
        let result = try cli.run(arguments, stdin: stdin, file: file, line: line)
        XCTAssertEqual(result.status, 1, "\(arguments) should be refused: \(result.stdout)", file: file, line: line)
        XCTAssertTrue(result.stderr.contains(words), "\(arguments): \(result.stderr)", file: file, line: line)
        XCTAssertEqual(try footprint(), before, "\(arguments) changed something", file: file, line: line)
        return result
    }

    // MARK: a clerk and another department's case

    func testAClerkCannotSeeAnotherDepartmentsCaseNotEvenItsStatus() throws {
        // What a number that does not exist says; another department's case says the same.
        let missing = try refused(["--as", "li", "show", "2026-000099"], saying: "no case 2026-000099 that you may see")
        let secrets = ["司马秘密", "机密的生育登记说明", "HEALTH-ONLY-DETAIL", "BIRTH-REG", "HEALTH", "submitted",
                       "4401", "1234", "138", "a-2", "hp"]
        for arguments in [["show", "2026-000002"], ["show", "2026-000002", "--json"], ["show", "2026-000002", "--reveal"],
                          ["show", "2026-000002", "--reveal", "--json"], ["act", "2026-000002", "note", "--text", "x"],
                          ["act", "2026-000002", "accept", "--version", "7"], ["act", "2026-000005", "approve"],
                          ["act", "2026-000002", "claim"]] {
            let result = try refused(["--as", "li"] + arguments, saying: "that you may see")
            let number = arguments[1]
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr, missing.stderr.replacingOccurrences(of: "2026-000099", with: number),
                           "\(arguments): worded exactly as a missing case")
            for secret in secrets {
                XCTAssertFalse(result.stderr.contains(secret) || result.stdout.contains(secret), "\(arguments) leaks \(secret)")
            }
        }
        // In Chinese too.
        let zh = try cli.run(["--lang", "zh", "--as", "li", "show", "2026-000002"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertEqual(zh.stderr, "wicket: 没有您可查看的案件 2026-000002\n")
        // Their own department's case, and anyone's for a supervisor.
        XCTAssertTrue(try cli.ok(["--as", "li", "show", "2026-000001"]).contains("欧阳娜娜"))
        XCTAssertTrue(try cli.ok(["--as", "sun", "show", "2026-000002"]).contains("司马秘密"))
        XCTAssertTrue(try cli.ok(["--as", "hp", "show", "2026-000002"]).contains("司马秘密"))
        // --reveal keeps its rule: a clerk of the case's department (held or not), supervisors, admins.
        XCTAssertTrue(try cli.ok(["--as", "hp", "show", "2026-000002", "--reveal"]).contains("440106199001181234"))
    }

    // MARK: unregistered and deactivated logins

    static let everyCaseCommand: [[String]] = [
        ["show", "2026-000001"], ["show", "2026-000001", "--json"], ["list"], ["list", "--json"], ["report"],
        ["report", "--json"], ["next"], ["act", "2026-000001", "note", "--text", "x"], ["act", "2026-000003", "accept"],
        ["screen"], ["screen", "--view", "dashboard"], ["dashboard"],
    ]

    func assertSeesNothing(_ prefix: [String], saying words: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for arguments in Self.everyCaseCommand {
            let result = try refused(prefix + arguments, saying: words, file: file, line: line)
            for secret in ["欧阳娜娜", "购房落户", "2026-000003", "HUKOU-MOVE"] {
                XCTAssertFalse(result.stdout.contains(secret) || result.stderr.contains(secret),
                               "\(arguments) leaks \(secret)", file: file, line: line)
            }
        }
        let more = Self.applications.replacingOccurrences(of: "\"a-", with: "\"b-")
        try refused(prefix + ["import", "-"], stdin: more, saying: words, file: file, line: line)
    }

    func testAnUnregisteredLoginSeesNothingAndDoesNothing() throws {
        // An admin trying a login out with --as …
        try assertSeesNothing(["--as", "ghost"], saying: "user 'ghost' is not registered in this database")
        // … and a person whose own login is not registered.
        try store().db.execute("DELETE FROM users WHERE login = ?", me)
        try assertSeesNothing([], saying: "user '\(me)' is not registered in this database")
        let zh = try cli.run(["--lang", "zh", "list"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.stderr.contains("用户“\(me)”未在本数据库登记"), zh.stderr)
    }

    func testADeactivatedLoginSeesNothingAndDoesNothing() throws {
        try assertSeesNothing(["--as", "gone"], saying: "user 'gone' is deactivated")
        // A deactivated admin is no admin: no import, no users, no settings.
        try store().db.execute("UPDATE users SET active = 0 WHERE login = ?", me)
        try assertSeesNothing([], saying: "user '\(me)' is deactivated")
        try refused(["users", "add", "x", "--dept", "PSB"], saying: "user '\(me)' is deactivated")
        try refused(["settings", "set", "yellow_percent", "60"], saying: "user '\(me)' is deactivated")
        let zh = try cli.run(["--lang", "zh", "show", "2026-000001"])
        XCTAssertEqual(zh.status, 1)
        XCTAssertTrue(zh.stderr.contains("用户“\(me)”已停用"), zh.stderr)
    }

    /// In a real terminal: the workstation and the dashboard refuse before taking the screen over.
    func testTheWorkstationRefusesToOpenForLoginsThatSeeNothing() throws {
        guard TmuxServer.executable != nil else { throw XCTSkip("tmux is not installed") }
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        for (index, (arguments, words)) in [
            (["--as", "ghost"], "user 'ghost' is not registered in this database"),
            (["--as", "gone", "dashboard"], "user 'gone' is deactivated"),
            (["--as", "feed"], "feed is a portal login"),
        ].enumerated() {
            let command = (["env", "-u", "WICKET_DB", "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=2026-11-27T10:00:00+08:00",
                            TmuxServer.quote(BinaryRunner.binary.path), "--db", TmuxServer.quote(cli.databasePath)]
                           + arguments).joined(separator: " ")
            let pane = try tmux.start("refused\(index)", width: 120, height: 30, command: command)
            let screen = pane.waitFor("EXITED 1")
            XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains(words), "\(arguments):\n\(screen)")
            XCTAssertFalse(screen.contains("2026-000001") || screen.contains("Wicket ·"), "\(arguments) showed something:\n\(screen)")
        }
    }

    // MARK: import

    func testOnlyAdminsAndThePortalImport() throws {
        let more = """
            {"ref":"p-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"钱七"},"summary":"落户"}
            {"ref":"p-2","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T10:30:00+08:00","applicant":{"name":"孙八"},"summary":"登记"}
            """
        for login in ["li", "hp", "sun"] {
            let result = try refused(["--as", login, "import", "-"], stdin: more,
                                     saying: "only an admin or a portal login may import applications")
            XCTAssertTrue(result.stderr.contains("nothing was imported"), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
        // The portal's login imports (here through the admin's --as; the history names it) …
        XCTAssertTrue(try cli.ok(["--as", "feed", "import", "-"], stdin: more).contains("imported 2"))
        let imported = try CaseDetail.load(number: "2026-000007", in: try store())
        XCTAssertEqual(imported.history.first?.actor, "feed")
        // … and sees no case, nor may it act.
        try refused(["--as", "feed", "list"], saying: "feed is a portal login: it may import applications")
        try refused(["--as", "feed", "show", "2026-000007"], saying: "feed is a portal login")
        try refused(["--as", "feed", "next"], saying: "feed is a portal login")
        try refused(["--as", "feed", "act", "2026-000007", "claim"], saying: "feed is a portal login")
        try refused(["--as", "feed", "report"], saying: "feed is a portal login")
        try refused(["--as", "feed", "screen"], saying: "feed is a portal login")
        // Nobody may hand a case to the portal's login.
        try refused(["act", "2026-000007", "assign", "--to", "feed"], saying: "feed is a portal login and cannot hold a case")
        // The admin imports as themselves; a re-run changes nothing.
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: more).contains("already present 2"))

        // A portal login of its own (the service account the portal runs under), without --as.
        try Administration(store: try store()).saveUser(User(login: "wkt-admin", displayName: "test admin", role: .admin, department: nil))
        try Administration(store: try store()).saveUser(User(login: me, displayName: "portal", role: .portal, department: nil))
        let third = more.replacingOccurrences(of: "\"p-", with: "\"q-")
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: third).contains("imported 2"))
        try refused(["list"], saying: "\(me) is a portal login")
        // `users list` names the role.
        try Administration(store: try store()).saveUser(User(login: me, displayName: "me", role: .admin, department: nil))
        XCTAssertTrue(try cli.ok(["users", "list"]).contains("portal"))
    }

    func testAClerksImportWritesNothingEvenWithGoodLines() throws {
        let db = try store().db
        let before = try db.scalarInt("SELECT count(*) FROM cases")
        let result = try cli.run(["--as", "li", "import", "-"], stdin: #"{"ref":"z-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"X"}}"#)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM cases"), before)
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM cases WHERE ref = 'z-1'"), 0)
        let zh = try cli.run(["--lang", "zh", "--as", "li", "import", "-"], stdin: "")
        XCTAssertTrue(zh.stderr.contains("只有管理员或门户登录可以导入申请"), zh.stderr)
    }

    // MARK: every view agrees

    /// The numbers a view shows, among the six cases.
    func numbers(in text: String) -> Set<String> { Set(Self.all.filter { text.contains($0) }) }

    /// `Open cases   N` on the dashboard, `5 All N` on the inbox's tab line.
    func figure(after label: String, in screen: String) -> Int? {
        guard let range = screen.range(of: label) else { return nil }
        let rest = screen[range.upperBound...].drop { $0 == " " }
        return Int(rest.prefix { $0.isNumber })
    }

    func testListShowReportInboxAndDashboardAgreeOnWhatAClerkSees() throws {
        for (login, expected) in [("li", Self.psb), ("hp", Self.health), ("sun", Self.all)] {
            let who = ["--as", login]
            let listed = try cli.json(who + ["list", "--json"]) as! [[String: Any]]
            let fromList = Set(listed.compactMap { $0["number"] as? String })
            XCTAssertEqual(fromList, Set(expected), "\(login): list")

            let shown = Set(try Self.all.filter { try cli.run(who + ["show", $0]).status == 0 })
            XCTAssertEqual(shown, fromList, "\(login): show")

            let report = try cli.json(who + ["report", "--json"]) as! [String: Any]
            XCTAssertEqual(report["open_total"] as? Int, fromList.count, "\(login): report --json")

            // The workstation's "All" tab: its count and its rows.
            let inbox = try cli.ok(who + ["screen", "--size", "140x30", "--keys", "5"])
            XCTAssertEqual(figure(after: "5 All", in: inbox), fromList.count, "\(login): inbox\n\(inbox)")
            XCTAssertEqual(numbers(in: inbox), fromList, "\(login): inbox rows\n\(inbox)")

            let dashboard = try cli.ok(who + ["screen", "--view", "dashboard", "--size", "140x40"])
            XCTAssertEqual(figure(after: "Open cases", in: dashboard), fromList.count, "\(login): dashboard\n\(dashboard)")
            // Enter on "Open cases" lists exactly the cases behind the figure.
            let drilled = try cli.ok(who + ["screen", "--view", "dashboard", "--size", "140x40", "--keys", "<Enter>"])
            XCTAssertEqual(numbers(in: drilled), fromList, "\(login): dashboard drill-down\n\(drilled)")
        }
        // A clerk asking for another department is refused, not given an empty list.
        try refused(["--as", "li", "list", "--dept", "HEALTH"], saying: "clerks see their own department's cases (PSB)")
        try refused(["--as", "li", "report", "--dept", "HEALTH"], saying: "clerks see their own department's cases (PSB)")
    }
}
