import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The Consultations tab: its list, detail, registration form, answer and close dialogs on
/// screen (snapshots at 80×24 and 160×45 in both languages), and the keys doing real work.
final class ConsultationWorkstationTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws {
        fixture = try WorkstationFixture()
        let desk = ConsultationDesk(store: fixture.store)
        // Asked online on Wednesday: one working day is over (overdue); one this morning (normal).
        try desk.ask(Question(ref: "q-1", channel: .online, askedAt: Timestamp.parse("2026-11-25T09:00:00+08:00")!,
                              askerName: "陈静", askerPhone: "13800001111", serviceCode: "HUKOU-MOVE",
                              question: "户口迁移要带什么材料？"), actor: "zhang")
        try desk.ask(Question(ref: "q-2", channel: .mobile, askedAt: Timestamp.parse("2026-11-27T09:30:00+08:00")!,
                              askerName: "Mary Lee", language: .en, serviceCode: "RES-PERMIT",
                              question: "Can I apply for a residence permit online?"), actor: "zhang")
        // Another department's question: not in li's tab.
        try desk.ask(Question(channel: .phone, askedAt: fixture.now, askerName: "王五", serviceCode: "BIRTH-REG",
                              question: "生育登记在哪里办？"), actor: "sun")
    }

    override func tearDown() { fixture.remove() }

    static let screens: [(name: String, keys: String)] = [
        ("consult-list", "7"),
        ("consult-detail", "7<Enter>"),
        ("consult-form", "7z<Tab>赵敏<Tab>13900001234<Tab>户口<Tab>迁到外省要多久？"),
        ("consult-answer", "7r"),
        ("consult-close", "7<Down>x<Tab>重复咨询"),
        ("consult-warnings", "4"),
    ]

    func testSnapshotsInBothLanguages() throws {
        for (width, height) in [(80, 24), (160, 45)] {
            for language in Language.allCases {
                for screen in Self.screens {
                    let engine = try fixture.engine(width: width, height: height)
                    engine.state.language = language
                    try fixture.press(engine, screen.keys)
                    let text = fixture.screen(engine)
                    let suffix = language == .zh ? "-zh" : ""
                    try SnapshotFile.assert(text, named: "\(screen.name)\(suffix)-\(width)x\(height)")
                    for line in text.split(separator: "\n") {
                        XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: line), width, "\(screen.name): \(line)")
                    }
                }
            }
        }
    }

    func testTheTabListsTheDepartmentsOpenQuestionsMostUrgentFirst() throws {
        let engine = try fixture.engine("li")
        XCTAssertEqual(engine.state.tabCounts[.consultations], 2)
        try fixture.press(engine, "7")
        XCTAssertEqual(engine.state.consultations.rows.map(\.ref), ["q-1", "q-2"])
        XCTAssertEqual(engine.state.consultations.rows.first?.level(at: fixture.now), .overdue)
        let screen = fixture.screen(engine)
        XCTAssertTrue(screen.contains("X overdue Z2026-000001"), screen)
        XCTAssertFalse(screen.contains("王五"), "another department's question")
        // Case keys do not reach a case that is not on screen.
        try fixture.press(engine, "a")
        XCTAssertEqual(try fixture.store.db.scalarString("SELECT status FROM cases WHERE number = '2026-000001'"), "submitted")
    }

    func testLateConsultationsShowAboveTheWarningCases() throws {
        let engine = try fixture.engine("li", width: 80, height: 24)
        try fixture.press(engine, "4")
        let screen = fixture.screen(engine)
        XCTAssertTrue(screen.contains("1 late consultations: 6 lists them"), screen)
        XCTAssertTrue(screen.contains("X Z2026-000001  陈静  户口迁移要带什么材料？"), screen)
        XCTAssertFalse(screen.contains("Z2026-000002"), "not late")
        // The cases below keep their keys: the selection is a case.
        XCTAssertNotNil(engine.state.inbox.selectedCase)
        // Another clerk's terminal (its own connection) answers it.
        let elsewhere = try CaseStore.open(path: fixture.store.path, clock: .fixed(fixture.now))
        try ConsultationDesk(store: elsewhere).answer(number: "Z2026-000001", text: "请带身份证。", actor: "zhang")
        XCTAssertTrue(engine.pollForChanges())
        XCTAssertFalse(fixture.screen(engine).contains("late consultations"), "answered: no longer late")
    }

    func testBesideTheListTheDetailFollowsWhenAnotherTerminalAnswersTheRowShown() throws {
        let engine = try fixture.engine("li", width: 100, height: 30)
        try fixture.press(engine, "7")
        XCTAssertEqual(engine.state.consultations.detail?.record.number, "Z2026-000001")
        let elsewhere = try CaseStore.open(path: fixture.store.path, clock: .fixed(fixture.now))
        try ConsultationDesk(store: elsewhere).answer(number: "Z2026-000001", text: "请带身份证。", actor: "zhang")
        XCTAssertTrue(engine.pollForChanges())
        XCTAssertEqual(engine.state.consultations.selectedRow?.number, "Z2026-000002")
        XCTAssertEqual(engine.state.consultations.detail?.record.number, "Z2026-000002", "the detail shows what r acts on")
    }

    func testRegisterFromTheFormIsOneStepAndTheClerksOwn() throws {
        let engine = try fixture.engine("li")
        try fixture.press(engine, "z<Left><Tab>赵敏<Tab>13900001234<Tab>户口<Tab>迁到外省要多久？<Tab>五个工作日。<C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        let stored = try XCTUnwrap(try ConsultationRows.load(number: "Z2026-000004", in: fixture.store.db))
        XCTAssertEqual(stored.channel, .window)
        XCTAssertEqual(stored.status, .answered, "a window question answered on the spot")
        XCTAssertEqual(stored.serviceCode, "HUKOU-MOVE")
        XCTAssertEqual(stored.holder, "li")
        XCTAssertEqual(stored.askerPhone, "13900001234")
        XCTAssertTrue(engine.state.status.text.contains("Z2026-000004 registered for PSB"), engine.state.status.text)
        // A bad phone number is explained inside the form, which stays open.
        try fixture.press(engine, "z<Tab>x<Tab>123<Tab><Tab>q<C-s>")
        guard case .consult(let form) = engine.state.overlay else { return XCTFail("the form stays open") }
        XCTAssertNotNil(form.error)
    }

    func testAnswerFromTheTemplateAndDeliverLikeAnyReply() throws {
        let engine = try fixture.engine("li")
        try fixture.press(engine, "7r")
        XCTAssertEqual(engine.state.focus, .reply)
        XCTAssertTrue(engine.state.reply.editor.text.contains("1. "), engine.state.reply.editor.text)
        try fixture.press(engine, "<C-s>")
        let stored = try XCTUnwrap(try ConsultationRows.load(number: "Z2026-000001", in: fixture.store.db))
        XCTAssertEqual(stored.status, .answered)
        XCTAssertEqual(stored.answeredOnTime, false, "answered after its working day")
        XCTAssertEqual(try fixture.store.db.scalarString(
            "SELECT delivery_state FROM consultation_replies WHERE consultation_id = ?", stored.id), "queued")
        XCTAssertEqual(engine.state.consultations.rows.map(\.ref), ["q-2"], "no longer open")
        XCTAssertTrue(engine.state.status.text.contains("Z2026-000001 answered"), engine.state.status.text)
    }

    func testCloseAndConvertFromTheKeys() throws {
        let engine = try fixture.engine("li")
        try fixture.press(engine, "7x<Right><Tab><C-s>")
        guard case .consult(let form) = engine.state.overlay else { return XCTFail("a reason is needed") }
        XCTAssertNotNil(form.error)
        try fixture.press(engine, "已在窗口答复<Enter>")
        XCTAssertNil(engine.state.overlay)
        XCTAssertEqual(try ConsultationRows.load(number: "Z2026-000001", in: fixture.store.db)?.status, .duplicate)
        try fixture.press(engine, "I")
        let converted = try XCTUnwrap(try ConsultationRows.load(number: "Z2026-000002", in: fixture.store.db))
        XCTAssertEqual(converted.status, .converted)
        let record = try XCTUnwrap(try CaseRows.load(id: converted.convertedCaseID!, in: fixture.store.db))
        XCTAssertEqual(record.applicantName, "Mary Lee")
        XCTAssertEqual(record.holder, "li")
        XCTAssertTrue(engine.state.status.text.contains("became case \(record.number)"), engine.state.status.text)
    }

    /// `?` in the tab, its `.` menu and the README's key table list the same consultation keys.
    /// The board (and the dashboard) open from the Consultations tab too: its own keys take the
    /// rest, but not the keys that leave the inbox.
    func testTheBoardOpensFromTheConsultationsTab() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "7")
        XCTAssertEqual(engine.state.inbox.tab, .consultations)
        try fixture.press(engine, "Y")
        XCTAssertNotNil(engine.state.board, "Y opens today's board from the Consultations tab")
    }

    func testHelpMenuAndReadmeAgree() throws {
        let engine = try fixture.engine("li")
        try fixture.press(engine, "7.")
        guard case .picker(let menu) = engine.state.overlay else { return XCTFail(". opens the menu") }
        let menuKeys = Set(menu.items.compactMap { item -> Character? in
            if case .consultation(let action) = item.choice { return action.key }
            return nil
        })
        let helpKeys = Set(HelpText.consultations.compactMap { entry in
            ConsultationKey.allCases.first { String($0.key) == entry.keys && $0.text == entry.text }?.key
        })
        let all = Set(ConsultationKey.allCases.map(\.key))
        XCTAssertEqual(menuKeys, all)
        XCTAssertEqual(helpKeys, all)
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let row = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("| `7`, then ") })
        for key in all { XCTAssertTrue(row.contains("`\(key)`"), "README's key table: \(key)") }
        XCTAssertTrue(text.contains("| `z` |"), "README's key table: z")
    }
}
