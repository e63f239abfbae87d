import XCTest
@testable import WicketCore

/// The inbox and search queries read index ranges, never the whole cases table: at a million
/// cases a full scan is the difference between instant and a pause (see wicket-bench).
final class QueryPlanTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws {
        hall = try TestHall()
        for _ in 0..<3 { try hall.submit() }
    }

    override func tearDown() { hall.remove() }

    private func plan(_ filter: CaseFilter) throws -> [String] {
        let (sql, arguments) = CaseQueries.listQuery(filter, store: hall.store)
        return try hall.store.db.query("EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0.string("detail") }
    }

    func testInboxTabsAndSearchUseIndexes() throws {
        let filters: [(String, CaseFilter)] = [
            ("mine", CaseFilter(department: "PSB", holder: "li", limit: 500)),
            ("unassigned", CaseFilter(department: "PSB", unassignedOnly: true, limit: 500)),
            ("all of a department", CaseFilter(department: "PSB", limit: 500)),
            ("all departments", CaseFilter(limit: 500)),
            ("warnings", { var f = CaseFilter(department: "PSB", limit: 500); f.warningsOnly = true; return f }()),
            ("search", CaseFilter(department: "PSB", search: "户口迁移", limit: 50)),
            ("awaiting materials", CaseFilter(statuses: [.awaitingMaterials], department: "PSB", limit: 500)),
        ]
        for (name, filter) in filters {
            let lines = try plan(filter)
            XCTAssertFalse(lines.isEmpty, name)
            for line in lines where line.contains("cases") && !line.contains("case_search") {
                XCTAssertFalse(line.hasPrefix("SCAN cases") && !line.contains("USING"), "\(name): full scan: \(line)\n\(lines)")
            }
        }
    }

    func testSegmentsReadRunningClocksByDueDay() throws {
        let lines = try plan(CaseFilter(department: "PSB", limit: 500))
        XCTAssertTrue(lines.contains { $0.contains("cases_running_by_department") }, "\(lines)")
        let all = try plan(CaseFilter(limit: 500))
        XCTAssertTrue(all.contains { $0.contains("cases_running") }, "\(all)")
    }

    private func plan(_ sql: String, _ arguments: [DatabaseBindable]) throws -> [String] {
        try hall.store.db.query("EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0.string("detail") }
    }

    private func assertNoFullScan(_ lines: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(lines.isEmpty, name, file: file, line: line)
        for detail in lines where detail.contains("cases") && !detail.contains("case_search") {
            XCTAssertFalse(detail.hasPrefix("SCAN cases") && !detail.contains("USING"), "\(name): full scan: \(detail)\n\(lines)",
                           file: file, line: line)
        }
    }

    /// Pages after and before a row, and the last page, read the same index ranges as the first.
    func testKeysetPagesUseIndexes() throws {
        let row = try XCTUnwrap(CaseQueries.list(CaseFilter(limit: 1), in: hall.store).first)
        let requests: [(String, PageRequest)] = [("after", .after(row.position, including: false)),
                                                 ("before", .before(row.position, including: true)), ("last", .last)]
        for (name, request) in requests {
            for filter in [CaseFilter(department: "PSB", limit: 150), CaseFilter(limit: 150),
                           CaseFilter(department: "PSB", holder: "li", limit: 150),
                           CaseFilter(statuses: [.awaitingMaterials], department: "PSB", limit: 150)] {
                let (sql, arguments) = CaseQueries.listQuery(filter, page: request, store: hall.store)
                assertNoFullScan(try plan(sql, arguments), name)
            }
        }
        let (sql, arguments) = CaseQueries.listQuery(CaseFilter(limit: 150), page: .last, store: hall.store)
        XCTAssertTrue(try plan(sql, arguments).contains { $0.contains("cases_running") }, "the end of the list is read from its index too")
    }

    /// Every search strategy keeps the list's own order from an index; many hits only filter it.
    func testEverySearchStrategyUsesIndexes() throws {
        for strategy in [SearchStrategy.fewHits, .hitsTable, .eachRow, .substring] {
            _ = try SearchStrategy.choose(for: "户口迁移", in: hall.store)  // makes temp.search_hits
            let text = strategy == .substring ? "王芳" : "户口迁移"
            let filter = CaseFilter(department: "PSB", search: text, limit: 50)
            let (sql, arguments) = CaseQueries.listQuery(filter, searchStrategy: strategy, store: hall.store)
            let lines = try plan(sql, arguments)
            assertNoFullScan(lines, "\(strategy)")
            if strategy == .hitsTable {
                XCTAssertTrue(lines.contains { $0.contains("cases_running_by_department") }, "many hits: the inbox index drives\n\(lines)")
            }
        }
    }
}
