import XCTest
@testable import WicketCore

/// Appointments on a real hall file: the slot plan, the booking window over weekends, holidays
/// and make-up days, capacity, the cancel cut-off, no-shows and the online suspension, check-in
/// and call opening the case, and `wicket check` over the bookings' ledger.
final class AppointmentTests: XCTestCase {
    var hall: TestHall!
    var appointments: Appointments { Appointments(store: hall.store) }

    static let plan = """
        # the hall's plan
        group     PSB-ID   ID-RENEW,HUKOU-MOVE,RES-PERMIT   1-3号窗口
        group     HEALTH   BIRTH-REG                        8号窗口
        hours     mon-fri  09:00-12:00,13:30-17:00  30
        hours     makeup   09:00-12:00  30
        capacity  mon-fri  PSB-ID  2
        capacity  mon-fri  HEALTH  1
        capacity  makeup   PSB-ID  1
        closed    2026-12-31  year-end inventory
        """

    override func setUpWithError() throws {
        hall = try TestHall() // Friday 27 Nov 2026, 10:00
        try appointments.loadPlan(try SlotPlanFile.parse(Self.plan), actor: "admin")
    }

    override func tearDown() { hall.remove() }

    func request(_ day: String, _ start: String, service: String = "HUKOU-MOVE", channel: Channel = .phone,
                 name: String = "王芳", phone: String = "13800000000", id: String = "") -> BookingRequest {
        BookingRequest(serviceCode: service, day: Day(day)!, start: start, channel: channel, personName: name,
                       personPhone: phone, personIDNumber: id)
    }

