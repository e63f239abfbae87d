/// A place in the editor's text.
public struct EditorPosition: Sendable, Hashable {
    /// The logical line (lines are separated by "\n").
    public var line: Int
    /// Characters (grapheme clusters: a CJK character, an emoji with its modifiers, a letter
    /// with its accents) before the position in that line.
    public var index: Int

    public init(line: Int, index: Int) {
        self.line = line
        self.index = index
    }
}

/// The reply pane's multi-line editor: text and a cursor, edited by keys, laid out for a pane
/// of any width. A value with no terminal in it, so the reducer can hold it and tests can
/// drive it.
///
/// Lines are kept as arrays of Characters, so the cursor moves, deletes and measures whole
/// clusters — "👍🏽", "🇨🇳" and "é" written as e + U+0301 are each one step — and laying out a
/// line never walks a String from its start again. What is stored is always safe to draw:
/// `insert` filters typed and pasted text (see `EditorInput`).
///
/// Key bindings (`handle`): Home/End move within the visual row, as the clerk sees it;
/// Ctrl-A/Ctrl-E and Ctrl-U/Ctrl-K act on the whole logical line, as in a shell.
public struct TextEditor: Sendable, Equatable {
    private var storage: [[Character]]
    public private(set) var cursor: EditorPosition
    /// The display column up/down aim for, kept across consecutive vertical moves so that
    /// passing through a short row (or a row of wide characters) does not lose it.
    private var preferredColumn: Int?

    /// An editor holding `text` (cleaned as if pasted), with the cursor at its end, ready to
    /// continue a draft.
    public init(text: String = "") {
        storage = [[]]
        cursor = EditorPosition(line: 0, index: 0)
        preferredColumn = nil
        insert(text)
    }

    /// The logical lines joined by "\n".
    public var text: String {
        lines.joined(separator: "\n")
    }

    public var isEmpty: Bool {
        storage.count == 1 && storage[0].isEmpty
    }

    /// The logical lines.
    public var lines: [String] {
        storage.map { String($0) }
    }

    // MARK: - Editing

    /// Types or pastes `text` at the cursor and puts the cursor after it. "\r\n" and "\r"
    /// start new lines, a tab becomes four spaces, and controls, escape sequences and
    /// invisible format characters are dropped.
    public mutating func insert(_ text: String) {
        preferredColumn = nil
        let line = storage[cursor.line]
        let before = line[..<cursor.index]
        let cleaned = EditorInput.clean(text, after: before.last?.unicodeScalars.last)
        guard !cleaned.isEmpty else {
            return
        }
        let pieces = cleaned.split(separator: "\n", omittingEmptySubsequences: false)
        // Only the character before the cursor is re-read with the inserted text (it may be
        // the base an accent combines with); the rest of the line is reused as it is, so
        // typing at the end of a long paragraph costs the same as in a short one.
        let index = cursor.index
        var headStart = Array(line[..<max(index - 1, 0)])
        var headText = index > 0 ? String(line[index - 1]) : ""
        var newLines: [[Character]] = []
        for piece in pieces.dropLast() {
            newLines.append(Self.startingWithBase(headStart + Array(headText + piece)))
            headStart = []
            headText = ""
        }
        var head = Self.startingWithBase(headStart + Array(headText + pieces[pieces.count - 1]))
        var tail = Array(line[index...])
        // Two clusters meeting at the end of the insertion may become one (a regional
        // indicator typed before another makes a flag); the cursor then goes after it.
        if let left = head.last, let right = tail.first {
            let merged = Array(String(left) + String(right))
            if merged.count != 2 {
                head.removeLast()
                tail.removeFirst()
                head += merged
            }
        }
        newLines.append(head + tail)
        storage.replaceSubrange(cursor.line...cursor.line, with: newLines)
        cursor = EditorPosition(line: cursor.line + newLines.count - 1, index: head.count)
    }

    /// Splits the line at the cursor (Enter).
    public mutating func newline() {
        insert("\n")
    }

    /// Removes the Character before the cursor, or at the start of a line joins it to the
    /// line before.
    public mutating func backspace() {
        preferredColumn = nil
        if cursor.index > 0 {
            removeCharacters(in: cursor.index - 1..<cursor.index)
        } else if cursor.line > 0 {
            joinLine(cursor.line - 1)
        }
    }

    /// Removes the Character after the cursor, or at the end of a line joins the next line
    /// to it.
    public mutating func deleteForward() {
        preferredColumn = nil
        if cursor.index < storage[cursor.line].count {
            removeCharacters(in: cursor.index..<cursor.index + 1)
        } else if cursor.line + 1 < storage.count {
            joinLine(cursor.line)
        }
    }

