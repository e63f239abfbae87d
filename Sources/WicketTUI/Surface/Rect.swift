/// A rectangle of cells: the area a pane, a box or a field draws in. Rows grow downwards,
/// columns to the right, both from 0 at the top-left corner of the screen.
///
/// Every helper clamps instead of trapping: a pane asked to lay itself out in a window that
/// is too small gets empty rectangles and draws nothing, rather than crashing the program.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    /// A rectangle at the top-left corner.
    public init(width: Int, height: Int) {
        self.init(row: 0, column: 0, width: width, height: height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The row just below the rectangle.
    public var bottom: Int { row + height }
    /// The column just right of the rectangle.
    public var right: Int { column + width }

    public func contains(row: Int, column: Int) -> Bool {
        (self.row..<bottom).contains(row) && (self.column..<right).contains(column)
    }

    /// The cells both rectangles cover (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        return Rect(row: top, column: left, width: min(right, other.right) - left, height: min(bottom, other.bottom) - top)
    }

    /// The rectangle shrunk by `amount` cells on every side (e.g. the inside of a border).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(row: row + top, column: column + left, width: width - left - right, height: height - top - bottom)
    }

    /// Cut into a top part of `rows` rows (clamped to the height) and the rest below it.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let top = min(max(rows, 0), height)
        return (Rect(row: row, column: column, width: width, height: top),
                Rect(row: row + top, column: column, width: width, height: height - top))
    }

    /// Cut into the rest and a bottom part of `rows` rows (e.g. a status line).
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let split = splitTop(height - min(max(rows, 0), height))
        return (split.top, split.rest)
    }

    /// Cut into a left part of `columns` columns (clamped to the width) and the rest.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let left = min(max(columns, 0), width)
        return (Rect(row: row, column: column, width: left, height: height),
                Rect(row: row, column: column + left, width: width - left, height: height))
    }

    /// Cut into the rest and a right part of `columns` columns.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let split = splitLeft(width - min(max(columns, 0), width))
        return (split.left, split.rest)
    }

    /// Stacked rows whose heights are proportional to `weights`; the rounding remainder goes
    /// to the first parts so the parts always add up to the whole height.
    public func rows(weights: [Int]) -> [Rect] {
        Self.shares(of: height, weights: weights).reduce(into: [Rect]()) { parts, size in
            let top = parts.last?.bottom ?? row
            parts.append(Rect(row: top, column: column, width: width, height: size))
        }
    }

    /// Side-by-side columns whose widths are proportional to `weights`.
    public func columns(weights: [Int]) -> [Rect] {
        Self.shares(of: width, weights: weights).reduce(into: [Rect]()) { parts, size in
            let left = parts.last?.right ?? column
            parts.append(Rect(row: row, column: left, width: size, height: height))
        }
    }

    private static func shares(of total: Int, weights: [Int]) -> [Int] {
        let weights = weights.map { max($0, 0) }
        let sum = weights.reduce(0, +)
        guard sum > 0 else {
            return weights.map { _ in 0 }
        }
        var sizes = weights.map { total * $0 / sum }
        var remainder = total - sizes.reduce(0, +)
        for index in sizes.indices where remainder > 0 && weights[index] > 0 {
            sizes[index] += 1
            remainder -= 1
        }
        return sizes
    }
}
