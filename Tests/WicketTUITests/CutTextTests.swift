import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Text that does not fit is cut with "…" (by display width, never splitting a wide glyph), so a
/// clerk sees that something is missing; a figure is never cut into a different-looking number.
final class CutTextTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func rows(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    func testALongResultLineEndsWithAnEllipsis() throws {
        for language in [Language.en, .zh] {
            let engine = try fixture.engine(width: 60, height: 16)
            engine.state.language = language
            let long = language == .zh
                ? "2026-000001：已受理，时限开始计算；已向申请人发送受理通知，预计在二〇二六年十二月二十四日前作出决定"
                : "2026-000001: accepted; the time limit starts now and a notice of acceptance went to the applicant by SMS"
            engine.state.status = StatusMessage(text: long, isError: false)
            let last = try XCTUnwrap(rows(fixture.screen(engine)).last)
            XCTAssertTrue(last.hasSuffix("…"), "\(language): \(last)")
            XCTAssertEqual(last, DisplayWidth.standard.truncate(long, toWidth: 60))
        }
    }

    /// A tab's count is never cut ("5 All 12" must not read "5 All 1"): a tab is drawn whole (the
    /// failed replies' also as "6 ✗12"), and where the next one has no room the bar ends with "…".
    func testTabCountsAreShownWholeOrNotAtAll() throws {
        for language in [Language.en, .zh] {
            for width in 60...100 {
                let engine = try fixture.engine(width: width, height: 24)
                engine.state.language = language
                for tab in InboxTab.allCases { engine.state.tabCounts[tab] = 12 }
                let bar = try XCTUnwrap(rows(fixture.screen(engine)).first)
                var missing = false
                for tab in InboxTab.allCases {
                    let label = "\(tab.rawValue + 1) \(tab.title(language)) 12"
                    if bar.contains(label) { continue }
                    // The failed replies' tab may stand as its mark and whole count instead.
                    if tab == .failedReplies && bar.hasSuffix(" \(tab.rawValue + 1) ✗12") { continue }
                    missing = true
                    XCTAssertFalse(bar.contains("\(tab.rawValue + 1) \(tab.title(language).prefix(1))"),
                                   "\(language) at \(width): a cut tab in \(bar)")
                }
                if missing { XCTAssertTrue(bar.hasSuffix("…"), "\(language) at \(width): \(bar)") }
            }
        }
    }

    func testHelpLinesThatDoNotFitEndWithAnEllipsis() throws {
        for language in [Language.en, .zh] {
            let engine = try fixture.engine(width: 60, height: 16)
            engine.state.language = language
            try fixture.press(engine, "?")
            let screen = fixture.screen(engine)
            // The help box is 58 wide at 60 columns: keys in 26, the words in the 29 after them.
            let entry = try XCTUnwrap(HelpText.lines(for: .inbox, keys: engine.state.keys).first { $0.keys.hasPrefix("1 2 3") })
            let words = try XCTUnwrap(entry.text?.text(language))
            XCTAssertGreaterThan(DisplayWidth.standard.width(of: words), 29)
            let cut = DisplayWidth.standard.truncate(words, toWidth: 29)
            XCTAssertTrue(cut.hasSuffix("…") || cut.hasSuffix("… "), cut)
            XCTAssertTrue(screen.contains(cut), "\(language): expected \(cut) in\n\(screen)")
        }
    }

    func testADialogsHeaderLineThatDoesNotFitEndsWithAnEllipsis() throws {
        for language in [Language.en, .zh] {
            let engine = try fixture.engine(width: 60, height: 16)
            engine.state.language = language
            try fixture.press(engine, "2m") // request materials on the first unassigned case
            guard case .materials = engine.state.overlay else { return XCTFail("m opens the checklist dialog") }
            let screen = fixture.screen(engine)
            let keys = UIText.materialsKeys.text(language)
            let cut = DisplayWidth.standard.truncate(keys, toWidth: 56)
            XCTAssertTrue(cut.contains("…"), cut)
            XCTAssertTrue(screen.contains(cut), "\(language): expected \(cut) in\n\(screen)")
        }
    }

    /// At every width, in both languages, on every page: the first answer's p90 and the busiest
    /// day's figure are shown whole (never `p90 7.` or `max 1/da`), and a cut label ends with "…".
    func testDashboardFiguresAreNeverCutIntoAnotherNumber() throws {
        for language in [Language.en, .zh] {
            for width in Array(stride(from: 60, through: 200, by: 10)) + [99, 101, 105, 149, 151, 155, 159] {
                let engine = try fixture.engine("sun", width: width, height: 45)
                engine.state.language = language
                try fixture.press(engine, "B")
                let report = try XCTUnwrap(engine.state.dashboard?.report)
                let p90 = DashboardContent.hours(report.firstResponseP90Hours, language)
                let perDay = UIText.dashPerDay.format(language, max(report.intakePerDay.map(\.count).max() ?? 0,
                                                                    report.completedPerDay.map(\.count).max() ?? 0))
                for _ in 0..<5 {
                    for row in rows(fixture.screen(engine)) {
                        // The cases' first answer; the consultations' line has a p90 of its own.
                        let consultLine = UIText.dashConsultAnswerHours.text(language).prefix(4)
                        if row.contains("p90"), !row.contains(consultLine) {
                            XCTAssertTrue(row.contains("p90 " + p90), "\(language) at \(width): \(row)")
                        }
                        if row.contains(" · " + perDay.prefix(2)) {
                            XCTAssertTrue(row.contains(perDay), "\(language) at \(width): \(row)")
                        }
                    }
                    try fixture.press(engine, "<Tab>")
                }
            }
        }
    }
}
