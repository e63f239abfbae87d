/// The editor's text wrapped into visual rows for a pane of a given width, with the cursor's
/// place among them. Built by `TextEditor.layout(width:measure:)`.
///
/// Rows never wider than the pane: a wide character never straddles the edge. Every character
/// of the text belongs to exactly one row, so a row's characters run from its `startIndex` to
/// the next row's `startIndex` in the same line; `text` is what to draw. Two things may make a
/// row's characters longer than its `text`:
/// - Spaces where Latin text wraps "hang" past the right edge instead of starting the next row,
///   so the next word starts at column 0. They are not in `text`.
/// - When a logical line fills its last row exactly (or ends in hanging spaces), one empty row
///   follows it, where the cursor goes at the end of that line. The row is there whether or not
///   the cursor is, so moving the cursor never makes the text below it jump.
public struct EditorLayout: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The row's visible characters, at most the layout width wide (a lone wide character in
        /// a width of 1 is the one exception: it cannot be split).
        public let text: String
        /// The logical line the row belongs to.
        public let line: Int
        /// The Character index in that line where the row starts.
        public let startIndex: Int

        public init(text: String, line: Int, startIndex: Int) {
            self.text = text
            self.line = line
            self.startIndex = startIndex
        }
    }

    public let rows: [Row]
    /// Index into `rows` of the row holding the cursor.
    public let cursorRow: Int
    /// Display column of the cursor within its row: less than the layout width, except on a
    /// space hanging past the edge, where it equals the width (the cursor sits just outside the
    /// row, right after the word that filled it; a pane with a border draws it on the border,
    /// others can lay out one column narrower).
    public let cursorColumn: Int

    public init(rows: [Row], cursorRow: Int, cursorColumn: Int) {
        self.rows = rows
        self.cursorRow = cursorRow
        self.cursorColumn = cursorColumn
    }

    /// The first row to show so the cursor is visible in a viewport of `height` rows, given the
    /// previous top: it scrolls only as far as needed, and never leaves empty rows below the
    /// text when the text has shrunk.
    public func scrollTop(previous: Int, height: Int) -> Int {
        let height = max(height, 1)
        var top = max(previous, 0)
        if cursorRow < top {
            top = cursorRow
        } else if cursorRow >= top + height {
            top = cursorRow - height + 1
        }
        return max(0, min(top, rows.count - height))
    }
}

/// One visual row of a logical line, as Character offsets into it.
struct RowSpan: Sendable, Equatable {
    /// The first character.
    var start: Int
    /// Past the last character drawn; characters from here to `end` are hanging spaces.
    var visibleEnd: Int
    /// Past the last character belonging to the row: the next row's `start`.
    var end: Int
}

/// One logical line broken into visual rows, with each character's display width.
struct WrappedLine {
    let characters: [Character]
    let widths: [Int]
    let rows: [RowSpan]
    let width: Int

    init(_ characters: [Character], width: Int, measure: DisplayWidth) {
        self.characters = characters
        self.widths = characters.map { measure.width(of: $0) }
        self.width = max(width, 1)
        self.rows = Self.wrap(characters, widths: widths, width: self.width)
    }

    /// The row and display column where a cursor before `index` is drawn.
    func locate(_ index: Int) -> (row: Int, column: Int) {
        let row = rows.firstIndex { index < $0.end } ?? rows.count - 1
        let span = rows[row]
        var column = 0
        for position in span.start..<min(index, span.visibleEnd) {
            column += widths[position]
        }
        return (row, min(column, width))
    }

    /// The furthest cursor position still drawn on `row`: on a row that ends a line, its end;
    /// on a soft-wrapped row, before its last character, since the position after it is drawn
    /// at the start of the next row — except that a row ending in hanging spaces offers the
    /// first of them, right after the word that filled the row.
    func lastIndex(onRow row: Int) -> Int {
        let span = rows[row]
        if row == rows.count - 1 {
            return span.end
        }
        return span.visibleEnd < span.end ? span.visibleEnd : span.end - 1
    }

    /// The cursor position on `row` at display column `column`, or the closest one before it:
    /// never inside a wide character.
    func index(onRow row: Int, column goal: Int) -> Int {
        let limit = lastIndex(onRow: row)
        var index = rows[row].start
        var column = 0
        while index < limit, column + widths[index] <= goal {
            column += widths[index]
            index += 1
        }
        return index
    }

    /// Rows for one line. Latin text breaks after spaces, CJK text between any two characters
    /// (keeping closing punctuation off a row's start and opening brackets off its end), and a
    /// word longer than the row is cut. Linear: after a break only the characters carried to
    /// the new row are measured again, and those hold no earlier break opportunity.
    private static func wrap(_ characters: [Character], widths: [Int], width: Int) -> [RowSpan] {
        let count = characters.count
        var rows: [RowSpan] = []
        var start = 0
        var column = 0
        var breakIndex: Int?
        var hangingFrom: Int?
        var index = 0
        while index < count {
            let character = characters[index]
            let characterWidth = widths[index]
            if let hanging = hangingFrom {
                if character == " " {
                    index += 1
                    continue
                }
                rows.append(RowSpan(start: start, visibleEnd: hanging, end: index))
                start = index
                column = 0
                breakIndex = nil
                hangingFrom = nil
                continue
            }
            if column + characterWidth > width, index > start {
                if character == " " {
                    hangingFrom = index
                    index += 1
                    continue
                }
                let end = breakIndex ?? index
                rows.append(RowSpan(start: start, visibleEnd: end, end: end))
                column = widths[end..<index].reduce(0, +)
                start = end
                breakIndex = nil
                continue
            }
            column += characterWidth
            index += 1
            if index < count, mayBreak(between: character, and: characters[index], widths[index - 1], widths[index]) {
                breakIndex = index
            }
        }
        if let hanging = hangingFrom {
            rows.append(RowSpan(start: start, visibleEnd: hanging, end: count))
            rows.append(RowSpan(start: count, visibleEnd: count, end: count))
        } else {
            rows.append(RowSpan(start: start, visibleEnd: count, end: count))
            if count > 0, column >= width {
                rows.append(RowSpan(start: count, visibleEnd: count, end: count))
            }
        }
        return rows
    }

    /// Whether a row may end after `previous` and the next start with `next`.
    private static func mayBreak(between previous: Character, and next: Character, _ previousWidth: Int, _ nextWidth: Int) -> Bool {
        if next == " " {
            return false // spaces stay with the word before them, hanging if need be
        }
        if previous == " " {
            return true
        }
        guard previousWidth == 2 || nextWidth == 2 else {
            return false
        }
        return !neverStartsRow.contains(next) && !neverEndsRow.contains(previous)
    }

    private static let neverStartsRow: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "〕", "”", "’",
        "…", "·", "ー", "々", ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
    ]

    private static let neverEndsRow: Set<Character> = [
        "（", "「", "『", "《", "〈", "【", "〔", "“", "‘", "(", "[", "{",
    ]
}
