import Foundation
import XCTest

/// `wicket escalate` run by several real processes at once raises each notice exactly once
/// (README "Escalation and chasing notices").
final class EscalateRaceTests: XCTestCase {
    func testConcurrentRunnersRaiseEachNoticeOnce() throws {
        var cli = try BinaryRunner(now: "2026-10-09T10:00:00+08:00")
        defer { cli.remove() }
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sup", "--name", "孙丽", "--role", "supervisor"])
        let lines = (1...12).map { index in
            #"{"ref":"e-\#(index)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-10-08T09:30:00+08:00","applicant":{"name":"王芳\#(index)","id_number":"110105198501011234","phone":"13700000000"},"summary":"户口迁移","materials":["ID-CARD"]}"#
        }
        try cli.ok(["import", "-"], stdin: lines.joined(separator: "\n") + "\n")
        try cli.ok(["--as", "li", "act", (1...12).map { String(format: "2026-%06d", $0) }.joined(separator: ","), "accept"])
        cli.environment["WICKET_NOW"] = "2026-12-10T10:00:00+08:00"

        // Six real processes started together, each its own connection racing for the write lock.
        let runners = (0..<6).map { _ -> (Process, Pipe, Pipe) in
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["--as", "sup", "escalate"]
            process.environment = cli.environment
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            return (process, output, errors)
        }
        for (process, _, _) in runners { try process.run() }
        var raised = 0
        for (process, output, errors) in runners {
            let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, err)
            raised += try XCTUnwrap(out.split(separator: " ").dropFirst().first.flatMap { Int($0) }, out)
        }
        XCTAssertEqual(raised, 24, "red and overdue for each of the 12 cases, raised once between all runners")
        let notices = try XCTUnwrap(try cli.json(["--as", "sup", "notices", "--json"]) as? [[String: Any]])
        let documented = try XCTUnwrap(ReadmeJSONTests.parse(try ReadmeJSONTests.readmeEntry("`notices --json`: an array of ")))
        XCTAssertEqual(ReadmeJSONTests.keys(notices, like: .array(documented)), ReadmeJSONTests.flatten(.array(documented)),
                       "the README's keys")
        XCTAssertEqual(notices.count, 24)
        XCTAssertEqual(Set(notices.map { "\($0["rule"]!) \($0["case"]!)" }).count, 24)
        XCTAssertEqual(try cli.ok(["--as", "sup", "escalate"]), "raised 0 notices\n")
        try cli.ok(["check"])

        let id = try XCTUnwrap(notices.first?["id"] as? Int)
        XCTAssertEqual(try cli.ok(["--as", "sup", "--lang", "zh", "notices", "ack", String(id)]), "已确认催办通知 \(id)\n")
        XCTAssertTrue(try cli.ok(["--as", "sup", "--lang", "zh", "notices"]).contains("逾期督办"))
        XCTAssertEqual(try cli.run(["--as", "sup", "notices", "ack", String(id)]).status, 1, "already acknowledged")
        try cli.ok(["check"])
        }

    func testAChaserIsRecordedAndCountedInBothLanguages() throws {
        let cli = try BinaryRunner()
        defer { cli.remove() }
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["import", "-"], stdin: BulkActCLITests.applications)
        XCTAssertEqual(try cli.ok(["--as", "li", "chaser", "2026-000003", "--channel", "phone", "--text", "问进度"]),
                       "2026-000003: chaser recorded, version 2 (1 on this case)\n")
        XCTAssertEqual(try cli.ok(["--as", "li", "--lang", "zh", "chaser", "2026-000003", "--channel", "online"]),
                       "2026-000003：已登记催办，版本 3（本案共 2 次）\n")
        XCTAssertEqual(try cli.run(["--as", "li", "chaser", "2026-000026", "--channel", "phone"]).status, 1,
                       "another department's case is no case for her")
        XCTAssertEqual(try cli.run(["--as", "li", "chaser", "2026-000003"]).status, 2, "--channel is required")
        XCTAssertTrue(try cli.ok(["--as", "li", "--lang", "zh", "show", "2026-000003"]).contains("申请人催办"))
    }
}
