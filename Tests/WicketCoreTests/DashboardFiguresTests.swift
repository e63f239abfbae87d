import XCTest
@testable import WicketCore

/// Every figure of the supervisor dashboard, on a small hall run through the real workflow around
/// National Day 2026, worked out by hand.
///
/// The calendar (default 2026): 20 Sep (Sun) is a make-up working day, 25 Sep (Fri) and
/// 1–7 Oct are holidays, 10 Oct (Sat) is a make-up working day. Working days, numbered:
/// 14 Sep=1 15=2 16=3 17=4 18=5 20=6 21=7 22=8 23=9 24=10 28=11 29=12 30=13
/// 8 Oct=14 9=15 10=16 12=17 13=18 14=19 15=20 16=21 19=22 … 27=28 … 30=31 2 Nov=32 3=33.
/// Today is Monday 12 Oct (=17), 10:00; the period is 28 Sep – 12 Oct. HUKOU-MOVE: acceptance 5,
/// limit 20 (PSB); ID-RENEW: acceptance 5, limit 10 (PSB). Yellow at 50 %, red at 90 %.
///
/// | case | story | now |
/// | --- | --- | --- |
/// | A | HUKOU, online, 14 Sep 09:00, never answered: acceptance due 20 Sep | submitted, overdue, breach |
/// | B | HUKOU, mobile, 21 Sep; accepted 22 Sep (li); extended 5 days 29 Sep → due 3 Nov | accepted, normal |
/// | C | ID-RENEW, window, 14 Sep; accepted same day; suspended 16 Sep, resumed 21 Sep (4 days paused) → due 9 Oct | in_review, overdue |
/// | D | HUKOU, online, 8 Oct 09:00; materials 09:30 (zhang); supplement 9 Oct; asked again 10 Oct | awaiting (repeat) |
/// | E | HUKOU, online, 9 Oct 09:00; materials 11:00 (li) | awaiting, oldest |
/// | F | HUKOU, online, 28 Sep 09:00; accepted 10:00 (li); suspended 29 Sep | suspended |
/// | G | HUKOU, online, 28 Sep 10:00; transferred 30 Sep to HEALTH: acceptance due 13 Oct, yellow 10 Oct | HEALTH, yellow |
/// | H | HUKOU, online, 29 Sep 09:00; accepted 13:00 (zhang); approved 30 Sep; delivered online 8 Oct; rated poor 9 Oct | completed online |
/// | I | ID-RENEW, window, 22 Sep 09:00; accepted 09:30; approved 9 Oct (due 13 Oct); delivered at the window; rated good | completed |
/// | J | ID-RENEW, online, 14 Sep; accepted 15 Sep (due 29 Sep); denied 8 Oct (late); rated poor 8 Oct, followed up 9 Oct | denied |
/// | K | HUKOU, online, 21 Sep; rejected 30 Sep (acceptance was due 29 Sep: breach); rated fair | rejected |
/// | L | HUKOU, online, 8 Oct 14:00; rejected 15:00 NOT-REMIT, worded "不属本机关管辖，请到区政务中心" | rejected |
/// | M | HUKOU, online, 10 Oct (Sat, make-up) 09:00; rejected 10:00 "材料不实" (free text) | rejected |
/// | N | HUKOU, phone, 29 Sep 15:00, never answered: acceptance due today 12 Oct | submitted, red |
/// | O | HUKOU, mail, 12 Oct 08:00, not answered yet | submitted, normal |
final class DashboardFiguresTests: XCTestCase {
    var hall: TestHall!
    var cases: [String: String] = [:]
    let period = ReportPeriod("2026-09-28..2026-10-12")!

    override func setUpWithError() throws {
        hall = try TestHall(now: "2026-09-14T09:00:00+08:00")
        try buildHall()
    }

    override func tearDown() { hall.remove() }

    func at(_ time: String) { hall.clock.set("2026-\(time):00+08:00") }

    func submit(_ name: String, _ time: String, service: String = "HUKOU-MOVE", channel: Channel = .online) throws {
        at(time)
        cases[name] = try hall.submit(service: service, channel: channel,
                                      materials: service == "ID-RENEW" ? ["PHOTO"] : ["ID-CARD"], name: "申请人\(name)").number
    }

    func act(_ name: String, _ action: CaseAction, at time: String, as actor: String = "li",
             _ configure: (inout ActionRequest) -> Void = { _ in }) throws {
        at(time)
        try hall.act(cases[name]!, action, as: actor, configure)
    }

