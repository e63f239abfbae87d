import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// Today's appointment board in the workstation: reached with Y from the inbox, check-in and
/// call by key against the real core, and snapshots at 80×24 (a list) and 160×45 (a grid) in
/// both languages.
final class BoardTests: XCTestCase {
    var fixture: WorkstationFixture!

    static let plan = """
        group     PSB-ID   ID-RENEW,HUKOU-MOVE,RES-PERMIT   1-3号窗口
        group     HEALTH   BIRTH-REG                        8号窗口
        hours     mon-fri  09:00-12:00,13:30-17:00  30
        capacity  mon-fri  PSB-ID  3
        capacity  mon-fri  HEALTH  1
        """

    /// Monday 30 Nov: a morning of bookings made on Friday, then arrivals from 08:50.
    override func setUpWithError() throws {
        fixture = try WorkstationFixture()
        let appointments = Appointments(store: fixture.store)
        try appointments.loadPlan(try SlotPlanFile.parse(Self.plan), actor: "admin")
        let people: [(String, String, String, String)] = [
            ("09:00", "HUKOU-MOVE", "赵敏", "13800002001"), ("09:00", "ID-RENEW", "John Smith", "13800002002"),
            ("09:00", "RES-PERMIT", "欧阳娜娜", "13800002003"), ("09:30", "HUKOU-MOVE", "钱晓明", "13800002004"),
            ("09:30", "ID-RENEW", "孙悦", "13800002005"), ("10:00", "HUKOU-MOVE", "周杰", "13800002006"),
            ("09:00", "BIRTH-REG", "吴霞", "13800002007"),
        ]
        for (start, service, name, phone) in people {
            try appointments.book(BookingRequest(serviceCode: service, day: Day("2026-11-30")!, start: start, channel: .online,
                                                 personName: name, personPhone: phone), actor: "admin")
        }
        fixture.setNow("2026-11-30T08:50:00+08:00")
        try appointments.checkIn("B2026-000001", actor: "li")
        fixture.setNow("2026-11-30T09:05:00+08:00")
        try appointments.checkIn("B2026-000002", actor: "li")
        fixture.setNow("2026-11-30T09:50:00+08:00") // 09:00 slot ended 09:30, grace 15 min: 欧阳娜娜 is a no-show
    }

    override func tearDown() { fixture.remove() }

    func testYOpensTheBoardAndEscComesBack() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "Y")
        XCTAssertNotNil(engine.state.board)
        let screen = fixture.screen(engine)
        XCTAssertTrue(screen.contains("arrived 2") && screen.contains("no-show 1"), screen)
        XCTAssertFalse(screen.contains("吴霞"), "a clerk sees their own department's bookings only")
        XCTAssertTrue(screen.contains("waited 60 min"), screen)
        try fixture.press(engine, "<Esc>")
        XCTAssertNil(engine.state.board)
        // F4 too, and the take-next rule is in the inbox's help.
        try fixture.press(engine, "<F4>")
        XCTAssertNotNil(engine.state.board)
        XCTAssertTrue(HelpText.global.contains { $0.keys == "Y / F4" })
    }

    func testCheckInAndCallByKeyOpenTheCase() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "Y")
        // The fourth line of bookings: 钱晓明 at 09:30 (booked); c checks in.
        let index = try XCTUnwrap(engine.state.board?.board?.bookings.firstIndex { $0.personName == "钱晓明" })
        try fixture.press(engine, String(repeating: "j", count: index) + "c")
        XCTAssertEqual(engine.state.board?.selectedBooking?.status, .arrived, engine.state.status.text)
        XCTAssertTrue(engine.state.status.text.contains("checked in"), engine.state.status.text)
        // n calls the next arrival whose slot has begun: 赵敏 (09:00, arrived first).
        try fixture.press(engine, "n")
        XCTAssertTrue(engine.state.status.text.contains("赵敏 called to your window"), engine.state.status.text)
        let booking = try Appointments(store: fixture.store).booking("B2026-000001", actor: "li")
        XCTAssertEqual(booking.status, .serving)
        let record = try XCTUnwrap(try CaseRows.load(number: booking.caseNumber ?? "", in: fixture.store.db))
        XCTAssertEqual(record.holder, "li")
        // Enter on the one being served: done.
        let served = try XCTUnwrap(engine.state.board?.board?.bookings.firstIndex { $0.number == "B2026-000001" })
        try fixture.press(engine, "g" + String(repeating: "j", count: served) + "<Enter>")
        XCTAssertEqual(try Appointments(store: fixture.store).booking("B2026-000001", actor: "li").status, .done)
        XCTAssertNoThrow(try IntegrityCheck(db: fixture.store.db).run())
    }

    func testCheckInByTypingTheBookingNumber() throws {
        let engine = try fixture.engine()
        try fixture.press(engine, "Y/b2026-000005<Enter>")
        XCTAssertNil(engine.state.board?.numberInput)
        XCTAssertTrue(engine.state.status.text.contains("B2026-000005 checked in: 孙悦 is here"), engine.state.status.text)
        XCTAssertEqual(try Appointments(store: fixture.store).booking("B2026-000005", actor: "li").status, .arrived)
        // While typing, letters are text, not keys (n would call the next); Esc leaves nothing done.
        try fixture.press(engine, "/n<Esc>")
        XCTAssertEqual(try Appointments(store: fixture.store).booking("B2026-000001", actor: "li").status, .arrived)
        // A number that is not a booking the clerk may see is refused in words.
        try fixture.press(engine, "/B2026-000007<Enter>")
        XCTAssertTrue(engine.state.status.text.contains("no booking B2026-000007 that you may see"), engine.state.status.text)
    }

    func testSnapshots() throws {
        for (width, height) in [(80, 24), (160, 45)] {
            for language in [Language.en, .zh] {
                let engine = try fixture.engine(width: width, height: height)
                engine.state.language = language
                try fixture.press(engine, "Yj")
                let text = fixture.screen(engine)
                for line in text.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: line), width, line.description)
                }
                try SnapshotFile.assert(text, named: "board\(language == .zh ? "-zh" : "")-\(width)x\(height)")
            }
        }
    }
}
