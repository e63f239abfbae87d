/// The six glyphs a box border is drawn with.
public struct BorderSet: Sendable, Hashable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character

    public init(topLeft: Character, topRight: Character, bottomLeft: Character,
                bottomRight: Character, horizontal: Character, vertical: Character) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// ┌─┐ │ └─┘
    public static let unicode = BorderSet(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    /// ╭─╮ │ ╰─╯
    public static let rounded = BorderSet(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    /// ╔═╗ ║ ╚═╝
    public static let double = BorderSet(topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║")
    /// +-+ | +-+ for terminals or fonts without line-drawing characters.
    public static let ascii = BorderSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")

    var glyphs: [Character] {
        [topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical]
    }
}

extension Surface {
    /// Draws a border on the outermost cells of `rect`, with an optional title in the top
    /// edge ("┌ 待办 ───┐"). The inside is left as it is; draw it with `rect.inset(by: 1)`.
    ///
    /// Line-drawing characters are East Asian Ambiguous: where the surface measures them as
    /// 2 columns (`ambiguousWidth` 2) the ASCII set is used instead, so the box stays a box.
    public mutating func drawBox(_ rect: Rect, style: Style = .plain, border: BorderSet = .unicode, title: String? = nil) {
        let area = rect.intersection(bounds)
        guard area == rect, rect.width >= 2, rect.height >= 2 else {
            return // a box cut by the screen edge would look like a wrong layout; skip it
        }
        let glyphs = border.glyphs.allSatisfy { measure.width(of: $0) == 1 } ? border : .ascii
        let inner = rect.width - 2
        let horizontal = String(repeating: glyphs.horizontal, count: inner)
        put(String(glyphs.topLeft) + horizontal + String(glyphs.topRight), row: rect.row, column: rect.column, style: style)
        put(String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), row: rect.bottom - 1, column: rect.column, style: style)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            put(String(glyphs.vertical), row: row, column: rect.column, style: style)
            put(String(glyphs.vertical), row: row, column: rect.right - 1, style: style)
        }
        if let title, inner >= 3 {
            let fitted = measure.truncate(SafeText.sanitize(title), toWidth: inner - 2)
            put(" " + fitted + " ", row: rect.row, column: rect.column + 1, style: style, maxWidth: inner)
        }
    }

    /// A horizontal rule across `rect`'s first row, e.g. between a list and its detail.
    public mutating func drawHorizontalLine(_ rect: Rect, style: Style = .plain, border: BorderSet = .unicode) {
        guard !rect.isEmpty else {
            return
        }
        let glyph = measure.width(of: border.horizontal) == 1 ? border.horizontal : BorderSet.ascii.horizontal
        put(String(repeating: glyph, count: rect.width), in: rect, style: style)
    }
}
