import XCTest
@testable import WicketCore

/// A ledger for another kind of record, built from `Ledger.schema` in a real hall's file: appended
/// through `History`, hashed with the hall's key and checked like the cases' history.
final class LedgerTests: XCTestCase {
    var hall: TestHall!
    let widgets = Ledger(table: "widget_history", subjectTable: "widgets", subjectColumn: "widget_id",
                         subjectWord: Bilingual(en: "widget", zh: "部件"), formatTag: "wicket-widget-history-1",
                         firstAction: "make")

    override func setUpWithError() throws {
        hall = try TestHall()
        try hall.store.db.executeScript("CREATE TABLE widgets (id INTEGER PRIMARY KEY, version INTEGER NOT NULL, status TEXT NOT NULL);\n"
                                        + widgets.schema)
    }

    override func tearDown() { hall.remove() }

    var db: Database { hall.store.db }

    func act(_ id: Int, _ action: String, from: String?, to: String, version: Int) throws {
        try db.write {
            if version == 1 {
                try db.execute("INSERT INTO widgets(id, version, status) VALUES (?, 1, ?)", id, to)
            } else {
                try db.execute("UPDATE widgets SET version = ?, status = ? WHERE id = ?", version, to, id)
            }
            try History.append(to: widgets, subjectID: id, at: "2026-12-02T09:00:00Z", actor: "li", action: action,
                               from: from, to: to, reason: "", details: ["n": version], version: version, in: db)
        }
    }

    func check() throws -> Int {
        let key = try db.historyKey()
        return try db.read { try IntegrityCheck(db: db).records(of: widgets, key: key) }
    }

    func assertProblem(_ words: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try check(), file: file, line: line) { error in
            let problem = error as? IntegrityCheck.Problem
            XCTAssertTrue(problem?.message.contains(words) == true, "\(error)", file: file, line: line)
        }
    }

    func makeSome() throws {
        try act(1, "make", from: nil, to: "new", version: 1)
        try act(2, "make", from: nil, to: "new", version: 1)
        try act(1, "paint", from: "new", to: "painted", version: 2)
    }

    func testAppendedEventsChainAndCheckClean() throws {
        try makeSome()
        XCTAssertEqual(try check(), 3)
        let rows = try db.query("SELECT previous_hash, hash FROM widget_history ORDER BY id")
        XCTAssertNil(rows[0].optionalString("previous_hash"))
        XCTAssertEqual(rows[1].optionalString("previous_hash"), rows[0].optionalString("hash"))
        XCTAssertEqual(rows[2].optionalString("previous_hash"), rows[1].optionalString("hash"))
        // A chain of its own: the cases' history is untouched and its check still passes.
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
    }

    func testTheLedgerIsAppendOnly() throws {
        try makeSome()
        XCTAssertThrowsError(try db.execute("UPDATE widget_history SET actor = 'x' WHERE id = 1"))
        XCTAssertThrowsError(try db.execute("DELETE FROM widget_history WHERE id = 3"))
        try db.execute("DROP TRIGGER widget_history_no_delete")
        assertProblem("trigger widget_history_no_delete is missing")
    }

    func testAnEditedEventIsNamed() throws {
        try makeSome()
        try db.execute("DROP TRIGGER widget_history_no_update")
        try db.execute("UPDATE widget_history SET actor = 'zhang' WHERE id = 2")
        try db.executeScript(String(widgets.schema.split(separator: ";").filter { $0.contains("no_update") }.joined() + ";\nEND;"))
        assertProblem("widget event #2 (widget #2, make by zhang")
    }

    func testADeletedEventAndARecordChangedAroundWicketAreNamed() throws {
        try makeSome()
        try db.execute("UPDATE widgets SET status = 'broken' WHERE id = 2")
        assertProblem("widget #2 is at version 1, broken, but its history ends at version 1, new")
        try db.execute("UPDATE widgets SET status = 'new' WHERE id = 2")
        try db.execute("DROP TRIGGER widget_history_no_delete")
        try db.execute("DELETE FROM widget_history WHERE id = 2")
        try db.execute("CREATE TRIGGER widget_history_no_delete BEFORE DELETE ON widget_history BEGIN SELECT RAISE(ABORT, 'x'); END")
        assertProblem("widget event #2 is missing: deleted")
    }

    /// The same fields hashed under another ledger's tag give another hash: an event copied from
    /// one ledger into another does not pass.
    func testLedgersHashApart() throws {
        try makeSome()
        let row = try XCTUnwrap(try db.queryOne("SELECT \(widgets.columns) FROM widget_history WHERE id = 1"))
        let event = HistoryChain.Event(row: row, ledger: widgets)
        let key = try db.historyKey()
        XCTAssertEqual(HistoryChain.hash(event, key: key, ledger: widgets), row.optionalString("hash"))
        XCTAssertNotEqual(HistoryChain.hash(event, key: key, ledger: .cases), row.optionalString("hash"))
    }
}
