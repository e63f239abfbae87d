/// How `SafeText` treats line breaks and tabs.
public struct SafeTextOptions: Sendable, Hashable {
    /// What happens to "\n", "\r\n", a lone "\r", U+2028 and U+2029.
    public enum LineBreaks: Sendable, Hashable {
        /// Kept as "\n" (all kinds normalised to it), for multi-line fields.
        case keep
        /// Shown as "⏎" so a one-line field reveals that the text had more lines.
        case visibleMark
        /// Replaced by one space, for compact list rows.
        case space
    }

    public var lineBreaks: LineBreaks
    /// A tab becomes spaces up to the next multiple of this many columns; 1 means one space.
    public var tabWidth: Int

    public init(lineBreaks: LineBreaks, tabWidth: Int) {
        self.lineBreaks = lineBreaks
        self.tabWidth = max(tabWidth, 1)
    }

    /// One line: breaks shown as "⏎", a tab as one space.
    public static let singleLine = SafeTextOptions(lineBreaks: .visibleMark, tabWidth: 1)
    /// Several lines: "\n" kept, tabs expanded to stops every 4 columns.
    public static let multiLine = SafeTextOptions(lineBreaks: .keep, tabWidth: 4)
}

/// Makes untrusted text (applicant names, messages, imported files) safe to draw: nothing in
/// the result can move the cursor, change colours, retitle the window, reorder the line or
/// hide itself. Everything that would is replaced by a visible placeholder, so a clerk sees
/// that something odd was sent instead of being fooled by it.
///
/// Placeholders:
/// - C0 controls U+0000–U+001F: the Control Pictures block, U+2400 + code ("␀", "␇", "␛").
///   An escape sequence such as "\u{1B}[31m" therefore shows as "␛[31m": every byte of it
///   stays visible and inert, none of it reaches the terminal as a control.
/// - DEL U+007F: "␡".
/// - C1 controls U+0080–U+009F (8-bit CSI, OSC, NEL…): "<U+009B>".
/// - Invisible format characters — bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E,
///   U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF), tags, fillers,
///   soft hyphen and every other Default_Ignorable code point that is not a combining mark:
///   "<U+202E>". Emoji sequences are the one exception: they are drawn as their pictographs
///   side by side (`EmojiSequence`), so "👨🏽‍💻" shows as "👨💻" and "👨‍👩‍👧" as "👨👩👧",
///   because terminals disagree on joiners, skin tones and variation selectors and the width
///   would otherwise be unknowable.
/// - A combining mark or variation selector with nothing before it to combine with is put
///   on a dotted circle ("◌́"); a lone variation selector becomes "<U+FE0F>".
public enum SafeText {
    /// `text` made safe to draw.
    public static func sanitize(_ text: String, options: SafeTextOptions = .singleLine) -> String {
        if DisplayWidth.printableASCIICount(text) != nil {
            return text // the common case: nothing to replace
        }
        var sanitizer = Sanitizer(options: options)
        for character in text {
            sanitizer.append(character)
        }
        return sanitizer.output
    }

    /// Raw bytes (a file, a network message) made safe to draw. Bytes that are not valid
    /// UTF-8 become U+FFFD "�".
    public static func sanitize(bytes: some Collection<UInt8>, options: SafeTextOptions = .singleLine) -> String {
        sanitize(String(decoding: bytes, as: UTF8.self), options: options)
    }

    /// The placeholder shown for a scalar that must not be drawn as itself.
    public static func placeholder(for scalar: Unicode.Scalar) -> String {
        let value = scalar.value
        if value < 0x20 {
            return String(Unicode.Scalar(0x2400 + value)!)
        }
        if value == 0x7F {
            return "␡"
        }
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// Whether a scalar would hide itself or act on the terminal if drawn as itself.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 {
            return true
        }
        let properties = scalar.properties
        return properties.isDefaultIgnorableCodePoint && properties.generalCategory != .nonspacingMark
    }
}

/// The state of one `SafeText.sanitize` pass: the output so far and its current column,
/// which tab stops need.
private struct Sanitizer {
    let options: SafeTextOptions
    var output = ""
    var column = 0

    init(options: SafeTextOptions) {
        self.options = options
    }

    mutating func append(_ character: Character) {
        if character == "\r\n" {
            appendLineBreak()
            return
        }
        if let drawn = EmojiSequence.drawnScalars(of: character) {
            // The pictographs of an emoji sequence side by side: what every terminal draws alike.
            for (index, scalar) in drawn.enumerated() {
                append(scalar, isFirst: index == 0, isLast: index == drawn.count - 1, base: drawn[0])
            }
            return
        }
        let scalars = Array(character.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            append(scalar, isFirst: index == 0, isLast: index == scalars.count - 1, base: scalars[0])
        }
    }

    private mutating func append(_ scalar: Unicode.Scalar, isFirst: Bool, isLast: Bool, base: Unicode.Scalar) {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029:
            appendLineBreak()
        case 0x09:
            let spaces = options.tabWidth - column % options.tabWidth
            emit(String(repeating: " ", count: spaces), width: spaces)
        default:
            if SafeText.isUnsafe(scalar) {
                let placeholder = SafeText.placeholder(for: scalar)
                emit(placeholder, width: placeholder.displayWidth)
            } else if isFirst && DisplayWidth.standard.width(of: scalar) == 0 {
                // A mark with no base would combine with whatever was drawn before it.
                let shown = scalar.properties.isVariationSelector
                    ? SafeText.placeholder(for: scalar) : "◌" + String(scalar)
                emit(shown, width: shown.displayWidth)
            } else {
                output.unicodeScalars.append(scalar)
                column += DisplayWidth.standard.width(of: scalar)
            }
        }
    }

    private mutating func appendLineBreak() {
        switch options.lineBreaks {
        case .keep:
            output += "\n"
            column = 0
        case .visibleMark:
            emit("⏎", width: 1)
        case .space:
            emit(" ", width: 1)
        }
    }

    private mutating func emit(_ text: String, width: Int) {
        output += text
        column += width
    }
}
