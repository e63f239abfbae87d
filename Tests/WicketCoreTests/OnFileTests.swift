import XCTest
@testable import WicketCore

/// Materials on file (issue 15): certificates from the library and verifications in earlier
/// cases of the same applicant are not asked for again, until they expire or are revoked.
final class OnFileTests: XCTestCase {
    var hall: TestHall!
    let id = "11010519850102123X"

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    /// A household registration transfer (APPLICATION, HUKOU-BOOK, ID-CARD, KINSHIP-PROOF), nothing sent.
    @discardableResult
    private func register(_ service: String = "HUKOU-MOVE", id: String? = nil, name: String = "王芳", phone: String = "") throws -> String {
        try Intake(store: hall.store).register(Application(
            ref: "ref-\(UUID().uuidString)", serviceCode: service, channel: .online, submittedAt: hall.clock.now,
            applicantName: name, applicantIDNumber: id ?? self.id, applicantPhone: phone, summary: "申请"), actor: "admin").number
    }

    private func certificate(_ type: String = "HUKOU-BOOK", number: String = "4401-2026-001", holder: String? = nil,
                             from: String = "2026-01-01", until: String = "2031-05-01", revoked: Bool? = nil) -> String {
        #"{"type":"\#(type)","id_number":"\#(holder ?? id)","number":"\#(number)","issuer":"广州市公安局","valid_from":"\#(from)","valid_until":"\#(until)""#
            + (revoked.map { #","revoked":\#($0)"# } ?? "") + "}"
    }

    private func load(_ lines: [String], as actor: String = "admin") throws -> CertificateImport.Summary {
        try CertificateImport(store: hall.store, actor: actor).run(text: lines.joined(separator: "\n"))
    }

    private func onFile(_ number: String, as login: String? = nil) throws -> [String: OnFileSource] {
        try CaseDetail.load(number: number, in: hall.store, for: login.map { try CaseAccess.check($0, in: hall.store) }).onFile
    }

    private func lastEvent(_ number: String) throws -> [String: Any] {
        let details = try hall.store.db.queryOne("""
            SELECT details FROM history WHERE case_id = (SELECT id FROM cases WHERE number = ?) ORDER BY id DESC LIMIT 1
            """, number)!.string("details")
        return try JSONSerialization.jsonObject(with: Data(details.utf8)) as! [String: Any]
    }

    func testAValidCertificateIsOnFileAndTheNoticeNeverAsksForIt() throws {
        let number = try register()
        XCTAssertEqual(try load([certificate()]), CertificateImport.Summary(added: 1))
        XCTAssertEqual(try onFile(number)["HUKOU-BOOK"],
                       .certificate(number: "4401-2026-001", issuer: "广州市公安局", validUntil: "2031-05-01"))
        let outcome = try hall.act(number, .requestMaterials)
        let notice = try XCTUnwrap(try hall.store.db.queryOne("SELECT body FROM messages WHERE id = ?", outcome.replyID!)?.string("body"))
        XCTAssertFalse(notice.contains("户口簿"), notice)
        XCTAssertTrue(notice.contains("居民身份证"), notice)
        let details = try lastEvent(number)
        XCTAssertEqual(details["on_file"] as? [String], ["HUKOU-BOOK"])
        XCTAssertEqual(details["items"] as? [String], ["APPLICATION", "ID-CARD", "KINSHIP-PROOF"])
    }

    func testExpiredNotYetValidAndRevokedCertificatesAreNotOnFile() throws {
        let number = try register()
        _ = try load([certificate(until: "2026-11-26"), certificate("ID-CARD", number: "later", from: "2026-11-28"),
                      certificate("APPLICATION", number: "today", from: "2026-11-27", until: "2026-11-27")])
        XCTAssertEqual(Set(try onFile(number).keys), ["APPLICATION"], "the last valid day still counts")
        // Revoked by a later line: updated, and off file.
        XCTAssertEqual(try load([certificate("APPLICATION", number: "today", from: "2026-11-27", until: "2026-11-27", revoked: true)]),
                       CertificateImport.Summary(updated: 1))
        XCTAssertEqual(try onFile(number), [:])
        // Once the expiry passes, the item is asked for again.
        _ = try load([certificate(number: "new", until: "2026-11-30")])
        XCTAssertNotNil(try onFile(number)["HUKOU-BOOK"])
        hall.clock.set("2026-12-01T09:00:00+08:00")
        XCTAssertNil(try onFile(number)["HUKOU-BOOK"])
    }

    func testOnlyTheHoldersCasesAndNeverByNameAndPhone() throws {
        _ = try load([certificate()])
        let other = try register(id: "110105198501011234")
        let noNumber = try register(id: "", name: "王芳", phone: "13800000000")
        XCTAssertEqual(try onFile(other), [:])
        XCTAssertEqual(try onFile(noNumber), [:])
    }

    func testVerifiedInAnEarlierCaseIsOnFileNamingItWhereTheReaderMaySeeIt() throws {
        let earlier = try register()
        try hall.act(earlier, .material) { $0.materials = ["ID-CARD"]; $0.materialState = .verified }
        let later = try register()
        guard case .verified(let seen, _)? = try onFile(later, as: "li")["ID-CARD"] else { return XCTFail("on file") }
        XCTAssertEqual(seen, earlier)
        // A birth registration (HEALTH) also needs the ID card: its clerk is not told the PSB case's number.
        let health = try register("BIRTH-REG")
        guard case .verified(let hidden, _)? = try onFile(health, as: "hp")["ID-CARD"] else { return XCTFail("on file") }
        XCTAssertNil(hidden)
        XCTAssertTrue(OnFileSource.verified(caseNumber: nil, verifiedAt: "2026-11-27T02:00:00Z")
                        .text(.en, hallTime: hall.store.hallTime).contains("another department"))
    }

    func testConfirmingRecordsTheSourceAndAskingAgainNeedsAReason() throws {
        let number = try register()
        _ = try load([certificate()])
        XCTAssertThrowsError(try hall.act(number, .requestMaterials) { $0.missing = ["HUKOU-BOOK"] })
        XCTAssertEqual(try hall.record(number).status, .submitted, "refused: nothing changed")
        try hall.act(number, .requestMaterials) { $0.missing = ["HUKOU-BOOK"]; $0.reason = "证照上的住址已变更" }
        XCTAssertEqual(try lastEvent(number)["asked_again_on_file"] as? [String], ["HUKOU-BOOK"])
        XCTAssertTrue((try lastEvent(number)["items"] as? [String] ?? []).contains("HUKOU-BOOK"))
        // Another case: the clerk confirms the item on file with one mark.
        let second = try register()
        try hall.act(second, .material) { $0.materials = ["HUKOU-BOOK"]; $0.materialState = .verified }
        let source = try XCTUnwrap((try lastEvent(second)["on_file"] as? [String: Any])?["HUKOU-BOOK"] as? [String: Any])
        XCTAssertEqual(source["kind"] as? String, "certificate")
        XCTAssertEqual(source["certificate"] as? String, "4401-2026-001")
        XCTAssertEqual(try onFile(second)["HUKOU-BOOK"], nil, "verified now, so no longer outstanding")
    }

    func testImportIsIdempotentNamesBadLinesAndIsForAdminsAndThePortal() throws {
        let lines = [certificate(), "not json", certificate("NOPE"), certificate(holder: "12345"),
                     certificate(number: "b", from: "2027-01-01", until: "2026-01-01"),
                     #"{"type":"HUKOU-BOOK","id_number":"11010519850102123X","valid_from":"2026-01-01","valid_until":"2027-01-01"}"#]
        let first = try load(lines)
        XCTAssertEqual(first.added, 1)
        XCTAssertEqual(first.errors.map(\.line), [2, 3, 4, 5, 6])
        XCTAssertEqual(first.errors[1].message(.en), "line 3: unknown material NOPE")
        XCTAssertEqual(first.errors[4].message(.zh), "line 6: 缺少字段 number")
        let second = try load(lines)
        XCTAssertEqual(second.added + second.updated, 0)
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM certificates"), 1)
        // The holder's number is not kept in clear.
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM certificates WHERE holder_key LIKE '%123X%'"), 0)
        XCTAssertThrowsError(try load([certificate(number: "c")], as: "li"))
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM certificates"), 1)
    }
}
