import Foundation
import XCTest

/// A setgid `wicket` run by a clerk on the hall borrows the hall's group: `deliver` refuses there
/// (delivery is the service user's job) and never runs a command from the clerk's environment.
/// Needs root (to add OS users and make the program setgid); skipped otherwise.
final class PrivilegedDeliverTests: XCTestCase {
    func testASetgidDeliverIsRefusedAndRunsNothing() throws {
        let host = try HallHost.make()
        defer { host.remove() }
        try host.setUpHall()
        let marker = host.prefix + "/ran"
        let result = try host.run(HallHost.clerks[0], ["deliver"], environment: ["WICKET_DELIVERY_COMMAND": "touch \(marker)"], expect: 1)
        XCTAssertTrue(result.stderr.contains("deliver refused: this wicket runs with the hall's group borrowed by \(HallHost.clerks[0])"), result.stderr)
        XCTAssertTrue(result.stderr.contains("delivery runs as the service user"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the clerk's command ran")
        // Even --watch: refused at once, nothing left running.
        let watch = try host.run(HallHost.clerks[0], ["deliver", "--watch"], environment: ["WICKET_DELIVERY_COMMAND": "touch \(marker)"], expect: 1)
        XCTAssertTrue(watch.stderr.contains("deliver refused"), watch.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the clerk's command ran")
    }
}
