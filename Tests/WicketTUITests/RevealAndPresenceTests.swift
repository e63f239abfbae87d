import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// `R` in the detail pane shows the full numbers and records the look; two workstations with the
/// same case open each see the other.
final class RevealAndPresenceTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func testRevealShowsTheFullNumbersAndIsRecorded() throws {
        let engine = try fixture.engine("li", width: 100, height: 30)
        engine.run([.openDetail("2026-000001")])
        engine.state.focus = .detail
        XCTAssertTrue(fixture.screen(engine).contains("4401**********1000"))
        XCTAssertFalse(fixture.screen(engine).contains("440106199001071000"))
        let before = try fixture.store.db.scalarInt("SELECT version FROM cases WHERE number = '2026-000001'")!

        try fixture.press(engine, "R")
        let screen = fixture.screen(engine)
        XCTAssertTrue(screen.contains("440106199001071000"), screen)
        XCTAssertTrue(screen.contains("13800001000"), screen)
        XCTAssertTrue(screen.contains("recorded in the history"), screen)
        let last = try XCTUnwrap(try CaseDetail.load(number: "2026-000001", in: fixture.store).history.last)
        XCTAssertEqual([last.action, last.actor], ["reveal", "li"])
        XCTAssertEqual(last.version, before + 1)
        XCTAssertEqual(engine.state.detail.detail?.record.version, before + 1, "the pane shows the new version")

        // Another case is masked again until revealed on its own.
        engine.run([.openDetail("2026-000003")])
        XCTAssertTrue(fixture.screen(engine).contains("4401**********1002"))
        XCTAssertNil(engine.state.detail.revealed)
    }

    func testAClerkOfAnotherDepartmentCannotReveal() throws {
        try Administration(store: fixture.store).saveUser(User(login: "hp", displayName: "刘洋", role: .clerk,
                                                               department: "HEALTH"))
        let engine = try fixture.engine("hp", width: 100, height: 30)
        // Another department's case does not even open (`CaseAccess`), so there is nothing to reveal.
        engine.run([.openDetail("2026-000001")])
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertTrue(engine.state.status.text.contains("no case 2026-000001 that you may see"), engine.state.status.text)
        XCTAssertNil(engine.state.detail.detail)
        engine.state.focus = .detail
        let before = try CaseDetail.load(number: "2026-000001", in: fixture.store).history.count
        try fixture.press(engine, "R")
        // Nor does a reveal asked for directly go through.
        engine.run([.reveal("2026-000001")])
        XCTAssertTrue(engine.state.status.text.contains("no case 2026-000001 that you may see"), engine.state.status.text)
        XCTAssertFalse(fixture.screen(engine).contains("440106199001071000"))
        XCTAssertEqual(try CaseDetail.load(number: "2026-000001", in: fixture.store).history.count, before)
    }

    func testTwoWorkstationsWithOneCaseOpenSeeEachOther() throws {
        // Two connections, as two terminals have: each sees the other's writes via data_version.
        let otherStore = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        let li = try fixture.engine("li", width: 100, height: 30)
        let zhang = try WorkstationEngine(store: otherStore, login: "zhang", width: 100, height: 30)
        li.run([.openDetail("2026-000001")])
        zhang.run([.openDetail("2026-000001")])
        li.pollForChanges()
        zhang.pollForChanges()
        li.pollForChanges()
        XCTAssertEqual(li.state.detail.alsoOpenBy, ["张伟 (zhang)"])
        XCTAssertEqual(zhang.state.detail.alsoOpenBy, ["李娜 (li)"])
        XCTAssertTrue(fixture.screen(li).contains("Also open by 张伟 (zhang)"), fixture.screen(li))

        // zhang moves on: li's pane drops the line at the next poll.
        zhang.run([.openDetail("2026-000003")])
        zhang.pollForChanges()
        li.pollForChanges()
        XCTAssertEqual(li.state.detail.alsoOpenBy, [])
        XCTAssertFalse(fixture.screen(li).contains("Also open by"))

        // Back again, then closing the workstation says goodbye at once.
        zhang.run([.openDetail("2026-000001")])
        zhang.pollForChanges()
        li.pollForChanges()
        XCTAssertEqual(li.state.detail.alsoOpenBy, ["张伟 (zhang)"])
        zhang.leavePresence()
        li.pollForChanges()
        XCTAssertEqual(li.state.detail.alsoOpenBy, [])
    }

    func testAHeartbeatIsWrittenAtMostEveryFewSecondsForTheSameCase() throws {
        let li = try fixture.engine("li", width: 100, height: 30)
        li.run([.openDetail("2026-000001")])
        li.heartbeatIfDue()
        XCTAssertEqual(li.presenceCase, "2026-000001")
        XCTAssertEqual(try fixture.store.db.scalarInt("SELECT count(*) FROM presence WHERE login = 'li'"), 1)
        let beaten = li.lastHeartbeat
        li.heartbeatIfDue()
        XCTAssertEqual(li.lastHeartbeat, beaten, "no second write within the interval")
        li.heartbeatInterval = 0
        li.heartbeatIfDue()
        XCTAssertGreaterThan(li.lastHeartbeat, beaten)
    }
}