    func buildHall() throws {
        try submit("A", "09-14T09:00")
        try submit("C", "09-14T09:00", service: "ID-RENEW", channel: .window)
        try act("C", .accept, at: "09-14T11:00")
        try submit("J", "09-14T10:00", service: "ID-RENEW")
        try act("J", .accept, at: "09-15T09:00")
        try act("C", .startReview, at: "09-15T10:00")
        try act("J", .startReview, at: "09-15T10:00")
        try act("C", .suspend, at: "09-16T10:00") { $0.reason = "需现场核查" }
        try submit("B", "09-21T09:00", channel: .mobile)
        try submit("K", "09-21T09:00")
        try act("C", .resume, at: "09-21T10:00")
        try submit("I", "09-22T09:00", service: "ID-RENEW", channel: .window)
        try act("I", .accept, at: "09-22T09:30", as: "zhang")
        try act("B", .accept, at: "09-22T10:00")
        try act("I", .startReview, at: "09-22T10:00", as: "zhang")
        try submit("F", "09-28T09:00")
        try act("F", .accept, at: "09-28T10:00")
        try submit("G", "09-28T10:00")
        try submit("H", "09-29T09:00")
        try act("H", .accept, at: "09-29T13:00", as: "zhang")
        try act("H", .startReview, at: "09-29T14:00", as: "zhang")
        try act("B", .extend, at: "09-29T15:00", as: "sup") { $0.reason = "需补充调查"; $0.days = 5 }
        try act("F", .suspend, at: "09-29T16:00") { $0.reason = "专家评审" }
        try submit("N", "09-29T15:00", channel: .phone)
        try act("H", .approve, at: "09-30T09:00", as: "zhang")
        try act("K", .reject, at: "09-30T14:00") { $0.reasonCode = "NOT-REMIT" }
        try act("G", .transfer, at: "09-30T15:00", as: "sup") { $0.reason = "属卫健委职责"; $0.target = "HEALTH" }
        try submit("D", "10-08T09:00")
        try act("D", .requestMaterials, at: "10-08T09:30", as: "zhang")
        try act("H", .deliver, at: "10-08T10:00", as: "zhang") { $0.atWindow = false }
        try act("J", .deny, at: "10-08T11:00") { $0.reason = "不符合换领条件" }
        try act("J", .rate, at: "10-08T12:00", as: "sup") { $0.rating = .poor }
        try act("K", .rate, at: "10-08T12:00", as: "sup") { $0.rating = .fair }
        try submit("L", "10-08T14:00")
        try act("L", .reject, at: "10-08T15:00") {
            $0.reasonCode = "NOT-REMIT"
            $0.reason = "不属本机关管辖，请到区政务中心"
        }
        try submit("E", "10-09T09:00")
        try act("D", .supplement, at: "10-09T10:00", as: "zhang") { $0.materials = ["APPLICATION"] }
        try act("E", .requestMaterials, at: "10-09T11:00")
        try act("J", .followUp, at: "10-09T14:00", as: "sup") { $0.text = "已电话回访，解释换领条件" }
        try act("H", .rate, at: "10-09T15:00", as: "sup") { $0.rating = .poor }
        try act("I", .approve, at: "10-09T16:00", as: "zhang")
        try act("I", .deliver, at: "10-09T17:00", as: "zhang") { $0.atWindow = true }
        try submit("M", "10-10T09:00")
        try act("M", .reject, at: "10-10T10:00") { $0.reason = "材料不实" }
        try act("D", .requestMaterials, at: "10-10T11:00", as: "zhang")
        try act("I", .rate, at: "10-10T12:00", as: "sup") { $0.rating = .good }
        try submit("O", "10-12T08:00", channel: .mail)
        at("10-12T10:00")
    }

    func n(_ names: String...) -> [String] { names.map { cases[$0]! }.sorted() }

    func testBacklogFigures() throws {
        let report = try ReportBuilder(store: hall.store).build(period: period)
        XCTAssertEqual(report.periodStart, Day("2026-09-28"))
        XCTAssertEqual(report.periodEnd, Day("2026-10-12"))
        XCTAssertEqual(report.openTotal, 9, "A B C D E F G N O")
        XCTAssertEqual(report.byStatus, [.init(key: "submitted", count: 4), .init(key: "awaiting_materials", count: 2),
                                         .init(key: "accepted", count: 1), .init(key: "in_review", count: 1),
                                         .init(key: "suspended", count: 1)])
        XCTAssertEqual(report.byService, [.init(key: "HUKOU-MOVE", count: 8), .init(key: "ID-RENEW", count: 1)])
        XCTAssertEqual(report.byStatusAndService.map { "\($0.status)/\($0.service)=\($0.count)" }, [
            "accepted/HUKOU-MOVE=1", "awaiting_materials/HUKOU-MOVE=2", "in_review/ID-RENEW=1",
            "submitted/HUKOU-MOVE=4", "suspended/HUKOU-MOVE=1",
        ])
        // li holds B C E F; zhang holds D; A, N and O were never answered, G lost its holder in the transfer.
        XCTAssertEqual(report.byClerk, [.init(key: "(unassigned)", count: 4), .init(key: "li", count: 4),
                                        .init(key: "zhang", count: 1)])
        XCTAssertEqual(report.byChannel, [.init(key: "online", count: 5), .init(key: "mail", count: 1),
                                          .init(key: "mobile", count: 1), .init(key: "phone", count: 1),
                                          .init(key: "window", count: 1)])
        // Working days in (submitted, 12 Oct]: O 0; E 2 (10 Sat, 12); D 3; N 5 (30, 8, 9, 10, 12); F and G 6;
        // B 10 (22 Sep … 12 Oct); A and C 16 (15 Sep … 12 Oct, the make-up Sunday 20 Sep included).
        XCTAssertEqual(report.aging.map(\.count), [1, 2, 3, 1, 2])
        XCTAssertEqual(report.aging.map(\.key), ["0-1", "2-3", "4-7", "8-15", "16+"])
    }

