import Foundation
import WicketCore
import XCTest

/// Applications crafted to attack a clerk's terminal: escape sequences that retitle the window or
/// wipe the screen, C0/C1 controls, bidi overrides, zero-width characters, invalid UTF-8 and very
/// long lines. Whatever path the text takes — the command line or the workstation in a real
/// pseudo-terminal — none of it may reach the terminal raw; the clerk sees placeholders instead.
final class HostileInputTests: XCTestCase {
    static let now = "2026-11-27T10:00:00+08:00"

    /// JSON escapes, so this file stays plain text; the importer turns them into the real characters.
    static let applications = [
        #"{"ref":"evil-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"王\u001b]0;PWNED\u0007芳","id_number":"110105198501011234","phone":"13800000000"},"summary":"\u001b[2Jwiped \u001b[31mred","details":"left\u202eevil\u200bzw \u009b31mC1 \u0007bell \u0000nul \roverwrite\n second line","materials":["ID-CARD"]}"#,
        #"{"ref":"evil-2\u001b[2J","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"\u2066Smith\u2069\u202d","id_number":"110105198501011234","phone":"13700000000"},"summary":"\u001bP+q\u001b\\ DCS","details":"LONG"}"#,
        #"{"ref":"plain-3","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T10:30:00+08:00","applicant":{"name":"张三"},"summary":"to reject"}"#,
    ].joined(separator: "\n").replacingOccurrences(of: "LONG", with: String(repeating: "很长的一行没有空格", count: 600))

