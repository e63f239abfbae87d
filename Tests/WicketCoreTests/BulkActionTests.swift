import XCTest
@testable import WicketCore

/// One action on many cases (`Workflow.performEach`): each case on its own, refusals untouched.
final class BulkActionTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    /// The hall's figures for one case: what a refusal must leave as it was.
    func footprint(_ number: String) throws -> [Int] {
        let record = try hall.record(number)
        return [record.version, try hall.historyCount(number),
                try hall.store.db.scalarInt("SELECT count(*) FROM messages WHERE case_id = ?", record.id) ?? 0]
    }

    /// Two cases li may accept, one already accepted, one of another department, one she saw at an old version.
    func mixedCases() throws -> (good: [String], accepted: String, otherDepartment: String, stale: String) {
        let good = [try hall.submit(name: "王芳").number, try hall.submit(name: "李娜").number]
        let accepted = try hall.submit().number
        try hall.act(accepted, .accept)
        let otherDepartment = try hall.submit(service: "BIRTH-REG").number
        let stale = try hall.submit().number
        try hall.act(stale, .note) { $0.text = "已电话联系" }
        return (good, accepted, otherDepartment, stale)
    }

    func testRefusedCasesStayUntouchedAndTheOthersAreDoneEachWithItsOwnEventAndReply() throws {
        let cases = try mixedCases()
        let refused = [cases.accepted, cases.otherDepartment, cases.stale]
        let before = try refused.map(footprint)
        let targets = [CaseTarget(cases.good[0], version: 1), CaseTarget(cases.accepted), CaseTarget(cases.otherDepartment),
                       CaseTarget(cases.stale, version: 1), CaseTarget(cases.good[1])]
        let results = hall.workflow.performEach(ActionRequest(caseNumber: "", action: .accept, actor: "li"), on: targets)

        XCTAssertEqual(results.map(\.caseNumber), targets.map(\.number), "one result per case, in the order asked")
        XCTAssertEqual(results.map(kind), ["done", "not_allowed", "not_found", "stale_version", "done"])
        XCTAssertEqual(try refused.map(footprint), before, "a refused case: no version, event or reply")
        for (index, number) in cases.good.enumerated() {
            let record = try hall.record(number)
            XCTAssertEqual(record.status, .accepted)
            XCTAssertEqual(try footprint(number), [2, 2, 1], "its own version, history event and reply")
            let body = try hall.store.db.scalarString("SELECT body FROM messages WHERE case_id = ?", record.id) ?? ""
            XCTAssertTrue(body.contains(number) && body.contains(["王芳", "李娜"][index]),
                          "the template filled with this case's own placeholders: \(body)")
        }
        // The other department's case is refused with the words for a missing one (CaseAccess).
        guard case .refused(_, let reason) = results[2].outcome else { return XCTFail("not refused") }
        XCTAssertEqual(reason.en, WorkflowError.caseNotFound(cases.otherDepartment).description)
        XCTAssertEqual(reason.zh, WorkflowError.caseNotFound(cases.otherDepartment).message(.zh))
    }

    func testADryRunDecidesAsTheRealRunAndChangesNothing() throws {
        let cases = try mixedCases()
        // The version is checked before the status: the accepted case is named without one.
        let targets = cases.good.map { CaseTarget($0, version: 1) }
            + [CaseTarget(cases.accepted), CaseTarget(cases.otherDepartment, version: 1), CaseTarget(cases.stale, version: 1)]
        let before = try hall.footprint()
        let rehearsed = hall.workflow.performEach(ActionRequest(caseNumber: "", action: .accept, actor: "li"), on: targets,
                                                   dryRun: true)
        XCTAssertEqual(try hall.footprint(), before, "a dry run writes nothing")
        let real = hall.workflow.performEach(ActionRequest(caseNumber: "", action: .accept, actor: "li"), on: targets)
        XCTAssertEqual(rehearsed.map(kind), ["would_be_done", "would_be_done", "not_allowed", "not_found", "stale_version"])
        XCTAssertEqual(real.map(kind), ["done", "done", "not_allowed", "not_found", "stale_version"])
        XCTAssertEqual(rehearsed.filter(\.isRefused).map(\.outcome), real.filter(\.isRefused).map(\.outcome),
                       "refused with the same reasons")
    }

    func testTheSameCaseTwiceIsActedOnOnceAndAFailureMidwayKeepsWhatWasDone() throws {
        let first = try hall.submit().number
        let second = try hall.submit().number
        // A reason is required for reject: each case refused on its own, none half done.
        let noReason = hall.workflow.performEach(ActionRequest(caseNumber: "", action: .reject, actor: "li"),
                                                 on: [CaseTarget(first), CaseTarget(second)])
        XCTAssertEqual(noReason.map(kind), ["reason_required", "reason_required"])
        XCTAssertEqual(try hall.record(first).holder, nil, "refused before the claim: nothing half done")
        let results = hall.workflow.performEach(ActionRequest(caseNumber: "", action: .claim, actor: "li"),
                                                on: [CaseTarget(first), CaseTarget(first), CaseTarget(second)])
        XCTAssertEqual(results.map(kind), ["done", "done"])
        XCTAssertEqual(try hall.historyCount(first), 2)
    }

    private func kind(_ result: CaseResult) -> String {
        switch result.outcome {
        case .done: return "done"
        case .wouldBeDone: return "would_be_done"
        case .refused(let code, _): return code
        }
    }
}
