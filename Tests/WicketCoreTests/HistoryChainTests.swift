import XCTest
@testable import WicketCore

/// The history is append-only and hash-chained; `IntegrityCheck` names the first event that was
/// edited, deleted or inserted around Wicket (here: by someone with the sqlite3 shell).
final class HistoryChainTests: XCTestCase {
    private var hall: TestHall!
    private var db: Database { hall.store.db }

    override func setUpWithError() throws {
        hall = try TestHall()
        // Two cases, interleaved, so the chain crosses cases: events 1…7.
        let first = try hall.submit().number
        let second = try hall.submit().number
        try hall.act(first, .accept)
        try hall.act(second, .requestMaterials)
        try hall.act(first, .startReview)
        try hall.act(first, .note) { $0.text = "材料齐全" }
        try hall.act(second, .note) { $0.text = "等待补正" }
    }

    override func tearDown() { hall.remove() }

    /// The hash Wicket writes, under this database's key (the tamperer here holds the key).
    private func keyed(_ event: HistoryChain.Event) -> String { HistoryChain.hash(event, key: try! db.historyKey()) }

    private func check() throws -> IntegrityCheck.Summary { try IntegrityCheck(db: db).run() }

    private func problem(file: StaticString = #filePath, line: UInt = #line) -> IntegrityCheck.Problem? {
        do {
            _ = try check()
            XCTFail("check found nothing", file: file, line: line)
        } catch let problem as IntegrityCheck.Problem {
            return problem
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return nil
    }

    /// What someone with the sqlite3 shell can do: lift the protection, change rows, put it back.
    private func tamper(_ sql: String, _ arguments: DatabaseBindable...) throws {
        try db.executeScript("DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;")
        try db.execute(sql, arguments: arguments)
        try db.executeScript(Schema.version3Triggers)
    }

    func testEveryEventIsChainedToTheOneBefore() throws {
        let rows = try db.query("SELECT id, previous_hash, hash FROM history ORDER BY id")
        XCTAssertEqual(rows.count, 7)
        XCTAssertNil(rows[0].optionalString("previous_hash"))
        for (earlier, later) in zip(rows, rows.dropFirst()) {
            XCTAssertEqual(later.optionalString("previous_hash"), earlier.string("hash"))
            XCTAssertEqual(later.int("id"), earlier.int("id") + 1)
        }
        let summary = try check()
        XCTAssertEqual(summary.events, 7)
        XCTAssertEqual(summary.cases, 2)
        XCTAssertEqual(summary.headHash, rows.last?.string("hash"))
    }

    func testTheHistoryRefusesUpdateAndDelete() throws {
        XCTAssertThrowsError(try db.execute("UPDATE history SET reason = 'rewritten' WHERE id = 3")) {
            XCTAssertTrue("\($0)".contains("append-only"), "\($0)")
        }
        XCTAssertThrowsError(try db.execute("DELETE FROM history WHERE id = 7")) {
            XCTAssertTrue("\($0)".contains("append-only"), "\($0)")
        }
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM history"), 7)
        XCTAssertNoThrow(try check())
    }

    func testAnEditedEventIsNamed() throws {
        try tamper("UPDATE history SET actor = 'zhang' WHERE id = 4")
        let found = problem()
        XCTAssertEqual(found?.kind, .chain)
        XCTAssertEqual(found?.eventID, 4)
        XCTAssertTrue(found?.message.contains("changed after it was written") ?? false, found?.message ?? "")
    }

    func testAnEditedAndRehashedEventIsNamed() throws {
        var event = HistoryChain.Event(row: try db.queryOne("SELECT \(HistoryChain.columns) FROM history WHERE id = 3")!)
        event.reason = "rewritten"
        try tamper("UPDATE history SET reason = ?, hash = ? WHERE id = 3", event.reason, keyed(event))
        let found = problem()
        XCTAssertEqual(found?.eventID, 3)
        XCTAssertTrue(found?.message.contains("#3 was changed (and re-hashed)") ?? false, found?.message ?? "")
    }

    func testADeletedEventIsNamed() throws {
        try tamper("DELETE FROM history WHERE id = 5")
        let found = problem()
        XCTAssertEqual(found?.eventID, 5)
        XCTAssertEqual(found?.message, "history event #5 is missing: deleted")
    }

    func testDeletingTheFirstEventsIsFound() throws {
        try tamper("DELETE FROM history WHERE id <= 2")
        XCTAssertEqual(problem()?.eventID, 1)
    }

    /// The last event has no successor to vouch for it: the case's own version does.
    func testDeletingTheLastEventIsFoundThroughItsCase() throws {
        try tamper("DELETE FROM history WHERE id = 7")
        let found = problem()
        XCTAssertEqual(found?.kind, .caseHistory)
        XCTAssertTrue(found?.message.contains("is at version 3 but its history ends at version 2 (event #4)") ?? false, found?.message ?? "")
    }

    func testInsertedEventsAreNamed() throws {
        try tamper("""
            INSERT INTO history(id, case_id, at, actor, action, from_status, to_status, version)
            VALUES (8, 1, '2026-11-27T02:00:00Z', 'li', 'note', 'in_review', 'in_review', 5)
            """)
        XCTAssertEqual(problem()?.eventID, 8)
        XCTAssertTrue(problem()?.message.contains("has no hash") ?? false)
    }

    /// Whoever knows the format can append a well-hashed event; the case's version gives it away.
    func testAWellHashedInsertedEventIsFoundThroughItsCase() throws {
        let tail = try HistoryChain.tail(in: db)!
        let event = HistoryChain.Event(id: 8, subjectID: 1, at: "2026-11-27T02:00:00Z", actor: "li", action: "approve",
                                       fromStatus: "in_review", toStatus: "approved", reason: "", details: "{}",
                                       version: 5, previousHash: tail.hash)
        try tamper("""
            INSERT INTO history(id, case_id, at, actor, action, from_status, to_status, reason, details, version, previous_hash, hash)
            VALUES (8, 1, ?, 'li', 'approve', 'in_review', 'approved', '', '{}', 5, ?, ?)
            """, event.at, event.previousHash, keyed(event))
        let found = problem()
        XCTAssertEqual(found?.kind, .caseHistory)
        XCTAssertEqual(found?.eventID, 8)
        XCTAssertTrue(found?.message.contains("#8 gives case 2026-000001 version 5, but the case is at version 4") ?? false,
                      found?.message ?? "")
    }

    /// Rewriting the chain from an event onward (every later hash recomputed) passes the chain,
    /// but not the case's versions.
    func testARewrittenChainIsCaughtByTheCaseVersions() throws {
        try db.executeScript("DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;")
        try db.execute("UPDATE history SET version = 9 WHERE id = 5")
        var previous = try db.scalarString("SELECT hash FROM history WHERE id = 4")
        for id in 5...7 {
            var event = HistoryChain.Event(row: try db.queryOne("SELECT \(HistoryChain.columns) FROM history WHERE id = ?", id)!)
            event.previousHash = previous
            previous = keyed(event)
            try db.execute("UPDATE history SET previous_hash = ?, hash = ? WHERE id = ?", event.previousHash, previous, id)
        }
        try db.executeScript(Schema.version3Triggers)
        let found = problem()
        XCTAssertEqual(found?.kind, .caseHistory)
        XCTAssertEqual(found?.eventID, 5)
        XCTAssertTrue(found?.message.contains("has version 9, expected 3") ?? false, found?.message ?? "")
    }

    func testACaseChangedAroundWicketIsFound() throws {
        try db.execute("UPDATE cases SET status = 'approved' WHERE id = 1")
        XCTAssertEqual(problem()?.message,
                       "case \(try hall.record(try db.scalarString("SELECT number FROM cases WHERE id = 1")!).number) is approved but its last event says in_review: the case was changed around Wicket")
    }

    func testDroppedProtectionIsFound() throws {
        try db.executeScript("DROP TRIGGER history_no_delete")
        XCTAssertEqual(problem()?.kind, .protection)
    }

    func testAForeignKeyProblemIsNamed() throws {
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.execute("INSERT INTO notes(case_id, author, body, created_at) VALUES (999, 'li', 'x', 'now')")
        let found = problem()
        XCTAssertEqual(found?.kind, .foreignKey)
        XCTAssertEqual(found?.message, "notes row 3 refers to a missing cases row")
    }

    /// The canonical form is part of the file format: the same event must hash the same forever.
    func testTheCanonicalFormIsStable() {
        let event = HistoryChain.Event(id: 1, subjectID: 1, at: "2026-11-27T02:00:00Z", actor: "li", action: "submit",
                                       fromStatus: nil, toStatus: "submitted", reason: "", details: "{\"ref\":\"p-1\"}",
                                       version: 1, previousHash: nil)
        XCTAssertEqual(String(decoding: HistoryChain.content(event), as: UTF8.self), """
            wicket-history-1
            id#1:1
            case_id#1:1
            at#20:2026-11-27T02:00:00Z
            actor#2:li
            action#6:submit
            from_status!
            to_status#9:submitted
            reason#0:
            details#13:{"ref":"p-1"}
            version#1:1
            previous_hash!

            """)
        XCTAssertEqual(HistoryChain.unkeyedHash(event), SHA256.hex(HistoryChain.content(event)))
        // Lengths keep field boundaries: text moved from one field into the next hashes differently.
        var shifted = event
        shifted.actor = "li\naction#6:submit"
        shifted.action = ""
        XCTAssertNotEqual(keyed(shifted), keyed(event))
        var empty = event
        empty.fromStatus = ""
        XCTAssertNotEqual(keyed(empty), keyed(event), "absent differs from empty")
    }

    /// A database from before the chain (schema 2, built here row by row): migration 3 hashes its
    /// events in order, exactly as Wicket hashes new ones, and then the history is protected.
    func testMigrationChainsAnExistingHistory() throws {
        let path = hall.directory.appendingPathComponent("old.db").path
        do {
            let old = try Database(path: path, create: true)
            try Migrator.verifyAndMigrate(old, upTo: 2)
            try old.executeScript("""
                INSERT INTO departments VALUES ('PSB', '公安局', 'Public Security Bureau');
                INSERT INTO service_items(code, name_zh, name_en, department, acceptance_limit_days, legal_limit_days,
                    promised_limit_days) VALUES ('HUKOU-MOVE', '户口迁移', 'Household registration transfer', 'PSB', 5, 20, 20);
                INSERT INTO users VALUES ('li', '李娜', 'clerk', 'PSB', 1, '2026-11-01T00:00:00Z');
                INSERT INTO cases(id, number, service_code, department, channel, status, applicant_name, submitted_at,
                    received_at, limit_days, version, updated_at)
                VALUES (1, '2026-000001', 'HUKOU-MOVE', 'PSB', 'online', 'accepted', '王芳', '2026-11-02T01:00:00Z',
                    '2026-11-02T01:00:00Z', 20, 2, '2026-11-03T01:00:00Z');
                INSERT INTO history(id, case_id, at, actor, action, from_status, to_status, details, version) VALUES
                    (1, 1, '2026-11-02T01:00:00Z', 'li', 'submit', NULL, 'submitted', '{"ref":"p-1"}', 1),
                    (2, 1, '2026-11-03T01:00:00Z', 'li', 'accept', 'submitted', 'accepted', '{}', 2);
                """)
        }
        let reopened = try CaseStore.open(path: path, clock: hall.clock.wallClock)
        func keyed(_ event: HistoryChain.Event) -> String { HistoryChain.hash(event, key: try! reopened.db.historyKey()) }
        XCTAssertEqual(try reopened.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        let first = HistoryChain.Event(id: 1, subjectID: 1, at: "2026-11-02T01:00:00Z", actor: "li", action: "submit",
                                       fromStatus: nil, toStatus: "submitted", reason: "", details: #"{"ref":"p-1"}"#,
                                       version: 1, previousHash: nil)
        let second = HistoryChain.Event(id: 2, subjectID: 1, at: "2026-11-03T01:00:00Z", actor: "li", action: "accept",
                                        fromStatus: "submitted", toStatus: "accepted", reason: "", details: "{}",
                                        version: 2, previousHash: keyed(first))
        XCTAssertEqual(try reopened.db.query("SELECT previous_hash, hash FROM history ORDER BY id").map {
            [$0.optionalString("previous_hash"), $0.optionalString("hash")]
        }, [[nil, keyed(first)], [keyed(first), keyed(second)]])
        XCTAssertEqual(try IntegrityCheck(db: reopened.db).run().events, 2)
        XCTAssertThrowsError(try reopened.db.execute("DELETE FROM history"))
        // New events continue the chain after the migrated ones.
        try Workflow(store: reopened).perform(ActionRequest(caseNumber: "2026-000001", action: .startReview, actor: "li"))
        XCTAssertEqual(try reopened.db.scalarString("SELECT previous_hash FROM history WHERE id = 3"), keyed(second))
        XCTAssertEqual(try IntegrityCheck(db: reopened.db).run().events, 3)
    }
}
