import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Issue 12, "what the clerk sees is what the next key acts on": an action key acts only on a case
/// that was on screen in a frame drawn before the key was read. A key typed ahead while the clerk's
/// own action moved the list is refused, naming both cases, and acts on nothing; navigation stays
/// instant.
final class TypeaheadTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func history(_ number: String) throws -> [CaseDetail.HistoryEvent] {
        try CaseDetail.load(number: number, in: fixture.store).history
    }

    func testASecondClaimTypedBeforeTheNextCaseWasDrawnIsRefusedAndDoesNothing() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        XCTAssertEqual(engine.state.inbox.rows.map(\.number), ["2026-000001", "2026-000004"])
        let before = try history("2026-000004").count
        // `c c` typed at once: the first claims 0001, which leaves the Unassigned list.
        try fixture.typeAhead(engine, "cc")
        XCTAssertEqual(try history("2026-000001").last?.action, "claim")
        XCTAssertEqual(try history("2026-000001").last?.actor, "li")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000004")
        XCTAssertEqual(try history("2026-000004").count, before, "the second c acted on nothing")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertTrue(engine.state.status.text.contains("2026-000004 was not on screen yet — press again to act on it"),
                      engine.state.status.text)
        XCTAssertTrue(engine.state.status.text.contains("2026-000001"), "both cases named: \(engine.state.status.text)")
        // Once drawn, the key acts on the case shown.
        try fixture.press(engine, "c")
        XCTAssertEqual(try history("2026-000004").last?.action, "claim")
        XCTAssertEqual(try history("2026-000004").count, before + 1)
    }

    func testAKeyAfterTheFrameActsAndNavigationTypedAheadStaysInstant() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        // j typed ahead moves at once; the c after it is for a row not drawn yet: refused.
        try fixture.typeAhead(engine, "jc")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000004")
        XCTAssertEqual(try history("2026-000004").last?.action, "submit")
        XCTAssertTrue(engine.state.status.text.contains("2026-000004 was not on screen yet"), engine.state.status.text)
        // Typed ahead on the case already shown, the key acts: nothing moved under it.
        try fixture.typeAhead(engine, "c")
        XCTAssertEqual(try history("2026-000004").last?.action, "claim")
        // A dialog opened on the case shown keeps its text as text, however fast it is typed.
        try fixture.press(engine, "1")
        try fixture.typeAhead(engine, "onote typed fast<Enter>")
        let shown = try XCTUnwrap(engine.state.inbox.selectedCase?.number)
        XCTAssertEqual(try history(shown).last?.action, "note")
    }

    /// The terminal drops what was typed ahead after the clerk's own action moved the list, and
    /// after a key refused for a case not seen; never after moving or an action that moved nothing.
    func testTheTerminalIsToldWhenToDropTypedAheadKeys() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2j")
        XCTAssertFalse(engine.takeTypeaheadDiscard(), "moving keeps what is typed")
        try fixture.press(engine, "c")
        XCTAssertTrue(engine.takeTypeaheadDiscard(), "the claim moved the list")
        engine.typeaheadDiscarded(true)
        XCTAssertFalse(engine.takeTypeaheadDiscard())
        XCTAssertTrue(engine.state.status.text.hasPrefix("2026-000001 was not on screen yet — press again to act on it "
                                                          + "(the screen showed 2026-000004); keys typed ahead dropped"),
                      engine.state.status.text)
        try fixture.typeAhead(engine, "5jc")
        XCTAssertTrue(engine.takeTypeaheadDiscard(), "the c refused for a case not on screen")
        engine.typeaheadDiscarded(true)
        XCTAssertTrue(engine.state.status.text.hasSuffix("(the keys typed after it were dropped)"), engine.state.status.text)
        try fixture.press(engine, "o")
        XCTAssertFalse(engine.takeTypeaheadDiscard(), "a dialog on the case shown keeps its text")
    }

    func testChineseNamesBothCasesWithoutEnglish() throws {
        let engine = try fixture.engine()
        engine.state.language = .zh
        try fixture.press(engine, "2")
        try fixture.typeAhead(engine, "cc")
        XCTAssertTrue(engine.state.status.text.contains("2026-000004 尚未显示在屏幕上"), engine.state.status.text)
        XCTAssertTrue(engine.state.status.text.contains("2026-000001"), engine.state.status.text)
    }
}
