import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

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

    /// Emoji sequences that terminals disagree on (a skin-tone modifier, a ZWJ family, a
    /// variation selector, a keycap, a flag) take on screen exactly the columns Wicket counted:
    /// every row of every box keeps its right border and the text after the emoji stays whole,
    /// in this frame and the next; the stored text keeps every scalar.
    func testEmojiSequencesTakeExactlyTheColumnsCounted() throws {
        let coder = "\u{1F468}\u{1F3FD}\u{200D}\u{1F4BB}"       // 👨🏽‍💻
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}" // 👩‍👩‍👧
        let summary = "全家\(family)迁入\u{2764}\u{FE0F}1\u{FE0F}\u{20E3}\u{1F1E8}\u{1F1F3}完整可见"
        let applications = """
            {"ref":"emoji-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-27T09:00:00+08:00","applicant":{"name":"程\(coder)序员","id_number":"110105198505052228","phone":"13700000004"},"summary":"\(summary)","materials":[]}
            {"ref":"emoji-2","service":"ID-RENEW","channel":"online","submitted_at":"2026-11-27T09:10:00+08:00","applicant":{"name":"\(family)一家","id_number":"110105198505053335","phone":"13700000005"},"summary":"\(coder)","materials":[]}
            """
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: applications).contains("imported 2"))
        let pane = try tmux.start("emoji", width: 120, height: 30, command: command(["LANG=C.UTF-8", "TERM=xterm-256color"]))
        pane.waitFor("Unassigned 6", "Q quit")
        pane.press("2")
        // Columns as the terminal counts them: the C library's wcwidth, which tmux and ncurses use.
        setlocale(LC_CTYPE, "C.UTF-8")
        func columns(_ row: String) -> Int {
            row.unicodeScalars.reduce(0) { $0 + max(0, Int(libcWidth(Int32(bitPattern: $1.value)))) }
        }
        // The columns of the box edges on a row (the inbox's and the case pane's left and right).
        func borders(_ row: String) -> [Int] {
            var column = 0
            var found: [Int] = []
            for scalar in row.unicodeScalars {
                if "│┌┐└┘".unicodeScalars.contains(scalar) { found.append(column) }
                column += max(0, Int(libcWidth(Int32(bitPattern: scalar.value))))
            }
            return found
        }
        func checkBoxes(_ screen: String, file: StaticString = #filePath, line: UInt = #line) {
            let rows = TmuxPane.rows(screen).filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("└") }
            XCTAssertGreaterThan(rows.count, 20, file: file, line: line)
            for row in rows {
                XCTAssertEqual(columns(row), 120, "not 120 columns wide: \(row)", file: file, line: line)
                XCTAssertEqual(borders(row), [0, 65, 66, 119], "a border moved or vanished: \(row)", file: file, line: line)
            }
        }
        let inbox = pane.waitFor("程\u{1F468}", "一家")
        checkBoxes(inbox)
        // Find the emoji applicant, open it: the summary shows its pictographs side by side, whole.
        let rows = TmuxPane.rows(inbox)
        let first = try XCTUnwrap(rows.firstIndex { $0.contains("LEVEL") }) + 1 // the selected first row
        let target = try XCTUnwrap(rows.firstIndex { $0.contains("程") })
        for _ in first..<target { pane.press("j") }
        let detail = pane.waitFor("全家")
        checkBoxes(detail)
        XCTAssertTrue(detail.contains("全家\u{1F469}\u{1F469}\u{1F467}迁入\u{2764}1\u{1F1E8}\u{1F1F3}完整可见"), detail)
        XCTAssertTrue(detail.contains("程\u{1F468}\u{1F4BB}序员"), detail)
        // Frame after frame (each a difference from the one before), moving over both emoji rows.
        var previous = detail
        for key in ["k", "j", "j", "k", "k", "j"] {
            pane.press(key)
            // Each key moves the highlight and the case pane: wait for that frame, never a fixed pause.
            previous = pane.waitUntil("the frame after \(key)") { $0 != previous }
            checkBoxes(previous)
        }
        pane.press("Q")
        XCTAssertTrue(pane.waitFor("EXITED").contains("EXITED 0"))
        // What is stored stays exact.
        let listed = try cli.json(["list", "--json"]) as! [[String: Any]]
        let number = try XCTUnwrap(listed.first { ($0["applicant"] as? String)?.hasPrefix("程") == true }?["number"] as? String)
        let shown = try cli.json(["show", number, "--json"]) as! [String: Any]
        XCTAssertEqual((shown["applicant"] as! [String: Any])["name"] as? String, "程\(coder)序员")
        XCTAssertEqual(shown["summary"] as? String, summary)
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

/// The C library's wcwidth (not exported by the Glibc module): how tmux, xterm and ncurses count.
@_silgen_name("wcwidth")
private func libcWidth(_ scalar: Int32) -> Int32
