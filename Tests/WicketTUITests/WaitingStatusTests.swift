import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Issue 11: while another process holds the write lock, the workstation is not a frozen screen:
/// after about a second its status line says who holds the hall, drawn from inside the waiting
/// write, and the action then completes without an error.
final class WaitingStatusTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    func testTheStatusLineNamesTheHolderWhileAnActionWaits() throws {
        let engine = try fixture.engine("li", width: 120, height: 30)
        var drawn: [String] = []
        engine.drawWhileWaiting = { drawn.append(self.fixture.screen(engine)) }

        let path = fixture.store.path
        let taken = DispatchSemaphore(value: 0)
        let holder = Thread {
            let store = try! CaseStore.open(path: path)
            try! WriterActivity.during("import", login: "admin", in: store.db) {
                try store.db.write {
                    try store.db.execute("UPDATE settings SET value = value WHERE key = 'timezone'")
                    taken.signal()
                    usleep(1_800_000)
                }
            }
        }
        holder.start()
        taken.wait()
        engine.run([.perform(ActionRequest(caseNumber: "2026-000001", action: .accept, actor: "li"))])
        engine.endWait()
        while !holder.isFinished { usleep(10_000) }

        let during = try XCTUnwrap(drawn.first, "nothing was drawn while the action waited")
        XCTAssertTrue(during.contains("waiting for the hall: import by admin (pid \(getpid())) since"), during)
        XCTAssertEqual(try CaseDetail.load(number: "2026-000001", in: fixture.store).record.status, .accepted)
        XCTAssertFalse(fixture.screen(engine).contains("waiting for the hall"), "the line goes when the wait is over")
        XCTAssertFalse(fixture.screen(engine).contains("locked"))
    }
}
