/// A stretch of one row that changed between two frames, all in one style: what a terminal
/// must redraw, as one cursor move and one styled string.
public struct ChangedRun: Sendable, Hashable {
    public var row: Int
    public var column: Int
    /// The graphemes to draw; each wide glyph appears once and covers two columns.
    public var text: String
    /// Columns covered by `text`.
    public var width: Int
    public var style: Style

    public init(row: Int, column: Int, text: String, width: Int, style: Style) {
        self.row = row
        self.column = column
        self.text = text
        self.width = width
        self.style = style
    }
}

/// The difference between the frame on screen and the next one, so the terminal is only
/// told about cells that changed.
public enum FrameDiff {
    /// Runs of changed cells in `new` compared with `old`, top to bottom, left to right.
    /// With no `old` frame, or one of another size (after a resize), every cell counts as
    /// changed. A run never starts or ends inside a wide glyph: a change to either half
    /// redraws the whole glyph.
    public static func changedRuns(from old: CellBuffer?, to new: CellBuffer) -> [ChangedRun] {
        let previous = old.flatMap { $0.width == new.width && $0.height == new.height ? $0 : nil }
        var runs: [ChangedRun] = []
        for row in 0..<new.height {
            let newRow = Array(new.row(row))
            var changed = newRow.indices.map { column in
                previous.map { $0[row, column] != newRow[column] } ?? true
            }
            widenToWholeGlyphs(&changed, in: newRow)
            runs += styledRuns(row: row, cells: newRow, changed: changed)
        }
        return runs
    }

    /// Marks both halves of a wide glyph as changed when either half is.
    private static func widenToWholeGlyphs(_ changed: inout [Bool], in cells: [Cell]) {
        for column in cells.indices where cells[column].width == 2 && column + 1 < cells.count {
            if changed[column] || changed[column + 1] {
                changed[column] = true
                changed[column + 1] = true
            }
        }
    }

    /// Groups consecutive changed cells of one style into runs.
    private static func styledRuns(row: Int, cells: [Cell], changed: [Bool]) -> [ChangedRun] {
        var runs: [ChangedRun] = []
        var current: ChangedRun?
        for (column, cell) in cells.enumerated() {
            guard changed[column] else {
                if let run = current {
                    runs.append(run)
                    current = nil
                }
                continue
            }
            if var run = current, run.style == cell.style {
                run.text += cell.grapheme
                run.width += cell.width
                current = run
            } else {
                if let run = current {
                    runs.append(run)
                }
                current = ChangedRun(row: row, column: column, text: cell.grapheme,
                                     width: cell.width, style: cell.style)
            }
        }
        if let run = current {
            runs.append(run)
        }
        return runs
    }
}
