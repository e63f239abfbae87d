import XCTest
@testable import WicketCore

/// Walk-in intake and `wicket import` refuse nonsense ID and phone numbers (issue 12): one rule
/// (`ApplicantIdentity`, applied by `Intake.validate`) for both.
final class IntakeValidationTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func walkIn(id: String, phone: String = "13800000000") -> Application {
        Application(serviceCode: "HUKOU-MOVE", channel: .window, submittedAt: hall.clock.now, applicantName: "赵敏",
                    applicantIDNumber: id, applicantPhone: phone, summary: "投靠子女落户")
    }

    private func refusal(_ application: Application) -> Bilingual? {
        do {
            try Intake(store: hall.store).register(application, actor: "li")
            return nil
        } catch let WorkflowError.invalidArgument(reason) {
            return reason
        } catch {
            XCTFail("\(error)")
            return nil
        }
    }

    func testAWalkInWithANonsenseIDOrPhoneIsRefusedSayingWhatIsWrong() throws {
        let shortID = try XCTUnwrap(refusal(walkIn(id: "12345")), "ID 12345 was accepted")
        XCTAssertTrue(shortID.en.contains("18"), shortID.en)
        XCTAssertTrue(shortID.zh.contains("18 位"), shortID.zh)
        let checkDigit = try XCTUnwrap(refusal(walkIn(id: "110105198501011235")), "a wrong check digit was accepted")
        XCTAssertTrue(checkDigit.en.contains("check digit"), checkDigit.en)
        XCTAssertTrue(checkDigit.zh.contains("校验码"), checkDigit.zh)
        let birth = try XCTUnwrap(refusal(walkIn(id: "110105198513011236")), "month 13 was accepted")
        XCTAssertTrue(birth.en.contains("birth date"), birth.en)
        let phone = try XCTUnwrap(refusal(walkIn(id: "110105198501011234", phone: "abc")), "phone abc was accepted")
        XCTAssertTrue(phone.en.contains("mobile has 11 digits"), phone.en)
        XCTAssertTrue(phone.zh.contains("手机号"), phone.zh)
        XCTAssertNotNil(refusal(walkIn(id: "110105198501011234", phone: "1380000000")), "10 digits was accepted")
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM cases"), 0, "nothing refused was written")
        // Valid numbers: a mobile, a landline with its area code, an ID number ending in x (stored as X).
        XCTAssertNil(refusal(walkIn(id: "11010519850102123x", phone: "020-83661234")))
        XCTAssertNil(refusal(walkIn(id: "110105198501011234", phone: "+86 138 0013 8000")))
        XCTAssertEqual(try hall.store.db.query("SELECT applicant_id_number FROM cases ORDER BY id").map { $0.string(at: 0) },
                       ["11010519850102123X", "110105198501011234"])
    }

    func testImportRefusesTheLineWithItsNumberAndTheRestIsImported() throws {
        func line(_ ref: String, applicant: String) -> String {
            #"{"ref":"\#(ref)","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳",\#(applicant)}}"#
        }
        let lines = [
            line("ok-1", applicant: #""id_number":"440106199001181234","phone":"13800000000""#),
            line("bad-id", applicant: #""id_number":"12345","phone":"13800000000""#),
            line("bad-phone", applicant: #""id_number":"440106199001181234","phone":"abc""#),
            line("no-numbers", applicant: #""phone":"0755-86001234""#),
        ]
        let file = hall.directory.appendingPathComponent("walk.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let summary = try Importer(store: hall.store, actor: "admin").run(from: try FileHandle(forReadingFrom: file))
        XCTAssertEqual(summary.imported, 2)
        XCTAssertEqual(summary.errors.map(\.line), [2, 3])
        XCTAssertTrue(summary.errors.first?.reason.en.contains("18") == true, "\(summary.errors)")
        XCTAssertTrue(summary.errors.last?.reason.en.contains("phone") == true, "\(summary.errors)")
    }
}
