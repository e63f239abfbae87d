import Foundation
import XCTest
@testable import WicketCore

/// The dashboard's tallies stay exact: after any mix of workflow actions, imports, clock
/// recomputations, zone changes and days passing, each equals a fresh count of the cases, and
/// every report figure equals the number of cases its drill-down lists.
final class TallyTests: XCTestCase {
    var hall: TestHall!
    var random = SeededRandom(seed: 7)

    override func setUpWithError() throws { hall = try TestHall(now: "2026-09-14T09:00:00+08:00") }
    override func tearDown() { hall.remove() }

    func assertExact(_ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if let drift = try Tallies.firstDrift(in: hall.store.db) {
            XCTFail("\(context): \(drift.table) \(drift.inTally ? "has" : "lacks") \(drift.row)", file: file, line: line)
        }
    }

    func assertFiguresMatchDrillDowns(_ context: String, department: String? = nil,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let store = hall.store
        for period in [ReportPeriod.days(30), .today, ReportPeriod("2026-09-01..2026-10-09")!] {
            let report = try ReportBuilder(store: store).build(period: period, department: department)
            let scope = ReportScope(store: store, period: period, department: department)
            for (figure, count) in report.figures {
                let listed = try CaseQueries.count(scope.filter(for: figure), in: store)
                XCTAssertEqual(count, listed, "\(context) \(period) \(department ?? "hall"): \(figure)", file: file, line: line)
            }
        }
    }

    func submitSome(_ count: Int) throws {
        let services = ["HUKOU-MOVE", "ID-RENEW", "HUKOU-MOVE"]
        for _ in 0..<count {
            let service = random.pick(services)
            try hall.submit(service: service, channel: random.pick(Channel.allCases),
                            materials: service == "ID-RENEW" ? ["PHOTO"] : ["ID-CARD"])
        }
    }

    /// What the random walk did: a walk that acted on nothing would prove nothing.
    var walk = (acted: 0, refused: 0)

    override func tearDownWithError() throws {
        if walk.acted + walk.refused > 0 {
            XCTAssertGreaterThan(walk.acted, (walk.acted + walk.refused) / 4, "the walk moved cases: \(walk)")
        }
    }

    /// One person's random move on a random case, as the workstation would let them try it. Only a
    /// refusal (a `WorkflowError`: not allowed now, not theirs, …) is expected; any other error fails the test.
    func actRandomly() throws {
        let numbers = try hall.store.db.query("SELECT number FROM cases").map { $0.string(at: 0) }
        let number = random.pick(numbers)
        let status = CaseStatus(rawValue: try hall.record(number).status.rawValue)!
        // Mostly forward along the lifecycle, so stories reach approval, delivery and resumption;
        // else anything the status allows (bookkeeping, withdrawal, transfer), sometimes anything at all.
        let forward: [CaseStatus: [CaseAction]] = [
            .submitted: [.accept, .accept, .requestMaterials, .reject], .awaitingMaterials: [.supplement],
            .accepted: [.startReview, .startReview, .suspend, .extend], .inReview: [.approve, .deny, .suspend, .extend],
            .suspended: [.resume], .approved: [.deliver],
        ]
        let allowed = Lifecycle.actions(from: status)
        let action = random.chance(0.6) && forward[status] != nil ? random.pick(forward[status]!)
            : random.chance(0.9) && !allowed.isEmpty ? random.pick(allowed) : random.pick(CaseAction.allCases)
        let actor = random.chance(0.5) ? "sup" : random.pick(["li", "zhang", "hp"])
        do {
            try hall.act(number, action, as: actor) { request in
            request.reason = self.random.pick(["材料不全", "不属于本机关职责", "申请人要求"])
            request.text = "已电话联系申请人"
            request.days = Int.random(in: 1...5, using: &self.random)
            request.missing = self.random.chance(0.5) ? ["ID-CARD"] : []
            request.materials = ["ID-CARD"]
            request.rating = self.random.pick([.good, .fair, .poor])
            request.atWindow = self.random.chance(0.5)
            request.target = action == .transfer ? self.random.pick(["PSB", "HEALTH"]) : self.random.pick(["li", "zhang", "hp"])
            }
            walk.acted += 1
        } catch is WorkflowError {
            walk.refused += 1
        }
    }

