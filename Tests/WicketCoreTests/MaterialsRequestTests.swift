import XCTest
@testable import WicketCore

/// The one-time complete notice, and the repeated request the public complains about.
final class MaterialsRequestTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func testNoticeListsEveryMissingAndDefectiveItemAtOnce() throws {
        // HUKOU-MOVE needs APPLICATION, HUKOU-BOOK, ID-CARD, KINSHIP-PROOF; the applicant sent ID-CARD and HUKOU-BOOK.
        let number = try hall.submit(materials: ["ID-CARD", "HUKOU-BOOK"]).number
        try hall.act(number, .material) { $0.materials = ["HUKOU-BOOK"]; $0.materialState = .defective; $0.reason = "复印件不清晰" }
        let outcome = try hall.act(number, .requestMaterials)
        XCTAssertEqual(outcome.to, .awaitingMaterials)
        XCTAssertTrue(outcome.warnings.isEmpty)
        let body = try hall.store.db.scalarString("SELECT body FROM messages WHERE id = ?", outcome.replyID!)!
        XCTAssertTrue(body.contains("1. 书面申请/申请表（缺）"), body)
        XCTAssertTrue(body.contains("2. 居民户口簿（不符合要求：复印件不清晰）"), body)
        XCTAssertTrue(body.contains("3. 亲属关系证明或房屋所有权证明（缺）"), body)
        XCTAssertFalse(body.contains("居民身份证"), "what was sent in order is not asked for")
        let details = try hall.store.db.scalarString("SELECT details FROM history WHERE id = ?", outcome.historyEventID)!
        XCTAssertTrue(details.contains("\"items\":[\"APPLICATION\",\"HUKOU-BOOK\",\"KINSHIP-PROOF\"]"), details)
        XCTAssertTrue(details.contains("\"request_number\":1"), details)
    }

    func testEnglishApplicantGetsEnglishNotice() throws {
        let number = try hall.submit(materials: [], name: "John Smith", language: .en).number
        let outcome = try hall.act(number, .requestMaterials)
        let body = try hall.store.db.scalarString("SELECT body FROM messages WHERE id = ?", outcome.replyID!)!
        XCTAssertTrue(body.hasPrefix("Dear John Smith"), body)
        XCTAssertTrue(body.contains("Resident ID card (missing)"), body)
    }

    func testNothingToRequestIsRefused() throws {
        let number = try hall.submit(materials: ["APPLICATION", "HUKOU-BOOK", "ID-CARD", "KINSHIP-PROOF"]).number
        XCTAssertRefused(.nothingToRequest(number)) { try hall.act(number, .requestMaterials) }
        XCTAssertEqual(try hall.act(number, .requestMaterials) { $0.missing = ["KINSHIP-PROOF"] }.to, .awaitingMaterials,
                       "the clerk may mark an item missing as part of the request")
    }

    func testSecondRequestAfterASupplementNamesItemsTheFirstNoticeForgot() throws {
        let number = try hall.submit(materials: ["ID-CARD", "HUKOU-BOOK", "KINSHIP-PROOF"]).number
        try hall.act(number, .requestMaterials)
        try hall.act(number, .supplement) { $0.materials = ["APPLICATION"] }
        try hall.act(number, .material) { $0.materials = ["KINSHIP-PROOF"]; $0.materialState = .defective; $0.reason = "证明已过期" }
        let second = try hall.act(number, .requestMaterials)
        XCTAssertEqual(second.warnings.count, 1, "\(second.warnings)")
        XCTAssertTrue(second.warnings[0].contains("KINSHIP-PROOF"))
        let details = try hall.store.db.scalarString("SELECT details FROM history WHERE id = ?", second.historyEventID)!
        XCTAssertTrue(details.contains("\"repeat\":true"), details)
        XCTAssertTrue(details.contains("\"not_in_earlier_notice\":[\"KINSHIP-PROOF\"]"), details)
        XCTAssertFalse(details.contains("without_new_supplement"), details)
    }

    func testRepeatWithoutNewSupplementIsWarnedAndRecorded() throws {
        // A case sent back and forth between departments gets asked again without sending anything new.
        let number = try hall.submit(materials: ["ID-CARD"]).number
        try hall.act(number, .requestMaterials)
        try hall.act(number, .transfer, as: "sup") { $0.target = "HEALTH"; $0.reason = "误投" }
        try hall.act(number, .transfer, as: "sup") { $0.target = "PSB"; $0.reason = "退回" }
        let again = try hall.act(number, .requestMaterials)
        XCTAssertTrue(again.warnings.contains { $0.contains("nothing new arrived") }, "\(again.warnings)")
        let details = try hall.store.db.scalarString("SELECT details FROM history WHERE id = ?", again.historyEventID)!
        XCTAssertTrue(details.contains("\"without_new_supplement\":true"), details)
        XCTAssertTrue(details.contains("\"request_number\":2"), details)
    }

    func testDefectiveNeedsAReasonAndUnknownItemsAreRefused() throws {
        let number = try hall.submit().number
        XCTAssertRefused(.invalidArgument("a defective material needs --reason (what is wrong with it)")) {
            try hall.act(number, .material) { $0.materials = ["ID-CARD"]; $0.materialState = .defective }
        }
        XCTAssertRefused(.invalidArgument("PHOTO is not on case \(number)'s checklist")) {
            try hall.act(number, .material) { $0.materials = ["PHOTO"]; $0.materialState = .verified }
        }
        try hall.act(number, .material) { $0.materials = ["ID-CARD"]; $0.materialState = .verified }
        XCTAssertEqual(try CaseMaterials.load(caseID: try hall.record(number).id, in: hall.store.db).first { $0.code == "ID-CARD" }?.state, .verified)
    }
}
