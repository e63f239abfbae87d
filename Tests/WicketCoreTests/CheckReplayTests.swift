import Foundation
import XCTest
@testable import WicketCore

/// `wicket check` compares each case with what its history implies beyond status and version:
/// who holds it and where it is (replaying claims, releases, assignments, transfers and take
/// next), and, for running cases, the stored warning and due days against the calendar and
/// settings. Calendar loads and clock settings move those days in the same transaction.
final class CheckReplayTests: XCTestCase {
    private var hall: TestHall!
    private var db: Database { hall.store.db }

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func problem(file: StaticString = #filePath, line: UInt = #line) -> IntegrityCheck.Problem? {
        do {
            _ = try IntegrityCheck(db: db).run()
            XCTFail("check found nothing", file: file, line: line)
        } catch let problem as IntegrityCheck.Problem {
            return problem
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return nil
    }

    private func lastEventID() throws -> Int { try db.scalarInt("SELECT max(id) FROM history")! }

    // MARK: holder and department

    func testAHolderChangedAroundWicketIsNamed() throws {
        let number = try hall.submit().number
        try hall.act(number, .claim)
        let claim = try lastEventID()
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        try db.execute("UPDATE cases SET holder = 'zhang' WHERE number = ?", number)
        let found = problem()
        XCTAssertEqual(found?.kind, .caseHistory)
        XCTAssertEqual(found?.eventID, claim)
        XCTAssertEqual(found?.message, "case \(number) is held by zhang but its history (event #\(claim)) leaves it with li: the case was changed around Wicket")
        XCTAssertTrue(found?.text(.zh).contains("由 zhang 持有") ?? false)
    }

    func testAHolderClearedOrInventedAroundWicketIsNamed() throws {
        let held = try hall.submit().number
        try hall.act(held, .accept) // acting on an unheld case claims it
        let free = try hall.submit().number
        try db.execute("UPDATE cases SET holder = NULL WHERE number = ?", held)
        XCTAssertTrue(problem()?.message.contains("case \(held) is held by nobody but its history") ?? false)
        try db.execute("UPDATE cases SET holder = 'li' WHERE number = ?", held)
        try db.execute("UPDATE cases SET holder = 'li' WHERE number = ?", free)
        XCTAssertTrue(problem()?.message.contains("case \(free) is held by li but its history") ?? false)
    }

    func testReleaseAssignAndTakeNextAreReplayed() throws {
        let first = try hall.submit().number
        let second = try hall.submit().number
        try hall.act(first, .claim)
        try hall.act(first, .release)
        try hall.act(first, .assign, as: "sup") { $0.target = "zhang" }
        try hall.workflow.takeNext(actor: "li")
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        XCTAssertEqual(try hall.record(first).holder, "zhang")
        XCTAssertEqual(try hall.record(second).holder, "li")
        let takeNext = try lastEventID()
        try db.execute("UPDATE cases SET holder = 'zhang' WHERE number = ?", second)
        XCTAssertEqual(problem()?.eventID, takeNext)
    }

    func testADepartmentChangedAroundWicketIsNamed() throws {
        let number = try hall.submit().number
        try hall.act(number, .transfer, as: "sup") {
            $0.target = "HEALTH"
            $0.reason = "wrong department"
        }
        let transfer = try lastEventID()
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        try db.execute("UPDATE cases SET department = 'PSB' WHERE number = ?", number)
        let found = problem()
        XCTAssertEqual(found?.kind, .caseHistory)
        XCTAssertEqual(found?.eventID, transfer)
        XCTAssertEqual(found?.message, "case \(number) is in department PSB but its history (event #\(transfer)) puts it in HEALTH: the case was changed around Wicket")
    }

    /// The department a case starts in is in its submission: moved with SQL, it is found.
    func testADepartmentChangedWithoutATransferIsNamed() throws {
        let number = try hall.submit().number
        let submit = try lastEventID()
        XCTAssertTrue(try db.scalarString("SELECT details FROM history WHERE id = ?", submit)!.contains(#""department":"PSB""#))
        try db.execute("UPDATE cases SET department = 'HEALTH' WHERE number = ?", number)
        let found = problem()
        XCTAssertEqual(found?.eventID, submit)
        XCTAssertEqual(found?.message, "case \(number) is in department HEALTH but its history (event #\(submit)) puts it in PSB: the case was changed around Wicket")
    }

    /// Moved with SQL and then transferred by a clerk: the transfer's own "from" gives it away.
    func testAMoveAroundWicketBeforeATransferIsNamed() throws {
        let number = try hall.submit().number
        try db.execute("UPDATE cases SET department = 'HEALTH' WHERE number = ?", number)
        try hall.act(number, .transfer, as: "sup") {
            $0.target = "PSB"
            $0.reason = "back"
        }
        let transfer = try lastEventID()
        let found = problem()
        XCTAssertEqual(found?.eventID, transfer)
        XCTAssertTrue(found?.message.contains("transfers the case from HEALTH, but its history") ?? false, found?.message ?? "")
    }

    func testTheSubmittedDepartmentIsReadAsJSONWouldReadIt() {
        XCTAssertEqual(IntegrityCheck.submittedDepartment(#"{"channel":"online","department":"PSB","materials":[]}"#), "PSB")
        XCTAssertNil(IntegrityCheck.submittedDepartment(#"{"channel":"online","materials":[],"ref":"x"}"#))
        XCTAssertNil(IntegrityCheck.submittedDepartment(#"{"channel":"online","department":"P\"SB","materials":[]}"#))
        XCTAssertNil(IntegrityCheck.submittedDepartment(#"{"channel":"online","materials":[],"ref":"a,\"department\":\"X"}"#))
    }

    // MARK: due days

    func testStaleDueDaysAreNamed() throws {
        let number = try hall.submit().number
        try hall.act(number, .accept)
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        let due = try db.scalarString("SELECT due_on FROM cases WHERE number = ?", number)!
        try db.execute("UPDATE cases SET due_on = '2030-01-01' WHERE number = ?", number)
        let found = problem()
        XCTAssertEqual(found?.kind, .dueDays)
        XCTAssertTrue(found?.message.hasPrefix("case \(number) has stale due days: it holds yellow ") ?? false, found?.message ?? "")
        XCTAssertTrue(found?.message.contains("due 2030-01-01") ?? false)
        XCTAssertTrue(found?.message.contains("due \(due)") ?? false, found?.message ?? "")
        XCTAssertTrue(found?.text(.zh).contains("到期日已过时") ?? false)
    }

    func testDaysOnAClosedCaseAreNamed() throws {
        let number = try hall.submit().number
        try hall.act(number, .withdraw) { $0.reason = "no longer needed" }
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        try db.execute("UPDATE cases SET yellow_on = '2030-01-01', red_on = '2030-01-02', due_on = '2030-01-03' WHERE number = ?", number)
        XCTAssertTrue(problem()?.message.contains("case \(number) has stale due days") ?? false)
    }

    func testStaleAcceptanceDueDayIsNamed() throws {
        let number = try hall.submit().number
        try db.execute("UPDATE cases SET acceptance_due_on = '2030-01-01' WHERE number = ?", number)
        XCTAssertTrue(problem()?.message.contains("acceptance due 2030-01-01") ?? false)
    }

    /// A calendar loaded behind Wicket's back (days not moved) is what a kill between two
    /// transactions used to leave: check now says so.
    func testACalendarChangedWithoutMovingTheDaysIsFound() throws {
        let number = try hall.submit().number
        try hall.act(number, .accept)
        let holiday = try db.scalarString("SELECT red_on FROM cases WHERE number = ?", number)!
        try db.write {
            try CalendarWriter.replace(with: try CalendarFile.parse(DefaultCalendar.text + "\n\(holiday) holiday test\n"), in: db)
        }
        XCTAssertEqual(problem()?.kind, .dueDays)
    }

    // MARK: one transaction

    /// Cases in every running state, so each clock rule is exercised.
    private func runningCases() throws -> [String] {
        let submitted = try hall.submit().number
        let accepted = try hall.submit().number
        try hall.act(accepted, .accept)
        let review = try hall.submit().number
        try hall.act(review, .accept)
        try hall.act(review, .startReview)
        try hall.act(review, .extend, as: "sup") {
            $0.days = 3
            $0.reason = "complex"
        }
        let approved = try hall.submit().number
        try hall.act(approved, .accept)
        try hall.act(approved, .startReview)
        try hall.act(approved, .approve)
        return [submitted, accepted, review, approved]
    }

    private func days(_ numbers: [String]) throws -> [[String?]] {
        try numbers.map { number in
            let row = try db.queryOne("SELECT yellow_on, red_on, due_on, acceptance_due_on FROM cases WHERE number = ?", number)!
            return ["yellow_on", "red_on", "due_on", "acceptance_due_on"].map { row.optionalString($0) }
        }
    }

    /// After the change the stored days are exactly a fresh computation's, and check passes.
    private func assertFresh(_ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try OpenClocks.read(from: db).recompute(in: db), 0, "\(what): nothing left to move", file: file, line: line)
        XCTAssertNoThrow(try IntegrityCheck(db: db).run(), what, file: file, line: line)
    }

    /// Makes the next move of a due day fail, as a kill would stop the second step.
    private func breakDueDayUpdates() throws {
        try db.executeScript("""
            CREATE TEMP TRIGGER no_due_moves BEFORE UPDATE OF due_on ON cases BEGIN
                SELECT RAISE(ABORT, 'simulated crash while moving due days');
            END;
            """)
    }

    func testCalendarLoadMovesTheDaysInTheSameTransaction() throws {
        let numbers = try runningCases()
        let before = try days(numbers)
        let holidays = try numbers.compactMap { try db.scalarString("SELECT yellow_on FROM cases WHERE number = ?", $0) }
        let file = DefaultCalendar.text + "\n" + Set(holidays).map { "\($0) holiday test" }.joined(separator: "\n") + "\n"
        let calendarBefore = try db.scalarInt("SELECT count(*) FROM calendar_days")

        try breakDueDayUpdates()
        XCTAssertThrowsError(try Administration(store: hall.store).loadCalendar(try CalendarFile.parse(file)))
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM calendar_days"), calendarBefore, "the calendar rolled back too")
        XCTAssertEqual(try days(numbers), before)
        try db.executeScript("DROP TRIGGER temp.no_due_moves")
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())

        let moved = try Administration(store: hall.store).loadCalendar(try CalendarFile.parse(file))
        XCTAssertEqual(moved, 4)
        XCTAssertNotEqual(try days(numbers), before)
        try assertFresh("after calendar load")
    }

    func testClockSettingsMoveTheDaysInTheSameTransaction() throws {
        let numbers = try runningCases()
        for (key, value) in [("yellow_percent", "20"), ("red_percent", "60"), ("delivery_limit_days", "3"),
                             ("timezone", "America/New_York")] {
            let before = try days(numbers)
            let setting = try hall.store.setting(key)
            try breakDueDayUpdates()
            XCTAssertThrowsError(try hall.store.setSetting(key, value), key)
            XCTAssertEqual(try hall.store.setting(key), setting, "\(key) rolled back too")
            XCTAssertEqual(try days(numbers), before, key)
            try db.executeScript("DROP TRIGGER temp.no_due_moves")

            XCTAssertGreaterThan(try hall.store.setSetting(key, value), 0, key)
            XCTAssertEqual(try hall.store.setting(key), value)
            try assertFresh("after settings set \(key)")
        }
        XCTAssertGreaterThan(try hall.store.setSetting("yellow_percent", nil), 0)
        try assertFresh("after settings unset yellow_percent")
        XCTAssertEqual(try hall.store.setSetting("demo", "1"), 0, "other settings move nothing")
    }

    // MARK: no false alarms

    /// Many lawful actions by several people, in random order, over several days: whatever
    /// Wicket itself did, check finds nothing.
    func testRandomLawfulWorkPassesCheck() throws {
        var generator = SeededRandom(seed: 20261127)
        var numbers: [String] = []
        for _ in 0..<12 { numbers.append(try hall.submit(materials: []).number) }
        let actions: [CaseAction] = [.accept, .requestMaterials, .supplement, .startReview, .approve, .deny, .deliver,
                                     .suspend, .resume, .extend, .withdraw, .transfer, .claim, .release, .assign,
                                     .note, .reject]
        let people = ["li", "zhang", "hp", "sup", "admin"]
        var done = 0
        for step in 0..<900 {
            if step % 40 == 39 {
                hall.clock.now = hall.clock.now.addingTimeInterval(86_400 * 2)
                do { _ = try hall.workflow.takeNext(actor: people[Int(generator.next() % 3)]) } catch is WorkflowError {}
            }
            let number = numbers[Int(generator.next() % UInt64(numbers.count))]
            let action = actions[Int(generator.next() % UInt64(actions.count))]
            let actor = people[Int(generator.next() % UInt64(people.count))]
            do {
                try hall.act(number, action, as: actor) { request in
                    request.reason = "because"
                    request.text = "text"
                    request.days = 2
                    request.target = action == .transfer ? ["PSB", "HEALTH"][Int(generator.next() % 2)]
                        : ["li", "zhang", "hp"][Int(generator.next() % 3)]
                    request.materials = ["ID-CARD"]
                    request.missing = ["ID-CARD"]
                }
                done += 1
            } catch is WorkflowError {
                continue
            }
        }
        XCTAssertGreaterThan(done, 50)
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        XCTAssertEqual(try OpenClocks.read(from: db).recompute(in: db), 0)
    }
}