    /// Removes from the cursor to the end of the logical line (Ctrl-K); at the end of a line,
    /// removes the line break instead, so repeated presses keep deleting.
    public mutating func deleteToLineEnd() {
        preferredColumn = nil
        let count = storage[cursor.line].count
        if cursor.index < count {
            removeCharacters(in: cursor.index..<count)
        } else if cursor.line + 1 < storage.count {
            joinLine(cursor.line)
        }
    }

    /// Removes from the start of the logical line to the cursor (Ctrl-U); at the start of a
    /// line, removes the line break before it instead.
    public mutating func deleteToLineStart() {
        preferredColumn = nil
        if cursor.index > 0 {
            removeCharacters(in: 0..<cursor.index)
        } else if cursor.line > 0 {
            joinLine(cursor.line - 1)
        }
    }

    /// Empties the editor (after the reply is sent).
    public mutating func clear() {
        storage = [[]]
        cursor = EditorPosition(line: 0, index: 0)
        preferredColumn = nil
    }

    // MARK: - Moving

    public mutating func moveLeft() {
        preferredColumn = nil
        if cursor.index > 0 {
            cursor.index -= 1
        } else if cursor.line > 0 {
            cursor = EditorPosition(line: cursor.line - 1, index: storage[cursor.line - 1].count)
        }
    }

    public mutating func moveRight() {
        preferredColumn = nil
        if cursor.index < storage[cursor.line].count {
            cursor.index += 1
        } else if cursor.line + 1 < storage.count {
            cursor = EditorPosition(line: cursor.line + 1, index: 0)
        }
    }

    /// Moves to the visual row above, at the remembered display column (or the nearest
    /// position before it). On the first row it moves to the start of the text.
    public mutating func moveUp(width: Int, measure: DisplayWidth) {
        moveVertically(by: -1, width: width, measure: measure)
    }

    /// Moves to the visual row below, at the remembered display column (or the nearest
    /// position before it). On the last row it moves to the end of the text.
    public mutating func moveDown(width: Int, measure: DisplayWidth) {
        moveVertically(by: 1, width: width, measure: measure)
    }

    /// Moves to the start of the visual row (Home).
    public mutating func moveLineStart(width: Int, measure: DisplayWidth) {
        preferredColumn = nil
        let wrapped = wrappedLine(cursor.line, width: width, measure: measure)
        cursor.index = wrapped.rows[wrapped.locate(cursor.index).row].start
    }

    /// Moves to the end of the visual row (End): the end of the line on its last row; on a row
    /// that wraps, the last position still drawn on it (see `WrappedLine.lastIndex`).
    public mutating func moveLineEnd(width: Int, measure: DisplayWidth) {
        preferredColumn = nil
        let wrapped = wrappedLine(cursor.line, width: width, measure: measure)
        cursor.index = wrapped.lastIndex(onRow: wrapped.locate(cursor.index).row)
    }

    /// Moves to the start of the logical line (Ctrl-A).
    public mutating func moveToLogicalLineStart() {
        preferredColumn = nil
        cursor.index = 0
    }

    /// Moves to the end of the logical line (Ctrl-E).
    public mutating func moveToLogicalLineEnd() {
        preferredColumn = nil
        cursor.index = storage[cursor.line].count
    }

    public mutating func moveToStart() {
        preferredColumn = nil
        cursor = EditorPosition(line: 0, index: 0)
    }

    public mutating func moveToEnd() {
        preferredColumn = nil
        cursor = EditorPosition(line: storage.count - 1, index: storage[storage.count - 1].count)
    }

    // MARK: - Layout and keys

    /// Wraps by display width for a pane `width` columns wide: each logical line becomes one
    /// or more visual rows (see `EditorLayout` for hanging spaces and the row after a full
    /// line). Latin text breaks at spaces when it can (a word longer than the width is cut),
    /// CJK text between any two characters; a wide character never straddles the edge. A
    /// cursor at the very end of a full row is placed at the start of the next visual row.
    public func layout(width: Int, measure: DisplayWidth) -> EditorLayout {
        var rows: [EditorLayout.Row] = []
        var cursorRow = 0
        var cursorColumn = 0
        for (lineNumber, characters) in storage.enumerated() {
            let wrapped = WrappedLine(characters, width: width, measure: measure)
            if lineNumber == cursor.line {
                let place = wrapped.locate(cursor.index)
                cursorRow = rows.count + place.row
                cursorColumn = place.column
            }
            for span in wrapped.rows {
                rows.append(EditorLayout.Row(
                    text: String(characters[span.start..<span.visibleEnd]),
                    line: lineNumber,
                    startIndex: span.start
                ))
            }
        }
        return EditorLayout(rows: rows, cursorRow: cursorRow, cursorColumn: cursorColumn)
    }

