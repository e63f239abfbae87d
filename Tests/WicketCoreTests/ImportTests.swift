import XCTest
@testable import WicketCore

final class ImportTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func run(_ text: String) throws -> Importer.Summary {
        try run(Data(text.utf8))
    }

    private func run(_ data: Data, batchSize: Int = 500) throws -> Importer.Summary {
        let file = hall.directory.appendingPathComponent("import-\(UUID().uuidString).jsonl")
        try data.write(to: file)
        var importer = Importer(store: hall.store, actor: "admin")
        importer.batchSize = batchSize
        return try importer.run(from: try FileHandle(forReadingFrom: file))
    }

    static func line(ref: String, service: String = "BIRTH-REG", channel: String = "online",
                     submitted: String = "2026-11-26T09:30:00+08:00", name: String = "王芳",
                     materials: String = #"["ID-CARD","HUKOU-BOOK"]"#) -> String {
        #"{"ref":"\#(ref)","service":"\#(service)","channel":"\#(channel)","submitted_at":"\#(submitted)","applicant":{"name":"\#(name)","id_number":"440106199001181234","phone":"13800000000"},"summary":"生育登记","details":"材料已上传","materials":\#(materials),"priority":"normal"}"#
    }

    func testGoodLinesImportAndCreateCasesWithChecklists() throws {
        let summary = try run([Self.line(ref: "p-1"), Self.line(ref: "p-2", service: "HUKOU-MOVE", materials: "[]")]
            .joined(separator: "\n") + "\n")
        XCTAssertEqual(summary.imported, 2)
        XCTAssertEqual(summary.errors, [])
        let rows = try hall.store.db.query("SELECT number, status, department, channel FROM cases ORDER BY id")
        XCTAssertEqual(rows.map { $0.string("status") }, ["submitted", "submitted"])
        XCTAssertEqual(rows.map { $0.string("department") }, ["HEALTH", "PSB"])
        let missing = try hall.store.db.scalarInt("SELECT count(*) FROM case_materials WHERE state = 'missing'")
        XCTAssertEqual(missing, 2 + 4, "BIRTH-REG lacks 2 of 4, HUKOU-MOVE all 4")
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM history WHERE action = 'submit'"), 2)
    }

    func testReimportingChangesNothing() throws {
        let text = [Self.line(ref: "p-1"), Self.line(ref: "p-2")].joined(separator: "\n")
        _ = try run(text)
        let before = try hall.store.db.scalarInt("SELECT count(*) FROM history")
        let again = try run(text)
        XCTAssertEqual(again.imported, 0)
        XCTAssertEqual(again.alreadyPresent, 2)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM history"), before)
    }

    func testBadLinesAreReportedByNumberAndTheRestImported() throws {
        let huge = String(repeating: "长", count: 30_000)   // 90,000 bytes of UTF-8
        var data = Data()
        let lines = [
            Self.line(ref: "ok-1"),
            "not json at all",
            Self.line(ref: "bad-service", service: "NOPE"),
            Self.line(ref: "bad-material", materials: #"["PASSPORT"]"#),
            #"{"ref":"no-service","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"x"}}"#,
            Self.line(ref: "bad-date", submitted: "2026-02-30T09:00:00+08:00"),
            Self.line(ref: "bad-channel", channel: "fax"),
            Self.line(ref: "too-long", name: huge),
            "",
            Self.line(ref: "ok-2"),
        ]
        for line in lines { data.append(Data((line + "\n").utf8)) }
        data.append(Data(#"{"ref":"bad-utf8","service":"BIRTH-REG","channel":"online","applicant":{"name":""#.utf8))
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(Data(#""}}"#.utf8))
        let summary = try run(data)
        XCTAssertEqual(summary.imported, 2)
        XCTAssertEqual(summary.errors.map(\.line), [2, 3, 4, 5, 6, 7, 8, 11])
        XCTAssertEqual(summary.errors[0].reason.en, "not JSON")
        XCTAssertEqual(summary.errors[1].reason.en, "unknown service 'NOPE'")
        XCTAssertTrue(summary.errors[2].reason.en.contains("PASSPORT"))
        XCTAssertEqual(summary.errors[3].reason.en, "missing field \"service\"")
        XCTAssertTrue(summary.errors[4].reason.en.hasPrefix("bad date"))
        XCTAssertTrue(summary.errors[5].reason.en.contains("fax"))
        XCTAssertTrue(summary.errors[6].reason.en.contains("over 64 KiB"))
        XCTAssertEqual(summary.errors[7].reason.en, "not valid UTF-8")
        // Every reason, the parser's and the workflow's, also in Chinese; the `line N:` stays as it is.
        for error in summary.errors {
            XCTAssertTrue(BilingualMessageTests.hasChinese(error.reason.zh), "\(error) has no Chinese")
            XCTAssertFalse(BilingualMessageTests.hasChinese(error.reason.en), "\(error) English has Chinese")
            XCTAssertTrue(error.message(.zh).hasPrefix("line \(error.line): "), error.message(.zh))
        }
        XCTAssertEqual(summary.errors[0].message(.zh), "line 2: 不是 JSON")
    }

    func testSmallBatchesCommitEverything() throws {
        let text = (1...23).map { Self.line(ref: "b-\($0)") }.joined(separator: "\r\n")
        let summary = try run(Data(text.utf8), batchSize: 5)
        XCTAssertEqual(summary.imported, 23)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM cases"), 23)
    }

    func testCaseNumbersCarryTheYearAndAreUnique() throws {
        _ = try run([Self.line(ref: "y-1", submitted: "2025-12-31T23:30:00+08:00"),
                     Self.line(ref: "y-2", submitted: "2025-12-31T16:30:00Z")].joined(separator: "\n"))
        let numbers = try hall.store.db.query("SELECT number FROM cases ORDER BY id").map { $0.string("number") }
        XCTAssertEqual(numbers, ["2025-000001", "2026-000002"], "16:30 UTC on 31 Dec is already 2026 in the hall")
    }
}
