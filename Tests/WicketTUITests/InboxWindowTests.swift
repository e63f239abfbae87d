import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The inbox holds a window of its list: moving through a list longer than the window, key by
/// key or page by page, in either direction, visits every case exactly once in list order, and
/// the ends of the list are one key away.
final class InboxWindowTests: XCTestCase {
    nonisolated(unsafe) static var directory: URL!
    nonisolated(unsafe) static var store: CaseStore!

    override class func setUp() {
        super.setUp()
        do {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-window-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let clock = WallClock.fixed(Timestamp.parse("2026-11-27T10:00:00+08:00")!)
            store = try CaseStore.create(path: directory.appendingPathComponent("hall.db").path, creator: "admin", clock: clock)
            try store.setSetting("demo", "1")
            var generator = DemoGenerator(store: store, demoLogin: "li", caseCount: 1_100)
            generator.spanDays = 60
            try generator.run { _ in }
        } catch {
            // XCTFail in a class-level setUp is dropped by the Linux XCTest: keep the error and fail each test with it.
            setUpError = error
        }
    }

    nonisolated(unsafe) static var setUpError: Error?

    override func setUpWithError() throws {
        if let error = Self.setUpError { throw error }
    }

    override class func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
        super.tearDown()
    }

    var store: CaseStore { Self.store }

    func supervisor() throws -> String {
        try XCTUnwrap(store.db.scalarString("SELECT login FROM users WHERE role = 'supervisor' AND active = 1 LIMIT 1"))
    }

    func wholeList() throws -> [String] {
        try CaseQueries.list(CaseFilter(limit: 100_000), in: store).map(\.number)
    }

    func selected(_ engine: WorkstationEngine) -> String? { engine.state.inbox.selectedCase?.number }

    func testKeyByKeyDownAndUpVisitsEveryCaseInOrder() throws {
        let expected = try wholeList()
        XCTAssertGreaterThan(expected.count, WorkstationEngine.windowRows * 2, "the list must be longer than the window")
        let engine = try WorkstationEngine(store: store, login: try supervisor(), width: 100, height: 30)
        XCTAssertEqual(engine.state.inbox.tab, .all)
        XCTAssertEqual(engine.state.inbox.total, expected.count)
        XCTAssertLessThanOrEqual(engine.state.inbox.rows.count, WorkstationEngine.windowRows)
        var down = [selected(engine)]
        for _ in 1..<expected.count { engine.handle(.character("j")) ; down.append(selected(engine)) }
        XCTAssertEqual(down, expected)
        engine.handle(.character("j"))
        XCTAssertEqual(selected(engine), expected.last, "the last case stays selected")
        var up = [selected(engine)]
        for _ in 1..<expected.count { engine.handle(.character("k")); up.append(selected(engine)) }
        XCTAssertEqual(up, expected.reversed())
        XCTAssertLessThanOrEqual(engine.state.inbox.rows.count, WorkstationEngine.windowRows)
    }

    func testPagesAndEndsReachEveryPartOfTheList() throws {
        let expected = try wholeList()
        let engine = try WorkstationEngine(store: store, login: try supervisor(), width: 100, height: 30)
        engine.handle(.character("G"))
        XCTAssertEqual(selected(engine), expected.last)
        _ = engine.render()
        engine.handle(.character("g"))
        XCTAssertEqual(selected(engine), expected.first)
        let page = Layout.inboxRowsVisible(engine.state)
        var position = 0
        while position + page < expected.count {
            engine.handle(.pageDown)
            position += page
            XCTAssertEqual(selected(engine), expected[position], "page down to \(position)")
        }
        engine.handle(.character("G"))
        position = expected.count - 1
        while position - page >= 0 {
            engine.handle(.pageUp)
            position -= page
            XCTAssertEqual(selected(engine), expected[position], "page up to \(position)")
        }
    }

    func testScreenShowsTheSelectedRowAfterTheWindowMoves() throws {
        let expected = try wholeList()
        let engine = try WorkstationEngine(store: store, login: try supervisor(), width: 100, height: 30)
        for _ in 0..<(WorkstationEngine.windowRows + 10) { engine.handle(.character("j")) }
        var surface = MemorySurface(width: engine.state.width, height: engine.state.height, measure: engine.state.measure)
        let (frame, cursor) = engine.render()
        surface.present(frame, cursor: cursor)
        let screen = surface.text
        XCTAssertTrue(screen.contains(expected[WorkstationEngine.windowRows + 10]), screen)
        XCTAssertTrue(screen.contains(expected[WorkstationEngine.windowRows + 10 - 5]), "the rows above stay on screen\n\(screen)")
    }

    func testSearchStepsToMatchesBeyondTheRowsHeld() throws {
        let login = try supervisor()
        let list = try CaseQueries.list(CaseFilter(limit: 100_000), in: store)
        // A case far down the list, found by its own number.
        let far = list[list.count - 3]
        let engine = try WorkstationEngine(store: store, login: login, width: 100, height: 30)
        XCTAssertFalse(engine.state.inbox.rows.contains { $0.number == far.number })
        engine.handle(.character("/"))
        for character in far.number { engine.handle(.character(character)) }
        engine.handle(.enter)
        XCTAssertEqual(selected(engine), far.number, "the search jumps to the match beyond the rows held")
        var surface = MemorySurface(width: engine.state.width, height: engine.state.height, measure: engine.state.measure)
        let (frame, cursor) = engine.render()
        surface.present(frame, cursor: cursor)
        XCTAssertTrue(surface.text.contains("/\(far.number) 1+"), "more of the list lies beyond the rows held\n\(surface.text)")
        XCTAssertTrue(engine.state.inbox.matches.contains(far.number))
        engine.handle(.character("g"))
        XCTAssertEqual(selected(engine), list.first?.number)
        engine.handle(.character("n"))
        XCTAssertEqual(selected(engine), far.number, "n finds it again from the top")
        engine.handle(.character("n"))
        XCTAssertEqual(selected(engine), far.number, "the only match: n wraps around to it")
    }

    /// The tab counts come from the tallies; they must be what each tab lists.
    func testTabCountsAreWhatEachTabLists() throws {
        let clerk = try XCTUnwrap(store.db.scalarString(
            "SELECT holder FROM cases WHERE holder IS NOT NULL GROUP BY holder ORDER BY count(*) DESC LIMIT 1"))
        for login in [clerk, try supervisor()] {
            let engine = try WorkstationEngine(store: store, login: login, width: 100, height: 30)
            for tab in InboxTab.allCases {
                if tab == .consultations {
                    // Not cases: the open consultations this user sees.
                    let open = try ConsultationQueries.open(in: store, for: CaseAccess.check(login, in: store), limit: 100_000)
                    XCTAssertEqual(engine.state.tabCounts[tab], open.count, "\(login) \(tab)")
                    continue
                }
                var filter = engine.filter(for: tab)
                filter.limit = 100_000
                XCTAssertEqual(engine.state.tabCounts[tab], try CaseQueries.list(filter, in: store).count, "\(login) \(tab)")
            }
        }
    }
}