    /// Applies an editing key and returns true, or returns false for a key the editor does
    /// not use (function keys, Tab, Esc, other Ctrl keys…) so the pane can treat it as a
    /// command. A `.character` that is a control character is not used either.
    ///
    /// Home/End: visual row. Ctrl-A/Ctrl-E: logical line. Ctrl-K/Ctrl-U: delete to the
    /// logical line's end/start.
    public mutating func handle(_ key: Key, width: Int, measure: DisplayWidth) -> Bool {
        switch key {
        case .character(let character):
            guard !EditorInput.clean(String(character), after: nil).isEmpty else {
                return false
            }
            insert(String(character))
        case .enter:
            newline()
        case .backspace:
            backspace()
        case .delete:
            deleteForward()
        case .left:
            moveLeft()
        case .right:
            moveRight()
        case .up:
            moveUp(width: width, measure: measure)
        case .down:
            moveDown(width: width, measure: measure)
        case .home:
            moveLineStart(width: width, measure: measure)
        case .end:
            moveLineEnd(width: width, measure: measure)
        case .ctrl("a"):
            moveToLogicalLineStart()
        case .ctrl("e"):
            moveToLogicalLineEnd()
        case .ctrl("k"):
            deleteToLineEnd()
        case .ctrl("u"):
            deleteToLineStart()
        default:
            return false
        }
        return true
    }

    // MARK: - Helpers

    private func wrappedLine(_ line: Int, width: Int, measure: DisplayWidth) -> WrappedLine {
        WrappedLine(storage[line], width: width, measure: measure)
    }

    private mutating func moveVertically(by step: Int, width: Int, measure: DisplayWidth) {
        var wrapped = wrappedLine(cursor.line, width: width, measure: measure)
        let place = wrapped.locate(cursor.index)
        let goal = preferredColumn ?? place.column
        var line = cursor.line
        var row = place.row + step
        if row < 0 {
            guard line > 0 else {
                cursor = EditorPosition(line: 0, index: 0)
                preferredColumn = goal
                return
            }
            line -= 1
            wrapped = wrappedLine(line, width: width, measure: measure)
            row = wrapped.rows.count - 1
        } else if row >= wrapped.rows.count {
            guard line + 1 < storage.count else {
                cursor.index = storage[line].count
                preferredColumn = goal
                return
            }
            line += 1
            wrapped = wrappedLine(line, width: width, measure: measure)
            row = 0
        }
        cursor = EditorPosition(line: line, index: wrapped.index(onRow: row, column: goal))
        preferredColumn = goal
    }

    /// Removes characters of the cursor's line and puts the cursor where they were.
    private mutating func removeCharacters(in range: Range<Int>) {
        storage[cursor.line].removeSubrange(range)
        cursor.index = range.lowerBound
        resegment(at: range.lowerBound)
    }

    /// Appends line `line + 1` to line `line` and puts the cursor at the seam.
    private mutating func joinLine(_ line: Int) {
        let seam = storage[line].count
        storage[line] += storage[line + 1]
        storage.remove(at: line + 1)
        cursor = EditorPosition(line: line, index: seam)
        resegment(at: seam)
    }

    /// Re-forms the clusters on both sides of a seam in the cursor's line, where a deletion or
    /// join brought two characters together that may now be one (two regional indicators make
    /// a flag). The cursor stays before the seam's right side, or after a merged cluster.
    private mutating func resegment(at seam: Int) {
        let line = storage[cursor.line]
        guard seam > 0, seam < line.count else {
            return
        }
        let merged = Array(String(line[seam - 1]) + String(line[seam]))
        guard merged.count != 2 else {
            return
        }
        storage[cursor.line].replaceSubrange(seam - 1...seam, with: merged)
        cursor.index = seam - 1 + merged.count
    }

    /// `characters` without combining marks at the start, which have no base to sit on and
    /// would be drawn over whatever is left of the pane.
    private static func startingWithBase(_ characters: [Character]) -> [Character] {
        guard let first = characters.first, EditorInput.needsBase(first) else {
            return characters
        }
        return Array(characters.drop { EditorInput.needsBase($0) })
    }
}
