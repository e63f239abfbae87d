/// One frame: a width × height grid of cells, drawn into by panes and handed to a
/// `FrameDisplay`. A value type, so the previous frame can be kept for diffing by copying.
public struct CellBuffer: Surface, Sendable, Hashable {
    public let width: Int
    public let height: Int
    public let measure: DisplayWidth
    /// Row-major: the cell at (row, column) is `cells[row * width + column]`.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, measure: DisplayWidth = .standard, style: Style = .plain) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        self.measure = measure
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        precondition(bounds.contains(row: row, column: column), "cell (\(row), \(column)) is outside the buffer")
        return cells[row * width + column]
    }

    /// The cells of one row, continuation cells included.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[row * width..<(row + 1) * width]
    }

    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style, maxWidth: Int?) -> Int {
        guard row >= 0, row < height else {
            return column
        }
        let limit = min(width, maxWidth.map { column + max($0, 0) } ?? width)
        var position = column
        for character in SafeText.sanitize(text, options: .singleLine) {
            let characterWidth = measure.width(of: character)
            if characterWidth == 0 {
                continue // nothing to place; SafeText gave orphan marks a visible base
            }
            if position >= limit {
                break
            }
            if position + characterWidth <= 0 {
                position += characterWidth // wholly left of the surface
                continue
            }
            if position < 0 || position + characterWidth > limit {
                // The glyph straddles an edge: show the visible part of it as spaces.
                for blankColumn in max(position, 0)..<min(position + characterWidth, limit) {
                    place(.blank(style), row: row, column: blankColumn)
                }
                position += characterWidth
                continue
            }
            place(Cell(grapheme: String(character), width: characterWidth, style: style), row: row, column: position)
            position += characterWidth
        }
        return position >= limit ? max(limit, column) : position
    }

    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                place(.blank(style), row: row, column: column)
            }
        }
    }

    public mutating func setStyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        for row in area.row..<area.bottom {
            for column in area.column..<area.right {
                let index = row * width + column
                cells[index].style = style
                // Keep both halves of a wide glyph in one style, even at the rect's edges.
                if cells[index].isContinuation, column > 0 {
                    cells[index - 1].style = style
                } else if cells[index].width == 2, column + 1 < width {
                    cells[index + 1].style = style
                }
            }
        }
    }

    public mutating func clear(style: Style) {
        cells = Array(repeating: .blank(style), count: width * height)
    }

    /// Stores `cell` at (row, column), which must be inside the buffer, with room for the
    /// continuation of a wide cell. Whatever wide glyph it overlaps is replaced by spaces so
    /// that no half glyph is ever left behind.
    private mutating func place(_ cell: Cell, row: Int, column: Int) {
        let index = row * width + column
        breakWideGlyph(at: index, column: column)
        cells[index] = cell
        if cell.width == 2 {
            breakWideGlyph(at: index + 1, column: column + 1)
            cells[index + 1] = .continuation(cell.style)
        }
    }

    /// Turns the other half of the wide glyph covering `index` (if any) into a space.
    private mutating func breakWideGlyph(at index: Int, column: Int) {
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        } else if cells[index].width == 2, column + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
    }
}
