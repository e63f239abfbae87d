import Foundation
import WicketCore
import XCTest

/// Only `init` makes a hall, and Wicket opens a hall through plain files only.
final class HallFileTests: XCTestCase {
    /// An existing empty file used to be made into a new, empty hall by any command, and `check`
    /// then said ok: every case gone, no error.
    func testAnEmptyFileIsRefusedByEveryCommandButInit() throws {
        let cli = try BinaryRunner()
        _ = FileManager.default.createFile(atPath: cli.databasePath, contents: Data())
        for arguments in [["list"], ["check"], ["show", "2026-000001"], ["report"], ["next"]] {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 1, "\(arguments): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("is empty"), result.stderr)
            XCTAssertTrue(result.stderr.contains("wicket init"), result.stderr)
            XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: cli.databasePath)[.size] as? Int, 0, "\(arguments) wrote to the file")
        }
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        XCTAssertEqual(try cli.run(["check"]).status, 0)
    }

    func testAMissingFileIsNotCreatedByAnyCommandButInit() throws {
        let cli = try BinaryRunner()
        let result = try cli.run(["list"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no Wicket database"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.databasePath))
    }

    /// A hall reached through a symbolic link named as the database, or with a companion that is
    /// a link or a folder, is refused, and the link's target is left alone.
    func testLinksAndOddFilesInPlaceOfTheDatabaseOrItsCompanionsAreRefused() throws {
        let cli = try BinaryRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let target = cli.directory.appendingPathComponent("target.txt").path
        try "leave me\n".write(toFile: target, atomically: true, encoding: .utf8)
        _ = chmod(target, 0o600)

        var linked = cli
        linked.environment["WICKET_DB"] = cli.directory.appendingPathComponent("link.db").path
        XCTAssertEqual(symlink(cli.databasePath, linked.databasePath), 0)
        let viaLink = try linked.run(["list"])
        XCTAssertEqual(viaLink.status, 1)
        XCTAssertTrue(viaLink.stderr.contains("symbolic link"), viaLink.stderr)

        for suffix in ["-journal", "-wal", "-shm"] {
            let companion = cli.databasePath + suffix
            try? FileManager.default.removeItem(atPath: companion)
            XCTAssertEqual(symlink(target, companion), 0)
            let result = try cli.run(["act", "2026-000001", "note", "--text", "x"])
            XCTAssertEqual(result.status, 1, suffix)
            XCTAssertTrue(result.stderr.contains("symbolic link"), "\(suffix): \(result.stderr)")
            XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "leave me\n")
            var info = stat()
            XCTAssertEqual(stat(target, &info), 0)
            XCTAssertEqual(info.st_mode & 0o777, 0o600, "\(suffix): the target's mode changed")
            try FileManager.default.removeItem(atPath: companion)
        }
        try FileManager.default.createDirectory(atPath: cli.databasePath + "-wal", withIntermediateDirectories: false)
        XCTAssertTrue(try cli.run(["list"]).stderr.contains("not a plain file"))
    }

    /// `--db 'file:…?nolock=1'` is a file name, never an SQLite URI that switches off locking.
    func testADatabaseNameIsNeverAnSQLiteURI() throws {
        let cli = try BinaryRunner()
        XCTAssertEqual(try cli.run(["init"]).status, 0)
        let result = try cli.run(["--db", "file:\(cli.databasePath)?nolock=1", "list"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no Wicket database"), result.stderr)
    }
}
