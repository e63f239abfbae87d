import XCTest

/// The snapshot files' update mode: refused in CI, and what it writes it names.
final class SnapshotFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testComparingNeverWrites() throws {
        let url = folder.appendingPathComponent("screen.txt")
        XCTAssertEqual(try SnapshotFile.compare("a", with: url, environment: [:]), .missing)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        try "a\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try SnapshotFile.compare("a", with: url, environment: [:]), .matched)
        XCTAssertEqual(try SnapshotFile.compare("b", with: url, environment: [:]), .differs)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "a\n")
    }

    func testUpdateModeIsRefusedInCIAndTheFileKeepsItsBytes() throws {
        let url = folder.appendingPathComponent("screen.txt")
        try "a\n".write(to: url, atomically: true, encoding: .utf8)
        for ci in ["true", "1", "yes"] {
            let outcome = try SnapshotFile.compare("b", with: url, environment: ["WICKET_UPDATE_SNAPSHOTS": "1", "CI": ci])
            XCTAssertEqual(outcome, .refusedInCI)
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "a\n")
        let fresh = folder.appendingPathComponent("new.txt")
        XCTAssertEqual(try SnapshotFile.compare("b", with: fresh, environment: ["WICKET_UPDATE_SNAPSHOTS": "1", "CI": "true"]),
                       .refusedInCI)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fresh.path))
    }

    func testUpdateModeLocallyTellsCreatedChangedAndUnchanged() throws {
        let update = ["WICKET_UPDATE_SNAPSHOTS": "1", "CI": "false"]
        let url = folder.appendingPathComponent("screen.txt")
        XCTAssertEqual(try SnapshotFile.compare("a", with: url, environment: update), .created)
        XCTAssertEqual(try SnapshotFile.compare("a", with: url, environment: update), .unchanged)
        XCTAssertEqual(try SnapshotFile.compare("b", with: url, environment: update), .changed)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "b\n")
    }
}
