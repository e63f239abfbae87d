import XCTest
@testable import WicketCore

/// One applicant across cases (issue 15): the keyed match key, its rules, the applicant's other
/// cases as the reader may see them, migration 15 and `wicket check`.
final class ApplicantTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    @discardableResult
    private func register(_ service: String = "HUKOU-MOVE", name: String = "王芳", id: String = "",
                          document: IdentityDocument = .residentID, phone: String = "") throws -> String {
        try Intake(store: hall.store).register(Application(
            ref: "ref-\(UUID().uuidString)", serviceCode: service, channel: .online, submittedAt: hall.clock.now,
            applicantName: name, applicantIDNumber: id, applicantDocument: document, applicantPhone: phone,
            summary: "申请"), actor: "admin").number
    }

    private func others(_ number: String, as login: String? = nil) throws -> [String] {
        let access = try login.map { try CaseAccess.check($0, in: hall.store) }
        return try ApplicantQueries.otherCases(of: number, in: hall.store, for: access).listed.map(\.number)
    }

    func testTheSameIDNumberIsOneApplicantWhateverTheNameOrPhone() throws {
        let first = try register(name: "王芳", id: "11010519850102123X", phone: "13800000000")
        let second = try register("ID-RENEW", name: "王 芳", id: "11010519850102123X", phone: "13900000000")
        XCTAssertEqual(try others(first), [second])
        XCTAssertEqual(try others(second), [first])
    }

    func testWithoutAnIDNumberTheSameNameAndPhoneMatchAsDigits() throws {
        let first = try register(name: "李四", phone: "138 0000 1111")
        let second = try register("ID-RENEW", name: "李四", phone: "+86 138-0000-1111")
        let otherPhone = try register(name: "李四", phone: "13800002222")
        let otherName = try register(name: "李五", phone: "13800001111")
        XCTAssertEqual(try others(first), [second])
        XCTAssertEqual(try others(otherPhone), [])
        XCTAssertEqual(try others(otherName), [])
        // Neither a number nor a phone: nothing to match on, so never anyone's.
        let bare = try register(name: "李四")
        let bare2 = try register(name: "李四")
        XCTAssertEqual(try others(bare), [])
        XCTAssertEqual(try others(bare2), [])
        XCTAssertNil(try hall.store.db.queryOne("SELECT applicant_key FROM cases WHERE number = ?", bare)?.optionalString("applicant_key"))
    }

    func testDifferentIDNumbersAreNeverOneApplicantEvenWithTheSameNameAndPhone() throws {
        let first = try register(name: "王芳", id: "11010519850102123X", phone: "13800000000")
        let second = try register(name: "王芳", id: "440106199001181234", phone: "13800000000")
        // Nor a case without a number with a case that has one.
        let noNumber = try register(name: "王芳", phone: "13800000000")
        XCTAssertEqual(try others(first), [])
        XCTAssertEqual(try others(second), [])
        XCTAssertEqual(try others(noNumber), [])
        // Nor the same digits on another document.
        let passport = try register(name: "王芳", id: "E12345678", document: .passport)
        let permit = try register(name: "王芳", id: "E12345678", document: .passport)
        XCTAssertEqual(try others(passport), [permit])
    }

    func testOpenCasesFirstThenTheLastClosedAndAClerkSeesOnlyTheirDepartment() throws {
        let id = "11010519850102123X"
        let closed = try register(id: id)
        try hall.act(closed, .reject) { $0.reason = "不属本机关" }
        let open = try register(id: id)
        let health = try register("BIRTH-REG", id: id)
        let current = try register(id: id)
        let record = try ApplicantQueries.otherCases(of: current, in: hall.store, for: nil)
        // Open ones as the inbox orders them (the birth registration's one-day acceptance is the more urgent).
        XCTAssertEqual(record.openCases.map(\.number), [health, open])
        XCTAssertEqual(try others(current), [health, open, closed])
        XCTAssertEqual(record.closedCases.map(\.number), [closed])
        XCTAssertTrue(record.openCases.allSatisfy { !$0.status.isTerminal })
        // A PSB clerk is told nothing of the HEALTH case; a HEALTH clerk may not see the PSB case at all.
        XCTAssertEqual(Set(try others(current, as: "li")), [open, closed])
        XCTAssertThrowsError(try others(current, as: "hp")) {
            XCTAssertEqual($0 as? WorkflowError, .caseNotFound(current))
        }
        XCTAssertEqual(try ApplicantQueries.cases(idNumber: id, in: hall.store, for: CaseAccess.check("hp", in: hall.store))
                        .listed.map(\.number), [health])
        // The detail carries the same list.
        XCTAssertEqual(try CaseDetail.load(number: current, in: hall.store, for: CaseAccess.check("li", in: hall.store))
                        .applicant.listed.map(\.number).sorted(), [closed, open].sorted())
    }

    func testTheKeyIsNotAPlainHashOfTheNumberAndDependsOnTheHallsKey() throws {
        let number = try register(id: "11010519850102123X")
        let stored = try XCTUnwrap(hall.store.db.queryOne("SELECT applicant_key FROM cases WHERE number = ?", number)?
            .optionalString("applicant_key"))
        XCTAssertEqual(stored.count, 32)
        XCTAssertNotEqual(stored, String(SHA256.hex("11010519850102123X").prefix(32)))
        let otherKey = HistoryKey(bytes: [UInt8](repeating: 7, count: 32), path: "-")
        XCTAssertNotEqual(ApplicantMatcher(historyKey: otherKey).idKey("11010519850102123X", document: .residentID), stored)
        XCTAssertEqual(try hall.store.db.applicantMatcher().idKey("11010519850102123x", document: .residentID), stored)
    }

    /// A hall from before migration 15 gets every case's key, in batches, and the index.
    func testMigrationFillsTheKeysOfExistingCasesAndCheckRecomputesThem() throws {
        let first = try register(id: "11010519850102123X")
        let second = try register("ID-RENEW", id: "11010519850102123X")
        let byPhone = try register(name: "李四", phone: "13800001111")
        let byPhone2 = try register(name: "李四", phone: "13800001111")
        let expected = try hall.store.db.query("SELECT number, applicant_key FROM cases ORDER BY id").map {
            [$0.string("number"), $0.optionalString("applicant_key") ?? "-"]
        }
        let db = hall.store.db
        try db.write { try SchemaRewind.rewind(db, to: 17) }
        // Small batches, so the batching itself is exercised.
        try db.write {
            try db.executeScript(Schema.applicantKeyColumn)
            try Schema.fillApplicantKeys(db, key: { try db.historyKey() }, batch: 3)
        }
        XCTAssertEqual(try db.query("SELECT number, applicant_key FROM cases ORDER BY id").map {
            [$0.string("number"), $0.optionalString("applicant_key") ?? "-"]
        }, expected)
        // And the whole migration, as an old hall opened by this version runs it.
        try db.write { try SchemaRewind.rewind(db, to: 17) }
        let reopened = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertEqual(try reopened.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertEqual(try ApplicantQueries.otherCases(of: first, in: reopened, for: nil).listed.map(\.number), [second])
        XCTAssertEqual(try ApplicantQueries.otherCases(of: byPhone, in: reopened, for: nil).listed.map(\.number), [byPhone2])
        XCTAssertNoThrow(try IntegrityCheck(db: reopened.db).run())
        // An ID number edited around Wicket no longer agrees with its key: check names the case.
        try reopened.db.execute("UPDATE cases SET applicant_id_number = '440106199001181234' WHERE number = ?", second)
        XCTAssertThrowsError(try IntegrityCheck(db: reopened.db).run()) {
            let problem = $0 as? IntegrityCheck.Problem
            XCTAssertEqual(problem?.kind, .applicantKey)
            XCTAssertTrue(problem?.message.contains(second) == true, "\(String(describing: problem))")
        }
    }

    func testAnOpenCaseForTheSameServiceIsFlaggedAtImportAndInTheDetailNeverMerged() throws {
        let first = try register(id: "11010519850102123X")
        let otherService = try register("ID-RENEW", id: "11010519850102123X")
        let line = { (ref: String, id: String) in
            #"{"ref":"\#(ref)","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","#
                + #""applicant":{"name":"王芳","id_number":"\#(id)"}}"#
        }
        let file = hall.directory.appendingPathComponent("dup.jsonl")
        try Data(([line("d-1", "11010519850102123X"), line("d-2", "110105198501011234"), "bad"].joined(separator: "\n") + "\n").utf8)
            .write(to: file)
        let summary = try Importer(store: hall.store, actor: "admin").run(from: try FileHandle(forReadingFrom: file))
        XCTAssertEqual(summary.imported, 2, "a duplicate is still imported")
        XCTAssertEqual(summary.duplicates.count, 1)
        XCTAssertEqual(summary.duplicates.first?.line, 1)
        XCTAssertEqual(summary.duplicates.first?.of, [first])
        let imported = try XCTUnwrap(summary.duplicates.first?.number)
        XCTAssertEqual(try CaseDetail.load(number: imported, in: hall.store).possibleDuplicates, [first])
        XCTAssertEqual(try CaseDetail.load(number: first, in: hall.store).possibleDuplicates, [imported])
        XCTAssertEqual(try CaseDetail.load(number: otherService, in: hall.store).possibleDuplicates, [])
        // Closed, it is no longer a duplicate of anything.
        try hall.act(first, .reject) { $0.reason = "重复申请" }
        XCTAssertEqual(try CaseDetail.load(number: imported, in: hall.store).possibleDuplicates, [])
        XCTAssertEqual(try CaseDetail.load(number: first, in: hall.store).possibleDuplicates, [])
    }

    /// The import's duplicate check reads the batch's id range and the applicant index, never
    /// every open case (which a plan by status would, once per batch).
    func testTheImportsDuplicateQueryUsesTheApplicantIndex() throws {
        let db = hall.store.db
        _ = try Importer.duplicates(after: 0, lines: [:], in: db)
        let plan = try db.query("EXPLAIN QUERY PLAN " + Importer.duplicatesQuery, 0).map { $0.string("detail") }
        XCTAssertTrue(plan.contains { $0.contains("cases_by_applicant_key") }, plan.joined(separator: "\n"))
        XCTAssertFalse(plan.contains { $0.contains("cases_by_status") }, plan.joined(separator: "\n"))
    }

    func testImportedCasesGetTheSameKeyAsIntake() throws {
        let typed = try register(name: "王芳", id: "11010519850102123X")
        let line = #"{"ref":"p-1","service":"ID-RENEW","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","#
            + #""applicant":{"name":"王芳","id_number":"11010519850102123x"}}"#
        let file = hall.directory.appendingPathComponent("import.jsonl")
        try Data((line + "\n").utf8).write(to: file)
        let report = try Importer(store: hall.store, actor: "admin").run(from: try FileHandle(forReadingFrom: file))
        XCTAssertEqual(report.imported, 1)
        XCTAssertEqual(try others(typed).count, 1)
    }
}
