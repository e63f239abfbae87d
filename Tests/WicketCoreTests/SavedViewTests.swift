import XCTest
@testable import WicketCore

/// Saved views: who sees which, and a view's count is exactly its list.
final class SavedViewTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func testAViewsCountEqualsItsListAndTheFilterComesBackAsSaved() throws {
        for index in 0..<7 { try hall.submit(name: "王芳\(index)") }
        try hall.submit(service: "BIRTH-REG", name: "王芳9")
        try hall.act("2026-000002", .claim)
        try hall.act("2026-000003", .accept)
        var filter = CaseFilter(statuses: [.submitted], search: "王芳")
        filter.unassignedOnly = true
        try ViewRows.save(name: "unheld", filter: filter, shared: false, login: "sup", in: hall.store)
        let view = try ViewRows.named("unheld", for: "sup", in: hall.store)
        XCTAssertEqual(view.filter.caseFilter, filter, "the filter comes back as saved")
        var listed = view.filter.caseFilter
        listed.limit = 1_000
        let cases = try CaseQueries.list(listed, in: hall.store)
        XCTAssertEqual(cases.count, 6, "5 PSB and the HEALTH case nobody holds")
        XCTAssertEqual(try CaseQueries.count(view.filter.caseFilter, in: hall.store), cases.count)
    }

    func testPersonalViewsAreTheirOwnersSharedOnesTheDepartmentsAndOnlySupervisorsShare() throws {
        try ViewRows.save(name: "mine", filter: CaseFilter(holder: "li"), shared: false, login: "li", in: hall.store)
        XCTAssertThrowsError(try ViewRows.save(name: "team", filter: CaseFilter(), shared: true, login: "li", in: hall.store))
        try ViewRows.save(name: "hall", filter: CaseFilter(level: .red), shared: true, login: "sup", in: hall.store)
        let admin = Administration(store: hall.store)
        try admin.saveUser(User(login: "psb.sup", displayName: "王主管", role: .supervisor, department: "PSB"))
        try ViewRows.save(name: "psb", filter: CaseFilter(), shared: true, login: "psb.sup", in: hall.store)
        XCTAssertEqual(try ViewRows.visible(to: "li", in: hall.store).map(\.name), ["mine", "hall", "psb"])
        XCTAssertEqual(try ViewRows.visible(to: "zhang", in: hall.store).map(\.name), ["hall", "psb"])
        XCTAssertEqual(try ViewRows.visible(to: "hp", in: hall.store).map(\.name), ["hall"], "another department's shared view is not theirs")
        XCTAssertThrowsError(try ViewRows.delete("hall", login: "li", in: hall.store), "a clerk deletes only her own")
        try ViewRows.delete("mine", login: "li", in: hall.store)
        XCTAssertThrowsError(try ViewRows.named("mine", for: "li", in: hall.store))
    }
}
