import XCTest
@testable import WicketCore

/// The dashboard and the inbox tab counts read tallies and index ranges, never the whole cases,
/// history or ratings table: at a million cases a full scan is the difference between instant
/// and a pause (see wicket-bench). The tallies themselves are small and may be read whole.
final class TallyQueryPlanTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws {
        hall = try TestHall()
        for _ in 0..<3 { try hall.submit() }
    }

    override func tearDown() { hall.remove() }

    /// Every query the report and the tab counts run, with arguments of the right shape.
    var queries: [(String, String, [DatabaseBindable])] {
        let day: [DatabaseBindable] = ["2026-11-27", "PSB", "2026-10-29", "2026-11-27"]
        let instants: [DatabaseBindable] = ["2026-11-27", "PSB", "2026-10-28T16:00:00Z", "2026-11-27T16:00:00Z"]
        return [
            ("backlog cells", TallyReader.backlogCells, day),
            ("by clerk", TallyReader.byClerk, day + [Report.unassigned]),
            ("by channel", TallyReader.byChannel, day),
            ("levels", TallyReader.levels, day),
            ("period totals", TallyReader.periodTotals, day + TallyReader.periodKinds),
            ("per day", TallyReader.perDay, day),
            ("aging", TallyReader.aging, day + ["2026-11-26", "2026-11-21", "2026-11-11", "2026-10-21"]),
            ("tab counts", InboxTabCounts.openSQL, ["2026-11-27", "PSB", "li"]),
            ("warnings tab", InboxTabCounts.warningsSQL, ["2026-11-27", "PSB"]),
            ("first responses", FirstResponses.sql, instants),
            ("breaches answered late", ReportBuilder.breachesAnsweredLate, instants),
            ("oldest awaiting", ReportBuilder.oldest(.awaitingMaterials), instants),
            ("oldest suspended", ReportBuilder.oldest(.suspended), instants),
            ("poor without follow-up", ReportBuilder.poorWithoutFollowUp, instants),
        ]
    }

    func plan(_ sql: String, _ arguments: [DatabaseBindable]) throws -> [String] {
        try hall.store.db.query("EXPLAIN QUERY PLAN " + sql, arguments: arguments, allowingUnused: true)
            .map { $0.string("detail") }
    }

    func testNoQueryScansCasesHistoryOrRatings() throws {
        for department in ["PSB", nil] as [String?] {
            for (name, sql, arguments) in queries {
                var bound = arguments
                bound[1] = department
                let lines = try plan(sql, bound)
                XCTAssertFalse(lines.isEmpty, name)
                for line in lines {
                    let scanned = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                    let bigTable = ["cases", "history", "ratings", "c", "h", "r"].contains(scanned)
                    XCTAssertFalse(line.hasPrefix("SCAN") && bigTable && !line.contains("INDEX"),
                                   "\(name): full scan: \(line)\n\(lines)")
                }
            }
        }
    }

    func testPeriodFiguresReadOnlyThePeriodsDays() throws {
        for (name, sql, arguments) in queries where name == "period totals" || name == "per day" {
            let lines = try plan(sql, arguments)
            XCTAssertTrue(lines.contains { $0.hasPrefix("SEARCH tally_days") && $0.contains("day>?") }, "\(name): \(lines)")
        }
    }

    func testPeriodFiguresReadTheirIndexes() throws {
        let expected = [("first responses", "cases_by_submitted"), ("breaches answered late", "history_acceptance_breaches"),
                        ("oldest awaiting", "cases_waiting_since"), ("oldest suspended", "cases_paused_since")]
        for (name, index) in expected {
            let (_, sql, arguments) = queries.first { $0.0 == name }!
            let lines = try plan(sql, arguments)
            XCTAssertTrue(lines.contains { $0.contains(index) }, "\(name) should read \(index): \(lines)")
        }
    }
}
