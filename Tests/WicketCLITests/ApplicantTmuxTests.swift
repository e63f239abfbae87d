import Foundation
import WicketCore
import XCTest

/// A walk-in whose papers are on file, in a real terminal (issue 15): her household register is
/// in the certificate library, her ID card was verified in her online case, which is still open.
/// The clerk registers her at the window, sees both items on file and the possible duplicate, and
/// confirms the household register with one key; the database shows the event naming its source.
final class ApplicantTmuxTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"
    static let id = "110105198501011234"

    var cli: BinaryRunner!
    var tmux: TmuxServer!

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["import", "-"], stdin: #"{"ref":"online-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"\#(Self.id)","phone":"13700000000"},"summary":"购房落户","materials":["ID-CARD"]}"#)
        try cli.ok(["--as", "li", "act", "2026-000001", "material", "--materials", "ID-CARD", "--state", "verified"])
        XCTAssertTrue(try cli.ok(["certificates", "import", "-"], stdin: #"{"type":"HUKOU-BOOK","id_number":"\#(Self.id)","number":"1101-2019-0042","issuer":"北京市公安局","valid_from":"2019-03-01","valid_until":"2031-05-01"}"#)
            .contains("added 1"))
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    func testAWalkInWhosePapersAreOnFile() throws {
        let command = [
            "env", "-u", "WICKET_DB", "-u", "WICKET_DELIVERY_COMMAND", "-u", "WICKET_THEME", "-u", "LC_ALL", "-u", "LC_MESSAGES",
            "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
            "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)", TmuxServer.quote(BinaryRunner.binary.path),
            "--db", TmuxServer.quote(cli.databasePath), "--as", "li",
        ].joined(separator: " ")
        let li = try tmux.start("li", width: 160, height: 45, command: command)
        li.waitFor(" Wicket ", "Q quit")
        li.press("i")
        li.waitFor("Walk-in intake")
        li.type("户口")
        li.waitFor("> HUKOU-MOVE  Household registration transfer")
        li.press("Tab")
        li.type("欧阳娜娜")
        li.press("Tab")
        li.press("Tab")
        li.type(Self.id)
        li.press("Tab")
        li.type("13700000000")
        li.press("C-s")
        li.waitFor("registered 2026-000002 (HUKOU-MOVE, window) — 2 of its materials on file — possible duplicate of 2026-000001",
                   timeout: 30)
        li.waitFor("possible duplicate of 2026-000001", "[=] on file  Household register booklet",
                   "certificate 1***********42, issued by 北京市公", "valid to 1 May 2031 · V confirms",
                   "[=] on file  Resident ID card", "verified in 2026-000001 on 27 Nov 2026")
        // The case's pane, its second checklist item (the household register), V: confirmed.
        li.press("Enter")
        li.press("2")
        li.press("V")
        li.waitFor("2026-000002", "Household register booklet", "[✓] verified  Household register booklet", timeout: 30)
        let store = try CaseStore.open(path: cli.databasePath)
        let history = try CaseDetail.load(number: "2026-000002", in: store).history
        let last = try XCTUnwrap(history.last)
        XCTAssertEqual(last.action, "material")
        XCTAssertTrue(last.details.contains(#""on_file":{"HUKOU-BOOK":{"certificate":"1101-2019-0042""#), last.details)
        // Only the ID card is on file now; the notice would ask for the application form and the kinship proof.
        XCTAssertEqual(Array(try CaseDetail.load(number: "2026-000002", in: store).onFile.keys), ["ID-CARD"])
        XCTAssertEqual(try cli.run(["check"]).status, 0)
        li.press("Q")
        li.waitFor("EXITED 0")
    }
}