    func refusal(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "not refused"
        } catch let error as WorkflowError {
            return error.message(.en)
        } catch {
            return "\(error)"
        }
    }

    func events() throws -> Int { try hall.store.db.scalarInt("SELECT count(*) FROM booking_history") ?? 0 }

    // MARK: the plan file

    func testThePlanGivesSlotsPerWeekdayWithExceptions() throws {
        let plan = try appointments.plan()
        XCTAssertEqual(plan.groups.map(\.code), ["PSB-ID", "HEALTH"])
        let monday = plan.slots(on: Day("2026-11-30")!, calendar: hall.store.calendar)
        // 6 morning and 7 afternoon slots of 30 minutes, for two groups.
        XCTAssertEqual(monday.count, 26)
        XCTAssertEqual(monday.first, Slot(day: Day("2026-11-30")!, start: 540, end: 570, group: "PSB-ID", capacity: 2))
        XCTAssertEqual(monday.last?.endText, "17:00")
        XCTAssertTrue(plan.slots(on: Day("2026-11-28")!, calendar: hall.store.calendar).isEmpty, "Saturday has no hours")
        XCTAssertTrue(plan.slots(on: Day("2026-12-31")!, calendar: hall.store.calendar).isEmpty, "closed by the plan")
        XCTAssertTrue(plan.slots(on: Day("2026-10-01")!, calendar: hall.store.calendar).isEmpty, "National Day")
        // A make-up Saturday has the makeup line's morning and only PSB-ID's capacity.
        let makeUp = plan.slots(on: Day("2026-10-10")!, calendar: hall.store.calendar)
        XCTAssertEqual(makeUp.map(\.startText), ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"])
        // A provisional year's statutory holiday closes the hall too (1 May 2028, no schedule loaded).
        XCTAssertTrue(plan.slots(on: Day("2028-05-01")!, calendar: hall.store.calendar).isEmpty)
        // The stored plan reads back as the same plan.
        XCTAssertEqual(try SlotPlanFile.parse(plan.text), plan)
    }

    func testBadLinesAreNamedInBothLanguages() {
        let cases: [(String, Int, String)] = [
            ("group A ID-RENEW\nhours mon 9:00-12:00 30", 2, "bad hours '9:00-12:00'"),
            ("group A ID-RENEW\ncapacity mon B 2", 2, "unknown group 'B'"),
            ("hours mon-fri 09:00-12:00 30\nhours fri 13:00-14:00 30", 2, "hours for fri are already given on line 1"),
            ("group A ID-RENEW\ngroup B ID-RENEW", 2, "service ID-RENEW is already served by a group on line 1"),
            ("\n\nopen mon", 3, "unknown line 'open'"),
            ("hours fri-mon 09:00-12:00 30", 1, "weekday range fri-mon is backwards"),
            ("hours mon 09:00-12:00 500", 1, "slot length '500' must be 5 to 240 minutes"),
            ("hours mon 09:00-09:20 30", 1, "shorter than one slot"),
            ("closed mon", 1, "closed takes days"),
            ("hours mon 09:00-12:00,11:00-13:00 30", 1, "overlap"),
        ]
        for (text, line, words) in cases {
            XCTAssertThrowsError(try SlotPlanFile.parse(text), text) { error in
                let problem = error as? SlotPlanError
                XCTAssertEqual(problem?.line, line, text)
                XCTAssertTrue(problem?.reason.en.contains(words) == true, "\(error)")
                XCTAssertFalse(problem?.reason.zh.isEmpty ?? true)
            }
        }
        XCTAssertTrue((try? SlotPlanFile.parse("hours mon 9:00-12:00 30")) == nil)
    }

    func testAnUnknownServiceIsNamedAtItsLineAndOnlyAdminsLoad() throws {
        let plan = try SlotPlanFile.parse("# x\ngroup A NO-SUCH\n")
        XCTAssertThrowsError(try appointments.loadPlan(plan, actor: "admin")) { error in
            XCTAssertEqual((error as? SlotPlanError)?.line, 2)
        }
        XCTAssertTrue(refusal { try self.appointments.loadPlan(SlotPlan(), actor: "sup") }.contains("only an admin"))
        XCTAssertEqual(try appointments.plan().groups.count, 2, "the old plan stays")
    }

    // MARK: the booking window

    func testTheWindowRunsFromTomorrowToFiveWorkingDays() throws {
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-11-27", "14:00"), actor: "li") }
            .contains("outside the booking window: from 2026-11-28 to 2026-12-04"))
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-11-28", "09:00"), actor: "li") }
            .contains("takes no appointments on 2026-11-28"))
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-12-07", "09:00"), actor: "li") }
            .contains("outside the booking window"))
        let booking = try appointments.book(request("2026-12-04", "16:30"), actor: "li")
        XCTAssertEqual(booking.status, .booked)
        XCTAssertEqual(booking.number, "B2026-000001")
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-12-01", "12:00", name: "李四"), actor: "li") }
            .contains("no slot of PSB-ID starts at 12:00"))
    }

    func testTheWindowCountsWorkingDaysOverAHolidayWeekAndAMakeUpDay() throws {
        hall.clock.set("2026-09-28T10:00:00+08:00") // Monday before National Day
        // Working days after it: 29, 30 Sep, 8, 9 Oct and the make-up Saturday 10 Oct.
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-10-01", "09:00"), actor: "li") }
            .contains("is a holiday"))
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-10-12", "09:00"), actor: "li") }
            .contains("from 2026-09-29 to 2026-10-10"))
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-10-10", "13:30"), actor: "li") }
            .contains("no slot of PSB-ID starts at 13:30"))
        XCTAssertEqual(try appointments.book(request("2026-10-10", "09:00"), actor: "li").day, Day("2026-10-10"))
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-10-10", "09:00", name: "李四"), actor: "li") }
            .contains("is full (1 places)"))
    }

    // MARK: capacity, moves, cancel

    func testASlotNeverExceedsItsCapacityAndACancelFreesAPlace() throws {
        let first = try appointments.book(request("2026-11-30", "09:00", name: "甲"), actor: "li")
        try appointments.book(request("2026-11-30", "09:00", service: "ID-RENEW", name: "乙", phone: "13900000000"), actor: "zhang")
        let before = try events()
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-11-30", "09:00", name: "丙", phone: "13700000000"), actor: "li") }
            .contains("is full (2 places)"))
        XCTAssertEqual(try events(), before, "a refusal writes nothing")
        try appointments.cancel(first.number, actor: "li", reason: "电话取消")
        XCTAssertEqual(try appointments.book(request("2026-11-30", "09:00", name: "丙", phone: "13700000000"), actor: "li").status, .booked)
        // Another group's slot at the same time is counted apart.
        XCTAssertEqual(try appointments.book(request("2026-11-30", "09:00", service: "BIRTH-REG"), actor: "hp").group, "HEALTH")
    }

    func testCancelAndMoveEndTwoHoursBeforeTheSlot() throws {
        let booking = try appointments.book(request("2026-11-30", "09:00"), actor: "li")
        hall.clock.set("2026-11-30T07:00:01+08:00")
        XCTAssertTrue(refusal { try self.appointments.cancel(booking.number, actor: "li") }
            .contains("can no longer be cancelled: its slot starts at 2026-11-30 09:00, less than 2 hours from now"))
        XCTAssertTrue(refusal { try self.appointments.move(booking.number, to: Day("2026-12-01")!, start: "10:00", actor: "li") }
            .contains("can no longer be moved"))
        hall.clock.set("2026-11-30T07:00:00+08:00")
        let moved = try appointments.move(booking.number, to: Day("2026-12-01")!, start: "10:00", actor: "li")
        XCTAssertEqual(moved.startText, "10:00")
        XCTAssertEqual(moved.version, 2)
        XCTAssertEqual(try appointments.cancel(booking.number, actor: "li").status, .cancelled)
        XCTAssertTrue(refusal { try self.appointments.cancel(booking.number, actor: "li") }.contains("it is cancelled"))
    }

    func testClerksSeeAndBookTheirOwnDepartmentsBookingsOnly() throws {
        let booking = try appointments.book(request("2026-11-30", "09:00"), actor: "li")
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-11-30", "09:00", service: "BIRTH-REG"), actor: "li") }
            .contains("clerks book their own department's services"))
        XCTAssertEqual(refusal { try self.appointments.cancel(booking.number, actor: "hp") }, "no booking \(booking.number) that you may see")
        XCTAssertEqual(try appointments.list(day: Day("2026-11-30"), actor: "hp").count, 0)
        XCTAssertEqual(try appointments.list(day: Day("2026-11-30"), actor: "sup").count, 1)
    }

    // MARK: no-shows and suspension

    func testNoShowsAreRecordedOnceAfterTheGracePeriod() throws {
        let booking = try appointments.book(request("2026-11-30", "09:00"), actor: "li")
        hall.clock.set("2026-11-30T09:44:00+08:00") // the slot ended at 09:30; 15 minutes' grace
        XCTAssertEqual(try appointments.sweep(actor: "li"), 0)
        hall.clock.set("2026-11-30T09:45:00+08:00")
        let before = try events()
        XCTAssertEqual(try appointments.list(actor: "li").first?.status, .noShow, "a list records what is due first")
        XCTAssertEqual(try events(), before + 1)
        XCTAssertEqual(try appointments.sweep(actor: "li"), 0, "idempotent")
        XCTAssertEqual(try events(), before + 1)
        let event = try XCTUnwrap(try hall.store.db.queryOne("SELECT actor, action, version FROM booking_history ORDER BY id DESC LIMIT 1"))
        XCTAssertEqual([event.string("actor"), event.string("action")], ["wicket", "no_show"])
        XCTAssertTrue(refusal { try self.appointments.checkIn(booking.number, actor: "li") }.contains("it is no-show"))
    }

    func testAListStillReadsWhenNoShowsCannotBeWritten() throws {
        try appointments.book(request("2026-11-30", "09:00"), actor: "li")
        hall.clock.set("2026-11-30T10:00:00+08:00")
        // Without the history key nothing can be written; the list still shows the day.
        try FileManager.default.removeItem(atPath: hall.store.historyKeyPath)
        let reopened = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertEqual(try Appointments(store: reopened).list(actor: "li").map(\.status), [.booked])
        XCTAssertThrowsError(try Appointments(store: reopened).sweep(actor: "li"))
    }

    func testThreeNoShowsIn90DaysSuspendOnlineBookingFor30Days() throws {
        let id = "440106199001181234"
        for (day, service) in [("2026-11-30", "HUKOU-MOVE"), ("2026-12-01", "ID-RENEW"), ("2026-12-02", "RES-PERMIT")] {
            try appointments.book(request(day, "09:00", service: service, channel: .online, id: id), actor: "admin")
        }
        hall.clock.set("2026-12-03T10:00:00+08:00")
        XCTAssertEqual(try appointments.sweep(actor: "sup"), 3)
        let standing = try appointments.standing(name: "", phone: "", idNumber: id)
        XCTAssertEqual(standing.noShows, 3)
        XCTAssertEqual(standing.suspendedUntil, Day("2027-01-01"))
        XCTAssertTrue(refusal { try self.appointments.book(self.request("2026-12-04", "09:00", channel: .online, id: id), actor: "admin") }
            .contains("online booking is suspended for this person until 2027-01-01"))
        // By phone or at the hall a clerk may still book them.
        XCTAssertEqual(try appointments.book(request("2026-12-04", "09:00", channel: .phone, id: id), actor: "li").status, .booked)
        hall.clock.set("2027-01-01T10:00:00+08:00")
        XCTAssertFalse(try appointments.standing(name: "", phone: "", idNumber: id).suspended)
    }

    // MARK: arrival

    func testCheckInAndCallOpenTheCaseHeldByTheClerkWithTheBookingLinked() throws {
        let booking = try appointments.book(request("2026-11-30", "09:00", id: "440106199001181234"), actor: "li")
        XCTAssertTrue(refusal { try self.appointments.checkIn(booking.number, actor: "li") }.contains("is for 2026-11-30, not today"))
        hall.clock.set("2026-11-30T08:50:00+08:00")
        XCTAssertEqual(try appointments.checkIn(booking.number, actor: "zhang").status, .arrived)
        XCTAssertNil(try appointments.nextArrival(actor: "li"), "an early arrival waits for the slot")
        hall.clock.set("2026-11-30T09:02:00+08:00")
        XCTAssertEqual(try appointments.nextArrival(actor: "li"), booking.number)
        XCTAssertNil(try appointments.nextArrival(actor: "hp"), "another department's arrival")
        let called = try appointments.call(actor: "li")
        XCTAssertEqual(called.status, .serving)
        let number = try XCTUnwrap(called.caseNumber)
        let record = try hall.record(number)
        XCTAssertEqual(record.holder, "li")
        XCTAssertEqual(record.ref, "booking:\(booking.number)")
        XCTAssertEqual(record.applicantIDNumber, "440106199001181234")
        XCTAssertEqual(try appointments.finish(booking.number, actor: "li").status, .done)
        let actions = try hall.store.db.query("SELECT action FROM booking_history WHERE booking_id = ? ORDER BY id", booking.id)
            .map { $0.string("action") }
        XCTAssertEqual(actions, ["book", "check_in", "call", "finish"])
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }

    func testTakeNextCallsABookedArrivalWithinItsSlotBeforeWalkIns() throws {
        let booking = try appointments.book(request("2026-11-30", "09:00"), actor: "li")
        hall.clock.set("2026-11-30T08:40:00+08:00")
        let walkIn = try hall.submit(channel: .window)
        try appointments.checkIn(booking.number, actor: "li")
        // Before the slot begins the early arrival waits: take next gives the walk-in.
        XCTAssertEqual(try hall.workflow.takeNext(actor: "zhang").caseNumber, walkIn.number)
        let second = try hall.submit(channel: .window, name: "赵六")
        hall.clock.set("2026-11-30T09:01:00+08:00")
        let taken = try hall.workflow.takeNext(actor: "li")
        XCTAssertNotEqual(taken.caseNumber, second.number)
        XCTAssertEqual(try hall.record(taken.caseNumber).ref, "booking:\(booking.number)")
        XCTAssertEqual(taken.holder, "li")
        XCTAssertTrue(taken.warnings.first?.contains("is called before walk-ins") == true)
        XCTAssertEqual(try appointments.booking(booking.number, actor: "li").status, .serving)
        // Nobody booked is waiting now: the walk-in comes next.
        XCTAssertEqual(try hall.workflow.takeNext(actor: "li").caseNumber, second.number)
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }

    func testTheReportCountsArrivalsNoShowsWaitsAndServiceWithinTheSlot() throws {
        let people = [("甲", "13800000001"), ("乙", "13800000002"), ("丙", "13800000003"), ("丁", "13800000004")]
        var numbers: [String] = []
        for (index, person) in people.enumerated() {
            let service = ["HUKOU-MOVE", "ID-RENEW", "RES-PERMIT", "HUKOU-MOVE"][index]
            let start = index < 2 ? "09:00" : "09:30"
            numbers.append(try appointments.book(request("2026-11-30", start, service: service, name: person.0, phone: person.1),
                                                 actor: "li").number)
        }
        try appointments.cancel(numbers[3], actor: "li")
        hall.clock.set("2026-11-30T08:50:00+08:00")
        try appointments.checkIn(numbers[0], actor: "li")
        try appointments.checkIn(numbers[1], actor: "li")
        hall.clock.set("2026-11-30T09:00:00+08:00")
        try appointments.call(numbers[0], actor: "li") // waited 10 minutes, within the slot
        hall.clock.set("2026-11-30T09:40:00+08:00")
        try appointments.call(numbers[1], actor: "zhang") // waited 50 minutes, after the slot ended
        hall.clock.set("2026-11-30T10:15:00+08:00") // 丙's 09:30 slot ended at 10:00, grace 15: a no-show, not yet swept
        let figures = try ReportBuilder(store: hall.store).build(period: .today).appointments
        XCTAssertEqual(figures.bookings, 3)
        XCTAssertEqual(figures.cancelled, 1)
        XCTAssertEqual(figures.arrived, 2)
        XCTAssertEqual(figures.noShows, 1)
        XCTAssertEqual(figures.noShowRate ?? 0, 1.0 / 3, accuracy: 0.001)
        XCTAssertEqual(figures.waitMedianMinutes, 10)
        XCTAssertEqual(figures.waitP90Minutes, 50)
        XCTAssertEqual(figures.servedWithinSlot, 1)
        XCTAssertEqual(figures.servedWithinSlotRate, 0.5)
        // Another department sees none of them; the CSV rows carry them under their section.
        XCTAssertEqual(try ReportBuilder(store: hall.store).build(period: .today, department: "HEALTH").appointments.bookings, 0)
        let rows = try ReportBuilder(store: hall.store).build(period: .today).rows.filter { $0.section == .appointments }
        XCTAssertEqual(rows.first { $0.key == "no-shows" }?.value, "1")
        XCTAssertEqual(rows.first { $0.key == "wait p90 minutes" }?.label.zh, "等候 p90（分钟）")
    }

    func testTheDemoHasADayOfBookingsServedWaitingAndMissed() throws {
        let demo = try TestHall(now: "2026-12-02T10:20:00+08:00") // a Wednesday morning
        defer { demo.remove() }
        try DemoGenerator(store: demo.store, demoLogin: "demo", caseCount: 30).run()
        let statuses = Set(try demo.store.db.query("SELECT DISTINCT status FROM bookings").map { $0.string(at: 0) })
        XCTAssertTrue(statuses.isSuperset(of: ["done", "no_show", "booked"]), "\(statuses)")
        let board = try AppointmentBoard.read(Appointments(store: demo.store), actor: "demo")
        XCTAssertGreaterThan(board.bookings.count, 0)
        XCTAssertGreaterThan(try demo.store.db.scalarInt("SELECT count(*) FROM cases WHERE ref LIKE 'booking:%'") ?? 0, 0)
        XCTAssertNoThrow(try IntegrityCheck(db: demo.store.db).run())
    }

    func testCheckFindsABookingChangedAroundWicket() throws {
        let booking = try appointments.book(request("2026-11-30", "09:00"), actor: "li")
        try hall.store.db.execute("UPDATE bookings SET status = 'done' WHERE id = ?", booking.id)
        XCTAssertThrowsError(try IntegrityCheck(db: hall.store.db).run()) { error in
            XCTAssertTrue("\(error)".contains("booking #\(booking.id)"), "\(error)")
        }
    }
}