    func testDeadlineFigures() throws {
        let report = try ReportBuilder(store: hall.store).build(period: period)
        XCTAssertEqual(report.overdue, 2, "A (acceptance due 20 Sep) and C (due 9 Oct after 4 paused days)")
        XCTAssertEqual(report.red, 1, "N: acceptance due today, and the due day itself is red")
        XCTAssertEqual(report.yellow, 1, "G in HEALTH: yellow from 10 Oct, red from 13 Oct")
        XCTAssertEqual(report.acceptanceOverdue, 1, "A")
        XCTAssertEqual(report.awaitingMaterials, 2)
        XCTAssertEqual(report.oldestAwaitingMaterials, cases["E"], "E waits since 9 Oct, D was asked again on 10 Oct")
        XCTAssertEqual(report.suspended, 1)
        XCTAssertEqual(report.oldestSuspended, cases["F"])
        XCTAssertEqual(report.extensionsGranted, 1, "B on 29 Sep")
        XCTAssertEqual(try hall.record(cases["B"]!).marks?.dueOn, Day("2026-11-03"), "22 Sep + 25 working days")
        XCTAssertEqual(try hall.record(cases["C"]!).marks?.dueOn, Day("2026-10-09"), "14 Sep + 10 + 4 paused")
    }

    static let notRemit = Bilingual(en: "Not within this office's remit", zh: "申请事项不属于本机关职权范围")

