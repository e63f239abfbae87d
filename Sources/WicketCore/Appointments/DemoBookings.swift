import Foundation

/// The demo's appointments: a slot plan with a window group per department, the previous working
/// day settled (arrivals served, a few no-shows) and today's morning under way — people served,
/// some waiting since their check-in, some not yet come — through the real `Appointments` calls at
/// simulated times, so the board, the report and `wicket check` see a lawful history.
struct DemoBookings {
    let store: CaseStore
    let demoLogin: String

    func run(random: inout SeededRandom) throws {
        let time = SimulatedTime(store.clock.now)
        let appointments = Appointments(store: store, clock: WallClock { time.now })
        try appointments.loadPlan(try SlotPlanFile.parse(planText()), actor: "admin")
        let plan = try appointments.plan()
        let end = store.clock.now
        let today = store.hallTime.day(of: end)
        // Today if the hall is open, and the working day before it.
        var days: [Day] = []
        var day = today
        while days.count < 2 && day.ordinal > today.ordinal - 14 {
            if !plan.slots(on: day, calendar: store.calendar).isEmpty { days.append(day) }
            day = day.adding(days: -1)
        }
        for day in days.reversed() {
            try simulate(day, plan: plan, appointments: appointments, time: time, end: end, random: &random)
        }
        time.now = end
        try appointments.sweep(actor: "admin")
    }

    func planText() -> String {
        var lines = ["hours mon-fri 09:00-12:00,13:30-17:00 30"]
        for department in store.catalog.departments {
            let services = store.catalog.services.filter { $0.department == department.code }.map(\.code)
            guard !services.isEmpty else { continue }
            lines.append("group \(department.code) \(services.joined(separator: ",")) \(department.nameZh)")
            lines.append("capacity mon-fri \(department.code) \(department.code == "PSB" ? 4 : 2)")
        }
        return lines.joined(separator: "\n")
    }

    private func simulate(_ day: Day, plan: SlotPlan, appointments: Appointments, time: SimulatedTime, end: Date,
                          random: inout SeededRandom) throws {
        let start = store.hallTime.start(of: day)
        func at(_ minute: Int) -> Date { start.addingTimeInterval(Double(minute * 60)) }
        // Booked two or three days before (within the booking window), by the portal and by phone.
        time.now = at(-3 * 1440 + 10 * 60)
        var booked: [Booking] = []
        for slot in plan.slots(on: day, calendar: store.calendar) where slot.start < 16 * 60 {
            guard let group = plan.groups.first(where: { $0.code == slot.group }) else { continue }
            for _ in 0..<Int.random(in: 0...slot.capacity, using: &random) {
                let service = group.services[Int.random(in: 0..<group.services.count, using: &random)]
                let request = BookingRequest(serviceCode: service, day: day, start: slot.startText,
                                             channel: random.chance(0.7) ? .online : .phone,
                                             personName: DemoPeople.chineseName(&random), personPhone: DemoPeople.phone(&random))
                if let booking = try? appointments.book(request, actor: "admin") { booked.append(booking) }
            }
        }
        let clerks = DemoPeople.staff.filter { $0.role == .clerk }.map(\.login) + [demoLogin]
        // The day as it went: most came a little early, some late, one in eight not at all.
        var events: [(Date, () throws -> Void)] = []
        for booking in booked {
            guard !random.chance(0.125) else { continue }
            let arrival = at(booking.start - 15 + Int.random(in: 0...25, using: &random))
            let call = arrival.addingTimeInterval(Double(Int.random(in: 2...35, using: &random) * 60))
            let finish = call.addingTimeInterval(Double(Int.random(in: 5...20, using: &random) * 60))
            let clerk = clerks.filter { login in
                DemoPeople.staff.first { $0.login == login }?.department ?? "PSB" == booking.department
            }.randomElement(using: &random) ?? "admin"
            let number = booking.number
            events.append((arrival, { _ = try appointments.checkIn(number, actor: clerk) }))
            events.append((call, { _ = try appointments.call(number, actor: clerk) }))
            events.append((finish, { _ = try appointments.finish(number, actor: clerk) }))
        }
        for (moment, event) in events.sorted(by: { $0.0 < $1.0 }) where moment <= end {
            time.now = moment
            try? event()
        }
    }
}
