import XCTest
@testable import WicketCore

/// The rules for ID and phone numbers themselves, and documents other than a resident ID card.
final class ApplicantIdentityTests: XCTestCase {
    let today = Day("2026-12-02")!

    private func id(_ text: String, _ document: IdentityDocument = .residentID) -> String? {
        try? ApplicantIdentity.idNumber(text, document: document, today: today)
    }

    func testResidentIDNumbers() {
        XCTAssertEqual(id("110105198501011234"), "110105198501011234")
        XCTAssertEqual(id("11010519850102123x"), "11010519850102123X")
        XCTAssertEqual(id(""), "", "the number is optional")
        XCTAssertNil(id("12345"))
        XCTAssertNil(id("110105198501011235"), "check digit")
        XCTAssertNil(id("11010518850101123X0"), "19 characters")
        XCTAssertNil(id("１１０１０５１９８５０１０１１２３４"), "full-width digits")
        // A birth date after today, or before 1900, or on 30 February, is not plausible.
        for (birth, why) in [("20300101", "future"), ("18990101", "before 1900"), ("20000230", "30 February")] {
            let first17 = "110105" + birth + "123"
            let number = first17 + String(ApplicantIdentity.checkCharacter(for: first17)!)
            XCTAssertNil(id(number), why)
        }
        XCTAssertEqual(ApplicantIdentity.checkCharacter(for: "11010519850101123"), "4")
    }

    func testOtherDocumentsByTheirType() {
        XCTAssertNil(id("E12345678"), "a passport number is not a resident ID")
        XCTAssertEqual(id("E12345678", .passport), "E12345678")
        XCTAssertEqual(id("h12345678", .hkMacaoPermit), "H12345678")
        XCTAssertNil(id("X12345678", .hkMacaoPermit))
        XCTAssertEqual(id("12345678", .taiwanPermit), "12345678")
        XCTAssertNil(id("1234567", .taiwanPermit))
        XCTAssertEqual(id("USA123456789012", .foreignPermanentResident), "USA123456789012")
        XCTAssertNil(id("12 34", .passport))
        for document in IdentityDocument.allCases {
            XCTAssertFalse(document.name.en.isEmpty)
            XCTAssertTrue(BilingualMessageTests.hasChinese(document.name.zh))
        }
    }

    /// A passport or permit number is short: masked like a resident ID (first 4, last 4) it would
    /// show all but one character.
    func testShortDocumentNumbersAreMaskedMore() {
        XCTAssertEqual(Masking.idNumber("110105198501011234"), "1101**********1234")
        XCTAssertEqual(Masking.idNumber("USA123456789012"), "USA1*******9012")
        XCTAssertEqual(Masking.idNumber("E12345678"), "E******78")
        XCTAssertEqual(Masking.idNumber("12345678"), "1*****78")
        XCTAssertEqual(Masking.idNumber(""), "")
    }

    func testPhoneNumbers() {
        for good in ["13800138000", "+86 138 0013 8000", "0086-13800138000", "020-83661234", "(0755) 8600 1234", "010 6512 3456", ""] {
            XCTAssertNoThrow(try ApplicantIdentity.phone(good), good)
        }
        for bad in ["abc", "12345", "23800138000", "1380013800", "138001380001", "020-123", "12345678901"] {
            XCTAssertThrowsError(try ApplicantIdentity.phone(bad), bad)
        }
    }
}
