import Foundation
import XCTest

/// `wicket applicant show` on the real binary (issue 15): by a case or an ID number, masked,
/// limited to what the reader may see, `--json`, Chinese, and `--reveal` recorded in the history.
final class ApplicantCLITests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        let line = { (ref: String, service: String, applicant: String) in
            #"{"ref":"\#(ref)","service":"\#(service)","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{\#(applicant)}}"#
        }
        try cli.ok(["import", "-"], stdin: [
            line("a", "HUKOU-MOVE", #""name":"王芳","id_number":"11010519850102123X","phone":"13800000000""#),
            line("b", "ID-RENEW", #""name":"王芳","id_number":"11010519850102123x","phone":"13900000000""#),
            line("c", "BIRTH-REG", #""name":"王芳","id_number":"11010519850102123X""#),
            line("d", "ID-RENEW", #""name":"王芳","id_number":"110105198501011234","phone":"13800000000""#),
            line("e", "ID-RENEW", #""name":"李四","phone":"138 0000 1111""#),
            line("f", "HUKOU-MOVE", #""name":"李四","phone":"+86 13800001111""#),
        ].joined(separator: "\n"))
    }

    override func tearDown() { cli.remove() }

    func testByCaseAndByIDNumberMaskedAndLimitedToWhatTheReaderSees() throws {
        let shown = try cli.json(["applicant", "show", "2026-000001", "--json"]) as! [String: Any]
        XCTAssertEqual(shown["case"] as? String, "2026-000001")
        let applicant = try XCTUnwrap(shown["applicant"] as? [String: Any])
        XCTAssertEqual(applicant["id_number"] as? String, "1101**********123X")
        XCTAssertEqual(applicant["phone"] as? String, "138****0000")
        let open = try XCTUnwrap(shown["open_cases"] as? [[String: Any]]).compactMap { $0["number"] as? String }
        // Not itself, not the other ID number with the same name and phone.
        XCTAssertEqual(Set(open), ["2026-000002", "2026-000003"])
        XCTAssertEqual(shown["more_closed"] as? Int, 0)
        // A PSB clerk: the HEALTH birth registration is neither listed nor counted.
        let clerk = try cli.json(["--as", "li", "applicant", "show", "2026-000001", "--json"]) as! [String: Any]
        XCTAssertEqual(try XCTUnwrap(clerk["open_cases"] as? [[String: Any]]).compactMap { $0["number"] as? String }, ["2026-000002"])
        // By ID number: every case of that number, none of the other.
        let byID = try cli.ok(["applicant", "show", "11010519850102123x"])
        XCTAssertTrue(byID.contains("2026-000001") && byID.contains("2026-000003") && !byID.contains("2026-000004"), byID)
        XCTAssertFalse(byID.contains("11010519850102123X"), "masked: \(byID)")
        // By name and phone where there is no ID number, however the phone was written.
        let byPhone = try cli.ok(["--lang", "zh", "applicant", "show", "2026-000005"])
        XCTAssertTrue(byPhone.contains("2026-000006") && byPhone.contains("在办案件（1）"), byPhone)
        // A case the reader may not see is no case at all.
        let hidden = try cli.run(["--as", "li", "applicant", "show", "2026-000003"])
        XCTAssertEqual(hidden.status, 1)
        XCTAssertTrue(hidden.stderr.contains("no case 2026-000003 that you may see"), hidden.stderr)
    }

    func testImportFlagsAnOpenCaseOfTheSameApplicantForTheSameService() throws {
        let line = #"{"ref":"again","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T10:30:00+08:00","applicant":{"name":"王芳","id_number":"11010519850102123X"}}"#
        let result = try cli.run(["import", "-"], stdin: line)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("line 1: 2026-000007 imported, possible duplicate of 2026-000001"), result.stdout)
        XCTAssertTrue(try cli.ok(["show", "2026-000001"]).contains("possible duplicate of 2026-000007"))
        let shown = try cli.json(["show", "2026-000007", "--json"]) as! [String: Any]
        XCTAssertEqual(shown["possible_duplicate_of"] as? [String], ["2026-000001"])
        // Re-running changes nothing and flags nothing new.
        XCTAssertFalse(try cli.ok(["import", "-"], stdin: line).contains("duplicate"))
    }

    func testRevealIsRecordedInTheCasesHistory() throws {
        let before = try cli.json(["show", "2026-000001", "--json"]) as! [String: Any]
        let shown = try cli.ok(["applicant", "show", "2026-000001", "--reveal"])
        XCTAssertTrue(shown.contains("11010519850102123X") && shown.contains("13800000000"), shown)
        let after = try cli.json(["show", "2026-000001", "--json"]) as! [String: Any]
        XCTAssertEqual(after["version"] as? Int, (before["version"] as? Int ?? 0) + 1)
        let history = try XCTUnwrap(after["history"] as? [[String: Any]])
        XCTAssertEqual(history.last?["action"] as? String, "reveal")
        // An ID number was typed in full already: --reveal needs a case.
        XCTAssertEqual(try cli.run(["applicant", "show", "11010519850102123X", "--reveal"]).status, 2)
        XCTAssertEqual(try cli.run(["check"]).status, 0)
    }
}
