import Foundation
import XCTest

/// The README's command reference against the binary's own `--help`: every command, every option of
/// each command and every action appear in both, so neither can drift from the other.
final class ReadmeReferenceTests: XCTestCase {
    static var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    /// The fenced block that starts `wicket [--db PATH] …`: one entry per command, its text being the
    /// command's line and the lines indented under it.
    static func referenceEntries() -> [String: String] {
        let lines = readme.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("wicket [--db PATH]") }) else { return [:] }
        var entries: [String: String] = [:]
        var current: String?
        for line in lines[(start + 1)...] {
            if line.hasPrefix("```") { break }
            if line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first {
                current = word.hasPrefix("(") ? nil : String(word)
            }
            if let current { entries[current, default: ""] += line + "\n" }
        }
        return entries
    }

    static func options(in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "--[a-z][a-z-]*[a-z]")
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    /// The commands `wicket --help` lists, and each one's options from `wicket COMMAND --help`.
    func helpCommands(_ cli: BinaryRunner) throws -> [String: Set<String>] {
        let overview = try cli.ok(["--help"])
        let lines = overview.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "commands:"))
        var commands: [String: Set<String>] = [:]
        for line in lines[(start + 1)...] where line.hasPrefix("  ") && !line.hasPrefix("   ") {
            let name = String(line.split(separator: " ")[0])
            let help = try cli.ok([name, "--help"])
            let optionLines = help.components(separatedBy: "\n").drop { $0 != "options:" }.dropFirst()
                .filter { $0.hasPrefix("  --") }
            commands[name] = Set(optionLines.compactMap { $0.split(separator: " ").first.map(String.init) })
        }
        return commands
    }

    func testEveryCommandAndOptionIsInBothTheReadmeAndHelp() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        let readme = Self.referenceEntries()
        XCTAssertFalse(readme.isEmpty, "the README's command reference was not found")
        let help = try helpCommands(cli)
        XCTAssertGreaterThan(help.count, 15, "the commands of wicket --help were not read")
        for (command, options) in help {
            guard let entry = readme[command] else {
                XCTFail("`wicket \(command)` is in --help but not in the README's command reference")
                continue
            }
            let documented = Self.options(in: entry)
            for option in options.subtracting(["--help"]) where !documented.contains(option) {
                XCTFail("`wicket \(command) \(option)` is in its --help but not in the README's reference")
            }
            for option in documented.subtracting(options).subtracting(["--help"]) {
                XCTFail("the README gives `wicket \(command) \(option)`, which its --help does not know")
            }
        }
        for command in Set(readme.keys).subtracting(help.keys).subtracting(["help"]) {
            XCTFail("the README's reference has `\(command)`, which wicket --help does not list")
        }
    }

    func testTheGlobalOptionsAreTheSame() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        let overview = try cli.ok(["--help"])
        let block = overview.components(separatedBy: "\n").drop { $0 != "global options:" }.prefix { $0 != "commands:" }
        let inHelp = Set(block.filter { $0.hasPrefix("  --") }.compactMap { $0.split(separator: " ").first.map(String.init) })
        XCTAssertGreaterThanOrEqual(inHelp.count, 5, "\(inHelp)")
        let usage = Self.readme.components(separatedBy: "\n").first { $0.hasPrefix("wicket [--db PATH]") } ?? ""
        XCTAssertEqual(Self.options(in: usage), inHelp, "the README's usage line names the global options of --help")
    }

    /// `act --help`'s ACTION list and the README's Actions table name the same actions.
    func testTheActionsTableNamesEveryAction() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        let help = try cli.ok(["act", "--help"])
        let line = try XCTUnwrap(help.components(separatedBy: "\n").first { $0.hasPrefix("ACTION: ") })
        let actions = Set(line.dropFirst("ACTION: ".count).split(separator: " ").map(String.init))
        let lines = Self.readme.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "### Actions"))
        let table = lines[start...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        var documented = Set<String>()
        for row in table {
            let first = row.split(separator: "|").first ?? ""
            let pattern = try NSRegularExpression(pattern: "`([a-z-]+)")
            let text = String(first)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                documented.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertEqual(documented, actions, "README table vs act --help")
    }
}

/// The README's description of the test suite names test classes that exist.
final class ReadmeTestNamesTests: XCTestCase {
    func testEveryTestTheReadmeNamesExists() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let named = Set(matches(of: "`([A-Z][A-Za-z]+Tests)`", in: readme))
        XCTAssertGreaterThan(named.count, 20, "the README's test table was not read")
        var classes = Set<String>()
        let tests = root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            classes.formUnion(matches(of: "class ([A-Z][A-Za-z]+Tests)\\b", in: try String(contentsOf: file, encoding: .utf8)))
        }
        XCTAssertEqual(named.subtracting(classes), [], "the README names tests that do not exist")
    }

    private func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
