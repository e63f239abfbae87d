import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Issue 12 in the workstation: a failed reply marks its row, has a tab of its own, warns when
/// its case is opened, is counted on the dashboard, and `e` / `H` resend it or mark it handled.
///
/// The fixture's 2026-000002 (accepted by li) and 2026-000005 (materials requested by li) each
/// have a notice; the gateway refuses the first for good and the second for now.
final class FailedRepliesWorkstationTests: XCTestCase {
    var fixture: WorkstationFixture!
    var permanentReply = 0
    var retryingReply = 0

    override func setUpWithError() throws { try makeFixture() }

    private func makeFixture() throws {
        fixture?.remove()
        fixture = try WorkstationFixture()
        let db = fixture.store.db
        try fixture.store.setSetting("delivery_command", "if grep -q 2026-000002; then exit 65; else echo busy >&2; exit 75; fi")
        XCTAssertEqual(Outbox(store: fixture.store).deliverDue(), Outbox.Result(sent: 0, failed: 1, permanent: 1))
        permanentReply = try XCTUnwrap(db.scalarInt("SELECT m.id FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.number = '2026-000002'"))
        retryingReply = try XCTUnwrap(db.scalarInt("SELECT m.id FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.number = '2026-000005'"))
    }

    override func tearDown() { fixture.remove() }

    private func state(of reply: Int) throws -> Row {
        try XCTUnwrap(fixture.store.db.queryOne("SELECT * FROM messages WHERE id = ?", reply))
    }

