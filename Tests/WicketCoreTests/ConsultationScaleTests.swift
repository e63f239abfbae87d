import XCTest
@testable import WicketCore

/// The Consultations tab at 200,000 consultations: its first page and counts read a range of the
/// partial indexes on open questions, never the whole table, and stay quick.
final class ConsultationScaleTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws {
        hall = try TestHall()
        // Rows written straight into the table (no history: the check is not what is measured here),
        // two thirds answered, spread over four departments and a year of due instants.
        try hall.store.db.write {
            try hall.store.db.execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
                INSERT INTO consultations(id, number, channel, asker_name, question, department, status, asked_at, yellow_at,
                    red_at, due_at, created_at, updated_at)
                SELECT i, 'Z2026-' || printf('%06d', i), 'online', 'asker ' || i, 'question ' || i,
                    CASE i % 4 WHEN 0 THEN 'PSB' WHEN 1 THEN 'HEALTH' WHEN 2 THEN 'CIVIL' ELSE 'SAMR' END,
                    CASE WHEN i % 3 = 0 THEN 'open' ELSE 'answered' END,
                    '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',
                    strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i % 525600) || ' minutes'),
                    '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
                FROM n
                """)
        }
        try hall.store.db.execute("ANALYZE")
    }

    override func tearDown() { hall.remove() }

    func plan(_ sql: String, _ arguments: [DatabaseBindable]) throws -> [String] {
        try hall.store.db.query("EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0.string("detail") }
    }

    func testTheFirstPageReadsTheOpenIndexInOrder() throws {
        for (department, index) in [("PSB", "consultations_open_by_department"), (nil, "consultations_open_by_due")] as [(String?, String)] {
            let (sql, arguments) = ConsultationQueries.openQuery(department: department, after: nil, limit: 50)
            let lines = try plan(sql, arguments)
            XCTAssertTrue(lines.contains { $0.contains(index) }, "\(lines)")
            XCTAssertFalse(lines.contains { $0.contains("TEMP B-TREE") }, "sorted by the index, not afterwards: \(lines)")
        }
    }

    func testTheFirstPageAndTheCountsAreQuick() throws {
        for login in ["li", "sup"] {
            let access = try CaseAccess.check(login, in: hall.store)
            let start = Date()
            let page = try ConsultationQueries.open(in: hall.store, for: access, limit: 50)
            let counts = try ConsultationQueries.counts(in: hall.store, for: access)
            let elapsed = Date().timeIntervalSince(start)
            XCTAssertEqual(page.count, 50)
            XCTAssertEqual(page.map { $0.marks!.dueAt }, page.map { $0.marks!.dueAt }.sorted())
            XCTAssertEqual(counts.open, login == "li" ? 16_666 : 66_666)
            // Generous on a shared machine: the point is no scan of 200,000 rows per key.
            XCTAssertLessThan(elapsed, 0.5, "\(login): \(elapsed) s")
        }
    }
}
