import Foundation
import XCTest
@testable import WicketCore

/// An import counts each batch into the tallies itself while the insert triggers stand aside
/// (`BulkTallies`); everything else still counts through the triggers.
final class BulkTalliesTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall(now: "2026-09-14T09:00:00+08:00") }
    override func tearDown() { hall.remove() }

    private var markers: Int { get throws { try hall.store.db.scalarInt("SELECT count(*) FROM bulk_import") ?? -1 } }

    private func intakeCount() throws -> Int {
        try hall.store.db.scalarInt("SELECT coalesce(sum(n), 0) FROM tally_days WHERE kind = 'intake'") ?? -1
    }

    private func importLines(_ lines: [String], batchSize: Int) throws -> Importer.Summary {
        let file = hall.directory.appendingPathComponent("import-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        var importer = Importer(store: hall.store, actor: "admin")
        importer.batchSize = batchSize
        return try importer.run(from: try FileHandle(forReadingFrom: file))
    }

    func testABulkImportLeavesNoMarkerAndPassesTheCheck() throws {
        try hall.submit()
        let services = ["HUKOU-MOVE", "ID-RENEW", "BIRTH-REG"]
        let channels = ["online", "mobile", "window"]
        var lines = (0..<23).map { index in
            #"{"ref":"b-\#(index)","service":"\#(services[index % 3])","channel":"\#(channels[index % 2])","#
                + #""submitted_at":"2026-09-\#(10 + index % 5)T2\#(index % 4):30:00+08:00","#
                + #""applicant":{"name":"王芳","id_number":"440106199001181234","phone":"13800000000"},"#
                + #""summary":"申请","details":"","materials":[],"priority":"normal"}"#
        }
        lines.insert("not json", at: 7)
        lines.append(lines[3])  // already imported: a batch with nothing new
        let summary = try importLines(lines, batchSize: 4)
        XCTAssertEqual(summary.imported, 23, "\(summary.errors)")
        XCTAssertEqual(summary.alreadyPresent, 1)
        XCTAssertEqual(try markers, 0)
        XCTAssertEqual(try intakeCount(), 24)
        XCTAssertNil(try Tallies.firstDrift(in: hall.store.db))
        XCTAssertEqual(try IntegrityCheck(db: hall.store.db).run().cases, 24)
    }

    func testASingleIntakeStillCountsThroughTheTriggers() throws {
        try hall.submit()
        XCTAssertEqual(try markers, 0)
        XCTAssertEqual(try intakeCount(), 1)
        XCTAssertNil(try Tallies.firstDrift(in: hall.store.db))
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }

    /// The marker has teeth: an intake made while it is present is left for the import to count.
    func testTheMarkerTurnsTheInsertTriggersOff() throws {
        let db = hall.store.db
        try db.write {
            try db.execute("INSERT INTO bulk_import(marker) VALUES (1)")
            try hall.submit()
            try db.execute("DELETE FROM bulk_import")
        }
        XCTAssertEqual(try intakeCount(), 0)
        XCTAssertNotNil(try Tallies.firstDrift(in: db))
    }

    /// A batch that fails leaves neither its cases nor the marker.
    func testAFailedBatchRollsTheMarkerBack() throws {
        let db = hall.store.db
        XCTAssertThrowsError(try db.write {
            try BulkTallies.batch(in: db) { throw StoreError.notSQLite(path: "test") }
        })
        XCTAssertEqual(try markers, 0)
        XCTAssertNil(try Tallies.firstDrift(in: db))
    }
}
