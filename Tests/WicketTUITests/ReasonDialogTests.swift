import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Issue 12: the reason dialog of reject, deny, suspend and withdraw offers the catalog's standard
/// reasons, found by typing; taking one fills its words in the clerk's language (editable) and
/// keeps its code for the event; free text stays possible and counts as other reasons.
final class ReasonDialogTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func reasons(_ engine: WorkstationEngine) throws -> (PromptState, ReasonChoices) {
        var open: PromptState?
        if case .prompt(let prompt) = engine.state.overlay { open = prompt }
        let prompt = try XCTUnwrap(open, "a reason dialog is open")
        return (prompt, try XCTUnwrap(prompt.reasons, "the dialog offers standard reasons"))
    }

    func lastEvent(_ number: String) throws -> CaseDetail.HistoryEvent {
        try XCTUnwrap(try CaseDetail.load(number: number, in: fixture.store).history.last)
    }

    func testTypingFindsAReasonTabTakesItAndTheEditedWordsKeepTheCode() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2x")
        var (prompt, choices) = try reasons(engine)
        XCTAssertEqual(prompt.pending.caseNumber, "2026-000001")
        XCTAssertEqual(choices.offered.map(\.code), engine.store.catalog.reasons(for: .reject, service: "HUKOU-MOVE").map(\.code))
        // Chinese or English words or the code find it, whatever the clerk's language.
        try fixture.press(engine, "remit")
        (prompt, choices) = try reasons(engine)
        XCTAssertEqual(choices.matches(prompt.input.text).map(\.code), ["NOT-REMIT"])
        XCTAssertEqual(choices.matches("职权").map(\.code), ["NOT-REMIT"])
        XCTAssertEqual(choices.matches("not-eligible").map(\.code), ["NOT-ELIGIBLE"])
        try fixture.press(engine, "<Tab>")
        (prompt, choices) = try reasons(engine)
        XCTAssertEqual(prompt.input.text, "Not within this office's remit")
        XCTAssertEqual(choices.chosen?.code, "NOT-REMIT")
        XCTAssertTrue(fixture.screen(engine).contains("standard reason: Not within this office's remit"), fixture.screen(engine))
        // The words are the clerk's to edit; the code stays.
        try fixture.press(engine, "; apply at the district hall<Enter>")
        XCTAssertNil(engine.state.overlay)
        let event = try lastEvent("2026-000001")
        XCTAssertEqual(event.action, "reject")
        XCTAssertEqual(event.reason, "Not within this office's remit; apply at the district hall")
        XCTAssertTrue(event.details.contains("\"reason_code\":\"NOT-REMIT\""), event.details)
        XCTAssertTrue(engine.state.status.text.contains("2026-000001"), engine.state.status.text)
    }

    func testArrowsAndEnterTakeARowInTheClerksLanguageThenEnterSends() throws {
        let engine = try fixture.engine()
        engine.state.language = .zh
        try fixture.press(engine, "2x<Down><Down>")
        var (prompt, choices) = try reasons(engine)
        XCTAssertEqual(choices.highlighted, 1)
        XCTAssertTrue(fixture.screen(engine).contains("> 申请人不具备申请资格"), fixture.screen(engine))
        // Enter on a highlighted row takes it; it does not send yet.
        try fixture.press(engine, "<Enter>")
        (prompt, choices) = try reasons(engine)
        XCTAssertEqual(prompt.input.text, "申请人不具备申请资格")
        XCTAssertEqual(choices.chosen?.code, "NOT-ELIGIBLE")
        try fixture.press(engine, "<Enter>")
        XCTAssertNil(engine.state.overlay)
        let event = try lastEvent("2026-000001")
        XCTAssertEqual(event.reason, "申请人不具备申请资格")
        XCTAssertTrue(event.details.contains("NOT-ELIGIBLE"), event.details)
    }

    func testFreeTextIsAnOtherReasonAndClearingTheWordsLetsTheCodeGo() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2x<Tab>")
        XCTAssertEqual(try reasons(engine).1.chosen?.code, "NOT-REMIT", "Tab with nothing typed takes the first")
        // Cleared: no standard reason any more; the clerk's own words are sent as they are.
        try fixture.press(engine, "<C-u>applicant moved abroad<Enter>")
        let event = try lastEvent("2026-000001")
        XCTAssertEqual(event.reason, "applicant moved abroad")
        XCTAssertFalse(event.details.contains("reason_code"), event.details)
        // The "other reason" row takes nothing either.
        try fixture.press(engine, "2x")
        let rows = try reasons(engine).1.rowCount("")
        try fixture.press(engine, String(repeating: "<Down>", count: rows) + "<Enter>")
        XCTAssertNil(try reasons(engine).1.chosen)
        XCTAssertEqual(try reasons(engine).0.input.text, "")
    }

    func testAnItemsOwnReasonsComeOnTopOfTheHallsAndOtherDialogsHaveNone() throws {
        let engine = try fixture.engine()
        // 2026-000002 (ID-RENEW) was accepted by li: suspend offers the suspension reasons.
        try fixture.press(engine, "1")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000002")
        try fixture.press(engine, "s")
        XCTAssertEqual(try reasons(engine).1.offered.map(\.code), ["HEARING", "TESTING", "EXPERT-REVIEW"])
        try fixture.press(engine, "<Esc>o")
        guard case .prompt(let note) = engine.state.overlay else { return XCTFail("o asks for the note") }
        XCTAssertNil(note.reasons, "a note is no reason")
        let choices = ReasonChoices(offered: engine.store.catalog.reasons(for: .deny, service: "HUKOU-MOVE"))
        XCTAssertTrue(choices.offered.contains { $0.code == "HUKOU-CONDITIONS" })
        XCTAssertFalse(choices.offered.contains { $0.code == "PREMISES-UNFIT" })
    }
}
