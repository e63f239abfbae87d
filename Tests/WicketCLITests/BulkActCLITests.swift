import Foundation
import XCTest

/// `wicket act` on many cases: a list of numbers (with versions) or `--filter` with `list`'s
/// filters, `--dry-run`, the `--yes` threshold, per-case JSON and the exit status (README "Many cases at once").
final class BulkActCLITests: XCTestCase {
    var cli: BinaryRunner!

    /// 25 household transfers (PSB) and one birth registration (HEALTH).
    static var applications: String {
        (1...25).map { index in
            #"{"ref":"b-\#(index)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳\#(index)","id_number":"110105198501011234","phone":"13700000000"},"summary":"户口迁移","materials":["ID-CARD"]}"#
        }.joined(separator: "\n") + "\n"
            + #"{"ref":"h-1","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"刘洋","id_number":"110105198501011234","phone":"13700000000"},"summary":"生育登记","materials":[]}"# + "\n"
    }

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["import", "-"], stdin: Self.applications)
    }

    override func tearDown() { cli?.remove() }

    func shown(_ number: String) throws -> [String: Any] {
        try XCTUnwrap(try cli.json(["show", number, "--json"]) as? [String: Any])
    }

    func testSomeRefusedLeavesThemUntouchedTheOthersDoneAndExitsOne() throws {
        try cli.ok(["--as", "li", "act", "2026-000002", "accept"])
        let result = try cli.run(["--as", "li", "act", "2026-000001@1,2026-000002,2026-000003@4,2026-000026,2026-000004",
                                  "accept", "--json"])
        XCTAssertEqual(result.status, 1, "any refused: exit 1")
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.compactMap { $0["case"] as? String },
                       ["2026-000001", "2026-000002", "2026-000003", "2026-000026", "2026-000004"])
        XCTAssertEqual(objects.compactMap { $0["result"] as? String }, ["done", "refused", "refused", "refused", "done"])
        XCTAssertEqual(objects.map { $0["refusal"] as? String }, [nil, "not_allowed", "stale_version", "not_found", nil])
        for number in ["2026-000001", "2026-000004"] {
            let record = try shown(number)
            XCTAssertEqual(record["status"] as? String, "accepted")
            XCTAssertEqual(record["version"] as? Int, 2)
            XCTAssertEqual((record["messages"] as? [Any])?.count, 1, "each its own reply")
        }
        for (number, version) in [("2026-000002", 2), ("2026-000003", 1), ("2026-000026", 1)] {
            let record = try shown(number)
            XCTAssertEqual(record["version"] as? Int, version, "\(number) untouched")
            XCTAssertEqual((record["history"] as? [Any])?.count, version, "\(number): no event")
            XCTAssertEqual((record["messages"] as? [Any])?.count, version - 1, "\(number): no reply")
        }
        // Every case done: exit 0; text lines end with the count.
        let text = try cli.ok(["--as", "li", "act", "2026-000005,2026-000006", "claim"])
        XCTAssertTrue(text.hasSuffix("2 done, 0 refused\n"), text)
    }

    func testAFilterAboveTheThresholdNeedsYesADryRunChangesNothing() throws {
        let refused = try cli.run(["--as", "li", "act", "--filter", "--service", "HUKOU-MOVE", "claim"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("25 cases match; acting on more than 20 at once needs --yes"), refused.stderr)

        let dry = try XCTUnwrap(try cli.json(["--as", "li", "act", "--filter", "--status", "submitted", "claim", "--dry-run",
                                              "--json"]) as? [[String: Any]])
        // li sees her department only: the HEALTH case is not in her list, so not in her --filter either.
        XCTAssertEqual(dry.count, 25)
        XCTAssertEqual(Set(dry.compactMap { $0["result"] as? String }), ["would_be_done"])
        XCTAssertTrue(dry.allSatisfy { $0["history_id"] is NSNull })
        let unheld = try XCTUnwrap(try cli.json(["--as", "li", "list", "--unassigned", "--limit", "100", "--json"]) as? [Any])
        XCTAssertEqual(unheld.count, 25, "the dry run claimed nothing")

        let done = try cli.ok(["--as", "li", "act", "--filter", "--status", "submitted", "claim", "--yes"])
        XCTAssertTrue(done.hasSuffix("25 done, 0 refused\n"), done)
        let held = try XCTUnwrap(try cli.json(["--as", "li", "list", "--clerk", "li", "--limit", "100", "--json"]) as? [Any])
        XCTAssertEqual(held.count, 25)
        XCTAssertEqual(try shown("2026-000026")["holder"] as? NSNull, NSNull(), "the other department's case untouched")
    }

    func testChineseLinesAndUsage() throws {
        try cli.ok(["--as", "li", "act", "2026-000001", "claim"])
        let dry = try cli.run(["--as", "li", "--lang", "zh", "act", "--filter", "--search", "王芳1", "--unassigned", "claim",
                               "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("2026-000010：将执行领取，待受理"), dry.stdout)
        XCTAssertTrue(dry.stdout.hasSuffix("试运行，未作任何改动：将完成 10 件，将拒绝 0 件\n"), dry.stdout)
        let refused = try cli.run(["--as", "li", "--lang", "zh", "act", "2026-000001,2026-000002", "accept", "--version", "1"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--version 只用于一件案件"), refused.stderr)
        let stale = try cli.run(["--as", "li", "--lang", "zh", "act", "2026-000001@1,2026-000002", "accept"])
        XCTAssertEqual(stale.status, 1)
        XCTAssertTrue(stale.stdout.contains("2026-000001：被拒绝："), stale.stdout)
        XCTAssertTrue(stale.stdout.hasSuffix("完成 1 件，拒绝 1 件\n"), stale.stdout)
        let usage = try cli.run(["--as", "li", "act", "2026-000003", "claim", "--status", "submitted"])
        XCTAssertEqual(usage.status, 2, "filters without --filter are a usage error")
    }

    func testMacrosLoadRefuseABadLineAndApplyWithTheirNote() throws {
        let file = cli.directory.appendingPathComponent("macros.txt")
        try "[missing-hukou]\nname.zh = 缺户口簿\nname.en = Household register missing\naction = request-materials\nmissing = NOPE\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let refused = try cli.run(["--lang", "zh", "macros", "load", file.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("macros.txt:5：未知材料 NOPE"), refused.stderr)
        XCTAssertEqual(try cli.ok(["--lang", "zh", "macros", "list"]), "尚未载入宏（wicket macros load FILE）\n")
        let clerk = try cli.run(["--as", "li", "macros", "load", file.path])
        XCTAssertEqual(clerk.status, 1, "admins only")

        try "[missing-hukou]\nname.zh = 缺户口簿\nname.en = Household register missing\naction = request-materials\nmissing = HUKOU-BOOK\nnote = 批量通知\n"
            .write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.ok(["macros", "load", file.path]), "loaded 1 macros\n")
        XCTAssertTrue(try cli.ok(["--lang", "zh", "macros", "list"]).contains("缺户口簿"))
        let applied = try cli.ok(["--as", "li", "--lang", "zh", "act", "2026-000001,2026-000002", "--macro", "missing-hukou"])
        XCTAssertTrue(applied.contains("2026-000001：已添加备注，版本 3"), applied)
        XCTAssertTrue(applied.hasSuffix("完成 2 件，拒绝 0 件\n"), applied)
        let record = try shown("2026-000002")
        XCTAssertEqual(record["status"] as? String, "awaiting_materials")
        XCTAssertEqual((record["history"] as? [[String: Any]])?.compactMap { $0["action"] as? String },
                       ["submit", "request-materials", "note"])
        let usage = try cli.run(["--as", "li", "act", "2026-000003", "--macro", "missing-hukou", "--reason", "x"])
        XCTAssertEqual(usage.status, 2, "the macro gives the action's fields")
    }
}
