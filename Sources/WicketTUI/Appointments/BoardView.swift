import Foundation
import WicketCore

/// Draws today's board full screen: a title with the day's counts, the slots with their
/// bookings (a list up to 159 columns; from 160 the same slots flow into columns side by side,
/// a grid), a status bar and a line of keys or the last result.
struct BoardView {
    let theme: Theme
    let catalog: Catalog
    let now: Date

    /// Below this width the board is one list; from it, a grid of slot tiles.
    static let gridWidth = 160

    /// One line of the board: a slot's heading, or one of its bookings (its index in `bookings`).
    enum Line {
        case slot(AppointmentBoard.Row)
        case booking(Booking, index: Int)
    }

    func draw(_ state: WorkstationState, into surface: inout CellBuffer) -> CursorPosition? {
        guard let boardState = state.board else { return nil }
        let l = state.language
        let width = state.width, height = state.height
        let title = Rect(row: 0, column: 0, width: width, height: 1)
        let body = Rect(row: 1, column: 0, width: width, height: max(0, height - 3))
        guard let board = boardState.board else {
            surface.put(" " + UIText.boardTitle.text(l), in: title, style: theme.title)
            surface.put(UIText.dashLoading.text(l), row: body.row, column: 1, style: theme.hint, maxWidth: body.width)
            return nil
        }
        let counts = [Booking.Status.booked, .arrived, .serving, .done, .noShow]
            .map { "\(Self.word($0, l)) \(board.count($0))" }.joined(separator: "  ")
        surface.put(" \(UIText.boardTitle.text(l)) \(DateText.day(board.day, language: l))  \(counts)", in: title, style: theme.title)
        if width >= Self.gridWidth {
            drawGrid(board, selected: boardState.selected, language: l, in: body, into: &surface)
        } else {
            drawList(board, selected: boardState.selected, language: l, in: body, into: &surface)
        }
        let statusBar = Rect(row: height - 2, column: 0, width: width, height: 1)
        surface.fill(statusBar, style: theme.statusBar)
        surface.put(" \(state.user.displayName) (\(state.user.login)) · \(Chrome.roleName(state.user.role, l)) · \(state.databaseName)",
                    in: statusBar, style: theme.statusBar)
        let message = Rect(row: height - 1, column: 0, width: width, height: 1)
        if let input = boardState.numberInput {
            let prompt = UIText.boardNumberPrompt.text(l)
            let field = input.visible(width: max(1, width - surface.measure.width(of: prompt) - 1), measure: surface.measure)
            surface.put(prompt + field.text, in: message, style: .plain)
            return CursorPosition(row: message.row, column: surface.measure.width(of: prompt) + field.cursorColumn)
        }
        if !state.status.text.isEmpty {
            surface.put(state.status.text, in: message, style: state.status.isError ? theme.error : theme.info)
        } else {
            var line = ""
            for hint in [UIText.boardHintCheckIn, .boardHintNumber, .boardHintCall, .boardHintEnter, .boardHintBack, .dashHintHelp].map({ $0.text(l) }) {
                let next = line.isEmpty ? hint : line + " · " + hint
                if surface.measure.width(of: next) > width { break }
                line = next
            }
            surface.put(line, in: message, style: theme.hint)
        }
        return nil
    }

    /// Up to 159 columns: one list, slot headings with their bookings under them.
    private func drawList(_ board: AppointmentBoard, selected: Int, language l: Language, in body: Rect, into surface: inout CellBuffer) {
        let lines = Self.lines(board)
        guard !lines.isEmpty else {
            surface.put(UIText.boardNoSlots.text(l), row: body.row, column: 1, style: theme.hint, maxWidth: body.width)
            return
        }
        let selectedLine = lines.firstIndex { if case .booking(_, let index) = $0 { return index == selected }; return false } ?? 0
        // Scroll just enough to keep the selected booking in view.
        let top = max(0, min(selectedLine - body.height + 1, lines.count - body.height))
        for (offset, line) in lines.dropFirst(top).prefix(body.height).enumerated() {
            draw(line, board: board, selected: selected, language: l, row: body.row + offset, column: 0, width: body.width, into: &surface)
        }
    }

