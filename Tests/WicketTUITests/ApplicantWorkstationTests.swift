import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The applicant's other cases in the detail pane, and `O` / `Esc` (issue 15).
final class ApplicantWorkstationTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws {
        fixture = try WorkstationFixture()
        // 王芳 (2026-000001, PSB) comes again: an ID card renewal (PSB), a birth registration (HEALTH,
        // which a PSB clerk does not see) and a renewal rejected earlier.
        let intake = Intake(store: fixture.store)
        for (index, service) in ["ID-RENEW", "BIRTH-REG", "ID-RENEW"].enumerated() {
            try intake.register(Application(ref: "again-\(index)", serviceCode: service, channel: .online,
                                            submittedAt: Timestamp.parse("2026-11-2\(4 + index)T09:00:00+08:00")!,
                                            applicantName: "王芳", applicantIDNumber: WorkstationFixture.idNumbers[0],
                                            applicantPhone: "13800001000", summary: "再次申请", language: .zh), actor: "admin")
        }
        try Workflow(store: fixture.store).perform(ActionRequest(caseNumber: "2026-000008", action: .reject, actor: "li",
                                                                 reason: "不属本机关职权范围"))
    }
    override func tearDown() { fixture.remove() }

    /// The case of 王芳 opened from the All tab (it is the oldest, so first among the overdue).
    private func openFirst(_ engine: WorkstationEngine) throws {
        try fixture.press(engine, "5g")
        let index = try XCTUnwrap(engine.state.inbox.rows.firstIndex { $0.number == "2026-000001" })
        try fixture.press(engine, String(repeating: "j", count: index) + "<Enter>")
        XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000001")
    }

    func testTheDetailListsTheOtherCasesTheClerkMaySee() throws {
        for (width, height) in [(80, 24), (160, 45)] {
            for language in [Language.en, .zh] {
                let engine = try fixture.engine(width: width, height: height)
                engine.state.language = language
                try openFirst(engine)
                let screen = fixture.screen(engine)
                // The HEALTH case is not the PSB clerk's to see: not listed, not counted.
                XCTAssertFalse(screen.contains("2026-000007"), screen)
                XCTAssertTrue(screen.contains("2026-000006"), screen)
                try SnapshotFile.assert(screen, named: "applicant-\(language == .zh ? "zh-" : "")\(width)x\(height)")
            }
        }
        // A supervisor sees every department's, so the birth registration too.
        let engine = try fixture.engine("sun", width: 160, height: 45)
        try openFirst(engine)
        XCTAssertEqual(engine.state.detail.detail?.applicant.listed.map(\.number).sorted(), ["2026-000006", "2026-000007", "2026-000008"])
    }

    func testOListsTheApplicantsCasesAndEscComesBack() throws {
        let engine = try fixture.engine(width: 100, height: 30)
        try openFirst(engine)
        let tab = engine.state.inbox.tab
        try fixture.press(engine, "O")
        XCTAssertEqual(engine.state.focus, .inbox)
        // Open cases first (most urgent first), the closed one last; only the clerk's department.
        XCTAssertEqual(engine.state.inbox.rows.map(\.number), ["2026-000001", "2026-000006", "2026-000008"])
        XCTAssertEqual(engine.state.inbox.total, 3)
        XCTAssertTrue(fixture.screen(engine).contains("王芳 (of 2026-000001)"), fixture.screen(engine))
        // Moving in it opens the other case beside it; every key works there as anywhere.
        try fixture.press(engine, "j")
        XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000006")
        try fixture.press(engine, "<Esc>")
        XCTAssertNil(engine.state.inbox.filters.applicant)
        XCTAssertEqual(engine.state.inbox.tab, tab)
        XCTAssertEqual(engine.state.inbox.selectedCase?.number, "2026-000001")
        XCTAssertEqual(engine.state.detail.detail?.record.number, "2026-000001")
        XCTAssertEqual(engine.state.inbox.rows.count, engine.state.tabCounts[.all])
    }

    func testOOnACaseWithoutOtherCasesSaysSoAndChangesNothing() throws {
        let engine = try fixture.engine(width: 100, height: 30)
        try fixture.press(engine, "5g")
        let index = try XCTUnwrap(engine.state.inbox.rows.firstIndex { $0.number == "2026-000004" })
        try fixture.press(engine, String(repeating: "j", count: index))
        let rows = engine.state.inbox.rows
        try fixture.press(engine, "O")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertTrue(engine.state.status.text.contains("no other case"), engine.state.status.text)
        XCTAssertEqual(engine.state.inbox.rows, rows)
        XCTAssertNil(engine.state.applicantReturn)
    }

    /// 王芳 comes to the window for a second household registration transfer: her household register
    /// is in the certificate library, her ID card was verified in her first case (2026-000001, whose
    /// HUKOU-MOVE is still open: a possible duplicate).
    func testAWalkInWhosePapersAreOnFile() throws {
        try Workflow(store: fixture.store).perform(ActionRequest(caseNumber: "2026-000001", action: .material, actor: "li",
                                                                 materials: ["ID-CARD"], materialState: .verified))
        let id = WorkstationFixture.idNumbers[0]
        let summary = try CertificateImport(store: fixture.store, actor: "admin").run(text:
            #"{"type":"HUKOU-BOOK","id_number":"\#(id)","number":"4401-2020-778","issuer":"广州市公安局","valid_from":"2020-01-01","valid_until":"2031-05-01"}"#)
        XCTAssertEqual(summary.added, 1)
        for (width, height, language) in [(80, 24, Language.en), (160, 45, .zh)] {
            let engine = try fixture.engine(width: width, height: height)
            engine.state.language = language
            try fixture.press(engine, "i户口迁移<Tab>王芳<Tab><Tab>\(id)<Tab>13800001000<C-s>")
            let number = try XCTUnwrap(engine.state.detail.detail?.record.number)
            XCTAssertEqual(Set(engine.state.detail.detail?.onFile.keys ?? [:].keys), ["HUKOU-BOOK", "ID-CARD"])
            XCTAssertEqual(engine.state.detail.detail?.possibleDuplicates.first, "2026-000001")
            XCTAssertTrue(engine.state.status.text.contains("2026-000001"), engine.state.status.text)
            // At 80 columns one pane: open the case and scroll to its checklist.
            if width == 80 { try fixture.press(engine, "<Enter>" + String(repeating: "j", count: 13)) }
            let screen = fixture.screen(engine)
            try SnapshotFile.assert(screen, named: "walk-in-on-file-\(language == .zh ? "zh-" : "")\(width)x\(height)")
            // The one-time notice leaves both out; the history says which were on file.
            try Workflow(store: fixture.store).perform(ActionRequest(caseNumber: number, action: .requestMaterials, actor: "li"))
            let details = try XCTUnwrap(try fixture.store.db.queryOne(
                "SELECT details FROM history WHERE case_id = (SELECT id FROM cases WHERE number = ?) ORDER BY id DESC LIMIT 1", number)?
                .string("details"))
            XCTAssertTrue(details.contains(#""on_file":["HUKOU-BOOK","ID-CARD"]"#), details)
        }
    }

    func testOIsInTheHelpOfTheInboxAndTheDetail() {
        for focus in [PaneID.inbox, .detail] {
            XCTAssertTrue(HelpText.lines(for: focus, keys: .standard).contains { $0.keys == "O" && $0.text == .helpApplicantCases })
        }
        XCTAssertTrue(KeyBindings.reserved.contains("O"))
    }
}
