import Foundation
import XCTest

/// The workstation on other terminals and in Chinese, in a real pseudo-terminal (tmux).
final class TerminalsTmuxTests: XCTestCase {
    var cli: BinaryRunner!
    var tmux: TmuxServer!

    override func setUpWithError() throws {
        tmux = try TmuxServer()
        cli = try BinaryRunner(now: WorkstationTmuxTests.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: WorkstationTmuxTests.applications).contains("imported 4"))
    }

    override func tearDown() {
        tmux?.kill()
        cli?.remove()
    }

    /// The workstation as `li`, with `environment` (NAME=value) and `options` before the command.
    func command(_ environment: [String], _ options: [String] = []) -> String {
        (["env", "-u", "WICKET_DB", "-u", "WICKET_THEME", "-u", "NO_COLOR", "-u", "LC_ALL", "-u", "LC_MESSAGES",
          "XDG_CONFIG_HOME=" + TmuxServer.quote(cli.directory.appendingPathComponent("config").path),
          "WICKET_NOW=\(WorkstationTmuxTests.now)"] + environment +
         [TmuxServer.quote(BinaryRunner.binary.path), "--db", TmuxServer.quote(cli.databasePath), "--as", "li"] + options)
            .joined(separator: " ")
    }

    func testNoColorOnAVT100IsCompleteAndAligned() throws {
        let pane = try tmux.start("vt100", width: 80, height: 24, command: command(["LANG=C.UTF-8", "TERM=vt100", "NO_COLOR=1"]))
        let screen = pane.waitFor(" Wicket ", "Unassigned 4", "Q quit")
        pane.press("2")
        let inbox = pane.waitFor("欧阳娜娜", "诸葛亮", "LEVEL", "APPLICANT")
        // Every row of the inbox box ends in its border: wide names took exactly two columns each.
        let boxRows = TmuxPane.rows(inbox).filter { $0.hasPrefix("│") }
        XCTAssertGreaterThan(boxRows.count, 10)
        for row in boxRows { XCTAssertTrue(row.hasSuffix("│"), "misaligned: \(row)") }
        // No colour escape reached the terminal: tmux shows every cell in default colours.
        let styled = try tmux.run(["capture-pane", "-p", "-e", "-t", "vt100"]).text
        XCTAssertNil(styled.range(of: #"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;5|48;5)[;m]"#, options: .regularExpression),
                     "a colour was sent:\n\(styled)")
        XCTAssertTrue(screen.contains("Mine"))
        pane.press("Q")
        XCTAssertTrue(pane.waitFor("EXITED").contains("EXITED 0"))
    }

    func testChineseFromTheLocaleAndFromTheFlag() throws {
        let fromLocale = try tmux.start("zh", width: 100, height: 30, command: command(["LANG=zh_CN.UTF-8", "TERM=xterm-256color"]))
        fromLocale.waitFor("待领 4", "? 帮助 · Q 退出")
        fromLocale.press("2")
        fromLocale.waitFor("申请人", "级别", "待受理")
        fromLocale.press("Enter")
        fromLocale.waitFor("申请人：", "时限", "材料（1-9 选择")
        fromLocale.press("?")
        fromLocale.waitFor("按键 — 案件", "标记为已核验")
        let flag = try tmux.start("flag", width: 100, height: 30,
                                  command: command(["LANG=C.UTF-8", "TERM=xterm-256color"], ["--lang", "zh", "--theme", "high-contrast"]))
        let screen = flag.waitFor("待领 4", "? 帮助 · Q 退出")
        XCTAssertFalse(screen.contains("Unassigned"), screen)
        flag.press("Q")
        XCTAssertTrue(flag.waitFor("EXITED").contains("EXITED 0"))
    }

    func testANonUTF8LocaleGetsASCIIAndAWarning() throws {
        let pane = try tmux.start("ascii", width: 100, height: 30, command: command(["LANG=C", "TERM=xterm-256color"]))
        pane.waitFor("the locale is not UTF-8", "Unassigned 4", "+-")
        pane.press("2")
        let screen = pane.waitFor("????????", "(li)")
        for row in TmuxPane.rows(screen) {
            XCTAssertTrue(row.unicodeScalars.allSatisfy(\.isASCII), "not ASCII: \(row)")
        }
        XCTAssertFalse(screen.contains("欧阳娜娜"))
        pane.press("Q")
        XCTAssertTrue(pane.waitFor("EXITED").contains("EXITED 0"))
    }

    func testABrokenThemeIsAWarningNotACrash() throws {
        let theme = cli.directory.appendingPathComponent("broken.theme")
        try "title.fg = red\ninbox.selectd.reverse = true\n".write(to: theme, atomically: true, encoding: .utf8)
        let pane = try tmux.start("broken", width: 160, height: 30,
                                  command: command(["LANG=C.UTF-8", "TERM=xterm-256color"], ["--theme", TmuxServer.quote(theme.path)]))
        pane.waitFor("Unassigned 4", "broken.theme:2: unknown object")
        pane.press("Q")
        let after = pane.waitFor("EXITED")
        XCTAssertTrue(after.contains("EXITED 0"))
        XCTAssertTrue(after.contains("warning: theme"), "the warning is left on the shell too:\n\(after)")
    }
}