    func testTalliesStayExactThroughRandomWork() throws {
        try assertExact("a new hall")
        var day = 0
        for round in 0..<12 {
            hall.clock.now = hall.clock.now.addingTimeInterval(Double(random.pick([3600, 86_400, 3 * 86_400])))
            day += 1
            try submitSome(4)
            for _ in 0..<40 { try actRandomly() }
            try assertExact("round \(round)")
            if round % 4 == 3 { try assertFiguresMatchDrillDowns("round \(round)") }
        }
        try assertFiguresMatchDrillDowns("end", department: "PSB")
        // The walk reached every kind of move the tallies follow.
        let actions = Set(try hall.store.db.query("SELECT DISTINCT action FROM history").map { $0.string(at: 0) })
        XCTAssertTrue(actions.isSuperset(of: ["accept", "reject", "request-materials", "supplement", "start-review", "approve",
                                              "deny", "deliver", "suspend", "resume", "extend", "transfer", "withdraw",
                                              "assign", "claim", "release", "rate", "follow-up"]), "\(actions.sorted())")
        // A new day, nothing written: levels and aging move with today alone.
        hall.clock.now = hall.clock.now.addingTimeInterval(5 * 86_400)
        try assertExact("days later")
        try assertFiguresMatchDrillDowns("days later")
    }

    func testTalliesFollowImportCalendarAndSettings() throws {
        try submitSome(10)
        for _ in 0..<40 { try actRandomly() }
        let lines = (0..<5).map { index in
            #"{"ref":"t-\#(index)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-09-1\#(index)T09:00:00+08:00","applicant":{"name":"王芳","id_number":"440106199001181234","phone":"13800000000"},"summary":"户口迁移","details":"","materials":[],"priority":"normal"}"#
        }.joined(separator: "\n") + "\n"
        let file = hall.directory.appendingPathComponent("import.jsonl")
        try Data(lines.utf8).write(to: file)
        let summary = try Importer(store: hall.store, actor: "admin").run(from: try FileHandle(forReadingFrom: file))
        XCTAssertEqual(summary.imported, 5, "\(summary.errors)")
        try assertExact("after import")

        // A holiday moves due days of open cases: the running tally follows the recompute.
        let moved = try Administration(store: hall.store).loadCalendar(
            try CalendarFile.parse(DefaultCalendar.text + "\n2026-09-16 holiday test\n2026-09-17 holiday test\n"))
        XCTAssertGreaterThan(moved, 0)
        try assertExact("after the calendar changed")
        try hall.store.setSetting("yellow_percent", "20")
        _ = try Administration(store: hall.store).recomputeOpenClocks()
        try assertExact("after the thresholds changed")
        try assertFiguresMatchDrillDowns("after the thresholds changed")

        // Another zone puts instants on other hall days: every day tally is counted again.
        try hall.store.setSetting("timezone", "America/New_York")
        XCTAssertTrue(try HallDayShifts.matches(TimeZone(identifier: "America/New_York")!, in: hall.store.db))
        try assertExact("after the zone changed")
        try assertFiguresMatchDrillDowns("after the zone changed")
    }

    func testMigrationCountsAnExistingHall() throws {
        try submitSome(8)
        for _ in 0..<30 { try actRandomly() }
        let db = hall.store.db
        // Back to version 5, as a hall that ran before the tallies.
        let triggers = try db.query("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'tally%' OR name LIKE 'ratings_%' OR name LIKE 'poor_%')")
        try db.write {
            for row in triggers { try db.execute("DROP TRIGGER \(row.string(at: 0))") }
            for table in ["tally_open", "tally_open_days", "tally_running", "tally_days", "tally_day_shifts", "poor_rating_queue",
                          "bulk_import", "writer_activity"] {
                try db.execute("DROP TABLE \(table)")
            }
            try SchemaRewind.undoApplicantDocument(in: db)
            try SchemaRewind.undoAppointments(in: db)
            try db.execute("PRAGMA user_version = 5")
        }
        let reopened = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertNil(try Tallies.firstDrift(in: reopened.db))
        XCTAssertGreaterThan(try reopened.db.scalarInt("SELECT count(*) FROM tally_days") ?? 0, 0)
    }

