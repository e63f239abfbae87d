import XCTest
@testable import WicketCore

/// Findings of a review of the keyset inbox, the tallies and bulk import.
final class ReviewFindingsTests: XCTestCase {
    /// A case keeps the limit it was accepted under. When the catalog later promises less (or
    /// drops the service), the case's yellow span is longer than the catalog's longest, and the
    /// urgency segments' bound on due days must still find it: it must stay in the inbox.
    func testCaseAcceptedUnderALongerLimitStaysInTheInboxWhenTheCatalogShortensIt() throws {
        let hall = try TestHall(now: "2026-03-02T10:00:00+08:00")
        defer { hall.remove() }
        let admin = Administration(store: hall.store)
        let original = DefaultCatalog.catalog
        var longer = original
        longer.services = original.services.map { item in
            guard item.code == "HUKOU-MOVE" else { return item }
            return ServiceItem(code: item.code, nameZh: item.nameZh, nameEn: item.nameEn, department: item.department,
                               acceptanceLimitDays: item.acceptanceLimitDays, legalLimitDays: 60, promisedLimitDays: 60,
                               extensionMaxDays: item.extensionMaxDays, fullyOnline: item.fullyOnline, fee: item.fee,
                               materials: item.materials)
        }
        try admin.loadCatalog(longer)
        let number = try hall.submit().number
        try hall.act(number, .accept)
        XCTAssertEqual(try hall.record(number).limitDays, 60)
        try admin.loadCatalog(original)

        // Some days into yellow: 30 working days used of 60, the due day some 40 calendar days off.
        let marks = try XCTUnwrap(hall.record(number).marks)
        hall.clock.set("\(marks.yellowOn.adding(days: 2))T10:00:00+08:00")
        XCTAssertEqual(marks.level(on: hall.store.today), .yellow)

        var warnings = CaseFilter()
        warnings.warningsOnly = true
        XCTAssertEqual(try CaseQueries.count(warnings, in: hall.store), 1)
        XCTAssertEqual(try CaseQueries.list(warnings, in: hall.store).map(\.number), [number], "Warnings tab")
        XCTAssertEqual(try CaseQueries.list(CaseFilter(), in: hall.store).map(\.number), [number], "All tab")
        XCTAssertEqual(try CaseQueries.list(CaseFilter(level: .yellow), in: hall.store).map(\.number), [number], "yellow")
    }

    /// Another process lowers the yellow share and recomputes the clocks: this process still
    /// holds the old thresholds, and must still list every warning it counts.
    func testWarningsStayListedWhenAnotherProcessChangesTheThresholds() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        for _ in 0..<4 { try hall.act(try hall.submit().number, .accept) }
        let other = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        try other.setSetting("yellow_percent", "1")
        try other.setSetting("red_percent", "2")
        _ = try Administration(store: other).recomputeOpenClocks()
        hall.clock.set("2026-12-01T10:00:00+08:00")
        XCTAssertEqual(hall.store.thresholds.yellowPercent, 50, "this process has not re-read the settings")
        var warnings = CaseFilter()
        warnings.warningsOnly = true
        let counted = try CaseQueries.count(warnings, in: hall.store)
        XCTAssertEqual(counted, 4)
        XCTAssertEqual(try CaseQueries.list(warnings, in: hall.store).count, counted)
        XCTAssertEqual(try CaseQueries.list(CaseFilter(level: .red), in: hall.store).count,
                       try CaseQueries.count(CaseFilter(level: .red), in: hall.store))
    }
}
