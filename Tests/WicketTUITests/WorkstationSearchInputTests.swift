import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// The workstation's `/` search takes whatever is typed literally: FTS5 and SQL syntax find
/// nothing special and never turn into an error.
final class WorkstationSearchInputTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func search(_ engine: WorkstationEngine, _ text: String) -> Set<String> {
        // `/` starts from the last search; Esc inside it clears it.
        engine.handle(.character("/"))
        engine.handle(.escape)
        engine.handle(.character("/"))
        for character in text { engine.handle(.character(character)) }
        engine.handle(.enter)
        return engine.state.inbox.matches
    }

    func testSyntaxIsSearchedLiterally() throws {
        let engine = try fixture.engine("sun", width: 100, height: 30)
        XCTAssertEqual(search(engine, "王芳"), ["2026-000001"])
        XCTAssertEqual(search(engine, "申请王芳"), ["2026-000001"], "three characters or more: the trigram index")
        let nasty = [
            "\"", "\"王芳\"", "王芳*", "*", "NEAR(王芳 李)", "王芳 OR 张建国", "(", ")", "'; DROP TABLE cases; --",
            "%", "_", "\\", "applicant_name:王芳", "{summary}:王", "^王", "-王芳", "AND", String(repeating: "(", count: 300),
        ]
        for text in nasty {
            let matches = search(engine, text)
            XCTAssertFalse(engine.state.status.isError, "\(text): \(engine.state.status.text)")
            XCTAssertEqual(matches, [], "\(text) is not in any case, literally")
        }
        XCTAssertEqual(try CaseQueries.count(CaseFilter(), in: fixture.store), 5, "nothing was dropped")
    }
}
