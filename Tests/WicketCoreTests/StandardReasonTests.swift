import Foundation
import XCTest
@testable import WicketCore

/// Issue 12: reject and deny reasons from the catalog's standard list, kept with the event (the
/// code in its details, in the one transaction), editable words, and figures that count the
/// standard reason rather than each wording.
final class StandardReasonTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func lastEvent(_ number: String) throws -> CaseDetail.HistoryEvent {
        try XCTUnwrap(try CaseDetail.load(number: number, in: hall.store).history.last)
    }

    func testTheDefaultCatalogHasHallWideReasonsAndAnItemsOwn() {
        let catalog = hall.store.catalog
        let reject = catalog.reasons(for: .reject, service: "HUKOU-MOVE").map(\.code)
        XCTAssertTrue(reject.contains("NOT-REMIT") && reject.contains("NOT-ELIGIBLE") && reject.contains("STILL-INCOMPLETE")
                      && reject.contains("NO-PERMIT-NEEDED"), "\(reject)")
        let denyFood = catalog.reasons(for: .deny, service: "FOOD-LIC").map(\.code)
        let denyHukou = catalog.reasons(for: .deny, service: "HUKOU-MOVE").map(\.code)
        XCTAssertTrue(denyFood.contains("CONDITIONS-NOT-MET") && denyFood.contains("UNTRUE-MATERIALS"))
        XCTAssertTrue(denyFood.contains("PREMISES-UNFIT"))
        XCTAssertFalse(denyHukou.contains("PREMISES-UNFIT"), "an item's own reason is offered on that item only")
        XCTAssertEqual(catalog.reasons(for: .accept, service: nil), [])
        for reason in catalog.reasons {
            XCTAssertTrue(StandardReason.isValidCode(reason.code), reason.code)
            XCTAssertFalse(reason.nameZh.contains { $0.isASCII && $0.isLetter }, "Chinese without English codes: \(reason.nameZh)")
        }
    }

    func testACodeAloneGivesTheWordsInTheCasesLanguageAndIsStoredWithTheEvent() throws {
        let zh = try hall.submit(language: .zh)
        let en = try hall.submit(name: "John Smith", language: .en)
        let outcome = try hall.act(zh.number, .reject) { $0.reasonCode = "NOT-REMIT" }
        try hall.act(en.number, .reject) { $0.reasonCode = "NOT-ELIGIBLE" }
        let event = try lastEvent(zh.number)
        XCTAssertEqual(event.id, outcome.historyEventID)
        XCTAssertEqual(event.reason, "申请事项不属于本机关职权范围")
        XCTAssertTrue(event.details.contains("\"reason_code\":\"NOT-REMIT\""), event.details)
        XCTAssertEqual(try lastEvent(en.number).reason, "The applicant is not eligible to apply")
        // The notice to the applicant carries the reason too.
        let body = try XCTUnwrap(try CaseDetail.load(number: zh.number, in: hall.store).messages.last?.body)
        XCTAssertTrue(body.contains("申请事项不属于本机关职权范围"), body)
    }

    func testEditedWordsKeepTheCode() throws {
        let record = try hall.submit()
        try hall.act(record.number, .reject) {
            $0.reasonCode = "NOT-REMIT"
            $0.reason = "不属于本机关职权范围，请向户籍所在地派出所申请"
        }
        let event = try lastEvent(record.number)
        XCTAssertEqual(event.reason, "不属于本机关职权范围，请向户籍所在地派出所申请")
        XCTAssertTrue(event.details.contains("NOT-REMIT"), event.details)
    }

    func testAnUnknownCodeIsRefusedNamingItAndNothingChanges() throws {
        let record = try hall.submit()
        let events = try hall.historyCount(record.number)
        XCTAssertThrowsError(try hall.act(record.number, .reject) { $0.reasonCode = "NO-SUCH" }) { error in
            let text = (error as? WorkflowError)?.message(.en) ?? "\(error)"
            XCTAssertTrue(text.contains("NO-SUCH") && text.contains("NOT-REMIT"), text)
            XCTAssertTrue(((error as? WorkflowError)?.message(.zh) ?? "").contains("未知的标准理由代码 NO-SUCH"))
        }
        // A deny reason is not a reject reason, and an item's own reason not another item's.
        XCTAssertThrowsError(try hall.act(record.number, .reject) { $0.reasonCode = "CONDITIONS-NOT-MET" })
        try hall.act(record.number, .accept)
        try hall.act(record.number, .startReview)
        XCTAssertThrowsError(try hall.act(record.number, .deny) { $0.reasonCode = "PREMISES-UNFIT" })
        XCTAssertEqual(try hall.record(record.number).status, .inReview)
        XCTAssertEqual(try hall.historyCount(record.number), events + 2, "only accept and start-review")
        try hall.act(record.number, .deny) { $0.reasonCode = "HUKOU-CONDITIONS" }
        XCTAssertEqual(try lastEvent(record.number).reason, "不符合户口迁入条件")
    }

    /// Three wordings of one standard reason are one row; free text is "other reasons"; each row
    /// lists exactly its cases; the tallies agree with a fresh count (`wicket check`).
    func testFiguresCountTheStandardReasonAndEachEqualsItsDrillDown() throws {
        var numbers: [String] = []
        for wording in [nil, "不属本机关管辖", "Not our office: apply at the district hall"] {
            let record = try hall.submit()
            try hall.act(record.number, .reject) {
                $0.reasonCode = "NOT-REMIT"
                $0.reason = wording
            }
            numbers.append(record.number)
        }
        let free = try hall.submit()
        try hall.act(free.number, .reject) { $0.reason = "申请人要求改为线下办理" }
        let report = try ReportBuilder(store: hall.store).build(period: .today)
        XCTAssertEqual(report.rejectionsByReason.map(\.key), ["NOT-REMIT", Report.otherReasons])
        XCTAssertEqual(report.rejectionsByReason.map(\.count), [3, 1])
        XCTAssertEqual(report.rejectionsByReason.map { $0.name.text(.en) }, ["Not within this office's remit", "other reasons"])
        let scope = ReportScope(store: hall.store, period: .today, department: nil)
        for row in report.rejectionsByReason {
            let listed = try CaseQueries.list(scope.filter(for: .rejections(code: row.key, name: row.name)), in: hall.store)
            XCTAssertEqual(listed.count, row.count, row.key)
            XCTAssertEqual(Set(listed.map(\.number)), row.key == "NOT-REMIT" ? Set(numbers) : [free.number])
        }
        // Denials the same way: by standard reason, free text as other reasons.
        for code in ["UNTRUE-MATERIALS", "UNTRUE-MATERIALS", nil] {
            let record = try hall.submit()
            try hall.act(record.number, .accept)
            try hall.act(record.number, .startReview)
            try hall.act(record.number, .deny) {
                $0.reasonCode = code
                if code == nil { $0.reason = "经研究不予批准" }
            }
        }
        let withDenials = try ReportBuilder(store: hall.store).build(period: .today)
        XCTAssertEqual(withDenials.denialsByReason.map(\.key), ["UNTRUE-MATERIALS", Report.otherReasons])
        XCTAssertEqual(withDenials.denialsByReason.map(\.count), [2, 1])
        XCTAssertEqual(withDenials.denialsByReason.first?.nameZh, "核查发现申请材料不实")
        for row in withDenials.denialsByReason {
            let listed = try CaseQueries.list(scope.filter(for: .denials(code: row.key, name: row.name)), in: hall.store)
            XCTAssertEqual(listed.count, row.count, row.key)
        }
        XCTAssertEqual(withDenials.rejectionsByReason, report.rejectionsByReason)
        XCTAssertNil(try Tallies.firstDrift(in: hall.store.db))
        // A transfer of a rejected case's department would move its counts; the trigger is in place.
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'tally_events_transfer'"), 1)
    }

    /// A hall from before migration 12 counted rejections by their text; after it, those old
    /// rejections (no code) are "other reasons", new ones count by code, and the tallies agree.
    func testMigrationCountsOldRejectionsAsOtherReasons() throws {
        let old = try hall.submit()
        try hall.act(old.number, .reject) { $0.reason = "不属于本机关职责" }
        let db = hall.store.db
        try db.write {
            // As schema 11 kept it: the rejection under its text, no reasons table.
            try db.execute("UPDATE tally_days SET detail = '不属于本机关职责' WHERE kind = 'rejected'")
            try SchemaRewind.rewind(db, to: 12)
        }
        let reopened = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertEqual(try reopened.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertNil(try Tallies.firstDrift(in: reopened.db))
        XCTAssertEqual(reopened.catalog.reasons, DefaultCatalog.reasons)
        let new = try hall.submit()
        try Workflow(store: reopened).perform(ActionRequest(caseNumber: new.number, action: .reject, actor: "li",
                                                            reasonCode: "NOT-ELIGIBLE"))
        let report = try ReportBuilder(store: reopened).build(period: .today)
        XCTAssertEqual(report.rejectionsByReason.map(\.key).sorted(), ["(other)", "NOT-ELIGIBLE"])
        XCTAssertNil(try Tallies.firstDrift(in: reopened.db))
    }

    /// A catalog file names its reasons; one without any keeps the hall's; a bad one is refused
    /// naming the reason.
    func testLoadingACatalog() throws {
        let admin = Administration(store: hall.store)
        var catalog = hall.store.catalog
        catalog.reasons.append(StandardReason(action: .reject, code: "OUT-OF-AREA", nameZh: "不在本辖区", nameEn: "Outside the area",
                                              service: "HUKOU-MOVE"))
        try admin.loadCatalog(catalog)
        XCTAssertTrue(hall.store.catalog.reasons(for: .reject, service: "HUKOU-MOVE").contains { $0.code == "OUT-OF-AREA" })
        // Exported and loaded back: the same catalog.
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let data = try encoder.encode(hall.store.catalog)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"name_zh\":\"不在本辖区\""))
        XCTAssertEqual(try decoder.decode(Catalog.self, from: data), hall.store.catalog)
        // A file from before standard reasons: the hall's reasons stay.
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["reasons"] = nil
        let old = try decoder.decode(Catalog.self, from: JSONSerialization.data(withJSONObject: object))
        try admin.loadCatalog(old)
        XCTAssertTrue(hall.store.catalog.reasons.contains { $0.code == "OUT-OF-AREA" })
        for (bad, words) in [(StandardReason(action: .accept, code: "X", nameZh: "甲", nameEn: "x"), "action"),
                             (StandardReason(action: .reject, code: "A B", nameZh: "甲", nameEn: "x"), "letters"),
                             (StandardReason(action: .reject, code: "NOT-REMIT", nameZh: "甲", nameEn: "x"), "twice"),
                             (StandardReason(action: .deny, code: "Y", nameZh: "甲", nameEn: "x", service: "NOPE"), "NOPE")] {
            var broken = hall.store.catalog
            broken.reasons.append(bad)
            XCTAssertThrowsError(try admin.loadCatalog(broken)) { error in
                XCTAssertTrue("\(error)".contains(words) && "\(error)".contains(bad.code), "\(error)")
            }
        }
        // Left out by a new catalog: inactive, but the figures still name it.
        var fewer = hall.store.catalog
        fewer.reasons.removeAll { $0.code == "OUT-OF-AREA" }
        let record = try hall.submit()
        try hall.act(record.number, .reject) { $0.reasonCode = "OUT-OF-AREA" }
        try admin.loadCatalog(fewer)
        XCTAssertFalse(hall.store.catalog.reasons.contains { $0.code == "OUT-OF-AREA" })
        let report = try ReportBuilder(store: hall.store).build(period: .today)
        XCTAssertEqual(report.rejectionsByReason.first?.nameEn, "Outside the area")
    }
}
