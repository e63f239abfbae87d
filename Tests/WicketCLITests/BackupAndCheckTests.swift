import Foundation
import WicketCore
import XCTest

/// `wicket backup PATH` while clerks work, and `wicket check` naming the first problem.
final class BackupAndCheckTests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws { cli = try BinaryRunner() }
    override func tearDown() { cli.remove() }

    func testBackupWhileClerksWorkIsOneConsistentMoment() throws {
        try cli.prepareHall(clerks: ["c1", "c2"], supervisors: ["sup"], cases: 120)
        let logs = (0..<3).map { cli.directory.appendingPathComponent("backup-\($0).log") }
        let clerks = try ["c1", "c2", "sup"].enumerated().map { index, login in
            try ClerkProcesses.startStress(database: cli.databasePath, actor: login, actions: 1_000_000,
                                           seed: UInt64(index + 1), log: logs[index])
        }
        defer { clerks.forEach { ClerkProcesses.sigkill($0) } }
        // The backup is taken while they write: wait until their first actions are in, not a fixed pause.
        let reader = try ReliabilityAudit(path: cli.databasePath).db
        let start = try reader.scalarInt("SELECT count(*) FROM history") ?? 0
        let deadline = Date().addingTimeInterval(60)
        while try (reader.scalarInt("SELECT count(*) FROM history") ?? 0) < start + 20, Date() < deadline { usleep(20_000) }
        let copy = cli.directory.appendingPathComponent("copy.db").path
        let done = try cli.ok(["backup", copy])
        XCTAssertTrue(done.contains("to \(copy):"), done)
        XCTAssertTrue(done.contains("integrity ok"), done)
        // One self-contained file: a rollback-journal database (header bytes 18–19 are 1, not WAL's 2).
        let header = try Data(contentsOf: URL(fileURLWithPath: copy)).prefix(20)
        XCTAssertEqual(Array(header.suffix(2)), [1, 1])
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy + "-wal"))
        // Taken while three clerks wrote: still every case agrees with its history, chain intact.
        let checked = try cli.run(["--db", copy, "check"])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stdout.contains("120 cases agree with their history"), checked.stdout)

        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        try cli.ok(["act", "2026-000001", "note", "--text", "after the backup"])
        let again = try cli.run(["backup", copy])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists; nothing was written"), again.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: copy)), bytes, "the refused backup left the file's bytes as they were")
        XCTAssertTrue(try cli.ok(["backup", copy, "--force"]).contains("integrity ok"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".partial-") }, [])

        let itself = try cli.run(["backup", cli.databasePath, "--force"])
        XCTAssertEqual(itself.status, 1)
        XCTAssertTrue(itself.stderr.contains("is the database itself"), itself.stderr)
        let nowhere = try cli.run(["backup", cli.directory.appendingPathComponent("no/such/folder/copy.db").path])
        XCTAssertEqual(nowhere.status, 1)
        XCTAssertTrue(nowhere.stderr.contains("no folder"), nowhere.stderr)
    }

    func testCheckPassesAWorkedDatabaseAndNamesAnEditedEvent() throws {
        try cli.prepareHall(clerks: ["c1"], supervisors: [], cases: 3)
        try cli.ok(["--as", "c1", "act", "2026-000001", "accept"])
        try cli.ok(["--as", "c1", "act", "2026-000001", "note", "--text", "已核对"])
        let ok = try cli.ok(["check"])
        XCTAssertTrue(ok.contains("chain of 5 events intact; 3 cases agree with their history"), ok)
        XCTAssertTrue(ok.contains("head hash: "), ok)

        // Someone with the sqlite3 shell rewrites who accepted the case, and puts the triggers back.
        let db = try Database(path: cli.databasePath, create: false)
        XCTAssertThrowsError(try db.execute("UPDATE history SET actor = 'c2' WHERE id = 4"))
        try db.executeScript("""
            DROP TRIGGER history_no_update;
            UPDATE history SET actor = 'admin' WHERE id = 4;
            CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN
                SELECT RAISE(ABORT, 'history is append-only: an event cannot be changed');
            END;
            """)
        let found = try cli.run(["check"])
        XCTAssertEqual(found.status, 1)
        XCTAssertEqual(found.stdout, "")
        XCTAssertTrue(found.stderr.contains("check failed: chain: history event #4 (case 2026-000001, accept by admin"), found.stderr)
        XCTAssertTrue(found.stderr.contains("was changed after it was written"), found.stderr)
        let chinese = try cli.run(["--lang", "zh", "check"])
        XCTAssertTrue(chinese.stderr.contains("检查未通过：chain：历史记录 #4（案件 2026-000001"), chinese.stderr)
        XCTAssertTrue(chinese.stderr.contains("写入后被改动"), chinese.stderr)
    }

    /// A damaged file: SQLite's integrity check is the first thing `check` reports.
    func testCheckReportsADamagedFile() throws {
        try cli.prepareHall(clerks: [], supervisors: [], cases: 400)
        let db = try Database(path: cli.databasePath, create: false)
        let root = try db.scalarInt("SELECT rootpage FROM sqlite_schema WHERE name = 'cases_by_service'")!
        let pageSize = try db.scalarInt("PRAGMA page_size")!
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        // Scribble over the index's root page after its 8-byte header (its cell pointers now point
        // outside the page); the tables stay readable, so Wicket still opens the file.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.databasePath))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize + 8))
        try handle.write(contentsOf: Data(repeating: 0x5A, count: pageSize - 8))
        try handle.close()
        let found = try cli.run(["check"])
        XCTAssertEqual(found.status, 1)
        XCTAssertTrue(found.stderr.contains("check failed: integrity: "), found.stderr)
    }
}
