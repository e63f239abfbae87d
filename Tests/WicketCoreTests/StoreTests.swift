import XCTest
import CSQLite
@testable import WicketCore

/// Opening files: refusals that name the file and write nothing, the shared-use settings, and
/// migrations from older schemas.
final class StoreTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testMissingFileIsRefused() {
        XCTAssertThrowsError(try CaseStore.open(path: path("none.db"))) { error in
            XCTAssertEqual(error as? StoreError, .missing(path: path("none.db")))
            XCTAssertTrue("\(error)".contains("wicket init"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("none.db")))
    }

    func testNonSQLiteFileIsRefusedUntouched() throws {
        let file = path("notes.txt")
        let content = Data(String(repeating: "这不是数据库 not a database\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try CaseStore.open(path: file)) { XCTAssertEqual($0 as? StoreError, .notSQLite(path: file)) }
        XCTAssertThrowsError(try CaseStore.create(path: file, creator: "admin")) {
            XCTAssertEqual($0 as? StoreError, .notSQLite(path: file))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), content)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file + "-wal"))
    }

    func testOtherProgramsDatabaseIsRefusedUntouched() throws {
        let file = path("other.db")
        let other = try Database(path: file, create: true)
        try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        XCTAssertThrowsError(try CaseStore.open(path: file)) { XCTAssertEqual($0 as? StoreError, .notWicket(path: file)) }
        XCTAssertThrowsError(try CaseStore.create(path: file, creator: "admin")) {
            XCTAssertEqual($0 as? StoreError, .notWicket(path: file))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    func testNewerSchemaIsRefused() throws {
        let file = path("future.db")
        _ = try CaseStore.create(path: file, creator: "admin")
        let raw = try Database(path: file, create: false)
        try raw.execute("PRAGMA user_version = 99")
        XCTAssertThrowsError(try CaseStore.open(path: file)) {
            XCTAssertEqual($0 as? StoreError, .newerSchema(path: file, found: 99, known: Schema.latestVersion))
        }
    }

    func testInitRefusesAnExistingWicketDatabase() throws {
        let file = path("hall.db")
        _ = try CaseStore.create(path: file, creator: "admin")
        XCTAssertThrowsError(try CaseStore.create(path: file, creator: "admin")) {
            XCTAssertEqual($0 as? StoreError, .alreadyExists(path: file))
        }
    }

    func testSharedUseSettings() throws {
        let store = try CaseStore.create(path: path("hall.db"), creator: "admin")
        XCTAssertEqual(try store.db.scalarString("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try store.db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertThrowsError(try store.db.execute(
            "INSERT INTO users(login, display_name, role, department, created_at) VALUES ('x', 'x', 'clerk', 'NOPE', '')"),
            "foreign keys are enforced")
        XCTAssertGreaterThanOrEqual(store.catalog.services.count, 10)
        XCTAssertGreaterThanOrEqual(Set(store.catalog.services.map(\.department)).count, 3)
    }

    func testWriteTransactionRollsBackOnError() throws {
        let store = try CaseStore.create(path: path("hall.db"), creator: "admin")
        struct Boom: Error {}
        XCTAssertThrowsError(try store.db.write {
            try store.db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
            throw Boom()
        })
        XCTAssertNil(try store.setting("a"))
        XCTAssertFalse(store.db.isInTransaction)
    }

    func testDatabaseErrorsCarrySQLitesMessage() throws {
        let store = try CaseStore.create(path: path("hall.db"), creator: "admin")
        XCTAssertThrowsError(try store.db.execute("SELECT name FROM nowhere")) { error in
            let failure = error as? DatabaseError
            XCTAssertEqual(failure?.message, "no such table: nowhere")
            XCTAssertEqual(failure?.sql, "SELECT name FROM nowhere")
        }
    }

    func testStatementsAreCachedAndReused() throws {
        let store = try CaseStore.create(path: path("hall.db"), creator: "admin")
        let first = try store.db.cachedStatement("SELECT count(*) FROM cases")
        _ = try store.db.scalarInt("SELECT count(*) FROM cases")
        XCTAssertTrue(first === (try store.db.cachedStatement("SELECT count(*) FROM cases")))
    }

    func testMigrationFromVersionOneAddsSearchOverExistingCases() throws {
        let file = path("old.db")
        // A database as the first release left it: schema 1 only, with a case in it.
        let old = try Database(path: file, create: true)
        try Migrator.verifyAndMigrate(old, upTo: 1)
        XCTAssertEqual(try old.scalarInt("PRAGMA user_version"), 1)
        try old.write {
            // The first release's catalog had no standard reasons (migration 12 brings the defaults).
            var catalog = DefaultCatalog.catalog
            catalog.reasonsGiven = false
            try CatalogWriter.write(catalog, into: old)
            try old.execute("INSERT INTO users(login, display_name, role, created_at) VALUES ('admin', 'admin', 'admin', '')")
            try old.execute("""
                INSERT INTO cases(id, number, service_code, department, channel, status, applicant_name, summary,
                    submitted_at, received_at, limit_days, updated_at)
                VALUES (1, '2026-000001', 'BIRTH-REG', 'HEALTH', 'online', 'submitted', '欧阳娜娜', '生育登记申请',
                    '2026-11-26T01:00:00Z', '2026-11-26T01:00:00Z', 1, '2026-11-26T01:00:00Z')
                """)
        }
        let store = try CaseStore.open(path: file)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "欧阳娜"), in: store).map(\.number), ["2026-000001"])
        XCTAssertEqual(try CaseQueries.list(CaseFilter(search: "登记申"), in: store).count, 1)
        XCTAssertEqual(store.catalog.reasons, DefaultCatalog.reasons, "migration 12 gives an existing hall the default reasons")
    }
}
