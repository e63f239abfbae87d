import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The workstation keeps to `CaseAccess`: it does not open for logins that see nothing, a clerk's
/// lists hold their department only, and a case transferred away while open closes.
final class CaseAccessWorkstationTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func testItDoesNotOpenForUnregisteredDeactivatedOrPortalLogins() throws {
        let admin = Administration(store: fixture.store)
        try admin.saveUser(User(login: "gone", displayName: "离职", role: .clerk, department: "PSB", active: false))
        try admin.saveUser(User(login: "feed", displayName: "portal", role: .portal, department: nil))
        XCTAssertThrowsError(try fixture.engine("ghost")) { XCTAssertEqual($0 as? WorkflowError, .unknownUser("ghost")) }
        XCTAssertThrowsError(try fixture.engine("gone")) { XCTAssertEqual($0 as? WorkflowError, .inactiveUser("gone")) }
        XCTAssertThrowsError(try fixture.engine("feed")) {
            XCTAssertTrue("\($0)".contains("feed is a portal login"), "\($0)")
        }
        XCTAssertThrowsError(try ScreenCapture.capture(store: fixture.store, login: "gone", width: 80, height: 24, keys: [],
                                                       dashboard: true))
    }

    func testACaseTransferredAwayWhileOpenClosesAndShowsNothingNewer() throws {
        let li = try fixture.engine("li", width: 100, height: 30)
        li.run([.openDetail("2026-000001")])
        li.state.focus = .detail
        XCTAssertTrue(fixture.screen(li).contains("王芳"))
        // A supervisor, in another terminal, transfers it to HEALTH and notes something there.
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        let workflow = Workflow(store: other)
        try workflow.perform(ActionRequest(caseNumber: "2026-000001", action: .transfer, actor: "sun",
                                           reason: "属卫健委职责", target: "HEALTH"))
        try workflow.perform(ActionRequest(caseNumber: "2026-000001", action: .note, actor: "sun", text: "卫健内部备注"))
        li.pollForChanges()
        XCTAssertNotEqual(li.state.detail.detail?.record.number, "2026-000001",
                          "the pane closed it (beside the inbox it shows the highlighted row instead)")
        XCTAssertEqual(li.state.detail.detail?.record.number, li.state.inbox.selectedCase?.number)
        XCTAssertEqual(li.state.focus, .inbox)
        XCTAssertTrue(li.state.status.text.contains("no case 2026-000001 that you may see"), li.state.status.text)
        let screen = fixture.screen(li)
        XCTAssertFalse(screen.contains("卫健内部备注") || screen.contains("王芳"), screen)
        XCTAssertFalse(li.state.inbox.rows.contains { $0.number == "2026-000001" })
    }
}
