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
}