    /// From 160 columns: the day as a grid of slot tiles, left to right in time, each slot a box
    /// with its places in the title and its bookings inside, so the whole morning shows at once.
    private func drawGrid(_ board: AppointmentBoard, selected: Int, language l: Language, in body: Rect, into surface: inout CellBuffer) {
        let rows = board.rows.filter { !$0.bookings.isEmpty || !board.isToday || $0.slot.end > board.minute }
        guard !rows.isEmpty else {
            surface.put(UIText.boardNoSlots.text(l), row: body.row, column: 1, style: theme.hint, maxWidth: body.width)
            return
        }
        let perRow = max(1, body.width / Self.tileWidth)
        let tileWidth = body.width / perRow
        var firstIndex: [Int] = []
        var index = 0
        for row in rows { firstIndex.append(index); index += row.bookings.count }
        let bands = stride(from: 0, to: rows.count, by: perRow).map { Array($0..<min($0 + perRow, rows.count)) }
        let heights = bands.map { band in 2 + max(1, band.map { rows[$0].bookings.count }.max() ?? 1) }
        // The band holding the selected booking is kept in view.
        let selectedBand = bands.firstIndex { band in band.contains { firstIndex[$0] <= selected && selected < firstIndex[$0] + rows[$0].bookings.count } } ?? 0
        var firstBand = 0
        while heights[firstBand...selectedBand].reduce(0, +) > body.height && firstBand < selectedBand { firstBand += 1 }
        var top = body.row
        for bandIndex in firstBand..<bands.count {
            let height = heights[bandIndex]
            guard top + height <= body.bottom else { break }
            for (position, rowIndex) in bands[bandIndex].enumerated() {
                let row = rows[rowIndex]
                let box = Rect(row: top, column: body.column + position * tileWidth, width: tileWidth - 1, height: height)
                let current = board.isToday && row.slot.start <= board.minute && board.minute < row.slot.end
                let title = " \(row.slot.startText)-\(row.slot.endText) \(row.slot.group) \(UIText.boardPlaces.format(l, row.taken, row.slot.capacity))"
                    + (current ? " ◀ " + UIText.boardNow.text(l) : "") + " "
                surface.drawBox(box, style: current ? theme.focusedBorder : theme.border, title: title)
                let inner = box.inset(by: 1)
                if row.bookings.isEmpty {
                    surface.putCut(UIText.boardFree.format(l, row.slot.capacity - row.taken), row: inner.row, column: inner.column,
                                   style: theme.hint, maxWidth: inner.width)
                }
                for (offset, booking) in row.bookings.enumerated() {
                    draw(.booking(booking, index: firstIndex[rowIndex] + offset), board: board, selected: selected, language: l,
                         row: inner.row + offset, column: inner.column, width: inner.width, into: &surface)
                }
            }
            top += height
        }
    }

    static let tileWidth = 53

    static func lines(_ board: AppointmentBoard) -> [Line] {
        var lines: [Line] = []
        var index = 0
        for row in board.rows where !row.bookings.isEmpty || (board.isToday && row.slot.end > board.minute) || !board.isToday {
            lines.append(.slot(row))
            for booking in row.bookings {
                lines.append(.booking(booking, index: index))
                index += 1
            }
        }
        for booking in board.unplanned {
            lines.append(.booking(booking, index: index))
            index += 1
        }
        return lines
    }

    private func draw(_ line: Line, board: AppointmentBoard, selected: Int, language l: Language, row: Int, column: Int, width: Int,
                      into surface: inout CellBuffer) {
        switch line {
        case .slot(let slotRow):
            let slot = slotRow.slot
            let current = board.isToday && slot.start <= board.minute && board.minute < slot.end
            let past = board.isToday && slot.end <= board.minute
            let text = "\(slot.startText)-\(slot.endText)  \(slot.group)  \(UIText.boardPlaces.format(l, slotRow.taken, slot.capacity))"
                + (current ? "  ◀ " + UIText.boardNow.text(l) : "")
            surface.putCut(text, row: row, column: column, style: past ? theme.hint : theme.header, maxWidth: width)
        case .booking(let booking, let index):
            let style = index == selected ? theme.selected : Self.style(booking.status, theme)
            if index == selected { surface.fill(Rect(row: row, column: column, width: width, height: 1), style: style) }
            var text = (width < 60 ? "" : "  ") + "\(booking.number)  " + surface.measure.pad(Self.word(booking.status, l), toWidth: l == .zh ? 6 : 9) + " "
                + surface.measure.pad(surface.measure.truncate(booking.personName, toWidth: 10), toWidth: 10) + " "
                + (catalog.services.first { $0.code == booking.serviceCode }?.name(l) ?? booking.serviceCode)
            if let wait = board.waitMinutes(booking, now: now) {
                let waitText = UIText.boardWait.format(l, wait)
                let room = width - surface.measure.width(of: waitText) - 1
                text = surface.measure.pad(surface.measure.truncate(text, toWidth: max(0, room)), toWidth: max(0, room)) + " " + waitText
            }
            surface.putCut(text, row: row, column: column, style: style, maxWidth: width)
        }
    }

    static func word(_ status: Booking.Status, _ language: Language) -> String { status.word.text(language) }

    /// Marks by attribute as well as colour: arrivals stand out, the finished recede.
    static func style(_ status: Booking.Status, _ theme: Theme) -> Style {
        switch status {
        case .arrived: return theme.label
        case .serving: return theme.info
        case .noShow: return theme.error
        case .done, .cancelled: return theme.hint
        case .booked: return .plain
        }
    }
}
