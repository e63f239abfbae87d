import Foundation
import WicketCore
import XCTest

/// The full-screen workstation in a real terminal: tmux runs the built binary in a pseudo-terminal,
/// the tests type keys as a clerk would and read the screen back, then check the database through
/// the core. Every test has its own tmux server (`-L`) and its own scratch database.
final class WorkstationTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"

    /// Four PSB applications: 1 and 4 household transfers, 2 an ID card renewal, 3 a residence permit.
    static let applications = """
        {"ref":"tmux-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"110105198501011234","phone":"13700000000"},"summary":"购房落户","materials":["APPLICATION","ID-CARD"]}
        {"ref":"tmux-2","service":"ID-RENEW","channel":"mobile","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"诸葛亮","id_number":"110105198501195678","phone":"13700000001"},"summary":"身份证到期换领","materials":["PHOTO"]}
        {"ref":"tmux-3","service":"RES-PERMIT","channel":"online","submitted_at":"2026-11-26T14:00:00+08:00","applicant":{"name":"司马懿","id_number":"110105198505059999","phone":"13700000002"},"summary":"首次申领居住证","materials":["ID-CARD"]}
        {"ref":"tmux-4","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-27T08:00:00+08:00","applicant":{"name":"上官婉儿","id_number":"110105198501011111","phone":"13700000003"},"summary":"投靠子女户口迁入","materials":[]}
        """

    var cli: BinaryRunner!
    var tmux: TmuxServer!

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sun", "--name", "孙丽", "--role", "supervisor"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: Self.applications).contains("imported 4"))
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    // MARK: helpers

    /// The shell command a clerk would type to open the workstation.
    func workstationCommand(as login: String) -> String {
        [
            "env", "-u", "WICKET_DB", "-u", "WICKET_DELIVERY_COMMAND", "-u", "WICKET_THEME", "-u", "LC_ALL", "-u", "LC_MESSAGES",
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color",
            "WICKET_NOW=\(Self.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(cli.databasePath), "--as", login,
        ].joined(separator: " ")
    }

    /// Opens the workstation in a new tmux session and waits for its first frame.
    func open(_ session: String, as login: String, width: Int = 100, height: Int = 30,
              file: StaticString = #filePath, line: UInt = #line) throws -> TmuxPane {
        let pane = try tmux.start(session, width: width, height: height, command: workstationCommand(as: login))
        pane.waitFor(" Wicket ", "Q quit", file: file, line: line)
        return pane
    }

    func detail(_ number: String) throws -> CaseDetail {
        let store = try CaseStore.open(path: cli.databasePath)
        return try CaseDetail.load(number: number, in: store)
    }

    func draft(_ number: String, author: String) throws -> String? {
        let store = try CaseStore.open(path: cli.databasePath)
        return try Drafts(store: store).load(caseNumber: number, author: author)
    }

    func outbound(_ detail: CaseDetail) -> [String] {
        detail.messages.filter { $0.direction == "outbound" }.map(\.body)
    }

    /// Every change raised the version by exactly one and wrote exactly one history event.
    func assertNoLostUpdate(_ detail: CaseDetail, file: StaticString = #filePath, line: UInt = #line) {
        let versions = detail.history.map(\.version)
        XCTAssertEqual(versions, Array(1...max(1, versions.count)), "history versions \(versions)", file: file, line: line)
        XCTAssertEqual(detail.record.version, detail.history.count,
                       "version \(detail.record.version) vs \(detail.history.count) events", file: file, line: line)
    }

    /// Q, then the shell is back: the process exited 0 and the terminal left the alternate screen.
    func quitAndExpectShell(_ pane: TmuxPane, file: StaticString = #filePath, line: UInt = #line) {
        pane.press("Q", file: file, line: line)
        let screen = pane.waitFor("EXITED", file: file, line: line)
        XCTAssertTrue(screen.contains("EXITED 0"), "exit status:\n\(screen)", file: file, line: line)
        XCTAssertFalse(screen.contains("Q quit"), "the workstation's frame is left on the shell:\n\(screen)",
                       file: file, line: line)
        XCTAssertEqual(pane.format("#{alternate_on}"), "0", "still in the alternate screen", file: file, line: line)
    }

    // MARK: 1. triage

    func testTriageInOneSession() throws {
        let li = try open("li", as: "li")

        // Unassigned tab, open the first case: the detail shows the applicant.
        li.press("2")
        li.waitFor("Unassigned 4", "欧阳娜娜", "诸葛亮", "司马懿", "上官婉儿")
        li.press("Enter")
        li.waitFor("Applicant: 欧阳娜娜", "2026-000001  submitted  v1")

        // Accept it.
        li.press("a")
        li.waitFor("2026-000001: accept, submitted → accepted", "2026-000001  accepted  v2")
        let accepted = try detail("2026-000001")
        XCTAssertEqual(accepted.record.status, .accepted)
        XCTAssertEqual(accepted.record.holder, "li")
        XCTAssertEqual(outbound(accepted).count, 1, "acceptance notice to the applicant")

        // Find the residence permit by the applicant's name and request its materials.
        li.press("Escape")
        li.press("/")
        li.type("司马懿")
        li.press("Enter")
        li.waitFor("/司马懿 1", "Applicant: 司马懿")
        li.press("m")
        let dialog = li.waitFor("Request materials — 2026-000003", "Notice preview:")
        XCTAssertTrue(dialog.contains("1. 证件照片（缺）"), dialog)
        XCTAssertTrue(dialog.contains("2. 居住、就业或就读证明（缺）"), dialog)
        li.press("Enter")
        li.waitFor("2026-000003: request materials, submitted → awaiting")
        let awaiting = try detail("2026-000003")
        XCTAssertEqual(awaiting.record.status, .awaitingMaterials)
        XCTAssertEqual(awaiting.record.holder, "li")
        let notice = try XCTUnwrap(outbound(awaiting).last)
        XCTAssertTrue(notice.contains("证件照片") && notice.contains("居住、就业或就读证明"), notice)
        XCTAssertFalse(notice.contains("居民身份证"), "the ID card was received, the notice must not ask for it: \(notice)")

        // Mine tab, `n` jumps to the search match, Enter opens it, r writes a reply in Chinese.
        li.press("1")
        li.waitFor("Mine 2  ")
        li.press("n")
        li.press("Enter")
        li.waitFor("2026-000003  awaiting  v2")
        li.press("r")
        li.waitFor("Reply → 2026-000003")
        let body = "您好，材料已收到，我们会尽快办理。"
        li.type(body)
        li.waitFor(body)
        li.press("C-s")
        li.waitFor("2026-000003: reply queued for delivery")
        let replied = try detail("2026-000003")
        XCTAssertEqual(outbound(replied).last, body)
        XCTAssertEqual(replied.history.last?.action, "reply")
        XCTAssertNil(try draft("2026-000003", author: "li"), "a sent reply leaves no draft")

        // Take next: the most urgent unassigned case (2026-000002 is due before 2026-000004).
        XCTAssertNil(try detail("2026-000002").record.holder)
        li.press("Escape")
        li.press("T")
        let took = li.waitFor("took 2026-000002 (the most urgent unassigned)")
        XCTAssertTrue(took.contains("Applicant: 诸葛亮"), took)
        let taken = try detail("2026-000002")
        XCTAssertEqual(taken.record.holder, "li")
        XCTAssertEqual(taken.record.status, .submitted)
        XCTAssertNil(try detail("2026-000004").record.holder, "take next claims one case only")

        quitAndExpectShell(li)
    }

    // MARK: 2. drafts

    func testDraftSurvivesAQuit() throws {
        let text = "王女士您好：请携带户口簿原件到窗口核验。"
        let first = try open("first", as: "li")
        first.press("2")
        first.waitFor("欧阳娜娜")
        first.press("Enter")
        first.waitFor("Applicant: 欧阳娜娜")
        first.press("r")
        first.waitFor("Reply → 2026-000001")
        first.type(text)
        first.waitFor(text)
        first.press("Escape")
        first.waitFor("Applicant: 欧阳娜娜")
        quitAndExpectShell(first)
        XCTAssertEqual(try draft("2026-000001", author: "li"), text)
        XCTAssertNil(try draft("2026-000001", author: "zhang"), "drafts are per clerk")
        let untouched = try detail("2026-000001")
        XCTAssertEqual(untouched.record.version, 1, "a draft is not a change of the case")
        XCTAssertTrue(outbound(untouched).isEmpty, "nothing was sent")

        let second = try open("second", as: "li")
        second.press("2")
        second.waitFor("欧阳娜娜")
        second.press("Enter")
        second.waitFor("Applicant: 欧阳娜娜")
        second.press("r")
        second.waitFor("Reply → 2026-000001", text, "draft restored")
        second.press("Escape")
        quitAndExpectShell(second)
        XCTAssertEqual(try draft("2026-000001", author: "li"), text)
    }

    // MARK: 3. two clerks

    func testLiveRefreshAndStaleRefusalWithTwoTerminals() throws {
        let li = try open("li", as: "li")
        let sun = try open("sun", as: "sun")

        // Both look at 2026-000001.
        li.press("2")
        li.waitFor("欧阳娜娜")
        li.press("Enter")
        li.waitFor("Applicant: 欧阳娜娜", "2026-000001  submitted  v1")
        sun.waitFor("All 4", "欧阳娜娜")
        sun.press("/")
        sun.type("欧阳娜娜")
        sun.press("Enter")
        sun.press("Enter")
        sun.waitFor("Applicant: 欧阳娜娜", "2026-000001  submitted  v1")

        // The supervisor accepts it in their terminal; li's screen follows without a key.
        sun.press("a")
        sun.waitFor("2026-000001: accept, submitted → accepted")
        let acceptedAt = Date()
        let refreshed = li.waitFor("2026-000001  accepted  v2", "2026-000001 changed in another terminal: sun accept", timeout: 3)
        let delay = Date().timeIntervalSince(acceptedAt)
        XCTAssertLessThan(delay, 2, "li's screen took \(delay) s to show the change")
        XCTAssertFalse(refreshed.contains("2026-000001  submitted"), refreshed)

        // A stale action is refused: li opens the materials dialog for 2026-000002 (version 1), the
        // supervisor adds a note from the command line meanwhile, li sends the dialog.
        li.press("Escape")
        li.press("/")
        li.type("诸葛亮")
        li.press("Enter")
        li.waitFor("Applicant: 诸葛亮", "2026-000002  submitted  v1")
        li.press("m")
        li.waitFor("Request materials — 2026-000002")
        try cli.ok(["--as", "sun", "act", "2026-000002", "note", "--text", "请核实旧证"])
        li.waitFor("2026-000002 changed in another terminal: sun note", timeout: 3)
        li.press("Enter")
        li.waitFor("refused: case 2026-000002 changed since you read it (your version 1, now 2)")
        let refused = try detail("2026-000002")
        XCTAssertEqual(refused.record.status, .submitted, "the refused request changed nothing")
        XCTAssertEqual(refused.history.map(\.action), ["submit", "note"])
        XCTAssertTrue(outbound(refused).isEmpty, "no notice went out")
        assertNoLostUpdate(refused)

        // Race: the supervisor's note lands just before li's `a`. Either li's key still used the
        // old version (refused) or the refresh came first (accepted on the new version); never a
        // lost update. (Product note: a refusal here is not shown: the refresh that follows the key
        // replaces "refused: … changed since you read it" with "… changed in another
        // terminal", so the screen only shows the new version.)
        li.waitFor("2026-000002  submitted  v2")
        try cli.ok(["--as", "sun", "act", "2026-000002", "note", "--text", "旧证已核实"])
        li.press("a")
        let raced = li.waitUntil("the outcome of li's accept") {
            $0.contains("2026-000002: accept, submitted → accepted") || $0.contains("2026-000002  submitted  v3")
        }
        Thread.sleep(forTimeInterval: 0.3)
        let afterRace = try detail("2026-000002")
        assertNoLostUpdate(afterRace)
        if raced.contains("submitted → accepted") {
            XCTAssertEqual(afterRace.history.map(\.action), ["submit", "note", "note", "accept"])
        } else {
            XCTAssertEqual(afterRace.history.map(\.action), ["submit", "note", "note"], "the stale accept changed nothing")
            XCTAssertEqual(afterRace.record.status, .submitted)
            XCTAssertFalse(li.screen().contains("submitted → accepted"))
            // Looked at again, the same key goes through.
            li.press("a")
            li.waitFor("2026-000002: accept, submitted → accepted")
        }
        let final = try detail("2026-000002")
        XCTAssertEqual(final.history.map(\.action), ["submit", "note", "note", "accept"])
        XCTAssertEqual(final.record.status, .accepted)
        XCTAssertEqual(final.record.holder, "li")
        assertNoLostUpdate(final)

        // The other terminal sees li's acceptance too.
        sun.waitFor("2026-000001  accepted  v2")
        sun.press("Escape")
        sun.waitUntil("2026-000002 accepted in the supervisor's inbox") { screen in
            screen.split(separator: "\n").contains { $0.contains("2026-000002") && $0.contains("accepted") }
        }
        quitAndExpectShell(li)
        quitAndExpectShell(sun)
    }

    // MARK: 4. resize

    func testResizeAndSmallScreens() throws {
        let li = try open("li", as: "li")
        li.press("2")
        li.waitFor("Unassigned 4", "欧阳娜娜")

        li.resize(width: 80, height: 24)
        let narrow = li.waitUntil("the 80×24 layout") { screen in
            let rows = TmuxPane.rows(screen)
            return rows.count == 24 && rows.allSatisfy { $0.count <= 80 } && screen.contains("上官婉儿")
                && rows[22].contains("李娜 (li)")
        }
        XCTAssertFalse(narrow.contains("needs at least"), narrow)
        XCTAssertTrue(narrow.contains("欧阳娜娜") && narrow.contains("诸葛亮") && narrow.contains("司马懿"), narrow)

        li.resize(width: 50, height: 12)
        let tiny = li.waitFor("needs at least", "50×12")
        XCTAssertEqual(TmuxPane.rows(tiny).count, 12)
        XCTAssertEqual(li.childCommands(), ["wicket"], "the workstation is still running")
        li.press("j")
        li.press("a")

        li.resize(width: 100, height: 30)
        let back = li.waitFor("Unassigned 4", "欧阳娜娜", "Q quit")
        XCTAssertFalse(back.contains("needs at least"), back)
        XCTAssertEqual(li.childCommands(), ["wicket"], "the workstation is still running")
        XCTAssertEqual(try detail("2026-000001").record.version, 1, "keys pressed while too small do nothing")

        quitAndExpectShell(li)
    }

    // MARK: issue 12: the screen tells the truth

    /// The case the detail pane shows: its header line "NUMBER  status  vN".
    func shownCase(_ screen: String) -> String? {
        guard let match = screen.range(of: #"2026-\d{6}  [a-z ]+  v\d+"#, options: .regularExpression) else { return nil }
        return String(screen[match].prefix(11))
    }

    /// li's own history events, case by case.
    func actionsBy(_ login: String, on number: String) throws -> [String] {
        try detail(number).history.filter { $0.actor == login }.map(\.action)
    }

    func testAClerksMorningWithCasesLeavingTheListUnderHerEyes() throws {
        let more = """
            {"ref":"tmux-5","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-27T08:10:00+08:00","applicant":{"name":"东方朔","id_number":"110105198501092222","phone":"13700000004"},"summary":"夫妻投靠","materials":[]}
            {"ref":"tmux-6","service":"ID-RENEW","channel":"online","submitted_at":"2026-11-27T08:20:00+08:00","applicant":{"name":"公孙胜","id_number":"110105198501063333","phone":"13700000005"},"summary":"换领","materials":["PHOTO"]}
            {"ref":"tmux-7","service":"ID-RENEW","channel":"online","submitted_at":"2026-11-27T08:30:00+08:00","applicant":{"name":"慕容复","id_number":"110105198501034444","phone":"13700000006"},"summary":"补领","materials":["PHOTO"]}
            """
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: more).contains("imported 3"))
        let li = try open("li", as: "li")
        li.press("2")
        var screen = li.waitUntil("the first unassigned case shown") { self.shownCase($0) != nil }
        var expected: [String: [String]] = [:]

        /// Another process takes the case li is looking at out of her list; her next key is refused,
        /// the one after acts on the case the pane then shows, and the dialog and result line name it.
        func leaves(_ command: (String) -> [String], how: String, then key: String, answer: String?, verb: String,
                    line: UInt = #line) throws {
            let left = try XCTUnwrap(shownCase(screen), "no case shown:\n\(screen)", line: line)
            try cli.ok(command(left))
            screen = li.waitFor("\(left) left this list", line: line)
            let now = try XCTUnwrap(shownCase(screen), "the pane shows no case after \(how):\n\(screen)", line: line)
            XCTAssertNotEqual(now, left, "the pane still shows the case that left (\(how))", line: line)
            XCTAssertTrue(screen.contains("the highlight is now on \(now)"), screen, line: line)
            let before = try actionsBy("li", on: now)
            li.press(key)
            li.waitFor("refused: \(left) left the list and \(now) took its place", line: line)
            XCTAssertEqual(try actionsBy("li", on: now), before, "the key typed as \(left) left did nothing", line: line)
            li.press(key)
            if let answer {
                screen = li.waitFor("\(now) · ", line: line)
                XCTAssertEqual(shownCase(screen), now, "the dialog and the pane name one case", line: line)
                li.type(answer)
                li.press("Enter")
            }
            screen = li.waitFor("\(now): \(verb)", line: line)
            expected[now, default: []].append(verb)
            XCTAssertEqual(try actionsBy("li", on: now), expected[now], "history of \(now)", line: line)
            XCTAssertEqual(try actionsBy("li", on: left), expected[left] ?? [], "nothing landed on \(left)", line: line)
        }

        try leaves({ ["--as", "zhang", "act", $0, "claim"] }, how: "taken by zhang", then: "o", answer: "已电话联系申请人", verb: "note")
        try leaves({ ["--as", "sun", "act", $0, "withdraw", "--reason", "申请人撤回"] }, how: "withdrawn", then: "a",
                   answer: nil, verb: "accept")
        // li's own accept moved the case to her Mine tab; the pane follows the highlight.
        screen = li.waitUntil("the pane shows the highlighted case") { self.shownCase($0) != nil }
        try leaves({ ["--as", "sun", "act", $0, "transfer", "--to", "CIVIL", "--reason", "属民政职责"] }, how: "transferred",
                   then: "x", answer: "not for this hall, apply at the district", verb: "reject")

        // Every action of li's is on exactly the case her screen named, and on no other.
        for index in 1...7 {
            let number = String(format: "2026-%06d", index)
            XCTAssertEqual(try actionsBy("li", on: number), expected[number] ?? [], number)
        }
        XCTAssertEqual(expected.values.flatMap { $0 }.sorted(), ["accept", "note", "reject"])
        quitAndExpectShell(li)
    }

    func testAnEmptyEnterInAReasonDialogKeepsItOpenAndTheReasonIsText() throws {
        let li = try open("li", as: "li")
        li.press("2")
        li.waitFor("Unassigned 4", "欧阳娜娜")
        li.press("Enter")
        li.waitFor("2026-000001  submitted  v1")
        li.press("x")
        li.waitFor("2026-000001 · reject")
        li.press("Enter")
        li.waitFor("a reason is required", "2026-000001 · reject")
        // Letters that are also action keys (a accept, m materials, p approve, Q quit) stay text.
        li.type("a wrong hall: apply at Q district, map sent")
        li.press("Enter")
        li.waitFor("2026-000001: reject, submitted → rejected")
        let rejected = try detail("2026-000001")
        XCTAssertEqual(rejected.record.status, .rejected)
        XCTAssertEqual(rejected.history.map(\.action), ["submit", "reject"])
        XCTAssertEqual(rejected.history.last?.reason, "a wrong hall: apply at Q district, map sent")
        quitAndExpectShell(li)
    }

    /// Issue 12, in a real terminal: the walk-in's service is found by typing, a nonsense ID number
    /// is explained inside the form (which stays open), and the registered case is held by li.
    func testAWalkInIsFoundByTypingCheckedAndHeldByItsClerk() throws {
        let li = try open("li", as: "li")
        li.press("i")
        li.waitFor("Walk-in intake", "(type part of its name or code)")
        li.type("户口")
        li.waitFor("> HUKOU-MOVE  Household registration transfer")
        li.press("Tab")
        li.waitFor("Service:            HUKOU-MOVE Household registration transfer")
        li.type("赵敏")
        li.press("Tab")
        li.press("Tab")
        li.type("12345")
        li.press("Tab")
        li.type("abc")
        li.press("C-s")
        li.waitFor("has 5 characters", "Walk-in intake")
        li.press("BTab")
        li.press("C-u")
        li.type("440106199201053456")
        li.press("C-s")
        li.waitFor("'abc' is not a phone number", "Walk-in intake")
        li.press("Tab")
        li.press("C-u")
        li.type("13900001111")
        li.press("C-s")
        li.waitFor("registered 2026-000005 (HUKOU-MOVE, window)")
        let registered = try detail("2026-000005")
        XCTAssertEqual(registered.record.applicantIDNumber, "440106199201053456")
        XCTAssertEqual(registered.record.holder, "li", "held by the clerk who registered it")
        XCTAssertEqual(registered.record.channel, .window)
        XCTAssertEqual(try cli.run(["check"]).status, 0)
        quitAndExpectShell(li)
    }
}