    private func select(_ number: String, in engine: WorkstationEngine) throws {
        let index = try XCTUnwrap(engine.state.inbox.rows.firstIndex { $0.number == number },
                                  "\(number) listed: \(engine.state.inbox.tab) \(engine.state.inbox.rows.map(\.number)) \(engine.state.status.text) \(engine.state.focus)")
        try fixture.press(engine, "g" + String(repeating: "j", count: index))
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, number)
    }

    func testTabSixListsTheFailedCasesWithTheirMarks() throws {
        let engine = try fixture.engine()
        XCTAssertEqual(engine.state.tabCounts[.failedReplies], 2)
        try fixture.press(engine, "6")
        XCTAssertEqual(engine.state.inbox.tab, .failedReplies)
        XCTAssertEqual(engine.state.inbox.total, 2)
        let marks = Dictionary(uniqueKeysWithValues: engine.state.inbox.rows.map { ($0.number, $0.failedReply) })
        XCTAssertEqual(marks, ["2026-000002": .permanent, "2026-000005": .retrying])
        // Every other tab marks the same rows, and only them.
        try fixture.press(engine, "5")
        XCTAssertEqual(engine.state.inbox.rows.filter { $0.failedReply != nil }.map(\.number).sorted(), ["2026-000002", "2026-000005"])
    }

    /// Where the whole title does not fit, the tab keeps its number and count behind the mark.
    func testANarrowTabBarKeepsTheFailedCount() throws {
        let engine = try fixture.engine(width: 90, height: 30)
        let top = try XCTUnwrap(fixture.screen(engine).split(separator: "\n").first)
        XCTAssertTrue(top.contains(" 6 ✗2"), String(top))
        let wide = try fixture.engine(width: 120, height: 30)
        XCTAssertTrue(fixture.screen(wide).split(separator: "\n")[0].contains(" 6 Failed replies 2   7 "))
    }

    func testOpeningACaseWhoseReplyFailedWarnsOnTheStatusLine() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "6")
        try select("2026-000002", in: engine)
        try fixture.press(engine, "<Enter>")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertEqual(engine.state.status.text,
                       "2026-000002: reply #\(permanentReply) failed permanently: exit 65 — e resend, H mark handled")
    }

    func testResendKeyQueuesTheReplyAgainAndSaysSo() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "6")
        try select("2026-000002", in: engine)
        let version = try XCTUnwrap(engine.state.inbox.selectedCase?.version)
        try fixture.press(engine, "e")
        XCTAssertEqual(try state(of: permanentReply).string("delivery_state"), "queued")
        XCTAssertEqual(try state(of: permanentReply).int("attempts"), 0)
        let event = try XCTUnwrap(fixture.store.db.queryOne("""
            SELECT h.action, h.actor, h.version FROM history h JOIN cases c ON c.id = h.case_id
            WHERE c.number = '2026-000002' ORDER BY h.id DESC LIMIT 1
            """))
        XCTAssertEqual(event.string("action"), "resend-reply")
        XCTAssertEqual(event.string("actor"), "li")
        XCTAssertEqual(event.int("version"), version + 1)
        XCTAssertEqual(engine.state.status.text,
                       "2026-000002: resend failed reply (accepted) — reply #\(permanentReply); reply queued for delivery")
        // It left the tab, whose count follows.
        XCTAssertEqual(engine.state.tabCounts[.failedReplies], 1)
        XCTAssertEqual(engine.state.inbox.rows.map(\.number), ["2026-000005"])
    }

    /// At 80 columns the inbox is alone on screen and no detail is loaded: the key reads the
    /// case's replies first, then acts on the one it names.
    func testTheKeysWorkFromTheInboxAloneAt80Columns() throws {
        let engine = try fixture.engine(width: 80, height: 24)
        try fixture.press(engine, "6")
        try select("2026-000005", in: engine)
        XCTAssertNotEqual(engine.state.detail.detail?.record.number, "2026-000005")
        try fixture.press(engine, "H")
        guard case .prompt(let prompt) = engine.state.overlay else { return XCTFail("H asks how: \(engine.state.status.text)") }
        XCTAssertTrue(prompt.title.hasPrefix("2026-000005: reply #\(retryingReply) "), prompt.title)
        try fixture.press(engine, "<Esc>")
        try select("2026-000002", in: engine)
        try fixture.press(engine, "e")
        XCTAssertEqual(try state(of: permanentReply).string("delivery_state"), "queued")
        XCTAssertTrue(engine.state.status.text.contains("reply #\(permanentReply); reply queued for delivery"), engine.state.status.text)
    }

    func testHandledKeyAsksHowAndAnEmptyAnswerKeepsTheDialogOpen() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "6")
        try select("2026-000005", in: engine)
        try fixture.press(engine, "H")
        guard case .prompt(let prompt) = engine.state.overlay else { return XCTFail("H asks how the applicant was told") }
        XCTAssertEqual(prompt.title, "2026-000005: reply #\(retryingReply) reached the applicant another way — how? (a short note)")
        try fixture.press(engine, "<Enter>")
        guard case .prompt(let still) = engine.state.overlay else { return XCTFail("an empty answer keeps the dialog") }
        XCTAssertNotNil(still.problem)
        try fixture.press(engine, "phoned them<Enter>")
        XCTAssertNil(engine.state.overlay)
        let row = try state(of: retryingReply)
        XCTAssertEqual(row.string("handled_note"), "phoned them")
        XCTAssertEqual(row.string("handled_by"), "li")
        XCTAssertNil(row.optionalString("next_attempt_at"), "no more retries")
        XCTAssertEqual(engine.state.tabCounts[.failedReplies], 1)
    }

    func testTheKeysAreRefusedBeforeAnythingIsAskedOnACaseWithoutAFailedReply() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5")
        try select("2026-000001", in: engine)
        let version = try fixture.store.db.scalarInt("SELECT version FROM cases WHERE number = '2026-000001'")
        try fixture.press(engine, "H")
        XCTAssertNil(engine.state.overlay, "no note asked for")
        XCTAssertEqual(engine.state.status.text, "refused: 2026-000001 has no failed reply to resend or mark handled")
        try fixture.press(engine, "e")
        XCTAssertTrue(engine.state.status.text.contains("has no failed reply"), engine.state.status.text)
        XCTAssertEqual(try fixture.store.db.scalarInt("SELECT version FROM cases WHERE number = '2026-000001'"), version)
    }

    func testTheMenuOffersResendAndHandledOnlyOnACaseWithAFailedReply() throws {
        let engine = try fixture.engine()
        let update = Update(catalog: fixture.store.catalog)
        try fixture.press(engine, "5")
        try select("2026-000001", in: engine)
        XCTAssertFalse(update.menuActions(from: .submitted, engine.state).contains(.resendReply))
        try select("2026-000002", in: engine)
        let offered = update.menuActions(from: .accepted, engine.state)
        XCTAssertTrue(offered.contains(.resendReply) && offered.contains(.replyHandled), "\(offered)")
        // And the menu's own key runs it.
        try fixture.press(engine, ".e")
        XCTAssertEqual(try state(of: permanentReply).string("delivery_state"), "queued")
    }

    func testAReplySaysItIsQueuedNotSent() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5")
        try select("2026-000001", in: engine)
        try fixture.press(engine, "r您好<C-s>")
        XCTAssertEqual(engine.state.status.text, "2026-000001: reply queued for delivery")
        // An action's notice too, in either language.
        let chinese = try fixture.engine()
        chinese.state.language = .zh
        try fixture.press(chinese, "5")
        try select("2026-000001", in: chinese)
        try fixture.press(chinese, "a")
        XCTAssertTrue(chinese.state.status.text.hasSuffix("；回复已排队待发送"), chinese.state.status.text)
    }

    /// Another process's `wicket deliver` records a failure: the open workstation marks the row
    /// within its next poll, though no history event was written.
    func testAFailureRecordedElsewhereShowsWithoutAKey() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5")
        XCTAssertNil(engine.state.inbox.rows.first { $0.number == "2026-000001" }?.failedReply)
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(ActionRequest(caseNumber: "2026-000001", action: .reply, actor: "li", text: "您好"))
        XCTAssertTrue(engine.pollForChanges())
        try other.setSetting("delivery_command", "exit 65")
        Outbox(store: other).deliverDue()
        XCTAssertTrue(engine.pollForChanges())
        XCTAssertEqual(engine.state.inbox.rows.first { $0.number == "2026-000001" }?.failedReply, .permanent)
        XCTAssertEqual(engine.state.tabCounts[.failedReplies], 3)
    }

    func testSnapshots() throws {
        for language in [Language.en, .zh] {
            // Each language from the same start: the English run marks a reply handled.
            if language == .zh { try makeFixture() }
            let suffix = language == .zh ? "-zh" : ""
            var engine = try fixture.engine(width: 120, height: 30)
            engine.state.language = language
            try fixture.press(engine, "6")
            try SnapshotFile.assert(fixture.screen(engine), named: "failed-replies-tab\(suffix)-120x30")
            // The detail's reply list: failed for good, then retrying, then handled.
            for (number, name) in [("2026-000002", "permanent"), ("2026-000005", "retrying")] {
                engine = try fixture.engine(width: 160, height: 45)
                engine.state.language = language
                try fixture.press(engine, "6")
                try select(number, in: engine)
                try SnapshotFile.assert(fixture.screen(engine), named: "failed-reply-\(name)\(suffix)-160x45")
            }
            // The dashboard's figures, as the supervisor sees them.
            let supervisor = try fixture.engine("sun", width: 80, height: 24)
            supervisor.state.language = language
            try fixture.press(supervisor, "B<Tab><Tab>")
            try SnapshotFile.assert(fixture.screen(supervisor), named: "failed-replies-dashboard\(suffix)-80x24")
            try fixture.press(engine, "H" + (language == .zh ? "已电话告知" : "phoned them") + "<Enter>5")
            try select("2026-000005", in: engine)
            try SnapshotFile.assert(fixture.screen(engine), named: "failed-reply-handled\(suffix)-160x45")
        }
    }

    /// The figures drill into exactly their cases.
    func testTheDashboardFiguresDrillIntoTheirCases() throws {
        let engine = try fixture.engine("sun", width: 160, height: 45)
        try fixture.press(engine, "B")
        let report = try XCTUnwrap(engine.state.dashboard?.report)
        XCTAssertEqual(report.failedRepliesPermanent, 1)
        XCTAssertEqual(report.failedRepliesRetrying, 1)
        let panels = DashboardContent.panels(report, width: 80, language: .en)
        for (figure, number) in [(ReportFigure.failedRepliesPermanent, "2026-000002"), (.failedRepliesRetrying, "2026-000005")] {
            let panel = try XCTUnwrap(panels.firstIndex { $0.targets.contains { $0.figure == figure } }, "\(figure) is shown")
            engine.state.dashboard?.panel = panel
            engine.state.dashboard?.item = try XCTUnwrap(panels[panel].targets.firstIndex { $0.figure == figure })
            XCTAssertEqual(engine.state.dashboard?.selectedFigure, figure)
            try fixture.press(engine, "<Enter>")
            XCTAssertEqual(engine.state.inbox.rows.map(\.number), [number], "\(figure)")
            try fixture.press(engine, "<Esc>")
        }
    }
}
