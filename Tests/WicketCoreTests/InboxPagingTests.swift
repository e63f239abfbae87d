import XCTest
@testable import WicketCore

/// Keyset pages of the inbox: read forward from the top or backward from the end, page after
/// page, they add up to exactly the whole list in the same order — for every tab, level,
/// stopped-clock status and search — and that order is the urgency order of one sorted query.
final class InboxPagingTests: XCTestCase {
    nonisolated(unsafe) static var hall: TestHall!

    override class func setUp() {
        super.setUp()
        do {
            hall = try TestHall()
            try hall.store.setSetting("demo", "1")
            var generator = DemoGenerator(store: hall.store, demoLogin: "li", caseCount: 400)
            generator.spanDays = 60
            try generator.run { _ in }
        } catch {
            // XCTFail in a class-level setUp is dropped by the Linux XCTest: keep the error and fail each test with it.
            setUpError = error
        }
    }

    nonisolated(unsafe) static var setUpError: Error?

    override func setUpWithError() throws {
        if let error = Self.setUpError { throw error }
    }

    override class func tearDown() {
        hall?.remove()
        super.tearDown()
    }

    var store: CaseStore { Self.hall.store }

    func filters() throws -> [(String, CaseFilter)] {
        let clerk = try XCTUnwrap(store.db.scalarString(
            "SELECT holder FROM cases WHERE holder IS NOT NULL GROUP BY holder ORDER BY count(*) DESC LIMIT 1"))
        let name = try XCTUnwrap(store.db.scalarString("SELECT applicant_name FROM cases ORDER BY id LIMIT 1"))
        let department = try XCTUnwrap(store.db.scalarString("SELECT department FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
        var list: [(String, CaseFilter)] = [
            ("all open", CaseFilter()),
            ("department", CaseFilter(department: department)),
            ("mine", CaseFilter(department: department, holder: clerk)),
            ("unassigned", CaseFilter(department: department, unassignedOnly: true)),
            ("awaiting materials", CaseFilter(statuses: [.awaitingMaterials])),
            ("closed", CaseFilter(statuses: [.completed, .rejected])),
            ("common search", CaseFilter(search: "户口迁移")),
            ("two-character search", CaseFilter(search: String(name.prefix(2)))),
        ]
        var warnings = CaseFilter()
        warnings.warningsOnly = true
        list.append(("warnings", warnings))
        for level in Level.allCases { list.append(("level \(level)", CaseFilter(level: level))) }
        return list
    }

    func whole(_ filter: CaseFilter) throws -> [String] {
        var all = filter
        all.limit = 100_000
        return try CaseQueries.list(all, in: store).map(\.number)
    }

    func testForwardPagesAddUpToTheWholeList() throws {
        for (name, filter) in try filters() {
            let expected = try whole(filter)
            var small = filter
            small.limit = 7
            var page = try CaseQueries.page(small, in: store)
            var seen = page.rows.map(\.number)
            var turns = 0
            while page.moreAfter, let last = page.rows.last, turns < 1_000 {
                page = try CaseQueries.page(small, .after(last.position, including: false), in: store)
                XCTAssertTrue(page.moreBefore, name)
                seen += page.rows.map(\.number)
                turns += 1
            }
            XCTAssertEqual(seen, expected, name)
        }
    }

    func testBackwardPagesFromTheEndAddUpToTheWholeList() throws {
        for (name, filter) in try filters() {
            let expected = try whole(filter)
            var small = filter
            small.limit = 7
            var page = try CaseQueries.page(small, .last, in: store)
            XCTAssertFalse(page.moreAfter, name)
            var seen = page.rows.map(\.number)
            var turns = 0
            while page.moreBefore, let first = page.rows.first, turns < 1_000 {
                page = try CaseQueries.page(small, .before(first.position, including: false), in: store)
                seen = page.rows.map(\.number) + seen
                turns += 1
            }
            XCTAssertEqual(seen, expected, name)
        }
    }

    func testAPageFromARowStartsAtThatRow() throws {
        let rows = try CaseQueries.list(CaseFilter(limit: 100_000), in: store)
        XCTAssertGreaterThan(rows.count, 40)
        let middle = rows[rows.count / 2]
        let page = try CaseQueries.page(CaseFilter(limit: 5), .after(middle.position, including: true), in: store)
        XCTAssertEqual(page.rows.map(\.number), rows[rows.count / 2..<rows.count / 2 + 5].map(\.number))
        let before = try CaseQueries.page(CaseFilter(limit: 5), .before(middle.position, including: true), in: store)
        XCTAssertEqual(before.rows.map(\.number), rows[rows.count / 2 - 4...rows.count / 2].map(\.number))
        XCTAssertTrue(before.moreBefore)
        XCTAssertTrue(before.moreAfter)
    }

    /// The workstation marks matches among the rows it holds, row by row: the same cases the search lists.
    func testMatchesAmongRowsAreTheSearchResults() throws {
        let rows = try CaseQueries.list(CaseFilter(limit: 100_000), in: store)
        let name = try XCTUnwrap(store.db.scalarString("SELECT applicant_name FROM cases ORDER BY id LIMIT 1"))
        for text in ["户口迁移", String(name.prefix(2)), "2026-00"] {
            let searched = try CaseQueries.list(CaseFilter(search: text, limit: 100_000), in: store).map(\.id)
            XCTAssertEqual(try CaseQueries.matches(text, among: rows.map(\.id), in: store), Set(searched), text)
        }
        XCTAssertEqual(try CaseQueries.matches("户口迁移", among: [], in: store), [])
    }

    /// The segments must list exactly what one ORDER BY over the computed level would, in that order.
    func testSegmentsOrderIsTheUrgencyOrder() throws {
        for (name, filter) in try filters() where filter.search == nil {
            var all = filter
            all.limit = 100_000
            let (sql, arguments) = CaseQueries.query(all, today: store.today, select: CaseQueries.summaryColumns, ordered: true)
            let sorted = try store.db.query(sql, arguments: arguments).map { $0.string("number") }
            XCTAssertEqual(try whole(filter), sorted, name)
        }
    }

    func testEverySearchStrategyFindsTheSameCases() throws {
        let name = try XCTUnwrap(store.db.scalarString("SELECT applicant_name FROM cases ORDER BY id LIMIT 1"))
        for text in ["户口迁移", String(name.prefix(2)), "2026-0"] {
            let expected = try whole(CaseFilter(search: text))
            XCTAssertFalse(expected.isEmpty, text)
            let strategies: [(SearchStrategy, SearchStrategy.Thresholds)] = [
                (.fewHits, .init(fewHits: 1_000_000, hitsTable: 1_000_000)),
                (.hitsTable, .init(fewHits: 0, hitsTable: 1_000_000)),
                (.eachRow, .init(fewHits: 0, hitsTable: 0)),
            ]
            for (strategy, thresholds) in strategies {
                let chosen = try SearchStrategy.choose(for: text, in: store, thresholds: thresholds)
                XCTAssertEqual(chosen, text.count >= 3 ? strategy : .substring, text)
                let found = try CaseQueries.page(CaseFilter(search: text, limit: 100_000), .first, in: store,
                                                 searchThresholds: thresholds).rows.map(\.number)
                XCTAssertEqual(found, expected, "\(text) by \(strategy)")
            }
        }
    }

    /// The status bar's workload is read from indexes alone; it must still be what the clerk's list shows.
    func testWorkloadIsTheHeldListAndItsWarnings() throws {
        let holders = try store.db.query("SELECT DISTINCT holder FROM cases WHERE holder IS NOT NULL").map { $0.string(at: 0) }
        XCTAssertFalse(holders.isEmpty)
        for holder in holders {
            let held = try CaseQueries.list(CaseFilter(holder: holder, limit: 100_000), in: store)
            let workload = try CaseQueries.workload(of: holder, in: store)
            XCTAssertEqual(workload.open, held.count, holder)
            XCTAssertEqual(workload.warnings, held.filter { [.yellow, .red, .overdue].contains($0.level) }.count, holder)
        }
    }
}
