import XCTest
@testable import WicketCore

/// Finding a case by the applicant's full ID number (issue 12): an exact lookup on the indexed
/// column, never the trigram index, which does not hold ID numbers.
final class IDNumberSearchTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func register(_ idNumber: String, name: String) throws -> String {
        try Intake(store: hall.store).register(Application(
            ref: "id-\(name)", serviceCode: "HUKOU-MOVE", channel: .online, submittedAt: hall.clock.now,
            applicantName: name, applicantIDNumber: idNumber, applicantPhone: "13800000000", summary: "户口迁移"),
            actor: "admin").number
    }

    func testAFullIDNumberFindsItsCases() throws {
        let wang = try register("11010519850102123X", name: "王芳")
        _ = try register("110105198501011234", name: "李娜")
        for text in ["11010519850102123X", "11010519850102123x", " 11010519850102123X "] {
            let found = try CaseQueries.list(CaseFilter(search: text), in: hall.store).map(\.number)
            XCTAssertEqual(found, [wang], "search \(text)")
        }
        // As a clerk's list narrows it (department, status), and as the workstation marks its rows.
        XCTAssertEqual(try CaseQueries.list(CaseFilter(department: "PSB", search: "11010519850102123X"), in: hall.store).map(\.number), [wang])
        let ids = try CaseQueries.list(CaseFilter(), in: hall.store).map(\.id)
        let marked = try CaseQueries.matches("11010519850102123X", among: ids, in: hall.store)
        XCTAssertEqual(marked.count, 1)
        // A part of the number is not a lookup by ID number, and finds nothing.
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "198501011234"), in: hall.store), [])
    }

    func testTheNumberIsNotInTheTrigramIndexAndTheLookupUsesItsIndex() throws {
        _ = try register("11010519850102123X", name: "王芳")
        XCTAssertEqual(try hall.store.db.scalarInt(
            "SELECT count(*) FROM case_search WHERE case_search MATCH '\"0102123X\"'"), 0)
        let (sql, arguments) = CaseQueries.listQuery(CaseFilter(department: "PSB", search: "11010519850102123X"), store: hall.store)
        let plan = try hall.store.db.query("EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0.string("detail") }
        // Through the keyed applicant index (migration 15): no index holds ID numbers in clear.
        XCTAssertTrue(plan.contains { $0.contains("cases_by_applicant_key") }, plan.joined(separator: "\n"))
        XCTAssertEqual(try hall.store.db.scalarInt(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql LIKE '%applicant_id_number%'"), 0)
    }
}
