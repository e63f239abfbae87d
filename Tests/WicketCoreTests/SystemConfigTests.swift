import Foundation
@testable import WicketCore
import XCTest

/// The host's settings are believed only when root alone could have written them, and they allow
/// the hall's group only inside the folders they name, with links and `..` resolved.
final class SystemConfigTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root: the settings must be root's") }
        folder = "/tmp/wicket-sysconf-\(UUID().uuidString.prefix(8))"
        for path in [folder!, folder + "/etc", folder + "/hall", folder + "/elsewhere"] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            _ = chmod(path, 0o755)
        }
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    func write(_ text: String, mode: mode_t = 0o644) throws -> String {
        let path = folder + "/etc/wicket.conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        _ = chmod(path, mode)
        return path
    }

    func testTheHallsFolderAndNothingElse() throws {
        let config = try XCTUnwrap(SystemConfig.load(try write("# hall\ndb = \(folder!)/hall/hall.db\n")))
        XCTAssertTrue(config.trusted, "\(config.problems)")
        XCTAssertEqual(config.db, folder + "/hall/hall.db")
        XCTAssertTrue(config.allows(databasePath: folder + "/hall/hall.db"))
        XCTAssertTrue(config.allows(databasePath: folder + "/hall/other.db"))
        XCTAssertFalse(config.allows(databasePath: folder + "/elsewhere/hall.db"))
        XCTAssertFalse(config.allows(databasePath: folder + "/hall/../elsewhere/x.db"), "`..` out of the hall")
        XCTAssertFalse(config.allows(databasePath: folder + "/hallway/x.db"), "a folder whose name starts like the hall's")
        XCTAssertFalse(config.allows(databasePath: "relative.db"))
        // A link into the hall is the hall; a link out of it is not.
        XCTAssertEqual(symlink(folder + "/hall", folder + "/elsewhere/into-hall"), 0)
        XCTAssertTrue(config.allows(databasePath: folder + "/elsewhere/into-hall/hall.db"))
        XCTAssertEqual(symlink(folder + "/elsewhere", folder + "/hall/out"), 0)
        XCTAssertFalse(config.allows(databasePath: folder + "/hall/out/x.db"))
    }

    func testSettingsAnyoneElseCouldHaveWrittenAreNotBelieved() throws {
        let path = try write("db = \(folder!)/hall/hall.db\n", mode: 0o666)
        var config = try XCTUnwrap(SystemConfig.load(path))
        XCTAssertFalse(config.trusted)
        XCTAssertTrue(config.allowedFolders.isEmpty)
        XCTAssertFalse(config.allows(databasePath: folder + "/hall/hall.db"))

        _ = chmod(path, 0o644)
        _ = chown(path, 65534, 65534) // nobody's file
        config = try XCTUnwrap(SystemConfig.load(path))
        XCTAssertFalse(config.trusted)

        _ = chown(path, 0, 0)
        _ = chmod(folder + "/etc", 0o777) // anyone could swap the file
        config = try XCTUnwrap(SystemConfig.load(path))
        XCTAssertFalse(config.trusted)
        _ = chmod(folder + "/etc", 0o755)

        let link = folder + "/etc/link.conf"
        XCTAssertEqual(symlink(path, link), 0)
        XCTAssertFalse(try XCTUnwrap(SystemConfig.load(link)).trusted)
        XCTAssertNil(SystemConfig.load(folder + "/etc/missing.conf"))
    }

    func testFoldersAndProblems() throws {
        let config = try XCTUnwrap(SystemConfig.load(try write("""
            db = \(folder!)/hall/hall.db
            db-folders = \(folder!)/hall:\(folder!)/elsewhere
            history-key = relative.key
            colour = blue
            """)))
        XCTAssertTrue(config.allows(databasePath: folder + "/elsewhere/x.db"))
        XCTAssertEqual(config.problems.count, 2, "\(config.problems)")
        XCTAssertNil(config.historyKey)
    }

    func testWhereTheSettingsLive() {
        XCTAssertEqual(SystemConfig.location(forExecutable: "/usr/local/bin/wicket"), "/usr/local/etc/wicket/wicket.conf")
        XCTAssertEqual(SystemConfig.location(forExecutable: "/usr/bin/wicket"), "/etc/wicket/wicket.conf")
        XCTAssertEqual(SystemConfig.location(forExecutable: "/opt/wicket/bin/wicket"), "/opt/wicket/etc/wicket/wicket.conf")
    }
}
