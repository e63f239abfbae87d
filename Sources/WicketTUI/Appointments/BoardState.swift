import WicketCore

/// Today's appointment board on top of the workstation (Y / F4): the board it shows (re-read
/// when the database changes) and which booking is selected.
public struct BoardState: Sendable {
    public var board: AppointmentBoard?
    /// The selected booking, by its place in `board.bookings` (slot order).
    public var selected = 0
    /// Non-nil while a booking number is typed to check in (`/`), e.g. read from the person's phone.
    public var numberInput: LineInput?

    public init() {}

    public var selectedBooking: Booking? {
        guard let bookings = board?.bookings, bookings.indices.contains(selected) else { return nil }
        return bookings[selected]
    }
}

/// Work the board asks of the engine, as `Effect.board(…)`.
public enum BoardEffect: Sendable, Equatable {
    case open
    case reload
    case checkIn(String)
    /// Call a booked arrival (nil: the next whose slot has begun) to this clerk's window.
    case call(String?)
    case finish(String)
}
