import Foundation
import XCTest

/// `wicket appointments` on the real binary: processes racing for a slot's last place, the
/// portal's import (idempotent, bad lines named), no-shows and the portal's standing JSON,
/// check-in and call opening the linked case, both languages, and `wicket check` after.
final class AppointmentsCLITests: XCTestCase {
    var cli: BinaryRunner!

    static let plan = """
        group     PSB-ID   ID-RENEW,HUKOU-MOVE,RES-PERMIT   1-3号窗口
        hours     mon-fri  09:00-12:00,13:30-17:00  30
        capacity  mon-fri  PSB-ID  2
        """

    override func setUpWithError() throws {
        cli = try BinaryRunner() // Friday 27 Nov 2026, 10:00
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "zhang", "--name", "张伟", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "hp", "--name", "刘洋", "--role", "clerk", "--dept", "HEALTH"])
        try cli.ok(["users", "add", "portal", "--role", "portal"])
        let file = cli.directory.appendingPathComponent("plan.txt")
        try Self.plan.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try cli.ok(["appointments", "plan", "load", file.path]).contains("loaded the slot plan: 1 window groups"))
    }

    override func tearDown() { cli.remove() }

    func book(_ name: String, phone: String, as actor: String = "li", day: String = "2026-11-30", start: String = "09:00") -> [String] {
        Self.book(name, phone: phone, as: actor, day: day, start: start)
    }

    static func book(_ name: String, phone: String, as actor: String, day: String = "2026-11-30", start: String = "09:00") -> [String] {
        ["--as", actor, "appointments", "book", "--service", "HUKOU-MOVE", "--day", day, "--start", start,
         "--name", name, "--phone", phone, "--json"]
    }

    func count(_ sql: String) throws -> Int {
        let output = Process()
        output.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        output.arguments = [cli.databasePath, sql]
        let pipe = Pipe()
        output.standardOutput = pipe
        try output.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        output.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func testProcessesRacingForTheLastPlaceNeverOverbook() throws {
        try cli.ok(book("先到", phone: "13800000000"))
        // Eight clerks' processes at once for the one place left.
        let runs = 8
        let environment = cli.environment
        let results = RaceResults()
        DispatchQueue.concurrentPerform(iterations: runs) { index in
            let arguments = Self.book("抢\(index)", phone: "1390000000\(index)", as: index % 2 == 0 ? "li" : "zhang")
            if let run = try? ClerkProcesses.wicket(arguments, environment: environment) { results.add(run) }
        }
        let finished = results.all
        XCTAssertEqual(finished.count, runs)
        XCTAssertEqual(finished.filter { $0.status == 0 }.count, 1, finished.map(\.stderr).joined())
        for refused in finished where refused.status != 0 {
            XCTAssertTrue(refused.stderr.contains("is full (2 places)"), refused.stderr)
            XCTAssertFalse(refused.stderr.contains("database"), refused.stderr)
        }
        XCTAssertEqual(try count("SELECT count(*) FROM bookings WHERE slot_day = '2026-11-30' AND slot_start = 540"), 2)
        XCTAssertEqual(try count("SELECT count(*) FROM booking_history"), 2)
        try cli.ok(["check"])
    }

    func testThePortalsImportIsIdempotentAndNamesBadLines() throws {
        let lines = [
            #"{"ref":"p-1","service":"HUKOU-MOVE","day":"2026-11-30","start":"09:30","channel":"online","person":{"name":"王芳","phone":"13800000000"}}"#,
            #"{"ref":"p-2","service":"ID-RENEW","day":"2026-12-01","start":"10:00","channel":"mobile","person":{"name":"李雷","id_number":"440106199001181234"}}"#,
            "not json",
            #"{"ref":"p-4","service":"NO-SUCH","day":"2026-11-30","start":"09:30","channel":"online","person":{"name":"韩梅","phone":"13800000001"}}"#,
            #"{"ref":"p-5","service":"HUKOU-MOVE","day":"2026-12-25","start":"09:30","channel":"online","person":{"name":"韩梅","phone":"13800000001"}}"#,
        ].joined(separator: "\n")
        let file = cli.directory.appendingPathComponent("bookings.jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let first = try cli.run(["--as", "portal", "appointments", "import", file.path])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stdout.contains("booked 2; 0 already present; 3 bad lines"), first.stdout)
        XCTAssertTrue(first.stderr.contains("line 3: not a JSON object"), first.stderr)
        XCTAssertTrue(first.stderr.contains("line 4: unknown service 'NO-SUCH'"), first.stderr)
        XCTAssertTrue(first.stderr.contains("line 5: 2026-12-25 is outside the booking window"), first.stderr)
        let again = try cli.run(["--as", "portal", "--lang", "zh", "appointments", "import", file.path])
        XCTAssertTrue(again.stdout.contains("已导入 0 个预约；2 个已存在"), again.stdout)
        XCTAssertTrue(again.stderr.contains("line 3: 不是 JSON 对象"), again.stderr)
        XCTAssertEqual(try count("SELECT count(*) FROM bookings"), 2)
        // A clerk may not import.
        let clerk = try cli.run(["--as", "li", "appointments", "import", file.path])
        XCTAssertEqual(clerk.status, 1)
        XCTAssertTrue(clerk.stderr.contains("only an admin or a portal login may import bookings"), clerk.stderr)
        try cli.ok(["check"])
    }

    func testNoShowsSuspendOnlineBookingAndThePortalReadsIt() throws {
        let id = "440106199001181234"
        for (day, service) in [("2026-11-30", "HUKOU-MOVE"), ("2026-12-01", "ID-RENEW"), ("2026-12-02", "RES-PERMIT")] {
            try cli.ok(["--as", "li", "appointments", "book", "--service", service, "--day", day, "--start", "09:00",
                        "--name", "王芳", "--id-number", id, "--channel", "online"])
        }
        var later = cli!
        later.environment["WICKET_NOW"] = "2026-12-03T10:00:00+08:00"
        XCTAssertTrue(try later.ok(["--as", "li", "appointments", "sweep"]).contains("recorded 3 no-shows"))
        XCTAssertTrue(try later.ok(["--as", "li", "appointments", "sweep"]).contains("recorded 0 no-shows"))
        let standing = try XCTUnwrap(try later.json(["--as", "portal", "appointments", "standing", "--id-number", id, "--json"]) as? [String: Any])
        XCTAssertEqual(standing["online_booking_suspended"] as? Bool, true)
        XCTAssertEqual(standing["suspended_until"] as? String, "2027-01-01")
        XCTAssertEqual(standing["no_shows"] as? Int, 3)
        let refused = try later.run(["--as", "li", "appointments", "book", "--service", "HUKOU-MOVE", "--day", "2026-12-04",
                                     "--start", "09:00", "--name", "王芳", "--id-number", id, "--channel", "online"])
        XCTAssertTrue(refused.stderr.contains("online booking is suspended for this person until 2027-01-01"), refused.stderr)
        try later.ok(["check"])
    }

    func testCheckInAndCallOpenTheLinkedCaseInBothLanguages() throws {
        let booked = try XCTUnwrap(try cli.json(book("王芳", phone: "13800000000")) as? [String: Any])
        let number = try XCTUnwrap(booked["number"] as? String)
        XCTAssertEqual((booked["person"] as? [String: Any])?["phone"] as? String, "138****0000")
        var morning = cli!
        morning.environment["WICKET_NOW"] = "2026-11-30T08:55:00+08:00"
        XCTAssertTrue(try morning.ok(["--as", "zhang", "--lang", "zh", "appointments", "check-in", number]).contains("已到"))
        morning.environment["WICKET_NOW"] = "2026-11-30T09:05:00+08:00"
        let board = try morning.ok(["--as", "li", "appointments", "board"])
        XCTAssertTrue(board.contains("booked 0, arrived 1, serving 0, done 0, no_show 0"), board)
        XCTAssertTrue(board.contains("09:00-09:30  PSB-ID  1/2"), board)
        XCTAssertTrue(board.contains("waited 10 min"), board)
        let called = try XCTUnwrap(try morning.json(["--as", "li", "appointments", "call", "--json"]) as? [String: Any])
        XCTAssertEqual(called["status"] as? String, "serving")
        let caseNumber = try XCTUnwrap(called["case"] as? String)
        let shown = try XCTUnwrap(try morning.json(["--as", "li", "show", caseNumber, "--json"]) as? [String: Any])
        XCTAssertEqual(shown["ref"] as? String, "booking:\(number)")
        XCTAssertEqual(shown["holder"] as? String, "li")
        let list = try morning.ok(["--as", "li", "--lang", "zh", "appointments", "list"])
        XCTAssertTrue(list.contains("办理中") && list.contains(caseNumber), list)
        // Another department's clerk sees no such booking.
        let other = try morning.run(["--as", "hp", "appointments", "finish", number])
        XCTAssertTrue(other.stderr.contains("no booking \(number) that you may see"), other.stderr)
        try morning.ok(["check"])
    }

    func testTheJSONKeysAreTheREADMEs() throws {
        let booked = try cli.json(book("王芳", phone: "13800000000"))
        let listed = try cli.json(["--as", "li", "appointments", "list", "--day", "2026-11-30", "--json"])
        let board = try cli.json(["--as", "li", "appointments", "board", "--day", "2026-11-30", "--json"])
        let bookingEntry = "`appointments book|move|cancel|check-in|call|finish --json`, `appointments list --json` (an array):"
        for (prefix, output) in [(bookingEntry, booked), (bookingEntry, listed), ("`appointments board --json`: ", board)] {
            let documented = try XCTUnwrap(ReadmeJSONTests.parse(try ReadmeJSONTests.readmeEntry(prefix)), prefix)
            let wanted: ReadmeJSONTests.Shape = output is [Any] ? .array(documented) : documented
            XCTAssertEqual(ReadmeJSONTests.keys(output, like: wanted), ReadmeJSONTests.flatten(wanted), prefix)
        }
    }

    func testABadPlanLineIsNamedWithTheFileAndLine() throws {
        let file = cli.directory.appendingPathComponent("bad.txt")
        try "group A ID-RENEW\nhours mon 9:00-12:00 30\n".write(to: file, atomically: true, encoding: .utf8)
        let english = try cli.run(["appointments", "plan", "load", file.path])
        XCTAssertEqual(english.status, 1)
        XCTAssertTrue(english.stderr.contains("bad.txt:2: bad hours '9:00-12:00'"), english.stderr)
        let chinese = try cli.run(["--lang", "zh", "appointments", "plan", "load", file.path])
        XCTAssertTrue(chinese.stderr.contains("bad.txt:2：时间“9:00-12:00”有误"), chinese.stderr)
        XCTAssertTrue(try cli.ok(["appointments", "plan", "show"]).contains("capacity  mon  PSB-ID  2"), "the old plan stays")
    }
}

/// The racing processes' results, gathered from worker threads.
final class RaceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [ClerkProcesses.Run] = []
    func add(_ run: ClerkProcesses.Run) { lock.withLock { runs.append(run) } }
    var all: [ClerkProcesses.Run] { lock.withLock { runs } }
}
