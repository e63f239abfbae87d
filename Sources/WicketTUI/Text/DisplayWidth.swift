/// How many terminal columns text occupies.
///
/// Pure Swift tables (see `UnicodeWidthTables`) rather than the C `wcwidth`, so a width never
/// depends on the machine's locale and snapshot tests give the same answer everywhere.
///
/// - East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul syllables,
///   fullwidth forms, CJK punctuation) and emoji with emoji presentation take 2 columns.
/// - Combining marks, format characters and variation selectors take 0: they ride on the
///   character before them.
/// - An emoji sequence (skin tone, joiners, variation selector, keycap) counts what is drawn
///   for it, its pictographs side by side (`EmojiSequence`); a flag's two regional
///   indicators take one column each.
/// - East Asian Ambiguous characters (…, ·, box drawing, Greek, Cyrillic…) take 1 or 2
///   columns depending on the terminal; `ambiguousWidth` says which this terminal uses.
/// - Control characters count as 0: they are never drawn raw (`SafeText` replaces them).
public struct DisplayWidth: Sendable, Hashable {
    /// Columns taken by an East Asian Ambiguous character: 1 (Western terminals, the
    /// default) or 2 (terminals configured for CJK legacy encodings).
    public let ambiguousWidth: Int

    /// The usual setting: ambiguous characters are narrow.
    public static let standard = DisplayWidth(ambiguousWidth: 1)

    /// - Parameter ambiguousWidth: 2 makes ambiguous characters wide; any other value means 1.
    public init(ambiguousWidth: Int = 1) {
        self.ambiguousWidth = ambiguousWidth == 2 ? 2 : 1
    }

    /// Columns taken by one Unicode scalar on its own.
    @inline(__always)
    public func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        if value < 0xA0 {
            return 0 // DEL and C1 controls
        }
        if value < 0x300 {
            // Latin-1 and Latin Extended: only the ambiguous ones (¡, °, ×, …) can be wide,
            // apart from the soft hyphen which is drawn as a hyphen.
            if ambiguousWidth == 2, UnicodeWidthTables.contains(value, in: UnicodeWidthTables.ambiguous) {
                return 2
            }
            return 1
        }
        if UnicodeWidthTables.contains(value, in: UnicodeWidthTables.zero) {
            return 0
        }
        if UnicodeWidthTables.contains(value, in: UnicodeWidthTables.wide) {
            return 2
        }
        if ambiguousWidth == 2, UnicodeWidthTables.contains(value, in: UnicodeWidthTables.ambiguous) {
            return 2
        }
        return 1
    }

    /// Columns taken by one grapheme cluster (what the user sees as one character).
    public func width(of character: Character) -> Int {
        if let ascii = character.asciiValue {
            // "\r\n" is a single ASCII Character too; like every control it takes no column.
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        if let drawn = EmojiSequence.drawnScalars(of: character) {
            // Counted as drawn: the pictographs side by side (see `EmojiSequence`).
            return drawn.reduce(0) { $0 + self.width(of: $1) }
        }
        var width = 0
        var first: Unicode.Scalar?
        for scalar in character.unicodeScalars {
            if first == nil {
                first = scalar
            }
            if width == 0 {
                // The first scalar that takes space decides the cluster's width; the marks
                // after it only decorate it.
                width = self.width(of: scalar)
            } else if Self.isRegionalIndicator(scalar), let first, Self.isRegionalIndicator(first) {
                // Two regional indicators form one flag.
                return 2
            }
        }
        return width
    }

    /// Columns taken by a whole string: the sum of its grapheme clusters.
    public func width(of text: some StringProtocol) -> Int {
        if let ascii = Self.printableASCIICount(text) {
            return ascii
        }
        var total = 0
        for character in text {
            total += width(of: character)
        }
        return total
    }

    /// The byte count when every byte is printable ASCII (one column each), else nil.
    @inline(__always)
    static func printableASCIICount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F else {
                return nil
            }
            count += 1
        }
        return count
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}

extension Character {
    /// Display width with ambiguous characters narrow; see `DisplayWidth`.
    public var displayWidth: Int {
        DisplayWidth.standard.width(of: self)
    }
}

extension StringProtocol {
    /// Display width with ambiguous characters narrow; see `DisplayWidth`.
    public var displayWidth: Int {
        DisplayWidth.standard.width(of: self)
    }
}