    /// Byte sequences of the payloads that must never appear in anything written to a terminal.
    static let forbidden: [(String, [UInt8])] = [
        ("OSC title", Array("\u{1B}]0;PWNED".utf8)), ("OSC in ID", Array("\u{1B}]0;ID".utf8)),
        ("CSI 2J", Array("\u{1B}[2Jwiped".utf8)), ("CSI in ref", Array("evil-2\u{1B}".utf8)),
        ("SGR red", Array("\u{1B}[31mred".utf8)), ("DCS", Array("\u{1B}P+q".utf8)),
        ("BEL", Array("PWNED\u{07}".utf8)), ("U+202E", [0xE2, 0x80, 0xAE]), ("U+202D", [0xE2, 0x80, 0xAD]),
        ("U+2066", [0xE2, 0x81, 0xA6]), ("U+200B", [0xE2, 0x80, 0x8B]), ("U+009B", [0xC2, 0x9B]),
        ("NUL", Array(" \u{0}nul".utf8)), ("CR", Array(" \roverwrite".utf8)),
    ]

    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner(now: Self.now)
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--dept", "PSB"])
        let imported = try cli.run(["import", "-"], stdin: Self.applications)
        XCTAssertTrue(imported.stdout.contains("imported 3"), imported.stdout + imported.stderr)
        try cli.ok(["--as", "li", "act", "2026-000001", "note", "--text", "note \u{1B}]0;PWNED\u{07} from a paste"])
        try cli.ok(["--as", "li", "act", "2026-000003", "reject", "--reason", "\u{1B}[2Jwiped reason"])
        // An applicant's supplement (an inbound message) and the notice that quotes the name.
        try cli.ok(["--as", "li", "act", "2026-000001", "request-materials"])
        try cli.ok(["--as", "li", "act", "2026-000001", "supplement", "--materials", "HUKOU-BOOK",
                    "--text", "补交 \u{1B}]0;PWNED\u{07} \u{202E}gnp.exe \u{9B}2J"])
        // Nor can an ID or phone number that is not one (refused since the numbers are checked); a
        // database from before holds them as any text, so put them in around Wicket.
        let numbers = try CaseStore.open(path: cli.databasePath)
        try numbers.db.execute("UPDATE cases SET applicant_id_number = char(27) || ']0;ID' || char(7) || '1234567890', "
                               + "applicant_phone = char(8238) || '13800000000' WHERE number = '2026-000001'")
        // Invalid UTF-8 cannot come in through import (the line is refused); put some in the way a
        // careless script with sqlite3 could, to see that it is shown as U+FFFD.
        let store = try CaseStore.open(path: cli.databasePath)
        try store.db.execute("UPDATE cases SET summary = CAST(X'66666B9BC3283031FF' AS TEXT) WHERE number = '2026-000002'")
    }

    override func tearDown() { cli.remove() }

    func assertInert(_ output: some Collection<UInt8>, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(output)
        for (name, payload) in Self.forbidden where bytes.firstRange(of: payload) != nil {
            XCTFail("\(what): raw \(name) reached the output", file: file, line: line)
        }
    }

    /// No scalar that acts on a terminal, apart from line breaks and tabs.
    func assertNoControls(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        // A byte order mark opening a CSV file is for spreadsheets, not the applicant's.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let active = body.unicodeScalars.filter { scalar in
            let v = scalar.value
            if v == 0x0A || v == 0x09 { return false }
            return v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0xFEFF
        }
        XCTAssertTrue(active.isEmpty, "\(what): \(active.map { String($0.value, radix: 16) })", file: file, line: line)
    }

    func testCommandLineOutputNeverCarriesThePayloads() throws {
        let commands: [[String]] = [
            ["list"], ["list", "--status", "rejected,submitted"], ["list", "--json"], ["show", "2026-000001"],
            ["show", "2026-000001", "--json"], ["show", "2026-000002"], ["report"], ["report", "--csv"],
            ["report", "--json"], ["show", "2026-000001", "--reveal"], ["list", "--search", "\u{1B}]0;x"],
            ["show", "\u{1B}]0;PWNED\u{07}"],
        ]
        for arguments in commands {
            let result = try cli.run(arguments)
            assertInert(Data(result.stdout.utf8), "stdout of \(arguments)")
            assertInert(Data(result.stderr.utf8), "stderr of \(arguments)")
            assertNoControls(result.stdout, "stdout of \(arguments)")
            assertNoControls(result.stderr, "stderr of \(arguments)")
        }
        let shown = try cli.ok(["show", "2026-000001"])
        XCTAssertTrue(shown.contains("王␛]0;PWNED␇芳"), shown)
        XCTAssertTrue(shown.contains("␛[2Jwiped"), shown)
        XCTAssertTrue(shown.contains("left<U+202E>evil<U+200B>zw <U+009B>31mC1 ␇bell ␀nul"), shown)
        XCTAssertTrue(shown.contains("补交 ␛]0;PWNED␇ <U+202E>gnp.exe <U+009B>2J"), shown)
        XCTAssertTrue(shown.contains("ID ␛]0;*********7890"), "masked, and the kept prefix inert:\n\(shown)")
        XCTAssertTrue(shown.contains("␀nul ⏎overwrite"), "text after a NUL is kept:\n\(shown)")
        XCTAssertTrue(try cli.ok(["show", "2026-000002"]).contains("ffk\u{FFFD}"), "invalid UTF-8 shows as U+FFFD")
        // JSON keeps the data exactly (a program reading it gets the same string) but escaped.
        let json = try cli.json(["show", "2026-000001", "--json"]) as! [String: Any]
        XCTAssertEqual((json["applicant"] as! [String: Any])["name"] as? String, "王\u{1B}]0;PWNED\u{07}芳")
        XCTAssertTrue((json["details"] as! String).contains("left\u{202E}evil"))
    }

    /// The workstation in a real pseudo-terminal: `script` records every byte the binary writes
    /// while tmux types keys and reads the screen. ncurses's own sequences are fine; the
    /// payloads must not be there, and the placeholders must be on screen.
    func testTheWorkstationNeverSendsThePayloadsToTheTerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("script (util-linux) is not installed")
        }
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        let store = try CaseStore.open(path: cli.databasePath)
        for number in ["2026-000001", "2026-000002"] {
            try Drafts(store: store).save(caseNumber: number, author: "li", body: "draft \u{1B}]0;PWNED\u{07} \u{202E}x")
        }
        let log = cli.directory.appendingPathComponent("terminal.log")
        let command = [
            "env", "-u", "WICKET_DB", "LANG=C.UTF-8", "TERM=xterm-256color", "WICKET_NOW=\(Self.now)",
            TmuxServer.quote(BinaryRunner.binary.path), "--db", TmuxServer.quote(cli.databasePath), "--as", "li",
        ].joined(separator: " ")
        let pane = try tmux.start("hostile", width: 160, height: 40,
                                  command: "script -qfec \(TmuxServer.quote(command)) \(TmuxServer.quote(log.path))")
        pane.waitFor(" Wicket ", "Q quit")
        pane.press("5")                                   // All: every open case of the department
        pane.waitFor("2026-000002")
        pane.press("Enter")                               // detail of the first row
        var screen = pane.waitFor("Details")
        pane.press("G")                                   // scroll through the long line to the history
        pane.press("g")
        pane.press("Tab")                                 // the reply pane with the hostile draft
        // The editor takes the draft without its controls (it is the clerk's own text to send).
        screen = pane.waitFor("Reply → 2026-000001", "draft")
        pane.press("Escape")
        pane.press("Escape")
        pane.press("/")
        pane.type("PWNED")
        pane.press("Enter")
        pane.press("f")                                   // a dialog: the filter picker
        pane.press("Escape")
        pane.press("m")                                   // the materials dialog previews the notice with the name
        screen = pane.waitFor("Request materials")
        pane.press("Escape")
        pane.press("Q")
        pane.waitFor("EXITED")
        let bytes = try Data(contentsOf: log)
        XCTAssertGreaterThan(bytes.count, 1000, "script recorded the session")
        assertInert(bytes, "bytes the workstation wrote")
        XCTAssertTrue(screen.contains("␛]0;PWNED␇") || pane.screen().contains("␛]0;PWNED␇"), screen)
        XCTAssertNotNil(bytes.firstRange(of: Data("␛]0;PWNED␇".utf8)), "the placeholders were drawn")
        XCTAssertNotNil(bytes.firstRange(of: Data("<U+202E>".utf8)))
    }
}
