import XCTest
@testable import WicketTUI
import WicketCore

/// The workstation in December 2026 with a case due in 2027, a year whose holiday schedule is not
/// loaded: the clock line says the due day is provisional, and an admin's or supervisor's start says
/// so on the status line (a clerk's does not), in both languages.
final class ProvisionalCalendarWorkstationTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws {
        fixture = try WorkstationFixture()
        // Friday 4 Dec 2026: 张建国's transfer (received 27 Nov, acceptance due today) is accepted,
        // 20 working days: due Mon 4 Jan 2027 over the computed New Year's Day.
        fixture.setNow("2026-12-04T10:00:00+08:00")
        try Workflow(store: fixture.store).perform(ActionRequest(caseNumber: "2026-000004", action: .accept, actor: "li"))
    }

    override func tearDown() { fixture.remove() }

    private func started(_ login: String, _ language: Language) throws -> WorkstationEngine {
        let engine = try fixture.engine(login, width: 160, height: 45)
        engine.state.language = language
        engine.showCalendarWarning()
        return engine
    }

    func testTheClockLineSaysTheDueDayIsProvisional() throws {
        let detail = try CaseDetail.load(number: "2026-000004", in: fixture.store)
        for (language, expected, shown) in [
            (Language.en, "normal · decision · due 4 Jan 2027 (provisional: the 2027 holiday schedule is not loaded)",
             ["due 4 Jan 2027 (provisional:", "the 2027 holiday schedule is not loaded)"]),
            (.zh, "正常 · 审批 · 截止 2027年1月4日（暂定：2027年的节假日安排尚未载入）", ["截止 2027年1月4日（暂定：2027年的", "节假日安排尚未载入）"]),
        ] {
            // The whole clock line, wide enough not to wrap…
            let view = DetailView(theme: .standard, hallTime: fixture.store.hallTime, catalog: fixture.store.catalog, language: language)
            let lines = view.lines(detail, width: 200, measure: .standard).map(\.text)
            XCTAssertTrue(lines.contains { $0.hasSuffix(expected) }, "\(language): \(lines.filter { $0.contains("2027") })")
            // …and on the screen, where the pane wraps it.
            let engine = try started("li", language)
            engine.run([.openDetail("2026-000004")])
            let screen = fixture.screen(engine)
            XCTAssertTrue(shown.allSatisfy(screen.contains), "\(language): \(screen.split(separator: "\n").filter { $0.contains("2027") })")
        }
    }

    func testASupervisorsStartWarnsAndAClerksDoesNot() throws {
        let english = try started("sun", .en)
        XCTAssertEqual(english.state.status, StatusMessage(
            text: "1 open case is due in 2027, whose holiday schedule is not loaded: those due days are provisional until an admin loads the official 2027 calendar",
            isError: true))
        XCTAssertTrue(fixture.screen(english).contains("1 open case is due in 2027, whose holiday schedule is not loaded"))
        let chinese = try started("admin", .zh)
        XCTAssertEqual(chinese.state.status.text, "1 件在办案件的到期日在2027年，该年节假日安排尚未载入：到期日为暂定，待管理员载入2027年的官方日历")
        XCTAssertTrue(fixture.screen(chinese).contains("1 件在办案件的到期日在2027年"))
        XCTAssertEqual(try started("li", .en).state.status, .none, "a clerk cannot load the calendar")
    }

    func testOnceTheOfficialYearIsLoadedTheWarningAndTheNoteGo() throws {
        let file = DefaultCalendar.text + "\n2027-01-01 holiday 元旦\n"
        XCTAssertEqual(try Administration(store: fixture.store).loadCalendar(try CalendarFile.parse(file)), 0,
                       "the official New Year's Day is the computed one: no case moves")
        XCTAssertEqual(try started("sun", .en).state.status, .none)
        let engine = try started("li", .en)
        engine.run([.openDetail("2026-000004")])
        XCTAssertTrue(fixture.screen(engine).contains("due 4 Jan 2027 "))
        XCTAssertFalse(fixture.screen(engine).contains("provisional"))
    }
}
