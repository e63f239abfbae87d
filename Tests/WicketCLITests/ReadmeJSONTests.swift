import Foundation
import XCTest

/// The README's "JSON output" section lists the keys of `list`, `show`, `act` and `next`; the real
/// output has exactly those keys, at every level.
final class ReadmeJSONTests: XCTestCase {
    /// A key shape read from the README's notation: `{a, b {c}, d [{e}]}`.
    indirect enum Shape: Equatable {
        case value
        case object([String: Shape])
        case array(Shape)
    }

    static func parse(_ text: String) -> Shape? {
        // Parenthetical remarks ("(masked)") are not keys.
        let plain = text.replacingOccurrences(of: "\\([^()]*\\)", with: "", options: .regularExpression)
        var tokens: [String] = []
        var word = ""
        for character in plain {
            if character.isLetter || character == "_" { word.append(character); continue }
            if !word.isEmpty { tokens.append(word); word = "" }
            if "{}[],".contains(character) { tokens.append(String(character)) }
        }
        if !word.isEmpty { tokens.append(word) }
        var position = 0
        func object() -> Shape? {
            guard position < tokens.count, tokens[position] == "{" else { return nil }
            position += 1
            var members: [String: Shape] = [:]
            while position < tokens.count, tokens[position] != "}" {
                let key = tokens[position]
                position += 1
                if position < tokens.count, tokens[position] == "{" {
                    members[key] = object()
                } else if position < tokens.count, tokens[position] == "[" {
                    position += 1
                    members[key] = object().map { .array($0) }
                    position += 1   // "]"
                } else {
                    members[key] = .value
                }
                if position < tokens.count, tokens[position] == "," { position += 1 }
            }
            position += 1
            return .object(members)
        }
        return object()
    }

    static func readmeEntry(_ prefix: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "### JSON output").dropFirst().first)
        let items = section.components(separatedBy: "\n- ")
        let item = try XCTUnwrap(items.first { $0.hasPrefix(prefix) }, "README has no JSON entry for \(prefix)")
        return String(item.dropFirst(prefix.count))
    }

    func testTheKeysAreTheREADMEs() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        let line = #"{"ref":"json-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳","id_number":"110105198501011234","phone":"13700000000"},"summary":"户口迁移","materials":["ID-CARD"]}"#
        try cli.ok(["import", "-"], stdin: line + "\n")
        let acted = try cli.json(["--as", "li", "act", "2026-000001", "accept", "--json"])
        let actedOnMany = try cli.json(["--as", "li", "act", "2026-000001,2026-000001", "note", "--text", "x", "--dry-run", "--json"])
        try cli.ok(["--as", "li", "act", "2026-000001", "note", "--text", "已核对"])
        try cli.ok(["--as", "li", "act", "2026-000001", "rate", "--rating", "poor"])
        let shown = try cli.json(["show", "2026-000001", "--json"])
        let macroFile = cli.directory.appendingPathComponent("macros.txt")
        try "[m]\nname.zh = 受理\nname.en = Accept\naction = accept\nnote = 已受理\n".write(to: macroFile, atomically: true, encoding: .utf8)
        try cli.ok(["macros", "load", macroFile.path])
        let macros = try cli.json(["macros", "list", "--json"])
        let listed = try cli.json(["list", "--json"])

        for (prefix, output) in [("`list --json`: an array of ", listed as Any), ("`show --json`: ", shown),
                                 ("`act --json`, `next --json`: ", acted),
                                 ("`macros list --json`: an array of ", macros),
                                 ("`act --json` on many cases (a list of cases, `--filter` or `--dry-run`): an array of\n  ", actedOnMany)] {
            let entry = try Self.readmeEntry(prefix)
            let documented = try XCTUnwrap(Self.parse(entry), "cannot read the README's keys for \(prefix)")
            let wanted: Shape = output is [Any] ? .array(documented) : documented
            XCTAssertEqual(Self.keys(output, like: wanted), Self.flatten(wanted), prefix)
        }
    }

    /// Every key path ("messages[].last_error") a documented shape names.
    static func flatten(_ shape: Shape, _ path: String = "") -> Set<String> {
        switch shape {
        case .value: return [path]
        case .array(let element): return flatten(element, path + "[]")
        case .object(let members):
            return members.reduce(into: Set<String>()) { $0.formUnion(flatten($1.value, path.isEmpty ? $1.key : path + "." + $1.key)) }
        }
    }

    /// Every key path the real output has, followed only as deep as the documented shape goes.
    static func keys(_ json: Any, like shape: Shape, _ path: String = "") -> Set<String> {
        switch shape {
        case .value: return [path]
        case .array(let element):
            guard let array = json as? [Any], let first = array.first else { return ["\(path)[] (empty: nothing to compare)"] }
            return keys(first, like: element, path + "[]")
        case .object(let members):
            guard let object = json as? [String: Any] else { return ["\(path) (not an object)"] }
            return object.reduce(into: Set<String>()) { result, pair in
                let sub = path.isEmpty ? pair.key : path + "." + pair.key
                result.formUnion(members[pair.key].map { keys(pair.value, like: $0, sub) } ?? [sub])
            }
        }
    }
}
