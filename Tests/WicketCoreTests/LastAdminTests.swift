import XCTest
@testable import WicketCore

/// The hall always keeps an active admin: the last one can be neither demoted nor deactivated.
final class LastAdminTests: XCTestCase {
    func testTheLastActiveAdminStaysAnAdmin() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let admin = Administration(store: hall.store)
        let admins = try hall.store.db.query("SELECT login FROM users WHERE role = 'admin' AND active = 1").map { $0.string(at: 0) }
        XCTAssertEqual(admins.count, 1, "the test hall starts with one admin: \(admins)")
        let only = admins[0]
        let demoted = User(login: only, displayName: only, role: .clerk, department: "PSB")
        XCTAssertRefused(.invalidArgument(Bilingual(
            en: "\(only) is the last active admin; register another admin first (users add LOGIN --role admin)", zh: ""))) {
            try admin.saveUser(demoted)
        }
        XCTAssertThrowsError(try admin.saveUser(User(login: only, displayName: only, role: .admin, department: nil, active: false)))
        XCTAssertEqual(try admin.user(only)?.role, .admin)
        XCTAssertEqual(try admin.user(only)?.active, true)
        // With a second admin the first may step down.
        try admin.saveUser(User(login: "deputy", displayName: "副", role: .admin, department: nil))
        try admin.saveUser(demoted)
        XCTAssertEqual(try admin.user(only)?.role, .clerk)
        XCTAssertThrowsError(try admin.saveUser(User(login: "deputy", displayName: "副", role: .supervisor, department: nil)))
    }
}
