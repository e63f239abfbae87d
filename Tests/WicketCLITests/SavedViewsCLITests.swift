import Foundation
import XCTest

/// `wicket views` and `list --view`: a view's count is its list, in both languages (README "Saved views").
final class SavedViewsCLITests: XCTestCase {
    var cli: BinaryRunner!

    override func setUpWithError() throws {
        cli = try BinaryRunner()
        try cli.ok(["init"])
        try cli.ok(["users", "add", "li", "--name", "李娜", "--role", "clerk", "--dept", "PSB"])
        try cli.ok(["users", "add", "sup", "--name", "孙丽", "--role", "supervisor"])
        try cli.ok(["import", "-"], stdin: BulkActCLITests.applications)
        try cli.ok(["--as", "li", "act", "2026-000001,2026-000002", "claim"])
    }

    override func tearDown() { cli?.remove() }

    func testAViewListsExactlyWhatItCountsAndSharedViewsReachTheirDepartment() throws {
        XCTAssertEqual(try cli.ok(["--as", "li", "views", "save", "fang1", "--search", "王芳1", "--unassigned"]),
                       "saved view fang1: 10 cases now\n")
        try cli.ok(["--as", "sup", "views", "save", "all-submitted", "--shared", "--status", "submitted"])
        let refused = try cli.run(["--as", "li", "views", "save", "team", "--shared"])
        XCTAssertEqual(refused.status, 1, "clerks do not share")

        let views = try XCTUnwrap(try cli.json(["--as", "li", "views", "list", "--json"]) as? [[String: Any]])
        XCTAssertEqual(views.compactMap { $0["name"] as? String }, ["fang1", "all-submitted"])
        for view in views {
            let name = try XCTUnwrap(view["name"] as? String)
            let listed = try XCTUnwrap(try cli.json(["--as", "li", "list", "--view", name, "--limit", "1000", "--json"]) as? [Any])
            XCTAssertEqual(view["count"] as? Int, listed.count, "\(name): count = list")
        }
        // li sees her department's 25 of the hall's 26 submitted cases through the shared view.
        XCTAssertEqual(views.last?["count"] as? Int, 25)
        let supervisors = try XCTUnwrap(try cli.json(["--as", "sup", "views", "list", "--json"]) as? [[String: Any]])
        XCTAssertEqual(supervisors.compactMap { $0["name"] as? String }, ["all-submitted"], "a personal view is its owner's")
        XCTAssertEqual(supervisors.first?["count"] as? Int, 26)

        let zh = try cli.ok(["--as", "li", "--lang", "zh", "views", "list"])
        XCTAssertTrue(zh.contains("仅本人") && zh.contains("全大厅"), zh)
        XCTAssertTrue(try cli.ok(["--as", "li", "config"]).contains("views: fang1, all-submitted"))
        XCTAssertEqual(try cli.run(["--as", "li", "list", "--view", "fang1", "--status", "submitted"]).status, 2)
        try cli.ok(["--as", "li", "views", "delete", "fang1"])
        XCTAssertEqual(try cli.run(["--as", "li", "list", "--view", "fang1"]).status, 1)
    }
}
