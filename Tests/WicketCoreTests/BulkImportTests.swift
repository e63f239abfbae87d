import Foundation
import XCTest
@testable import WicketCore

/// The import writes cases in batches (`BulkIntake`); these tests hold it to what registering
/// the same application at a window writes, row for row, and to the import's rules.
final class BulkImportTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func importLines(_ lines: [String], into hall: TestHall, batchSize: Int = Importer.defaultBatchSize) throws -> Importer.Summary {
        let file = hall.directory.appendingPathComponent("import-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        var importer = Importer(store: hall.store, actor: "admin")
        importer.batchSize = batchSize
        return try importer.run(from: try FileHandle(forReadingFrom: file))
    }

    /// The portal's line for `application`, written by Foundation so every escape is a real one.
    private func line(_ application: Application) throws -> String {
        let fields: [String: Any] = [
            "ref": application.ref!, "service": application.serviceCode, "channel": application.channel.rawValue,
            "submitted_at": Timestamp.format(application.submittedAt),
            "applicant": ["name": application.applicantName, "id_number": application.applicantIDNumber,
                          "phone": application.applicantPhone],
            "summary": application.summary, "details": application.details, "materials": application.materials,
            "priority": application.priority.rawValue, "lang": application.language.rawValue,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
    }

    private func rows(_ sql: String, in hall: TestHall) throws -> [[DatabaseValue]] {
        try hall.store.db.query(sql).map(\.values)
    }

    func testAnImportedCaseEqualsOneRegisteredAtAWindowFieldByField() throws {
        let applications = [
            Application(ref: "p-\"1\"\n\\", serviceCode: "BIRTH-REG", channel: .online,
                        submittedAt: Timestamp.parse("2026-11-26T23:30:00+08:00")!, applicantName: "王芳",
                        applicantIDNumber: "440106199001181234", applicantPhone: "13800000000", summary: "生育登记",
                        details: "材料已上传\t\u{2028}\u{7}", materials: ["ID-CARD", "HUKOU-BOOK"], priority: .urgent,
                        language: .en),
            Application(ref: "p-2", serviceCode: "HUKOU-MOVE", channel: .window,
                        submittedAt: Timestamp.parse("2025-12-31T16:30:00Z")!, applicantName: "Li Na"),
        ]
        let window = try TestHall()
        defer { window.remove() }
        // One history key for both halls, so their chains can be compared hash for hash.
        window.store.db.historyKeyState = hall.store.db.historyKeyState
        for application in applications { try Intake(store: window.store).register(application, actor: "admin") }
        let summary = try importLines(try applications.map(line), into: hall)
        XCTAssertEqual(summary.imported, 2)
        XCTAssertEqual(summary.errors, [])
        for sql in ["SELECT * FROM cases ORDER BY id", "SELECT * FROM case_materials ORDER BY case_id, material_code",
                    "SELECT * FROM history ORDER BY id",
                    "SELECT rowid, * FROM case_search WHERE case_search MATCH '\"2026-000\"' ORDER BY rowid"] {
            let imported = try rows(sql, in: hall)
            XCTAssertFalse(imported.isEmpty, sql)
            XCTAssertEqual(imported, try rows(sql, in: window), sql)
        }
        XCTAssertEqual(try IntegrityCheck(db: hall.store.db).run().events, 2)
    }

    func testARefTwiceInOneBatchIsImportedOnce() throws {
        let summary = try importLines([ImportTests.line(ref: "d-1"), ImportTests.line(ref: "d-2"),
                                       ImportTests.line(ref: "d-1")], into: hall)
        XCTAssertEqual(summary.imported, 2)
        XCTAssertEqual(summary.alreadyPresent, 1)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM history"), 2)
    }

    /// 700 cases in one batch go out as statements of 512, 128, 32, 16, 8 and 4 rows; in batches
    /// of 300 as 256, 32, 8 and 4. Either way every case is there once, numbered in order, with its
    /// whole checklist and one event, and the chain holds.
    func testBatchesOfAnySizeImportWholeCasesInOrder() throws {
        for (prefix, batchSize) in [("one", 2_000), ("many", 300)] {
            let lines = (1...700).map { ImportTests.line(ref: "\(prefix)-\($0)", service: $0 % 2 == 0 ? "BIRTH-REG" : "HUKOU-MOVE") }
            let summary = try importLines(lines, into: hall, batchSize: batchSize)
            XCTAssertEqual(summary.imported, 700)
            let ids = try hall.store.db.query("SELECT id, ref FROM cases WHERE ref LIKE ? ORDER BY id", "\(prefix)-%")
            XCTAssertEqual(ids.map { $0.string("ref") }, (1...700).map { "\(prefix)-\($0)" }, "in file order")
            XCTAssertEqual(ids.last!.int("id") - ids.first!.int("id"), 699, "consecutive ids")
        }
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM case_materials"), 1_400 * 4)
        XCTAssertEqual(try IntegrityCheck(db: hall.store.db).run().cases, 1_400)
    }

    func testTheImportPutsItsConnectionSettingsBack() throws {
        let db = hall.store.db
        let before = [try db.scalarInt("PRAGMA cache_size"), try db.scalarInt("PRAGMA wal_autocheckpoint")]
        _ = try importLines([ImportTests.line(ref: "s-1")], into: hall)
        XCTAssertEqual([try db.scalarInt("PRAGMA cache_size"), try db.scalarInt("PRAGMA wal_autocheckpoint")], before)
    }

    func testCaseNumbersAreWrittenAsBefore() {
        for (year, id) in [(2026, 1), (2026, 42), (2025, 999_999), (2026, 1_234_567)] {
            XCTAssertEqual(NewCase.number(year: year, id: id), String(format: "%04d-%06d", year, id))
        }
    }

    func testSubmitDetailsAreWhatHistoryJSONWrites() throws {
        for (ref, materials) in [("p-1", ["ID-CARD"]), ("q\"\\\n\u{1}\u{2028}王", []), (nil, ["A", "B\"C"])] as [(String?, [String])] {
            let application = Application(ref: ref, serviceCode: "BIRTH-REG", channel: .mail,
                                          submittedAt: Timestamp.parse("2026-11-26T09:30:00+08:00")!,
                                          applicantName: "王芳", materials: materials)
            let new = NewCase(id: 1, application: application, service: hall.store.service("BIRTH-REG")!, holder: nil, stamp: "now",
                              receivedDay: Day(year: 2026, month: 11, day: 26)!, marks: ClockMarks(
                                yellowOn: Day(year: 2026, month: 11, day: 27)!, redOn: Day(year: 2026, month: 11, day: 27)!,
                                dueOn: Day(year: 2026, month: 11, day: 27)!), matcher: try hall.store.db.applicantMatcher())
            var details: [String: Any] = ["channel": "mail", "department": "HEALTH", "submitted_at": new.submitted,
                                          "materials": materials]
            if let ref { details["ref"] = ref }
            XCTAssertEqual(new.submitDetails, History.json(details))
        }
    }
}
