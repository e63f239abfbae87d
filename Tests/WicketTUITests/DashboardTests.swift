import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The supervisor dashboard in the workstation: the figures it shows are the `Report` that
/// `wicket report` prints, Enter drills into exactly the cases behind a figure, Esc comes back,
/// and the screens at 80×24 and 160×45 are kept as snapshots.
final class DashboardTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func dashboard(_ login: String = "sun", width: Int = 100, height: Int = 30) throws -> WorkstationEngine {
        let engine = try fixture.engine(login, width: width, height: height)
        try fixture.press(engine, "B")
        XCTAssertEqual(engine.state.dashboard?.visible, true)
        return engine
    }

    func testShowsTheSameReportAsTheReportCommand() throws {
        let engine = try dashboard()
        let expected = try ReportBuilder(store: fixture.store).build(period: .days(30), department: nil)
        XCTAssertEqual(engine.state.dashboard?.report, expected)
        try fixture.press(engine, "w")
        XCTAssertEqual(engine.state.dashboard?.report, try ReportBuilder(store: fixture.store).build(period: .week))
        try fixture.press(engine, "d")
        XCTAssertEqual(engine.state.dashboard?.report?.department, fixture.store.catalog.departments.first?.code)
        XCTAssertEqual(engine.state.dashboard?.report,
                       try ReportBuilder(store: fixture.store).build(period: .week, department: engine.state.dashboard?.department))
    }

    func testClerksSeeTheirOwnDepartmentOnly() throws {
        let engine = try dashboard("li")
        XCTAssertEqual(engine.state.dashboard?.report?.department, "PSB")
        try fixture.press(engine, "d")
        XCTAssertEqual(engine.state.dashboard?.report?.department, "PSB")
        XCTAssertTrue(engine.state.status.text.contains("own department"), engine.state.status.text)
    }

    func testEnterOnOverdueListsExactlyTheOverdueCases() throws {
        let engine = try dashboard()
        // Tab to the deadlines panel; its first figure is "overdue".
        try fixture.press(engine, "<Tab><Tab>")
        XCTAssertEqual(engine.state.dashboard?.selectedFigure, .overdue)
        try fixture.press(engine, "<Enter>")
        XCTAssertEqual(engine.state.dashboard?.visible, false)
        let overdue = try CaseQueries.list(CaseFilter(level: .overdue, limit: 100), in: fixture.store).map(\.number)
        XCTAssertFalse(overdue.isEmpty, "the fixture has an overdue case")
        XCTAssertEqual(engine.state.inbox.rows.map(\.number).sorted(), overdue.sorted())
        XCTAssertEqual(engine.state.inbox.rows.count, engine.state.dashboard?.report?.overdue)
        XCTAssertTrue(fixture.screen(engine).contains("overdue (\(overdue.count))"), "the figure in the screen's language only")
        // Esc goes back to the dashboard, on the same figure.
        try fixture.press(engine, "<Esc>")
        XCTAssertEqual(engine.state.dashboard?.visible, true)
        XCTAssertEqual(engine.state.dashboard?.selectedFigure, .overdue)
        XCTAssertNil(engine.state.inbox.filters.drillDown)
    }

    func testEveryFigureOnTheDashboardDrillsIntoAsManyCases() throws {
        let engine = try dashboard(width: 160, height: 45)
        let report = try XCTUnwrap(engine.state.dashboard?.report)
        let counts = Dictionary(report.figures.map { ($0.figure, $0.count) }, uniquingKeysWith: { a, _ in a })
        let panels = DashboardContent.panels(report, width: 80, language: .en)
        var seen = 0
        for (panel, content) in panels.enumerated() {
            for (item, target) in content.targets.enumerated() {
                engine.state.dashboard?.panel = panel
                engine.state.dashboard?.item = item
                try fixture.press(engine, "<Enter>")
                XCTAssertEqual(engine.state.inbox.rows.count, counts[target.figure], "\(target.figure)")
                try fixture.press(engine, "<Esc>")
                seen += 1
            }
        }
        XCTAssertGreaterThan(seen, 20)
    }

    func testArrowsAndTabMoveBetweenFigures() throws {
        let engine = try dashboard()
        XCTAssertEqual(engine.state.dashboard?.selectedFigure, .open)
        try fixture.press(engine, "<Down><Down>")
        guard case .statusService = engine.state.dashboard?.selectedFigure else {
            return XCTFail("down from the total reaches the table: \(String(describing: engine.state.dashboard?.selectedFigure))")
        }
        try fixture.press(engine, "<Tab>")
        XCTAssertEqual(engine.state.dashboard?.panel, DashboardContent.queues)
        try fixture.press(engine, "<S-Tab>")
        XCTAssertEqual(engine.state.dashboard?.panel, DashboardContent.backlog)
        try fixture.press(engine, "G")
        XCTAssertEqual(engine.state.dashboard?.panel, DashboardContent.satisfaction)
    }

    func testCustomPeriod() throws {
        let engine = try dashboard()
        try fixture.press(engine, "c2026-11-20..2026-11-27<Enter>")
        XCTAssertEqual(engine.state.dashboard?.report?.periodStart, Day("2026-11-20"))
        XCTAssertEqual(engine.state.dashboard?.report?.intake, 4, "submitted 20, 25, 26 and 27 Nov")
        try fixture.press(engine, "cnonsense<Enter>")
        XCTAssertTrue(engine.state.status.isError)
        XCTAssertNotNil(engine.state.dashboard?.customPeriod)
        try fixture.press(engine, "<Esc>m")
        XCTAssertEqual(engine.state.dashboard?.period, .days(30))
    }

    func testRefreshesWhenAnotherTerminalChangesACase() throws {
        let engine = try dashboard()
        let before = try XCTUnwrap(engine.state.dashboard?.report?.byStatus.first { $0.key == "submitted" }?.count)
        // Another process: its own connection to the same file.
        let other = try CaseStore.open(path: fixture.store.path, clock: fixture.store.clock)
        try Workflow(store: other).perform(ActionRequest(caseNumber: "2026-000001", action: .accept, actor: "li"))
        XCTAssertTrue(engine.pollForChanges())
        XCTAssertEqual(engine.state.dashboard?.report?.byStatus.first { $0.key == "submitted" }?.count, before - 1)
    }

    func testSnapshots() throws {
        let screens: [(String, String)] = [("dashboard", ""), ("dashboard-deadlines", "<Tab><Tab>"),
                                           ("dashboard-flow", "<Tab><Tab><Tab>")]
        for (width, height) in [(80, 24), (160, 45)] {
            for (name, keys) in screens where width == 80 || name == "dashboard" {
                let engine = try dashboard(width: width, height: height)
                try fixture.press(engine, keys)
                let text = fixture.screen(engine)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: line), width, line.description)
                }
                try SnapshotFile.assert(text, named: "\(name)-\(width)x\(height)")
            }
        }
    }

    /// The Chinese dashboard names statuses, channels, roles and the unassigned queue in Chinese:
    /// no code (`in_review`, `online`, `(unassigned)`) on any of its pages.
    func testTheChineseDashboardShowsNoEnglishCodes() throws {
        let codes = Set(CaseStatus.allCases.map(\.rawValue) + CaseAction.allCases.map(\.rawValue)
                        + Role.allCases.map(\.rawValue) + Channel.allCases.map(\.rawValue) + ["unassigned"])
        for (width, height) in [(80, 24), (100, 30), (160, 45)] {
            let engine = try fixture.engine("sun", width: width, height: height)
            engine.state.language = .zh
            try fixture.press(engine, "B")
            for page in 0..<5 {
                let text = fixture.screen(engine)
                let found = text.split { !($0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-")) }.map(String.init).filter { codes.contains($0) }
                XCTAssertEqual(found, [], "page \(page) at \(width)×\(height):\n\(text)")
                try fixture.press(engine, "<Tab>")
            }
        }
    }

    /// The Chinese workstation's own screens — the inbox, a case, its help, a refusal — name
    /// statuses, actions, roles, channels and the reply language in Chinese, never by their codes.
    func testTheChineseWorkstationShowsNoEnglishCodes() throws {
        let codes = Set(CaseStatus.allCases.map(\.rawValue) + CaseAction.allCases.map(\.rawValue)
                        + Role.allCases.map(\.rawValue) + Channel.allCases.map(\.rawValue)
                        + Language.allCases.map(\.rawValue) + ["unassigned"]).subtracting(["admin"]) // the fixture's login
        for keys in ["", "2", "2<Enter>", "2<Enter>?", "5", "2v"] {
            let engine = try fixture.engine("li", width: 160, height: 45)
            engine.state.language = .zh
            try fixture.press(engine, keys)
            let text = fixture.screen(engine)
            let found = text.split { !($0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-")) }.map(String.init).filter { codes.contains($0) }
            XCTAssertEqual(found, [], "after \(keys):\n\(text)")
        }
    }

    /// The same screens in Chinese: every word from the catalog, the columns still aligned.
    func testChineseSnapshots() throws {
        let screens: [(String, String)] = [("dashboard", ""), ("dashboard-deadlines", "<Tab><Tab>"),
                                           ("dashboard-flow", "<Tab><Tab><Tab>"), ("dashboard-satisfaction", "<Tab><Tab><Tab><Tab>")]
        for (width, height) in [(80, 24), (160, 45)] {
            for (name, keys) in screens where width == 80 || name == "dashboard" {
                let engine = try fixture.engine("sun", width: width, height: height)
                engine.state.language = .zh
                try fixture.press(engine, "B" + keys)
                let text = fixture.screen(engine)
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: line), width, line.description)
                }
                try SnapshotFile.assert(text, named: "\(name)-zh-\(width)x\(height)")
            }
        }
    }
}
