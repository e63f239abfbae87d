/// A one-line text field (search, reasons, intake fields): letters are text, never commands.
public struct LineInput: Sendable, Equatable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(SafeText.sanitize(text, options: .singleLine))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Applies an editing key; false for keys a field does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard !SafeText.isUnsafeCharacter(character) else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            cursor -= 1
            characters.remove(at: cursor)
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"): characters.removeLast(characters.count - cursor)
        default: return false
        }
        return true
    }

    /// The visible part for a field `width` columns wide, and the cursor's column in it.
    public func visible(width: Int, measure: DisplayWidth) -> (text: String, cursorColumn: Int) {
        var start = 0
        var columns = measure.width(of: String(characters[0..<cursor]))
        while columns >= width, start < cursor {
            columns -= measure.width(of: characters[start])
            start += 1
        }
        return (String(characters[start...]), columns)
    }
}

extension SafeText {
    /// A character that must not be stored from typing (controls, bidi overrides).
    static func isUnsafeCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.contains { isUnsafe($0) }
    }
}
