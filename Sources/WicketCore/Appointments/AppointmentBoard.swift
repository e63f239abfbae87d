import Foundation

/// One day's bookings by slot, as the board shows them: each slot with its places, its bookings
/// and their states, and how long each arrival has waited. Read after the due no-shows are recorded.
public struct AppointmentBoard: Sendable {
    public struct Row: Sendable {
        public let slot: Slot
        public let taken: Int
        public let bookings: [Booking]
    }

    public let day: Day
    public let isToday: Bool
    /// Minutes of the hall day now (for waits and the current slot).
    public let minute: Int
    public let rows: [Row]
    /// Bookings of slots the plan no longer has (it was changed after they were booked).
    public let unplanned: [Booking]

    public var bookings: [Booking] { rows.flatMap(\.bookings) + unplanned }

    public func count(_ status: Booking.Status) -> Int { bookings.filter { $0.status == status }.count }

    /// Minutes an arrival has waited: to their call, or to now while they wait.
    public func waitMinutes(_ booking: Booking, now: Date) -> Int? {
        guard let arrived = booking.arrivedAt.flatMap(Timestamp.parse) else { return nil }
        let end = booking.calledAt.flatMap(Timestamp.parse) ?? now
        return max(0, Int(end.timeIntervalSince(arrived) / 60))
    }

    public static func read(_ appointments: Appointments, day: Day? = nil, actor: String) throws -> AppointmentBoard {
        let store = appointments.store
        let now = appointments.clock.now
        let today = store.hallTime.day(of: now)
        let day = day ?? today
        let bookings = try appointments.list(day: day, actor: actor, includeCancelled: false)
        let slots = try appointments.slots(on: day, actor: actor)
        var byKey: [String: [Booking]] = [:]
        for booking in bookings { byKey["\(booking.group) \(booking.start)", default: []].append(booking) }
        let rows = slots.map { state in
            Row(slot: state.slot, taken: state.taken, bookings: byKey.removeValue(forKey: "\(state.slot.group) \(state.slot.start)") ?? [])
        }
        let minute = Int(now.timeIntervalSince(store.hallTime.start(of: today)) / 60)
        return AppointmentBoard(day: day, isToday: day == today, minute: minute, rows: rows,
                                unplanned: byKey.values.flatMap { $0 }.sorted { ($0.start, $0.id) < ($1.start, $1.id) })
    }
}
