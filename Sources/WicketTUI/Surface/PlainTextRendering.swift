/// A frame as plain text, the way a person reading the screen would copy it: for snapshot
/// tests, golden files and the `wicket screen` command. Styles are dropped.
extension CellBuffer {
    /// One string per row: each wide glyph once (its continuation cell skipped), trailing
    /// spaces trimmed.
    public func plainTextLines() -> [String] {
        (0..<height).map { row in
            var line = ""
            for cell in self.row(row) where !cell.isContinuation {
                line += cell.grapheme
            }
            while line.last == " " {
                line.removeLast()
            }
            return line
        }
    }

    /// The rows joined by "\n".
    public var plainText: String {
        plainTextLines().joined(separator: "\n")
    }
}
