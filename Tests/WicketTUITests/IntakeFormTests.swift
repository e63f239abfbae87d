import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The walk-in intake form (issue 12): the service is found by typing part of its name or code;
/// ID and phone numbers are checked inside the form (an explicit document type for anything but a
/// resident ID card); the case is held by the clerk who registered it.
/// Rows: service, name, document type, ID number, phone, summary, materials…, priority, language, register.
final class IntakeFormTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    private func registered(_ name: String) throws -> [CaseSummary] {
        try CaseQueries.list(CaseFilter(search: name), in: fixture.store)
    }

    func testTheServiceIsFoundByTypingPartOfItsChineseNameOrItsCode() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i户口迁移<Tab>赵敏<Tab><Tab>440106199201053456<Tab>13900001111<Tab>投靠子女落户<C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        XCTAssertEqual(try registered("赵敏").map(\.serviceCode), ["HUKOU-MOVE"])
        // By code, in any case; and ↓ through the matches of a common word.
        try fixture.press(engine, "iid-renew<Tab>钱多多<C-s>")
        XCTAssertEqual(try registered("钱多多").map(\.serviceCode), ["ID-RENEW"])
        try fixture.press(engine, "i登记<Down><Down><Tab>孙悟空<C-s>")
        let third = fixture.store.catalog.services.filter { $0.nameZh.contains("登记") }[2].code
        XCTAssertEqual(try registered("孙悟空").map(\.serviceCode), [third], "登记 matches five items; the third in catalog order")
        // The list shows the matches as they are typed, names in the clerk's language.
        try fixture.press(engine, "i登记")
        let screen = fixture.screen(engine)
        XCTAssertTrue(screen.contains("BIRTH-REG") && screen.contains("MARRIAGE") && !screen.contains("HUKOU-MOVE"), screen)
    }

    /// The form's own logic, without the engine: what a query matches, and what Tab takes.
    func testTheServiceListFiltersByCodeAndBothNames() throws {
        let catalog = fixture.store.catalog
        var form = IntakeFormState()
        XCTAssertEqual(form.matches(catalog).count, catalog.services.count, "nothing typed: every item")
        for (query, expected) in [("hukou", ["HUKOU-MOVE"]), ("户口", ["HUKOU-MOVE"]), ("Id-Renew", ["ID-RENEW"]),
                                  ("residence", ["RES-PERMIT"]), ("居住证", ["RES-PERMIT"]), ("无此事项", [])] {
            form.serviceQuery = LineInput(query)
            XCTAssertEqual(form.matches(catalog).map(\.code), expected, query)
        }
        form = IntakeFormState()
        _ = form.handle(.tab, catalog: catalog)
        XCTAssertNil(form.serviceCode, "Tab on an empty row chooses nothing")
        XCTAssertEqual(form.focus, 1)
        _ = form.handle(.backTab, catalog: catalog)
        for character in "居" { _ = form.handle(.character(character), catalog: catalog) }
        _ = form.handle(.down, catalog: catalog)
        _ = form.handle(.down, catalog: catalog)
        _ = form.handle(.enter, catalog: catalog)
        XCTAssertEqual(form.serviceCode, catalog.services.filter { $0.nameZh.contains("居") }.last?.code,
                       "↓ stops at the last match")
    }

    func testNoServiceChosenIsExplainedInsideTheForm() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i<Tab>唐僧<C-s>")
        guard case .intake(let form)? = engine.state.overlay else { return XCTFail("the form closed: \(engine.state.status.text)") }
        XCTAssertNotNil(form.error)
        XCTAssertEqual(try registered("唐僧"), [], "no service item was chosen, so nothing is registered")
    }

    func testNonsenseNumbersAreRefusedInsideTheFormSayingWhatIsWrong() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i户口迁移<Tab>赵敏<Tab><Tab>12345<Tab>13900001111<C-s>")
        guard case .intake(let form)? = engine.state.overlay else { return XCTFail("the form closed: \(engine.state.status.text)") }
        XCTAssertTrue(form.error?.contains("has 18") == true, form.error ?? "no error")
        // Fixed in place: back to the ID number (Shift-Tab from the phone), then a bad phone.
        try fixture.press(engine, "<S-Tab><C-u>440106199201053456<Tab><C-u>abc<C-s>")
        guard case .intake(let again)? = engine.state.overlay else { return XCTFail("the form closed") }
        XCTAssertTrue(again.error?.contains("a mobile has 11 digits") == true, again.error ?? "no error")
        XCTAssertEqual(try registered("赵敏"), [])
        try fixture.press(engine, "<C-u>020-83661234<C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        XCTAssertEqual(try registered("赵敏").count, 1)
    }

    func testAPassportIsRegisteredByChoosingItsDocumentType() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i居住证<Tab>John Smith<Tab><Tab>E12345678<C-s>")
        XCTAssertNotNil(engine.state.overlay, "a passport number is not a resident ID number")
        // Document type: resident ID → Hong Kong/Macao → Taiwan → passport.
        try fixture.press(engine, "<S-Tab><Right><Right><Right><C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        let number = try XCTUnwrap(registered("John Smith").first { $0.channel == .window }?.number)
        let record = try XCTUnwrap(try CaseRows.load(number: number, in: fixture.store.db))
        XCTAssertEqual(record.applicantDocument, .passport)
        XCTAssertEqual(record.applicantIDNumber, "E12345678")
    }

    func testAWalkInIsHeldByTheClerkWhoRegisteredIt() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "i户口迁移<Tab>赵敏<C-s>")
        XCTAssertNil(engine.state.overlay, engine.state.status.text)
        let number = try XCTUnwrap(try registered("赵敏").first?.number)
        XCTAssertEqual(try CaseRows.load(number: number, in: fixture.store.db)?.holder, "li")
        XCTAssertEqual(engine.state.detail.detail?.record.holder, "li")
        XCTAssertTrue(try CaseQueries.list(CaseFilter(holder: "li"), in: fixture.store).contains { $0.number == number },
                      "in the clerk's Mine tab")
        // And `wicket check` replays the holder from the submission's history event.
        XCTAssertNoThrow(try IntegrityCheck(db: fixture.store.db).run())
    }
}
