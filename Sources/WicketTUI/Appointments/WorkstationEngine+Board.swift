import Foundation
import WicketCore

/// The board's effects, through the core's `Appointments` (the same calls as `wicket appointments`).
extension WorkstationEngine {
    /// Opens the board, e.g. for `wicket screen --keys Y`.
    public func openBoard() {
        run([.board(.open)])
    }

    func run(_ effect: BoardEffect) throws {
        let appointments = Appointments(store: store)
        let login = state.user.login
        let language = state.language
        switch effect {
        case .open:
            if state.board == nil { state.board = BoardState() }
            try reloadBoard()
        case .reload:
            try reloadBoard()
        case .checkIn(let number):
            let booking = try appointments.checkIn(number, actor: login)
            try reloadBoard(select: booking.number)
            state.status = StatusMessage(text: UIText.boardCheckedIn.format(language, booking.number, booking.personName), isError: false)
        case .call(let number):
            let booking = try appointments.call(number, actor: login)
            try reloadBoard(select: booking.number)
            try reloadInbox()
            state.status = StatusMessage(text: UIText.boardCalled.format(language, booking.number, booking.personName,
                                                                          booking.caseNumber ?? ""), isError: false)
        case .finish(let number):
            let booking = try appointments.finish(number, actor: login)
            try reloadBoard(select: booking.number)
            state.status = StatusMessage(text: UIText.boardFinished.format(language, booking.number), isError: false)
        }
    }

    /// Re-reads today's board (recording the no-shows that fell due), keeping the selection on
    /// the same booking when it is still there.
    func reloadBoard(select number: String? = nil) throws {
        guard var board = state.board else { return }
        let keep = number ?? board.selectedBooking?.number
        board.board = try AppointmentBoard.read(Appointments(store: store), actor: state.user.login)
        let bookings = board.board?.bookings ?? []
        board.selected = keep.flatMap { wanted in bookings.firstIndex { $0.number == wanted } } ?? min(board.selected, max(0, bookings.count - 1))
        state.board = board
    }
}
