/// One column of one row of the screen.
///
/// A wide glyph (a Chinese character, an emoji) is stored in its first cell with `width` 2,
/// and the cell to its right is a continuation cell (`width` 0, empty grapheme) with the same
/// style. Writing over either half clears the other half, so a wide glyph can never be split.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn here; "" in a continuation cell.
    public var grapheme: String
    /// Columns the grapheme takes: 1, 2, or 0 for a continuation cell.
    public var width: Int
    public var style: Style

    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide glyph.
    public static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool {
        width == 0
    }
}
