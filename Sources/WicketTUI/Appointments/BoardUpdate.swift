import WicketCore

/// Keys while the board is shown. Pure: the engine reads the board and changes bookings.
extension Update {
    func handleBoard(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        guard var board = state.board else { return [] }
        if var input = board.numberInput {
            // Typing a number: every key is text until Enter or Esc.
            switch key {
            case .escape:
                board.numberInput = nil
            case .enter:
                let number = input.text.trimmingCharacters(in: .whitespaces).uppercased()
                guard !number.isEmpty else { return [] }
                board.numberInput = nil
                state.board = board
                return [.board(.checkIn(number))]
            default:
                _ = input.handle(key)
                board.numberInput = input
            }
            state.board = board
            return []
        }
        if let effects = handleScreenKeys(key, &state) { return effects }
        let count = board.board?.bookings.count ?? 0
        switch key {
        case .escape, .character("q"), .character("Y"), .function(4):
            state.board = nil
            return [.reloadInbox]
        case .down, .character("j"):
            board.selected = min(max(0, count - 1), board.selected + 1)
        case .up, .character("k"):
            board.selected = max(0, board.selected - 1)
        case .home, .character("g"):
            board.selected = 0
        case .end, .character("G"):
            board.selected = max(0, count - 1)
        case .character("c"):
            guard let booking = board.selectedBooking else { return noBooking(&state) }
            return [.board(.checkIn(booking.number))]
        case .character("/"):
            board.numberInput = LineInput()
            state.status = .none
        case .character("n"):
            return [.board(.call(nil))]
        case .enter:
            guard let booking = board.selectedBooking else { return noBooking(&state) }
            return [.board(booking.status == .serving ? .finish(booking.number) : .call(booking.number))]
        default:
            return []
        }
        state.board = board
        return []
    }

    private func noBooking(_ state: inout WorkstationState) -> [Effect] {
        state.status = StatusMessage(text: UIText.boardNoBooking.text(state.language), isError: true)
        return []
    }
}
