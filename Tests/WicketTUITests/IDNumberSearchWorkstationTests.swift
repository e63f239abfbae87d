import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The workstation's `/` finds a case by the applicant's full ID number (issue 12), shown masked.
final class IDNumberSearchWorkstationTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func testSlashFindsTheCaseByTheFullIDNumber() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5")
        let wanted = "2026-000003"
        XCTAssertNotEqual(engine.state.inbox.selectedCase?.number, wanted)
        let idNumber = WorkstationFixture.idNumbers[2]
        try fixture.press(engine, "/\(idNumber)<Enter>")
        XCTAssertFalse(engine.state.status.text.contains("no match"), engine.state.status.text)
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, wanted)
        XCTAssertEqual(engine.state.detail.detail?.record.number, wanted)
        let screen = fixture.screen(engine)
        // The case pane shows it masked (the full number is on screen only where the clerk typed it).
        XCTAssertTrue(screen.contains(Masking.idNumber(idNumber)), screen)
        XCTAssertNil(engine.state.detail.revealed)
    }
}
