import Foundation
import XCTest

/// The command line's side of failed replies: `act` says a reply is queued, `deliver` records the
/// failure, `list --failed-replies` and `report` find it, `show` says where it stands, and
/// `resend-reply` / `handled-reply` deal with it (README "Replies and delivery").
final class FailedRepliesCLITests: XCTestCase {
    var cli: BinaryRunner!

    static let applications = """
        {"ref":"f-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-25T09:30:00+08:00","applicant":{"name":"欧阳娜娜","id_number":"110105198501011234","phone":"13700000000"},"summary":"购房落户","materials":["ID-CARD"]}
        {"ref":"f-2","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"诸葛亮","id_number":"110105198501195678","phone":"13700000001"},"summary":"投靠落户","materials":["ID-CARD"]}
        """

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["import", "-"], stdin: Self.applications)
    }

    override func tearDown() { cli?.remove() }

    func testFromAFailedDeliveryToAResendAndAHandle() throws {
        XCTAssertTrue(try cli.ok(["--as", "li", "act", "2026-000001", "accept"]).hasSuffix(", reply #1 queued for delivery\n"))
        XCTAssertTrue(try cli.ok(["--as", "li", "--lang", "zh", "act", "2026-000002", "accept"]).contains("答复 #2 已排队等待发送"))
        try cli.ok(["settings", "set", "delivery_command", "cat > /dev/null; echo 'number not in service' >&2; exit 65"])
        XCTAssertEqual(try cli.run(["deliver"]).status, 1)

        let listed = try XCTUnwrap(try cli.json(["--as", "li", "list", "--failed-replies", "--json"]) as? [[String: Any]])
        XCTAssertEqual(listed.compactMap { $0["number"] as? String }.sorted(), ["2026-000001", "2026-000002"])
        XCTAssertEqual(listed.compactMap { $0["failed_reply"] as? String }, ["permanent", "permanent"])
        let csv = try cli.ok(["report", "--csv", "--no-bom"])
        XCTAssertTrue(csv.contains("deadlines,failed replies permanent,2\n"), csv)
        XCTAssertTrue(csv.contains("deadlines,failed replies retrying,0\n"), csv)
        XCTAssertTrue(try cli.ok(["--as", "li", "show", "2026-000001"]).contains("[failed permanently: exit 65: number not in service]"))
        XCTAssertTrue(try cli.ok(["--as", "li", "--lang", "zh", "show", "2026-000001"]).contains("[发送失败，不再重试：exit 65: number not in service]"))

        // zhang may not act on li's case; li's note is required for handled.
        let refused = try cli.run(["--as", "zhang", "act", "2026-000001", "resend-reply"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("held by li"), refused.stderr)
        XCTAssertTrue(try cli.run(["--as", "li", "act", "2026-000002", "handled-reply"]).stderr.contains("needs a reason"))

        let resent = try XCTUnwrap(try cli.json(["--as", "li", "act", "2026-000001", "resend-reply", "--message", "1", "--json"]) as? [String: Any])
        XCTAssertEqual(resent["action"] as? String, "resend-reply")
        XCTAssertEqual(resent["version"] as? Int, 3)
        try cli.ok(["--as", "li", "act", "2026-000002", "handled-reply", "--reason", "电话告知申请人"])
        let shown = try cli.ok(["--as", "li", "show", "2026-000002"])
        XCTAssertTrue(shown.contains("[failed — handled by li on 27 Nov 2026 10:00: 电话告知申请人]"), shown)
        XCTAssertTrue(shown.contains("handled-reply: accepted — 电话告知申请人"), shown)
        XCTAssertTrue(try cli.ok(["--as", "li", "--lang", "zh", "show", "2026-000002"]).contains("失败答复已另行处理"))
        XCTAssertEqual((try cli.json(["--as", "li", "list", "--failed-replies", "--json"]) as? [Any])?.count, 0)
        let message = try XCTUnwrap(((try cli.json(["--as", "li", "show", "2026-000001", "--json"]) as? [String: Any])?["messages"]
            as? [[String: Any]])?.first)
        XCTAssertEqual(message["delivery_state"] as? String, "queued")
        XCTAssertTrue(message["handled_at"] is NSNull)
        XCTAssertTrue(try cli.ok(["check"]).hasPrefix("ok"))
    }
}
