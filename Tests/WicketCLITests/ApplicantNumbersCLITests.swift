import Foundation
import XCTest

/// Issue 12 on the real binary: `import` refuses a nonsense ID or phone number with its line
/// number, takes other documents by `id_type`, and `list --search` finds a case by the full ID number.
final class ApplicantNumbersCLITests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
    }

    override func tearDown() { cli.remove() }

    static func line(_ ref: String, _ applicant: String) -> String {
        #"{"ref":"\#(ref)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"\#(ref)",\#(applicant)},"summary":"户口迁移"}"#
    }

    func testImportRefusesNonsenseNumbersByLineAndTakesOtherDocumentsByType() throws {
        let lines = [
            Self.line("good", #""id_number":"11010519850102123X","phone":"13700000000""#),
            Self.line("short-id", #""id_number":"12345","phone":"13700000000""#),
            Self.line("letters-phone", #""id_number":"110105198501011234","phone":"abc""#),
            Self.line("passport", #""id_type":"passport","id_number":"E12345678","phone":"+86 137 0000 0001""#),
            Self.line("unknown-type", #""id_type":"library_card","id_number":"42""#),
        ].joined(separator: "\n")
        let result = try cli.run(["--lang", "zh", "import", "-"], stdin: lines)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("2"), result.stdout)
        XCTAssertTrue(result.stderr.contains("line 2: 身份证号“12345”有 5 位"), result.stderr)
        XCTAssertTrue(result.stderr.contains("line 3: “abc”不是电话号码"), result.stderr)
        XCTAssertTrue(result.stderr.contains("line 5: 未知证件类型“library_card”"), result.stderr)
        let listed = try cli.json(["list", "--json"]) as! [[String: Any]]
        XCTAssertEqual(Set(listed.compactMap { $0["applicant"] as? String }), ["good", "passport"])
        // The document type is shown with the number, which is masked (a short number more so).
        let passport = try XCTUnwrap(listed.first { $0["applicant"] as? String == "passport" }?["number"] as? String)
        let shown = try cli.json(["show", passport, "--json"]) as! [String: Any]
        let applicant = try XCTUnwrap(shown["applicant"] as? [String: Any])
        XCTAssertEqual(applicant["id_type"] as? String, "passport")
        XCTAssertEqual(applicant["id_number"] as? String, "E******78")
        XCTAssertTrue(try cli.ok(["show", passport]).contains("E******78 (passport)"))
    }

    func testListSearchFindsTheCaseByTheFullIDNumberShownMasked() throws {
        try cli.ok(["import", "-"], stdin: [
            Self.line("wang", #""id_number":"11010519850102123X""#),
            Self.line("li", #""id_number":"110105198501011234""#),
        ].joined(separator: "\n"))
        for text in ["11010519850102123X", "11010519850102123x"] {
            let found = try cli.json(["list", "--search", text, "--json"]) as! [[String: Any]]
            XCTAssertEqual(found.compactMap { $0["applicant"] as? String }, ["wang"], text)
            XCTAssertEqual(found.first?["id_number"] as? String, "1101**********123X", "masked")
        }
        let table = try cli.ok(["--as", "li", "list", "--search", "11010519850102123X"])
        XCTAssertTrue(table.contains("1101**********123X") && !table.contains("11010519850102123X"), table)
    }
}
