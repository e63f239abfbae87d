/// Something panes draw into: a grid of cells with text placement that is always safe
/// (sanitized, clipped, never splitting a wide glyph). `CellBuffer` is the implementation;
/// panes take `inout some Surface` so they do not care where the frame ends up.
public protocol Surface {
    var width: Int { get }
    var height: Int { get }
    /// How the text drawn here is measured; must match the terminal showing it.
    var measure: DisplayWidth { get }

    subscript(row: Int, column: Int) -> Cell { get }

    /// Writes `text` on one row from `column`, sanitized with `SafeText` (single-line), clipped
    /// to `maxWidth` columns and to the surface. A wide glyph that would straddle the clip
    /// edge is replaced by a space. Returns the column after the last cell written.
    @discardableResult
    mutating func put(_ text: String, row: Int, column: Int, style: Style, maxWidth: Int?) -> Int

    /// Paints the cells of `rect` as spaces in `style`.
    mutating func fill(_ rect: Rect, style: Style)

    /// Changes the style of the cells of `rect`, keeping their text (e.g. a selected row).
    mutating func setStyle(_ rect: Rect, style: Style)

    /// Makes every cell a space in `style`.
    mutating func clear(style: Style)
}

extension Surface {
    /// The whole surface as a rectangle, for laying out panes.
    public var bounds: Rect {
        Rect(width: width, height: height)
    }

    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .plain) -> Int {
        put(text, row: row, column: column, style: style, maxWidth: nil)
    }

    /// Writes `text` on the first row of `rect`, cut with "…" when it does not fit.
    @discardableResult
    public mutating func put(_ text: String, in rect: Rect, style: Style = .plain) -> Int {
        guard !rect.isEmpty else {
            return rect.column
        }
        return putCut(text, row: rect.row, column: rect.column, style: style, maxWidth: rect.width)
    }

    /// Writes `text` from `column`; when it does not fit in `maxWidth` columns (or the surface)
    /// it is cut with "…" by display width, never splitting a wide glyph, so the reader sees
    /// that something is missing. Returns the column after the last cell written.
    @discardableResult
    public mutating func putCut(_ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int) -> Int {
        let room = min(maxWidth, width - column)
        guard room > 0 else {
            return column
        }
        let fitted = measure.truncate(SafeText.sanitize(text, options: .singleLine), toWidth: room)
        return put(fitted, row: row, column: column, style: style, maxWidth: room)
    }

    public mutating func clear() {
        clear(style: .plain)
    }
}
