import Foundation
@testable import WicketCore
import XCTest

/// Notes and history are never deleted: one action stores at most `Workflow.textLimit` characters
/// of text or reason, so a clerk cannot fill the hall's disk (or every colleague's detail pane) by
/// pasting megabytes in a loop. Found by an attack: 50 notes of 130,000 characters in 8 s.
final class TextLimitTests: XCTestCase {
    func testAnOversizedNoteOrReasonIsRefusedAndNothingIsStored() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let number = try hall.submit().number
        let events = try hall.historyCount(number)
        let version = try hall.record(number).version
        let huge = String(repeating: "A", count: Workflow.textLimit + 1)
        XCTAssertThrowsError(try hall.act(number, .note) { $0.text = huge }) { error in
            XCTAssertTrue("\(error)".contains("at most \(Workflow.textLimit)"), "\(error)")
        }
        XCTAssertThrowsError(try hall.act(number, .reject) { $0.reason = huge })
        XCTAssertEqual(try hall.historyCount(number), events)
        XCTAssertEqual(try hall.record(number).version, version)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM notes"), 0)
        // The limit itself is allowed.
        try hall.act(number, .note) { $0.text = String(repeating: "字", count: Workflow.textLimit) }
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM notes"), 1)
    }
}
