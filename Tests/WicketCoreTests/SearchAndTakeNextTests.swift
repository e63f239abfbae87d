import XCTest
@testable import WicketCore

final class SearchAndTakeNextTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func testSearchFindsChineseSubstringsOfAnyLength() throws {
        let a = try hall.submit(name: "欧阳娜娜").number
        _ = try hall.submit(name: "王芳")
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "欧阳娜"), in: hall.store).map(\.number), [a])
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "娜娜"), in: hall.store).map(\.number), [a],
                       "two characters: below the trigram size, still found")
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "迁移申"), in: hall.store).count, 2)
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: a), in: hall.store).map(\.number), [a])
    }

    func testSearchTextIsNeverQuerySyntax() throws {
        _ = try hall.submit(name: #"Tom "the" O'Brien (NEAR) 100%_*"#)
        for text in [#"""#, #""the""#, "O'Brien", "(NEAR", "NEAR(", "a OR b", "*", "100%", "%", "_", "x AND", "-", "\\"] {
            XCTAssertNoThrow(try CaseQueries.list(CaseFilter(search: text), in: hall.store), text)
        }
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "100%_*"), in: hall.store).count, 1)
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "%"), in: hall.store).count, 1)
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "%%"), in: hall.store).count, 0, "% is literal")
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "a OR b"), in: hall.store).count, 0, "OR is literal")
    }

    func testTakeNextClaimsTheMostUrgentUnassignedCaseOfMyDepartment() throws {
        let older = try hall.submit(at: "2026-11-16T09:00:00+08:00").number     // acceptance overdue by now
        let recent = try hall.submit().number
        _ = try hall.submit(service: "BIRTH-REG", at: "2026-11-10T09:00:00+08:00")  // HEALTH: not li's
        let held = try hall.submit(at: "2026-11-12T09:00:00+08:00").number
        try hall.act(held, .claim, as: "zhang")
        let first = try hall.workflow.takeNext(actor: "li")
        XCTAssertEqual(first.caseNumber, older)
        XCTAssertEqual(first.holder, "li")
        XCTAssertEqual(try hall.workflow.takeNext(actor: "li").caseNumber, recent)
        XCTAssertRefused(.noCaseToTake(department: "PSB")) { try hall.workflow.takeNext(actor: "li") }
        // A supervisor of no department takes from the whole hall: HEALTH's case is the only unheld one left.
        let hallWide = try hall.workflow.takeNext(actor: "sup")
        XCTAssertEqual(try hall.record(hallWide.caseNumber).department, "HEALTH")
        XCTAssertEqual(hallWide.holder, "sup")
        XCTAssertRefused(.noCaseToTake(department: nil)) { try hall.workflow.takeNext(actor: "sup") }
        XCTAssertEqual(WorkflowError.noCaseToTake(department: nil).message(.zh), "全大厅没有待领取的案件")
        let event = try hall.store.db.scalarString(
            "SELECT details FROM history WHERE action = 'claim' AND actor = 'li' ORDER BY id LIMIT 1")
        XCTAssertEqual(event, #"{"take_next":true}"#)
    }

    func testTakeNextFromTwoConnectionsNeverGivesOneCaseTwice() throws {
        for _ in 0..<6 { try hall.submit() }
        let other = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        var taken: [String] = []
        for turn in 0..<6 {
            let workflow = turn % 2 == 0 ? hall.workflow : Workflow(store: other)
            taken.append(try workflow.takeNext(actor: turn % 2 == 0 ? "li" : "zhang").caseNumber)
        }
        XCTAssertEqual(Set(taken).count, 6)
        XCTAssertRefused(.noCaseToTake(department: "PSB")) { try Workflow(store: other).takeNext(actor: "zhang") }
    }
}
