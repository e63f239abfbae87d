import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Keys → state and effects, through the real engine on a real database.
final class WorkstationUpdateTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func testTabsScopeToTheClerksDepartmentAndSortByUrgency() throws {
        let engine = try fixture.engine()
        XCTAssertEqual(engine.state.inbox.tab, .mine)
        XCTAssertEqual(Set(engine.state.inbox.rows.map(\.number)), ["2026-000002", "2026-000005"])
        try fixture.press(engine, "2")
        XCTAssertEqual(engine.state.inbox.tab, .unassigned)
        XCTAssertEqual(engine.state.inbox.rows.map(\.number), ["2026-000001", "2026-000004"],
                       "the overdue acceptance first; zhang's case and other departments are not here")
        XCTAssertEqual(engine.state.inbox.rows.first?.level, .overdue)
        try fixture.press(engine, "5")
        XCTAssertEqual(engine.state.inbox.rows.count, 5)
        XCTAssertEqual(engine.state.tabCounts[.awaitingMaterials], 1)
    }

    func testNavigationClampsAndPages() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5jjjjjjjj")
        XCTAssertEqual(engine.state.inbox.selected, 4)
        try fixture.press(engine, "k")
        XCTAssertEqual(engine.state.inbox.selected, 3)
        try fixture.press(engine, "g")
        XCTAssertEqual(engine.state.inbox.selected, 0)
        try fixture.press(engine, "G")
        XCTAssertEqual(engine.state.inbox.selected, 4)
        try fixture.press(engine, "<PgUp>")
        XCTAssertEqual(engine.state.inbox.selected, 0)
        XCTAssertEqual(engine.state.detail.detail?.record.number, engine.state.inbox.rows[0].number,
                       "at 100 columns the detail follows the selection")
    }

    func testEnterEscAndTabMoveBetweenPanes() throws {
        let engine = try fixture.engine(width: 80, height: 24)
        try fixture.press(engine, "<Enter>")
        XCTAssertEqual(engine.state.focus, .detail)
        try fixture.press(engine, "<Esc>")
        XCTAssertEqual(engine.state.focus, .inbox)
        try fixture.press(engine, "<Tab><Tab>")
        XCTAssertEqual(engine.state.focus, .reply)
        try fixture.press(engine, "q")
        XCTAssertEqual(engine.state.focus, .reply, "q is a letter in the reply editor")
        try fixture.press(engine, "<Esc><Esc>")
        XCTAssertEqual(engine.state.focus, .inbox)
    }

    func testAcceptFromTheInboxSaysWhatChanged() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        let number = engine.state.inbox.selectedCase!.number
        try fixture.press(engine, "a")
        XCTAssertTrue(engine.state.status.text.contains("\(number): accept"), engine.state.status.text)
        XCTAssertFalse(engine.state.status.isError)
        let record = try CaseDetail.load(number: number, in: fixture.store).record
        XCTAssertEqual(record.status, .accepted)
        XCTAssertEqual(record.holder, "li")
    }

    func testReasonPromptTakesLettersAsTextAndEscCancels() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2x")
        guard case .prompt = engine.state.overlay else { return XCTFail("reject asks for a reason") }
        try fixture.press(engine, "<Esc>")
        XCTAssertNil(engine.state.overlay)
        XCTAssertEqual(try CaseDetail.load(number: "2026-000001", in: fixture.store).record.status, .submitted)
        try fixture.press(engine, "x不属于本所管辖aQ<Enter>")
        let record = try CaseDetail.load(number: "2026-000001", in: fixture.store)
        XCTAssertEqual(record.record.status, .rejected)
        XCTAssertEqual(record.history.last?.reason, "不属于本所管辖aQ", "letters in a prompt are text, not commands")
        XCTAssertFalse(engine.state.shouldQuit)
    }

    func testRefusalIsShownAndChangesNothing() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5g")
        let index = engine.state.inbox.rows.firstIndex { $0.number == "2026-000003" }!
        let before = try CaseDetail.load(number: "2026-000003", in: fixture.store)
        try fixture.press(engine, String(repeating: "j", count: index) + "a")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertTrue(engine.state.status.text.contains("held by zhang"), engine.state.status.text)
        let after = try CaseDetail.load(number: "2026-000003", in: fixture.store)
        XCTAssertEqual(after.record.version, before.record.version)
        XCTAssertEqual(after.record.status, before.record.status)
        XCTAssertEqual(after.history.count, before.history.count, "no history event was written")
    }

    func testStaleActionIsRefusedAfterAnotherClerkActs() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        let number = engine.state.inbox.selectedCase!.number
        // Another clerk's process notes the case between our read and our key.
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(ActionRequest(caseNumber: number, action: .note, actor: "zhang", text: "已联系"))
        try fixture.press(engine, "a")
        XCTAssertTrue(engine.state.status.text.contains("changed since you read it"), engine.state.status.text)
        XCTAssertEqual(try CaseDetail.load(number: number, in: fixture.store).record.status, .submitted)
        XCTAssertTrue(engine.pollForChanges())
        try fixture.press(engine, "a")
        XCTAssertEqual(try CaseDetail.load(number: number, in: fixture.store).record.status, .accepted)
    }

    func testSearchFindsChineseAndStepsThroughMatches() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5/欧阳<Enter>")
        XCTAssertEqual(engine.state.inbox.matches, ["2026-000002"])
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000002")
        try fixture.press(engine, "/<C-u>申请<Enter>")
        XCTAssertEqual(engine.state.inbox.matches.count, 5)
        let first = engine.state.inbox.selected
        try fixture.press(engine, "n")
        XCTAssertEqual(engine.state.inbox.selected, (first + 1) % 5)
        try fixture.press(engine, "N")
        XCTAssertEqual(engine.state.inbox.selected, first)
    }

    func testFilterByLevel() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "5f")
        guard case .picker(let picker) = engine.state.overlay else { return XCTFail("f opens the filter picker") }
        let overdue = picker.items.firstIndex { $0.label.contains("overdue") }!
        try fixture.press(engine, String(repeating: "j", count: overdue) + "<Enter>")
        XCTAssertEqual(engine.state.inbox.filters.level, .overdue)
        XCTAssertEqual(engine.state.inbox.rows.map(\.number), ["2026-000001"])
    }

    func testRequestMaterialsDialogPreviewsTheOneTimeNotice() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000001")
        try fixture.press(engine, "m")
        guard case .materials(let dialog) = engine.state.overlay else { return XCTFail("m opens the materials dialog") }
        XCTAssertTrue(dialog.preview.contains("书面申请"), dialog.preview)
        XCTAssertFalse(dialog.preview.contains("居民身份证"), "the ID card was sent")
        // Space on a received item adds it to the notice.
        let idCard = dialog.items.firstIndex { $0.material.code == "ID-CARD" }!
        try fixture.press(engine, String(repeating: "j", count: idCard) + "<Space>")
        guard case .materials(let updated) = engine.state.overlay else { return XCTFail() }
        XCTAssertTrue(updated.preview.contains("居民身份证"), updated.preview)
        try fixture.press(engine, "<Enter>")
        let detail = try CaseDetail.load(number: "2026-000001", in: fixture.store)
        XCTAssertEqual(detail.record.status, .awaitingMaterials)
        XCTAssertEqual(detail.messages.last?.body, updated.preview)
    }

    func testReplyEditorDraftAndSend() throws {
        var engine = try fixture.engine()
        try fixture.press(engine, "r您好，材料已收到。<Enter>Thanks q Q")
        XCTAssertEqual(engine.state.focus, .reply)
        XCTAssertEqual(try Drafts(store: fixture.store).load(caseNumber: "2026-000005", author: "li")
                       ?? Drafts(store: fixture.store).load(caseNumber: "2026-000002", author: "li"),
                       "您好，材料已收到。\nThanks q Q")
        let number = engine.state.reply.caseNumber!
        // A new session (after a quit or a crash) gets the draft back.
        engine = try fixture.engine()
        try fixture.press(engine, "r")
        XCTAssertEqual(engine.state.reply.caseNumber, number)
        XCTAssertEqual(engine.state.reply.editor.text, "您好，材料已收到。\nThanks q Q")
        try fixture.press(engine, "<BS><BS><BS><BS><C-s>")
        let detail = try CaseDetail.load(number: number, in: fixture.store)
        XCTAssertEqual(detail.messages.last?.body, "您好，材料已收到。\nThanks")
        XCTAssertEqual(detail.messages.last?.direction, "outbound")
        XCTAssertNil(try Drafts(store: fixture.store).load(caseNumber: number, author: "li"), "a sent reply leaves no draft")
        XCTAssertTrue(engine.state.reply.editor.isEmpty)
    }

    func testTemplatePickerFillsPlaceholders() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "r<C-t>")
        guard case .picker(let picker) = engine.state.overlay else { return XCTFail("Ctrl-T opens templates") }
        let accept = picker.items.firstIndex { $0.label.hasPrefix("accept") }!
        try fixture.press(engine, String(repeating: "j", count: accept) + "<Enter>")
        let text = engine.state.reply.editor.text
        XCTAssertTrue(text.contains(engine.state.reply.caseNumber!), text)
        XCTAssertFalse(text.contains("{"), text)
    }

    func testTakeNextOpensTheMostUrgentUnassignedCase() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "T")
        XCTAssertEqual(engine.state.inbox.tab, .mine)
        XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000001")
        XCTAssertEqual(engine.state.detail.detail?.record.holder, "li")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000001", "the taken case is highlighted in Mine")
    }

    /// After `T` the clerk is where a list's keys work: the taken case highlighted in the inbox (its
    /// detail beside it from 100 columns), so Enter opens it like any row — never the reply editor.
    func testAfterTakeNextEnterOpensTheCaseNotTheReply() throws {
        for width in [80, 100, 160] {
            let engine = try fixture.engine(width: width, height: 24)
            try fixture.press(engine, "<Enter>")
            XCTAssertEqual(engine.state.focus, .detail, "T pressed from a case's detail")
            try fixture.press(engine, "T")
            XCTAssertEqual(engine.state.focus, .inbox, "at \(width) columns")
            XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000001")
            try fixture.press(engine, "<Enter>")
            XCTAssertEqual(engine.state.focus, .detail, "Enter opens the case taken, at \(width) columns")
            XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000001")
            XCTAssertNil(engine.state.reply.caseNumber, "no reply was opened, at \(width) columns")
            fixture.remove()
            fixture = try WorkstationFixture()
        }
    }

    func testWalkInIntakeRegistersAWindowCase() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i")
        guard case .intake = engine.state.overlay else { return XCTFail("i opens the intake form") }
        // Service: typed and taken with Tab; then name, document type, ID number, phone, summary, materials.
        try fixture.press(engine, "HUKOU-MOVE<Tab>赵敏<Tab><Tab>440106199201053456<Tab>13900001111<Tab>投靠子女落户<Tab><Space><C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        let cases = try CaseQueries.list(CaseFilter(search: "赵敏"), in: fixture.store)
        XCTAssertEqual(cases.count, 1)
        XCTAssertEqual(cases.first?.channel, .window)
        XCTAssertEqual(cases.first?.serviceCode, "HUKOU-MOVE")
        let detail = try CaseDetail.load(number: cases[0].number, in: fixture.store)
        XCTAssertEqual(detail.materials.filter { $0.state == .submitted }.map(\.code), ["APPLICATION"])
    }

    /// A PSB clerk registers a walk-in for a HEALTH service: registered (for HEALTH), said so, the
    /// form closes; the clerk does not see the case (`CaseAccess`), so no detail opens.
    func testWalkInIntakeForAnotherDepartmentIsRegisteredForIt() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i")
        try fixture.press(engine, "birth-reg<Tab>钱多多<Tab><Tab><Tab><Tab>生育登记<C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        XCTAssertFalse(engine.state.status.isError, engine.state.status.text)
        let cases = try CaseQueries.list(CaseFilter(search: "钱多多"), in: fixture.store)
        XCTAssertEqual(cases.map(\.department), ["HEALTH"])
        XCTAssertTrue(engine.state.status.text.contains("registered \(cases[0].number)"), engine.state.status.text)
        XCTAssertNotEqual(engine.state.detail.detail?.record.number, cases[0].number)
        XCTAssertFalse(engine.state.inbox.rows.contains { $0.number == cases[0].number })
    }

    func testMaterialKeysInTheDetailPane() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2<Enter>1V")
        let detail = try CaseDetail.load(number: "2026-000001", in: fixture.store)
        XCTAssertEqual(detail.materials[0].state, .verified)
        try fixture.press(engine, "2F复印件模糊<Enter>")
        let after = try CaseDetail.load(number: "2026-000001", in: fixture.store)
        XCTAssertEqual(after.materials[1].state, .defective)
        XCTAssertEqual(after.materials[1].reason, "复印件模糊")
    }

    func testTooSmallTerminalSaysSoAndStillQuits() throws {
        let engine = try fixture.engine(width: 50, height: 12)
        XCTAssertTrue(fixture.screen(engine).contains("needs at least"))
        try fixture.press(engine, "ajk")
        XCTAssertFalse(engine.state.shouldQuit)
        try fixture.press(engine, "Q")
        XCTAssertTrue(engine.state.shouldQuit)
    }

    func testDetailFollowsTheHighlightWhenTheActedCaseLeavesTheTab() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000001", "a tab switch shows its first case")
        try fixture.press(engine, "a")
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000004")
        XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000004",
                       "the next key acts on the case on screen, not on one that left the tab")
        XCTAssertTrue(engine.state.status.text.contains("2026-000001: accept"), engine.state.status.text)
    }

    func testARefusalStaysVisibleWhenTheRefreshArrives() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "2")
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(ActionRequest(caseNumber: "2026-000001", action: .note, actor: "zhang", text: "n"))
        try fixture.press(engine, "a")
        engine.pollForChanges()
        XCTAssertTrue(engine.state.status.text.contains("changed since you read it"), engine.state.status.text)
        XCTAssertTrue(engine.state.status.text.contains("changed in another terminal"), engine.state.status.text)
    }

    /// In Chinese the same messages carry no English: the action, the statuses and the refusal prefix.
    func testStatusMessagesInChinese() throws {
        let engine = try fixture.engine()
        engine.state.language = .zh
        try fixture.press(engine, "2a")
        XCTAssertTrue(engine.state.status.text.hasPrefix("2026-000001：受理，待受理 → 已受理"), engine.state.status.text)
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(ActionRequest(caseNumber: "2026-000004", action: .note, actor: "zhang", text: "n"))
        try fixture.press(engine, "a")
        XCTAssertTrue(engine.state.status.text.hasPrefix("未执行："), engine.state.status.text)
        engine.pollForChanges()
        XCTAssertTrue(engine.state.status.text.contains("2026-000004 已在另一终端被更改：zhang 备注"), engine.state.status.text)
        try fixture.press(engine, "<Esc>x")
        guard case .prompt(let prompt) = engine.state.overlay else { return XCTFail("reject asks for a reason") }
        XCTAssertEqual(prompt.title, "不予受理理由")
    }

    func testOnlyCaseChangesReloadTheInbox() throws {
        let engine = try fixture.engine()
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        let loads = engine.inboxLoads
        try Drafts(store: other).save(caseNumber: "2026-000001", author: "zhang", body: "草稿")
        engine.pollForChanges()
        XCTAssertEqual(engine.inboxLoads, loads, "another clerk's draft is no reason to reload")
        try Workflow(store: other).perform(ActionRequest(caseNumber: "2026-000001", action: .note, actor: "zhang", text: "n"))
        engine.pollForChanges()
        XCTAssertEqual(engine.inboxLoads, loads + 1)
        var entries = try CalendarFile.parse(DefaultCalendar.text)
        entries.append(CalendarEntry(day: Day("2026-11-30")!, kind: .holiday, name: "closure"))
        _ = try Administration(store: other).loadCalendar(entries)
        engine.pollForChanges()
        XCTAssertEqual(engine.inboxLoads, loads + 2, "moved due days reorder the inbox")
    }

    func testTheLosersDraftIsKeptWhenTheReplyIsRefusedAsStale() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "r您好，已收到。")
        let number = engine.state.reply.caseNumber!
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(ActionRequest(caseNumber: number, action: .note, actor: "sun", text: "已核实"))
        try fixture.press(engine, "<C-s>")
        XCTAssertTrue(engine.state.status.text.contains("changed since you read it"), engine.state.status.text)
        XCTAssertEqual(engine.state.reply.editor.text, "您好，已收到。")
        XCTAssertEqual(try Drafts(store: fixture.store).load(caseNumber: number, author: "li"), "您好，已收到。")
        XCTAssertFalse(try CaseDetail.load(number: number, in: fixture.store).messages.contains { $0.body == "您好，已收到。" })
    }
}
