import Foundation
import XCTest

/// Whatever a person types as search text is searched for literally: never FTS5 syntax (quotes,
/// `*`, `NEAR`, `OR`, column filters, parentheses) and never SQL (quotes, `%`, `_`, `--`).
final class SearchInputTests: XCTestCase {
    var cli: BinaryRunner!

    /// Summaries that contain the very characters that are syntax elsewhere.
    static let summaries = [
        #"he said \"hi\" twice"#, "50% off", "a_b code", "NEAR(x y) literally", "this OR that", "star* power",
        "path C:\\\\dir", "O'Brien's form", "unbalanced (paren", "summary:colon", "王芳的申请",
    ]

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        let lines = Self.summaries.enumerated().map { index, summary in
            #"{"ref":"s-\#(index)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"申请人\#(index)"},"summary":"\#(summary)"}"#
        }
        XCTAssertTrue(try cli.ok(["import", "-"], stdin: lines.joined(separator: "\n")).contains("imported \(Self.summaries.count)"))
    }

    override func tearDown() { cli.remove() }

    func found(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let result = try cli.run(["list", "--search", text, "--limit", "100", "--json"], file: file, line: line)
        XCTAssertEqual(result.status, 0, "search \(text): \(result.stderr)", file: file, line: line)
        let rows = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [[String: Any]] ?? []
        return rows.compactMap { $0["applicant"] as? String }.sorted()
    }

    func testSyntaxCharactersAreSearchedLiterally() throws {
        let expected: [(String, [String])] = [
            (#""hi""#, ["申请人0"]), (#"""#, ["申请人0"]), ("%", ["申请人1"]), ("50%", ["申请人1"]), ("_", ["申请人2"]),
            ("a_b", ["申请人2"]), ("NEAR(x y)", ["申请人3"]), ("NEAR", ["申请人3"]), ("this OR that", ["申请人4"]),
            ("OR t", ["申请人4"]), ("or", ["申请人4", "申请人7"]), ("star*", ["申请人5"]), ("*", ["申请人5"]), ("C:\\dir", ["申请人6"]), (#"\"#, ["申请人6"]),
            ("O'Brien's", ["申请人7"]), ("'", ["申请人7"]), ("(paren", ["申请人8"]), ("(", ["申请人3", "申请人8"]),
            ("summary:colon", ["申请人9"]), ("王芳", ["申请人10"]), ("芳的申", ["申请人10"]),
        ]
        for (text, applicants) in expected {
            XCTAssertEqual(try found(text), applicants, "search \(text)")
        }
    }

    func testHostileSearchTextFindsNothingAndBreaksNothing() throws {
        let nasty = [
            "'; DROP TABLE cases; --", "\" OR 1=1 --", "*", "NEAR(", ")", "AND", "NOT x", "^start", "{a b}:c",
            "applicant_name:申请人1", "a\" NEAR \"b", "%%%", "___", "\u{1B}[2J", "\u{0}", String(repeating: "(", count: 500),
            String(repeating: "很", count: 2000), "-", "+x", "🙂🙂🙂",
        ]
        for text in nasty {
            let result = try cli.run(["list", "--search", text, "--json"])
            XCTAssertEqual(result.status, 0, "search \(text.prefix(20)): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("fts5"), result.stderr)
        }
        XCTAssertEqual(try found("applicant_name:申请人1"), [], "a column filter is just text")
        XCTAssertEqual(try found("%%%"), [])
        // The table is still there and whole.
        XCTAssertEqual(try found("申请人").count, Self.summaries.count)
    }
}