    func testFlowFigures() throws {
        let report = try ReportBuilder(store: hall.store).build(period: period)
        XCTAssertEqual(report.intake, 9, "F G H N D L E M O")
        XCTAssertEqual(report.intakePerDay.count, 15)
        let intake = Dictionary(uniqueKeysWithValues: report.intakePerDay.filter { $0.count > 0 }.map { ($0.key, $0.count) })
        XCTAssertEqual(intake, ["2026-09-28": 2, "2026-09-29": 2, "2026-10-08": 2, "2026-10-09": 1, "2026-10-10": 1,
                                "2026-10-12": 1])
        let completed = Dictionary(uniqueKeysWithValues: report.completedPerDay.filter { $0.count > 0 }.map { ($0.key, $0.count) })
        XCTAssertEqual(completed, ["2026-10-08": 1, "2026-10-09": 1])
        // First answers of cases submitted in the period: D 0.5 h, F 1, L 1, M 1, E 2, H 4 (G, N, O none yet).
        XCTAssertEqual(report.firstResponseMedianHours, 1)
        XCTAssertEqual(report.firstResponseP90Hours, 4)
        XCTAssertEqual(report.decided, 3, "H and I approved, J denied")
        XCTAssertEqual(report.decidedOnTime, 2, "J was due 29 Sep")
        XCTAssertEqual(report.onTimeRate!, 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(report.completed, 2)
        XCTAssertEqual(report.completedOnline, 1, "H; I was handed over at the window")
        XCTAssertEqual(report.onlineCompletionRate, 0.5)
        // One row per standard reason however it was worded; free text under "other reasons".
        XCTAssertEqual(report.rejectionsByReason, [.init(key: "NOT-REMIT", count: 2, name: Self.notRemit),
                                                   .init(key: Report.otherReasons, count: 1, name: Report.otherReasonsName)])
        XCTAssertEqual(report.rejectionsByReason.map(\.nameZh), ["申请事项不属于本机关职权范围", "其他原因"])
        XCTAssertEqual(report.repeatedMaterialsRequests, 1, "D")
        XCTAssertEqual(report.acceptanceBreaches, 2, "K answered late on 30 Sep; A still unanswered past its limit")
    }

    func testSatisfactionFigures() throws {
        let report = try ReportBuilder(store: hall.store).build(period: period)
        XCTAssertEqual(report.ratingsGood, 1)
        XCTAssertEqual(report.ratingsFair, 1)
        XCTAssertEqual(report.ratingsPoor, 2)
        XCTAssertEqual(report.poorWithoutFollowUp, [cases["H"]!], "J's poor rating was followed up")
    }

    func testOneDepartmentAndClerks() throws {
        let psb = try ReportBuilder(store: hall.store).build(period: period, department: "PSB")
        XCTAssertEqual(psb.openTotal, 8, "G went to HEALTH")
        XCTAssertEqual(psb.yellow, 0)
        XCTAssertEqual(psb.intake, 8)
        let health = try ReportBuilder(store: hall.store).build(period: period, department: "HEALTH")
        XCTAssertEqual(health.openTotal, 1)
        XCTAssertEqual(health.yellow, 1)
        XCTAssertEqual(health.completed, 0)
        let li = try XCTUnwrap(try Administration(store: hall.store).user("li"))
        let sup = try XCTUnwrap(try Administration(store: hall.store).user("sup"))
        XCTAssertEqual(try ReportAccess.department(for: li, requested: nil), "PSB")
        XCTAssertEqual(try ReportAccess.department(for: li, requested: "PSB"), "PSB")
        XCTAssertThrowsError(try ReportAccess.department(for: li, requested: "HEALTH"))
        XCTAssertNil(try ReportAccess.department(for: sup, requested: nil))
        XCTAssertEqual(try ReportAccess.department(for: sup, requested: "HEALTH"), "HEALTH")
    }

    /// Drill-down: each figure's filter lists exactly as many cases as the figure says, and the
    /// named ones are exactly the cases worked out above.
    func testEveryFigureDrillsDownToExactlyItsCases() throws {
        for department in [nil, "PSB", "HEALTH"] {
            let report = try ReportBuilder(store: hall.store).build(period: period, department: department)
            let scope = ReportScope(store: hall.store, period: period, department: department)
            for (figure, count) in report.figures {
                let listed = try CaseQueries.list(scope.filter(for: figure), in: hall.store)
                XCTAssertEqual(listed.count, count, "\(figure) in \(department ?? "all")")
            }
        }
        let scope = ReportScope(store: hall.store, period: period, department: nil)
        func numbers(_ figure: ReportFigure) throws -> [String] {
            try CaseQueries.list(scope.filter(for: figure), in: hall.store).map(\.number).sorted()
        }
        XCTAssertEqual(try numbers(.overdue), n("A", "C"))
        XCTAssertEqual(try numbers(.red), n("N"))
        XCTAssertEqual(try numbers(.yellow), n("G"))
        XCTAssertEqual(try numbers(.acceptanceOverdue), n("A"))
        XCTAssertEqual(try numbers(.acceptanceBreaches), n("A", "K"))
        XCTAssertEqual(try numbers(.extensionsGranted), n("B"))
        XCTAssertEqual(try numbers(.clerk("li")), n("B", "C", "E", "F"))
        XCTAssertEqual(try numbers(.clerk(nil)), n("A", "G", "N", "O"))
        XCTAssertEqual(try numbers(.aging(.upTo3)), n("D", "E"))
        XCTAssertEqual(try numbers(.aging(.upTo7)), n("F", "G", "N"))
        XCTAssertEqual(try numbers(.aging(.upTo15)), n("B"))
        XCTAssertEqual(try numbers(.aging(.over15)), n("A", "C"))
        XCTAssertEqual(try numbers(.statusService(.submitted, "HUKOU-MOVE")), n("A", "G", "N", "O"))
        XCTAssertEqual(try numbers(.completedOnline), n("H"))
        XCTAssertEqual(try numbers(.decided), n("H", "I", "J"))
        XCTAssertEqual(try numbers(.rejections(code: "NOT-REMIT", name: Self.notRemit)), n("K", "L"))
        XCTAssertEqual(try numbers(.rejections(code: Report.otherReasons, name: Report.otherReasonsName)), n("M"))
        XCTAssertEqual(try numbers(.repeatedMaterialsRequests), n("D"))
        XCTAssertEqual(try numbers(.rated(.poor)), n("H", "J"))
        XCTAssertEqual(try numbers(.poorWithoutFollowUp), n("H"))
        XCTAssertEqual(try numbers(.intakeOn(Day("2026-09-28")!)), n("F", "G"))
    }

    func testJSONWritesAbsentValuesAsNull() throws {
        let empty = try TestHall(now: "2026-10-12T10:00:00+08:00")
        defer { empty.remove() }
        let report = try ReportBuilder(store: empty.store).build(period: .today)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as! [String: Any]
        XCTAssertTrue(object["firstResponseMedianHours"] is NSNull)
        XCTAssertTrue(object["oldestSuspended"] is NSNull)
        XCTAssertTrue(object["department"] is NSNull)
        XCTAssertEqual(try JSONDecoder().decode(Report.self, from: JSONEncoder().encode(report)), report)
    }
}
