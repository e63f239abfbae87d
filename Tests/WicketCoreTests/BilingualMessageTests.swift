import XCTest
@testable import WicketCore

/// Every message the core gives a person exists in both languages, with the same placeholders.
final class BilingualMessageTests: XCTestCase {
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    func testEveryCommandLineMessageExistsInBothLanguagesAndNowhereElse() {
        XCTAssertEqual(Set(CLIText.english.keys), Set(CLIText.allCases), "English")
        XCTAssertEqual(Set(CLIText.chinese.keys), Set(CLIText.allCases), "Chinese")
        for message in CLIText.allCases {
            XCTAssertFalse(message.text(.en).isEmpty, "\(message)")
            XCTAssertTrue(Self.hasChinese(message.text(.zh)), "\(message) has no Chinese")
        }
    }

    func testCommandLinePlaceholdersMatchBetweenLanguages() {
        func placeholders(_ text: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: "\\{[0-9]+\\}")
            let range = NSRange(text.startIndex..., in: text)
            return regex.matches(in: text, range: range).map { (text as NSString).substring(with: $0.range) }.sorted()
        }
        for message in CLIText.allCases {
            XCTAssertEqual(placeholders(message.text(.en)), placeholders(message.text(.zh)), "\(message)")
        }
        XCTAssertEqual(CLIText.imported.format(.zh, 3, 0, 1), "已导入 3，已存在 0，错误行 1")
        XCTAssertEqual(CLIText.imported.format(.en, 3, 0, 1), "imported 3, already present 0, bad lines 1")
    }

    static let refusals: [WorkflowError] = [
        .caseNotFound("C1"), .notAllowed(action: .accept, status: .accepted, allowed: []),
        .notAllowed(action: .accept, status: .submitted, allowed: [.claim, .note]), .reasonRequired(.reject),
        .notHolder(case: "C1", holder: "li"), .staleVersion(case: "C1", expected: 1, current: 2),
        .unknownUser("x"), .inactiveUser("x"), .supervisorOnly(.assign),
        .otherDepartment(case: "C1", caseDepartment: "PSB", userDepartment: "HEALTH"),
        .invalidArgument(Bilingual(en: "needs a reason", zh: "需要理由")), .nothingToRequest("C1"),
        .alreadyExtended("C1"), .alreadyHeld(case: "C1", holder: "li"), .notHeld("C1"), .noCaseToTake(department: "PSB"),
    ]

    func testEveryRefusalInBothLanguages() {
        for refusal in Self.refusals {
            XCTAssertEqual(refusal.message(.en), refusal.description)
            XCTAssertTrue(Self.hasChinese(refusal.message(.zh)), "\(refusal) has no Chinese")
            XCTAssertFalse(Self.hasChinese(refusal.message(.en)), "\(refusal) English has Chinese")
        }
        let problems: [StoreError] = [
            .missing(path: "p"), .alreadyExists(path: "p"), .notSQLite(path: "p"), .notWicket(path: "p"),
            .newerSchema(path: "p", found: 9, known: 3), .cannotOpen(path: "p", reason: "r"),
        ]
        for problem in problems {
            XCTAssertEqual(problem.message(.en), problem.description)
            XCTAssertTrue(Self.hasChinese(problem.message(.zh)), "\(problem) has no Chinese")
            XCTAssertTrue(ErrorText.message(problem, .zh).contains("p"))
        }
    }

    func testRefusalsRaisedByTheWorkflowCarryChinese() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let number = try hall.submit().number
        do {
            try hall.act(number, .note)
            XCTFail("a note without text went through")
        } catch let refusal as WorkflowError {
            XCTAssertEqual(refusal.message(.en), "note needs --text TEXT")
            XCTAssertEqual(refusal.message(.zh), "note 需要 --text 文字")
        }
    }
}
