import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Issue 12, "the clerk's screen tells the truth": every key acts on the case shown, a dialog
/// keeps its text, every lifecycle action has a key, and the result line says what happened.
final class ScreenTruthTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    /// Another process, as the CLI would be: its own connection to the same file.
    func elsewhere(_ request: ActionRequest) throws {
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(request)
    }

    func record(_ number: String) throws -> CaseRecord { try CaseDetail.load(number: number, in: fixture.store).record }

    func lastEvent(_ number: String) throws -> CaseDetail.HistoryEvent? { try CaseDetail.load(number: number, in: fixture.store).history.last }

    // MARK: 1. the case shown is the case acted on

    func testWhenTheShownCaseLeavesTheListTheDetailFollowsAndTheNextKeyIsRefused() throws {
        let engine = try fixture.engine()
        let shown = try XCTUnwrap(engine.state.detail.detail?.record.number)
        XCTAssertEqual(shown, engine.state.inbox.selectedCase?.number)
        // The applicant withdraws the shown case (another terminal, a supervisor).
        try elsewhere(ActionRequest(caseNumber: shown, action: .withdraw, actor: "sun", reason: "申请人撤回"))
        XCTAssertTrue(engine.pollForChanges())
        let highlighted = try XCTUnwrap(engine.state.inbox.selectedCase?.number)
        XCTAssertNotEqual(highlighted, shown)
        XCTAssertEqual(engine.state.detail.detail?.record.number, highlighted, "the case pane follows the highlight")
        XCTAssertTrue(engine.state.status.text.contains(shown) && engine.state.status.text.contains(highlighted),
                      engine.state.status.text)
        // A key typed while the screen changed under the clerk's eyes does not land on the new case.
        let before = try record(highlighted).version
        try fixture.press(engine, "o")
        XCTAssertNil(engine.state.overlay, "the first action key after the move is refused")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertEqual(try record(highlighted).version, before)
        // Now the clerk has seen it: the note dialog names the case on screen.
        try fixture.press(engine, "o")
        guard case .prompt(let prompt) = engine.state.overlay else { return XCTFail("o asks for the note") }
        XCTAssertEqual(prompt.pending.caseNumber, highlighted)
        try fixture.press(engine, "看过了<Enter>")
        XCTAssertEqual(try lastEvent(highlighted)?.action, "note")
        XCTAssertTrue(engine.state.status.text.contains(highlighted), engine.state.status.text)
    }

    func testAnActionKeyIsRefusedWhenThePaneShowsAnotherCaseThanTheHighlight() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        let highlighted = try XCTUnwrap(engine.state.inbox.selectedCase?.number)
        // The pane shows some other case (however it came to be).
        engine.state.detail.detail = try CaseDetail.load(number: "2026-000002", in: fixture.store)
        try fixture.press(engine, "a")
        XCTAssertTrue(engine.state.status.isError, engine.state.status.text)
        XCTAssertEqual(try record(highlighted).status, .submitted, "no accept on a case the pane does not show")
        XCTAssertEqual(try record("2026-000002").version, 2)
    }

    func testTheDetailOpenInFocusStaysTheTargetWhenItsRowLeaves() throws {
        let engine = try fixture.engine(width: 80, height: 24)
        try fixture.press(engine, "<Enter>")
        let shown = try XCTUnwrap(engine.state.detail.detail?.record.number)
        try elsewhere(ActionRequest(caseNumber: shown, action: .transfer, actor: "sun", reason: "属地", target: "CIVIL"))
        XCTAssertTrue(engine.pollForChanges())
        // Transferred out of what li may see: the pane closes and says so; no key acts until she looks.
        XCTAssertNil(engine.state.detail.detail)
        XCTAssertEqual(engine.state.focus, .inbox)
        try fixture.press(engine, "a")
        XCTAssertTrue(engine.state.status.isError)
        if let highlighted = engine.state.inbox.selectedCase?.number {
            XCTAssertEqual(try lastEvent(highlighted)?.actor == "li" && lastEvent(highlighted)?.action == "accept", false)
        }
    }

    func testACaseFilteredOutByAChangeElsewhereMovesTheTargetAndTheKeyIsRefusedOnce() throws {
        let engine = try fixture.engine("sun")
        try fixture.press(engine, "f")
        guard case .picker(let picker) = engine.state.overlay else { return XCTFail("f opens the filter picker") }
        let submitted = try XCTUnwrap(picker.items.firstIndex { $0.label.hasSuffix("submitted") })
        try fixture.press(engine, String(repeating: "j", count: submitted) + "<Enter>")
        let shown = try XCTUnwrap(engine.state.detail.detail?.record.number)
        // li accepts it at her window: it no longer matches sun's filter.
        try elsewhere(ActionRequest(caseNumber: shown, action: .accept, actor: "li"))
        XCTAssertTrue(engine.pollForChanges())
        let now = try XCTUnwrap(engine.state.inbox.selectedCase?.number)
        XCTAssertEqual(engine.state.detail.detail?.record.number, now)
        try fixture.press(engine, "x")
        XCTAssertNil(engine.state.overlay, "refused once: the x was typed for \(shown)")
        XCTAssertTrue(engine.state.status.text.contains("\(shown) left the list"), engine.state.status.text)
    }

    // MARK: 2. a dialog stays open until answered or cancelled

    func testAnEmptyEnterKeepsTheReasonDialogOpenAndTheReasonStaysText() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2x<Enter>")
        guard case .prompt(let prompt) = engine.state.overlay else { return XCTFail("the dialog stays open") }
        XCTAssertNotNil(prompt.problem, "the problem is shown inside the dialog")
        try fixture.press(engine, "applicant at wrong hall<Enter>")
        let detail = try CaseDetail.load(number: "2026-000001", in: fixture.store)
        XCTAssertEqual(detail.record.status, .rejected)
        XCTAssertEqual(detail.history.last?.reason, "applicant at wrong hall")
        XCTAssertEqual(detail.history.filter { $0.action == "accept" }.count, 0, "no letter ran as a command")
        XCTAssertNil(engine.state.overlay)
    }

    func testAnEmptyNoteIsNotSentAndTheDialogStays() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "o<Enter>")
        guard case .prompt = engine.state.overlay else { return XCTFail("the note dialog stays open") }
        try fixture.press(engine, "<Esc>")
        XCTAssertNil(engine.state.overlay)
    }

    // MARK: 3. supplement and the action lists

    func testSupplementFromTheWorkstation() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "3")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000005")
        try fixture.press(engine, ".")
        guard case .picker(let menu) = engine.state.overlay else { return XCTFail(". opens the action menu") }
        XCTAssertTrue(menu.title.contains("2026-000005"), "the menu names its case: \(menu.title)")
        XCTAssertTrue(menu.items.contains { if case .action(.supplement) = $0.choice { return true }; return false },
                      menu.items.map(\.label).joined(separator: " | "))
        try fixture.press(engine, "<Esc>")
        let outstanding = try CaseDetail.load(number: "2026-000005", in: fixture.store).materials
            .filter { $0.state.isOutstanding }.map(\.code)
        XCTAssertGreaterThan(outstanding.count, 1)
        let key = try XCTUnwrap(engine.state.keys.key(for: .supplement))
        try fixture.press(engine, String(key))
        // First what came in: the outstanding items of the checklist, each ticked with Space.
        guard case .materials(let dialog) = engine.state.overlay else { return XCTFail("supplement asks what came in") }
        XCTAssertEqual(dialog.purpose, .supplement)
        XCTAssertEqual(dialog.items.map(\.material.code), outstanding)
        XCTAssertTrue(fixture.screen(engine).contains("Supplement received — 2026-000005"), fixture.screen(engine))
        try fixture.press(engine, "<Space><Enter>")
        // Then the applicant's message (may be empty), in a dialog naming the case.
        guard case .prompt(let prompt) = engine.state.overlay else { return XCTFail("then the applicant's message") }
        XCTAssertEqual(prompt.pending.caseNumber, "2026-000005")
        XCTAssertEqual(prompt.pending.materials, [outstanding[0]])
        try fixture.press(engine, "户口簿已补交<Enter>")
        let detail = try CaseDetail.load(number: "2026-000005", in: fixture.store)
        XCTAssertEqual(detail.record.status, .submitted)
        XCTAssertEqual(detail.history.last?.action, "supplement")
        XCTAssertTrue(detail.messages.contains { $0.direction == "inbound" && $0.body == "户口簿已补交" })
        XCTAssertEqual(detail.materials.first { $0.code == outstanding[0] }?.state, .submitted, "the checklist follows")
        XCTAssertEqual(detail.materials.first { $0.code == outstanding[1] }?.state.isOutstanding, true)
    }

    func testARefusalOffersOnlyWhatThisClerkCanDoFromHere() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "1")
        let index = try XCTUnwrap(engine.state.inbox.rows.firstIndex { $0.number == "2026-000002" })
        try fixture.press(engine, String(repeating: "j", count: index) + "p")
        let text = engine.state.status.text
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertTrue(text.contains("v start review"), text)
        XCTAssertFalse(text.contains("extend"), "a clerk cannot extend: \(text)")
        XCTAssertFalse(text.contains("assign"), "a clerk cannot assign: \(text)")
    }

    func testEveryLifecycleActionHasAKeyAndHelpMenuAndREADMEAgree() throws {
        let bound = Set(KeyBindings.standard.bindings.map(\.action))
        for status in CaseStatus.allCases {
            for action in Workflow.choices(from: status) {
                XCTAssertTrue(bound.contains(action), "\(action.rawValue) (from \(status.rawValue)) has no key")
            }
        }
        // `?` help: the action keys it lists.
        let help = Set(HelpText.lines(for: .inbox, keys: .standard).compactMap { entry in
            KeyBindings.standard.bindings.first { String($0.key) == entry.keys && ActionKeys.text(for: $0.action) == entry.text }?.action
        })
        // `.` menu: every action it offers a supervisor on a case in any status.
        var menu = Set<CaseAction>()
        let engine = try fixture.engine("sun")
        let update = Update(catalog: fixture.store.catalog)
        // Resend and handled are offered on a case whose reply failed (the highlighted row, here marked so).
        var failing = engine.state
        failing.detail.detail = nil
        failing.inbox.rows[failing.inbox.selected].failedReply = .permanent
        for status in CaseStatus.allCases { menu.formUnion(update.menuActions(from: status, failing)) }
        // And the menu is what `.` opens.
        var state = engine.state
        _ = update.openActionMenu(&state)
        guard case .picker(let picker) = state.overlay else { return XCTFail(". opens the action menu") }
        let status = try XCTUnwrap(state.inbox.selectedCase?.status)
        XCTAssertEqual(picker.items.compactMap { if case .action(let a) = $0.choice { return a }; return nil },
                       update.menuActions(from: status, state))
        // The README's key table: rows of single keys, each matched in order with its words.
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = text.components(separatedBy: "## The workstation")[1].components(separatedBy: "\n## ")[0]
        var readmeActions = Set<CaseAction>()
        for row in section.split(separator: "\n") where row.hasPrefix("| `") {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2 else { continue }
            let keys = cells[0].split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            guard keys.allSatisfy({ $0.count == 1 }) else { continue }
            let words = cells[1].components(separatedBy: " — ")[0].components(separatedBy: ", ")
            guard words.count == keys.count else { continue }
            for (key, word) in zip(keys, words) {
                guard let binding = KeyBindings.standard.bindings.first(where: { String($0.key) == key }) else { continue }
                XCTAssertTrue(word.hasPrefix(ActionKeys.label(binding.action, .en)), "README: `\(key)` is \(word)")
                readmeActions.insert(binding.action)
            }
        }
        XCTAssertEqual(help, bound)
        XCTAssertEqual(menu, bound, "the . menu")
        XCTAssertEqual(readmeActions, bound, "the README's key table")
    }

    // MARK: 4. smaller

    func testASearchWithNoMatchSaysSoAndKeepsTheSelection() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5j")
        let before = try XCTUnwrap(engine.state.inbox.selectedCase?.number)
        try fixture.press(engine, "/张建国x<Enter>")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, before)
        XCTAssertEqual(engine.state.detail.detail?.record.number, before)
        XCTAssertTrue(engine.state.status.text.contains("no match"), engine.state.status.text)
    }

    func testTheCasePaneScrollsBackUpAfterTheEnd() throws {
        let engine = try fixture.engine(width: 80, height: 24)
        try fixture.press(engine, "<Enter>G")
        let atEnd = fixture.screen(engine)
        try fixture.press(engine, "k")
        XCTAssertNotEqual(fixture.screen(engine), atEnd, "one line up after G")
        try fixture.press(engine, "G<PgDn><PgDn>k")
        XCTAssertNotEqual(fixture.screen(engine), atEnd, "one line up after PgDn at the end")
    }

    func testAMoveTheLifecycleForbidsIsRefusedBeforeItsReasonIsAsked() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "1")
        let index = try XCTUnwrap(engine.state.inbox.rows.firstIndex { $0.number == "2026-000002" })
        try fixture.press(engine, String(repeating: "j", count: index) + "x")
        XCTAssertNil(engine.state.overlay, "no reason asked for a reject an accepted case cannot take")
        XCTAssertTrue(engine.state.status.text.contains("cannot reject a case that is accepted"), engine.state.status.text)
        XCTAssertTrue(engine.state.status.text.contains("v start review"), engine.state.status.text)
    }

    func testExtendAndAssignAreRefusedBeforeAsking() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "1")
        let index = try XCTUnwrap(engine.state.inbox.rows.firstIndex { $0.number == "2026-000002" })
        try fixture.press(engine, String(repeating: "j", count: index) + "E")
        XCTAssertNil(engine.state.overlay, "no days asked of a clerk")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertTrue(engine.state.status.text.contains("supervisor"), engine.state.status.text)
        try fixture.press(engine, "A")
        XCTAssertNil(engine.state.overlay, "no list of clerks for a clerk")
        XCTAssertTrue(engine.state.status.text.contains("supervisor"), engine.state.status.text)
    }

    func testTheResultLineSaysToWhomWhereAndWhichItem() throws {
        let sun = try fixture.engine("sun")
        let index = try XCTUnwrap(sun.state.inbox.rows.firstIndex { $0.number == "2026-000001" })
        try fixture.press(sun, String(repeating: "j", count: index) + "A")
        guard case .picker(let people) = sun.state.overlay else { return XCTFail("A lists the people") }
        XCTAssertTrue(people.title.contains("2026-000001"), people.title)
        let zhang = try XCTUnwrap(people.items.firstIndex { $0.label.hasPrefix("zhang") })
        try fixture.press(sun, String(repeating: "j", count: zhang) + "<Enter>")
        XCTAssertTrue(sun.state.status.text.contains("2026-000001") && sun.state.status.text.contains("张伟"), sun.state.status.text)

        try fixture.press(sun, "t")
        guard case .picker(let departments) = sun.state.overlay else { return XCTFail("t lists departments") }
        XCTAssertTrue(departments.title.contains("2026-000001"), departments.title)
        let target = try XCTUnwrap(departments.items.first { if case .transferTo = $0.choice { return true }; return false })
        guard case .transferTo(let code) = target.choice else { return }
        let department = try XCTUnwrap(fixture.store.catalog.departments.first { $0.code == code })
        let row = try XCTUnwrap(departments.items.firstIndex { $0.label == target.label })
        try fixture.press(sun, String(repeating: "j", count: row) + "<Enter>属地管辖<Enter>")
        XCTAssertTrue(sun.state.status.text.contains(department.nameEn), sun.state.status.text)

        let li = try fixture.engine()
        let mine = try XCTUnwrap(li.state.inbox.rows.firstIndex { $0.number == "2026-000002" })
        try fixture.press(li, String(repeating: "j", count: mine) + "<Enter>V")
        let material = try XCTUnwrap(li.state.detail.detail?.materials.first)
        let name = try XCTUnwrap(fixture.store.material(material.code)).nameEn
        XCTAssertTrue(li.state.status.text.contains(name) && li.state.status.text.contains("verified"), li.state.status.text)
    }
}
