import Foundation
import XCTest

/// `--lang zh` (or a Chinese locale): the command line's successes, refusals and help in Chinese;
/// without it the same runs stay English.
final class ChineseCLITests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws { cli = try BinaryRunner() }
    override func tearDown() { cli.remove() }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    func testSuccessLinesAndRefusalsInChinese() throws {
        let created = try cli.ok(["--lang", "zh", "init"])
        XCTAssertTrue(created.contains("已创建"), created)
        XCTAssertTrue(created.contains("13 个事项"), created)
        let again = try cli.run(["--lang", "zh", "init"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("已有 Wicket 数据库"), again.stderr)

        let saved = try cli.ok(["--lang", "zh", "users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        XCTAssertTrue(saved.contains("已保存 li"), saved)
        let file = cli.directory.appendingPathComponent("apps.jsonl")
        try EndToEndTests.applications.write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["--lang", "zh", "import", file.path])
        XCTAssertTrue(imported.stdout.contains("已导入 3，已存在 0，错误行 1"), imported.stdout)
        XCTAssertTrue(imported.stderr.contains("line 4: 不是 JSON"), "`line N:` stays stable for scripts; the reason is Chinese")

        let cases = try cli.json(["list", "--json"]) as! [[String: Any]]
        let hukou = cases.first { ($0["service"] as? String)?.hasPrefix("HUKOU") == true }
        let number = try XCTUnwrap(hukou?["number"] as? String, "\(cases)")
        let noReason = try cli.run(["--lang", "zh", "--as", "li", "act", number, "reject"])
        XCTAssertEqual(noReason.status, 1)
        XCTAssertTrue(noReason.stderr.contains("需要填写理由"), noReason.stderr)
        let noText = try cli.run(["--lang", "zh", "--as", "li", "act", number, "note"])
        XCTAssertTrue(noText.stderr.contains("需要 --text"), noText.stderr)
        let noted = try cli.ok(["--lang", "zh", "--as", "li", "act", number, "note", "--text", "已电话联系"])
        XCTAssertTrue(noted.contains("版本"), noted)

        let shown = try cli.ok(["--lang", "zh", "show", number])
        for heading in ["案件 \(number)", "申请人", "时限", "\n材料\n", "\n历史\n", "已电话联系"] {
            XCTAssertTrue(shown.contains(heading), "\(heading) in \(shown)")
        }
        XCTAssertTrue(try cli.ok(["show", number]).contains("\nhistory\n"))

        let settings = try cli.ok(["--lang", "zh", "settings", "list"])
        XCTAssertTrue(settings.contains("（默认）") && settings.contains("黄色预警"), settings)
        XCTAssertTrue(try cli.ok(["--lang", "zh", "check"]).contains("正常："))
        XCTAssertTrue(try cli.ok(["--lang", "zh", "config"]).contains("配置文件："))

        // The same refusal in English without --lang (the tests' locale is C.UTF-8).
        XCTAssertTrue(try cli.run(["--as", "li", "act", number, "note"]).stderr.contains("note needs --text TEXT"))
        // A Chinese locale chooses Chinese too.
        var zh = cli!
        zh.environment["LANG"] = "zh_CN.UTF-8"
        XCTAssertTrue(try zh.run(["--as", "li", "act", number, "note"]).stderr.contains("需要 --text"))
    }

    func testHelpListsEveryCommandInChinese() throws {
        let english = try cli.ok(["help"])
        let chinese = try cli.ok(["--lang", "zh", "help"])
        XCTAssertTrue(chinese.contains("用法：wicket"), chinese)
        let commandLines = english.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.hasPrefix("  --") }
        XCTAssertGreaterThan(commandLines.count, 15)
        for line in commandLines {
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            let zhLine = chinese.split(separator: "\n").first { $0.hasPrefix("  \(name) ") }
            XCTAssertTrue(zhLine.map { Self.hasChinese(String($0)) } ?? false, "no Chinese summary for \(name)")
        }
        // Every command's --help: the summary, the discussion and every option in Chinese.
        for line in commandLines {
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            let englishHelp = try cli.ok(["help", name])
            let help = try cli.ok(["--lang", "zh", name, "--help"])
            XCTAssertTrue(help.hasPrefix("用法：wicket"), help)
            let helpLines = help.split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertTrue(Self.hasChinese(String(helpLines[2])), "summary of \(name)")
            let englishLines = englishHelp.split(separator: "\n", omittingEmptySubsequences: false)
            if englishLines.count > 4, !englishLines[4].hasPrefix("options:") {
                XCTAssertTrue(Self.hasChinese(String(helpLines[4])), "discussion of \(name): \(helpLines[4])")
            }
            for option in helpLines where option.hasPrefix("  --") {
                XCTAssertTrue(Self.hasChinese(String(option)), "\(name): \(option)")
            }
        }
        let badAction = try cli.run(["--lang", "zh", "act", "X", "teleport"])
        XCTAssertEqual(badAction.status, 2)
        XCTAssertTrue(badAction.stderr.contains("未知操作“teleport”"), badAction.stderr)
        XCTAssertTrue(try cli.run(["act", "X", "teleport"]).stderr.contains("unknown action 'teleport'"))
        let unknown = try cli.run(["--lang", "zh", "bogus"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("未知命令"), unknown.stderr)
    }
}
