import Foundation
import XCTest
@testable import WicketCore

/// The one visibility rule (`CaseAccess`) and migration 8 (the portal role).
final class CaseAccessRuleTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws {
        hall = try TestHall()
        let admin = Administration(store: hall.store)
        try admin.saveUser(User(login: "feed", displayName: "portal", role: .portal, department: nil))
        try admin.saveUser(User(login: "gone", displayName: "gone", role: .clerk, department: "PSB", active: false))
    }

    override func tearDown() { hall.remove() }

    func access(_ login: String) throws -> CaseAccess { try CaseAccess.check(login, in: hall.store) }

    func testTheRuleForEachKindOfLogin() throws {
        XCTAssertEqual(try access("li").scope, .department("PSB"))
        XCTAssertEqual(try access("sup").scope, .everyDepartment)
        XCTAssertEqual(try access("admin").scope, .everyDepartment)
        XCTAssertEqual(try access("feed").scope, .nothing)
        XCTAssertRefused(.unknownUser("ghost")) { try self.access("ghost") }
        XCTAssertRefused(.inactiveUser("gone")) { try self.access("gone") }

        XCTAssertTrue(try access("li").maySee(caseDepartment: "PSB"))
        XCTAssertFalse(try access("li").maySee(caseDepartment: "HEALTH"))
        XCTAssertTrue(try access("sup").maySee(caseDepartment: "HEALTH"))
        XCTAssertFalse(try access("feed").maySee(caseDepartment: "PSB"))
        // A clerk without a department (only an old database could hold one) sees nothing.
        let stray = CaseAccess(user: User(login: "stray", displayName: "s", role: .clerk, department: nil))
        XCTAssertEqual(stray.scope, .nothing)
        XCTAssertThrowsError(try stray.department(requested: nil))
        XCTAssertEqual(stray.listDepartment, "", "never widened to every department")

        XCTAssertEqual(try access("li").department(requested: nil), "PSB")
        XCTAssertThrowsError(try access("li").department(requested: "HEALTH"))
        XCTAssertNil(try access("sup").department(requested: nil))
        XCTAssertEqual(try access("admin").department(requested: "HEALTH"), "HEALTH")
        XCTAssertThrowsError(try access("feed").department(requested: nil))

        XCTAssertEqual(["li", "hp", "sup", "admin", "feed"].map { (try? access($0).mayImport) ?? false },
                       [false, false, false, true, true])
        XCTAssertFalse(Role.portal.canOverride)
        XCTAssertEqual(ReportAccess.choices(for: try access("feed").user, in: hall.store.catalog), [])
    }

    func testACaseOneMayNotSeeIsRefusedAsAMissingOneBeforeItsVersionOrStatusIsChecked() throws {
        let number = try hall.submit().number
        try hall.act(number, .accept, as: "sup")
        let before = try hall.historyCount(number)
        // A stale version or a move not allowed from its status would tell the status: refused first.
        XCTAssertRefused(.caseNotFound(number)) { try hall.act(number, .accept, as: "hp") { $0.expectedVersion = 1 } }
        XCTAssertRefused(.caseNotFound(number)) { try hall.act(number, .accept, as: "hp") }
        XCTAssertRefused(.caseNotFound(number)) { try hall.workflow.reveal(caseNumber: number, actor: "hp") }
        XCTAssertRefused(.caseNotFound(number)) { try CaseDetail.load(number: number, in: hall.store, for: try access("hp")) }
        XCTAssertEqual(WorkflowError.caseNotFound(number).description, "no case \(number) that you may see")
        XCTAssertRefused(.inactiveUser("gone")) { try hall.act(number, .note, as: "gone") { $0.text = "x" } }
        XCTAssertEqual(try hall.historyCount(number), before)
        XCTAssertEqual(try CaseDetail.load(number: number, in: hall.store, for: try access("li")).record.number, number)
    }

    func testOnlyAdminsAndThePortalImport() throws {
        let line = #"{"ref":"x-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"X"}}"#
        let file = hall.directory.appendingPathComponent("apps.jsonl")
        try line.write(to: file, atomically: true, encoding: .utf8)
        for login in ["li", "sup", "gone", "ghost"] {
            XCTAssertThrowsError(try Importer(store: hall.store, actor: login).run(from: try FileHandle(forReadingFrom: file)), login)
        }
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM cases"), 0)
        XCTAssertEqual(try Importer(store: hall.store, actor: "feed").run(from: try FileHandle(forReadingFrom: file)).imported, 1)
    }

    func testMigrationEightLetsAnOlderDatabaseRegisterAPortalLogin() throws {
        let file = hall.directory.appendingPathComponent("old.db").path
        let old = try Database(path: file, create: true)
        try Migrator.verifyAndMigrate(old, upTo: 7)
        try old.write {
            // A hall of version 7 had no standard reasons (migration 13 brings the defaults).
            var catalog = DefaultCatalog.catalog
            catalog.reasonsGiven = false
            try CatalogWriter.write(catalog, into: old)
            try old.execute("INSERT INTO users(login, display_name, role, created_at) VALUES ('boss', 'boss', 'admin', '')")
        }
        XCTAssertThrowsError(try old.execute(
            "INSERT INTO users(login, display_name, role, created_at) VALUES ('feed', 'feed', 'portal', '')"))
        try Migrator.verifyAndMigrate(old)
        XCTAssertEqual(try old.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        // The same connection sees the new check at once.
        try old.execute("INSERT INTO users(login, display_name, role, created_at) VALUES ('feed', 'feed', 'portal', '')")
        XCTAssertThrowsError(try old.execute(
            "INSERT INTO users(login, display_name, role, created_at) VALUES ('x', 'x', 'janitor', '')"), "still checked")
        XCTAssertEqual(try old.scalarString("PRAGMA integrity_check"), "ok")
        let store = try CaseStore.open(path: file)
        XCTAssertEqual(try Administration(store: store).user("feed")?.role, .portal)
        XCTAssertEqual(try Administration(store: store).user("boss")?.role, .admin)
        // Running it again (a renumbered migration list) changes nothing.
        try store.db.write { try Schema.allowPortalRole(store.db) }
        XCTAssertEqual(try store.db.scalarString("SELECT sql FROM sqlite_schema WHERE name = 'users'")?
            .components(separatedBy: "'portal'").count, 2)
    }
}