    /// The comparison has teeth: without one trigger, the next move leaves the tally behind.
    func testAMissingTriggerShowsAsDrift() throws {
        let number = try hall.submit().number
        try hall.store.db.execute("DROP TRIGGER tally_open_update")
        try hall.act(number, .accept, as: "li")
        XCTAssertNotNil(try Tallies.firstDrift(in: hall.store.db))
    }

    func testCheckFindsADriftedTally() throws {
        try submitSome(3)
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
        try hall.store.db.execute("UPDATE tally_open SET n = n + 1 WHERE department = 'PSB'")
        XCTAssertThrowsError(try IntegrityCheck(db: hall.store.db).run()) { error in
            XCTAssertEqual((error as? IntegrityCheck.Problem)?.kind, .tally, "\(error)")
        }
    }

    func testCheckFindsAZoneChangedAroundWicket() throws {
        try submitSome(2)
        try hall.store.db.execute("UPDATE settings SET value = 'Europe/Berlin' WHERE key = 'timezone'")
        XCTAssertThrowsError(try IntegrityCheck(db: hall.store.db).run()) { error in
            XCTAssertEqual((error as? IntegrityCheck.Problem)?.kind, .tally, "\(error)")
        }
    }

    func testRatingsAreKeptAsGiven() throws {
        let number = try hall.submit().number
        try hall.act(number, .rate, as: "li") { $0.rating = .poor }
        XCTAssertThrowsError(try hall.store.db.execute("UPDATE ratings SET rating = 'good'"))
        XCTAssertThrowsError(try hall.store.db.execute("DELETE FROM ratings"))
        try hall.act(number, .followUp, as: "sup") { $0.text = "已回访" }
    }

    /// A case rated twice in a period is one case rated; once more after the period, one in each.
    func testACaseRatedTwiceCountsOnce() throws {
        let number = try hall.submit().number
        try hall.act(number, .rate, as: "li") { $0.rating = .good }
        hall.clock.now = hall.clock.now.addingTimeInterval(86_400)
        try hall.act(number, .rate, as: "li") { $0.rating = .good }
        let week = try ReportBuilder(store: hall.store).build(period: .days(7))
        XCTAssertEqual(week.ratingsGood, 1)
        let today = try ReportBuilder(store: hall.store).build(period: .today)
        XCTAssertEqual(today.ratingsGood, 1)
        try assertFiguresMatchDrillDowns("rated twice")
    }

    func testInboxTabCountsEqualTheTabFilters() throws {
        try submitSome(12)
        for _ in 0..<60 { try actRandomly() }
        hall.clock.now = hall.clock.now.addingTimeInterval(9 * 86_400)
        for (login, department) in [("li", Optional("PSB")), ("hp", "HEALTH"), ("sup", nil)] {
            let counts = try InboxTabCounts.read(for: login, department: department, in: hall.store)
            func count(_ configure: (inout CaseFilter) -> Void) throws -> Int {
                var filter = CaseFilter(department: department)
                configure(&filter)
                return try CaseQueries.count(filter, in: hall.store)
            }
            XCTAssertEqual(counts.mine, try count { $0.holder = login }, login)
            XCTAssertEqual(counts.unassigned, try count { $0.unassignedOnly = true }, login)
            XCTAssertEqual(counts.awaitingMaterials, try count { $0.statuses = [.awaitingMaterials] }, login)
            XCTAssertEqual(counts.warnings, try count { $0.warningsOnly = true }, login)
            XCTAssertEqual(counts.all, try count { _ in }, login)
        }
    }
}
