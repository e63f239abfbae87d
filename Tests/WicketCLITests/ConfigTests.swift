import Foundation
import XCTest

/// `wicket config`: the effective settings and where each came from.
final class ConfigTests: XCTestCase {
    var runner: BinaryRunner!

    override func setUpWithError() throws { runner = try BinaryRunner() }
    override func tearDown() { try? FileManager.default.removeItem(at: runner.directory) }

    private var configFile: URL { URL(fileURLWithPath: runner.environment["XDG_CONFIG_HOME"]!).appendingPathComponent("wicket/config") }

    private func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(at: configFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: configFile, atomically: true, encoding: .utf8)
    }

    private func row(_ name: String, in output: String) -> String {
        output.split(separator: "\n").first { $0.hasPrefix(name + " ") }.map(String.init) ?? ""
    }

    func testEachSettingNamesItsSource() throws {
        try writeConfig("# mine\ntheme = light\nlang = zh\nambiguous-width = 2\ndelivery-command = /bin/true\nkey.accept = y\n")
        runner.environment["LANG"] = "en_US.UTF-8"
        let result = try runner.run(["--theme", "high-contrast", "config"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(row("db", in: result.stdout).contains("environment (WICKET_DB)"), result.stdout)
        XCTAssertTrue(row("theme", in: result.stdout).contains("high-contrast") && row("theme", in: result.stdout).contains("flag (--theme)"))
        XCTAssertTrue(row("lang", in: result.stdout).contains("file (\(configFile.path):3)"), "the file's lang beats the locale")
        XCTAssertTrue(row("ambiguous-width", in: result.stdout).contains("file (\(configFile.path):4)"))
        XCTAssertTrue(row("delivery-command", in: result.stdout).contains("/bin/true"))
        XCTAssertTrue(row("key.accept", in: result.stdout).contains("y "))
        XCTAssertTrue(row("key.reject", in: result.stdout).hasSuffix("default"))
        // The file says lang = zh, so the labels are Chinese; the table stays machine-readable.
        XCTAssertTrue(result.stdout.contains("主题文件：") && result.stdout.contains("Themes/high-contrast.theme"), result.stdout)
    }

    /// The README's example line ends with a comment: it is a comment, not part of the key.
    func testATrailingCommentIsAComment() throws {
        let path = runner.databasePath
        try writeConfig("key.accept = y          # rebind an action key (not to a key a pane already uses)\ndb = \(path)#2\n")
        var runner = runner!
        runner.environment.removeValue(forKey: "WICKET_DB")
        let result = try runner.run(["config"])
        XCTAssertEqual(result.stderr, "", "no warning for the README's own example")
        XCTAssertTrue(row("key.accept", in: result.stdout).contains("y "), result.stdout)
        XCTAssertTrue(row("db", in: result.stdout).contains(path + "#2"), "a # inside a value stays: \(result.stdout)")
    }

    /// `wicket demo --lang zh --theme high-contrast`: global options may follow the command too.
    func testGlobalOptionsAfterTheCommand() throws {
        let result = try runner.run(["config", "--theme", "high-contrast", "--lang=zh"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(row("theme", in: result.stdout).contains("flag (--theme)"), result.stdout)
        XCTAssertTrue(row("lang", in: result.stdout).contains("zh"), result.stdout)
        XCTAssertTrue(result.stdout.contains("主题文件："), "the flag's language is used\n\(result.stdout)")
        try runner.ok(["init"])
        // A command's own option keeps its value even when it looks like a global option.
        try runner.ok(["users", "add", "li", "--name", "--lang", "--role", "clerk", "--dept", "PSB"])
        XCTAssertTrue(try runner.ok(["users", "list"]).contains("--lang"), "the name is --lang")
        let missing = try runner.run(["users", "list", "--db"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("--db"), missing.stderr)
    }

    func testEnvironmentAndLocaleAndNoColor() throws {
        runner.environment["WICKET_THEME"] = "light"
        runner.environment["LANG"] = "zh_CN.UTF-8"
        var result = try runner.run(["config"])
        XCTAssertTrue(row("theme", in: result.stdout).contains("environment (WICKET_THEME)"), result.stdout)
        XCTAssertTrue(row("lang", in: result.stdout).contains("zh") && row("lang", in: result.stdout).contains("environment (LANG)"))
        runner.environment["NO_COLOR"] = "1"
        result = try runner.run(["config"])
        XCTAssertTrue(row("theme", in: result.stdout).contains("mono") && row("theme", in: result.stdout).contains("NO_COLOR"))
        runner.environment["LANG"] = "C.UTF-8"
        XCTAssertTrue(row("lang", in: try runner.run(["config"]).stdout).contains("en"))
    }

    func testMistakesWarnWithFileAndLineAndNeverStopWicket() throws {
        try writeConfig("theme = nosuch\nbogus = 1\nlang = fr\nkey.accept = j\n")
        runner.environment.removeValue(forKey: "LANG")
        let result = try runner.run(["config"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(configFile.path):2: unknown setting 'bogus'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(configFile.path):3: lang is zh or en"), result.stderr)
        XCTAssertTrue(result.stderr.contains("\(configFile.path):4: 'j' is already a workstation key"), result.stderr)
        XCTAssertTrue(result.stderr.contains("theme nosuch: no theme of this name"), result.stderr)
        XCTAssertTrue(row("lang", in: result.stdout).hasSuffix("default"), "a bad line is ignored")
        XCTAssertTrue(row("key.accept", in: result.stdout).hasSuffix("default"), "so is a key that cannot be bound")
        let chinese = try runner.run(["--lang", "zh", "config"])
        XCTAssertTrue(chinese.stderr.contains("\(configFile.path):2：未知设置“bogus”"), chinese.stderr)
        XCTAssertTrue(chinese.stderr.contains("警告："), chinese.stderr)
        XCTAssertTrue(chinese.stderr.contains("主题 nosuch：") && chinese.stderr.contains("中没有这个名字的主题"), chinese.stderr)
        XCTAssertTrue(chinese.stderr.contains("\(configFile.path):4：“j”已是工作台按键"), chinese.stderr)
        XCTAssertEqual(try runner.run(["--lang", "fr", "config"]).status, 2, "a bad flag is a usage error")
    }
}
