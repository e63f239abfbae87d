/// What typed or pasted text becomes before the editor stores it.
///
/// The editor keeps only text that is safe to draw as it is, so the reply pane never has to
/// second-guess a row's width: line breaks of every kind become "\n", a tab becomes four
/// spaces, and everything that could act on the terminal or hide itself is dropped — C0 and
/// C1 controls, DEL, whole escape sequences (CSI, OSC, DCS… in their 7-bit and 8-bit forms),
/// bidi controls and the other invisible format characters `SafeText.isUnsafe` names. Dropped
/// rather than shown as a placeholder (as `SafeText` does for received text) because this is
/// the clerk's own reply: a stray "␛[31m" from a paste is noise to delete, not evidence.
enum EditorInput {
    /// Spaces a tab becomes. Fixed rather than a tab stop: the reply is sent as plain text and
    /// read in other programs, where the clerk's column means nothing.
    static let tabSpaces = 4

    /// `text` with breaks normalised and everything unsafe removed. `previous` is the scalar
    /// just before the insertion point, which decides whether a leading zero-width joiner
    /// continues an emoji sequence.
    static func clean(_ text: String, after previous: Unicode.Scalar?) -> String {
        if DisplayWidth.printableASCIICount(text) != nil {
            return text // the common case: a typed letter
        }
        var cleaner = InputCleaner(lastKept: previous)
        for scalar in text.unicodeScalars {
            cleaner.feed(scalar)
        }
        return String(cleaner.output)
    }

    /// Whether a character may not begin a line: it is a combining mark, variation selector
    /// or joiner, which would otherwise be drawn on top of whatever precedes the pane.
    static func needsBase(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else {
            return false
        }
        if first.value == 0x200D || first.properties.isVariationSelector {
            return true
        }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}

/// A small ECMA-48 reader: it follows escape sequences only far enough to drop them whole.
private struct InputCleaner {
    private enum State {
        case ground
        /// After ESC.
        case escape
        /// After ESC and one or more intermediate bytes (ESC ( B).
        case escapeIntermediate
        /// Inside CSI parameters (ESC [ or 8-bit CSI).
        case controlSequence
        /// Inside an OSC, DCS, SOS, PM or APC string, which runs to BEL or ST.
        case controlString
        /// After ESC inside a control string: "\" ends it, anything else starts a new sequence.
        case controlStringEscape
    }

    private var state = State.ground
    private var lastKept: Unicode.Scalar?
    private var afterCarriageReturn = false
    private(set) var output = String.UnicodeScalarView()

    init(lastKept: Unicode.Scalar?) {
        self.lastKept = lastKept
    }

    mutating func feed(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        let followsCarriageReturn = afterCarriageReturn
        afterCarriageReturn = false
        switch state {
        case .ground:
            break
        case .escape:
            switch value {
            case 0x5B: // [
                state = .controlSequence
                return
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: // ] P X ^ _
                state = .controlString
                return
            case 0x1B:
                return
            case 0x20...0x2F:
                state = .escapeIntermediate
                return
            case 0x30...0x7E:
                state = .ground
                return
            default:
                state = .ground // a lone ESC: it is dropped and this scalar read normally
            }
        case .escapeIntermediate:
            switch value {
            case 0x20...0x2F:
                return
            case 0x30...0x7E:
                state = .ground
                return
            case 0x1B:
                state = .escape
                return
            default:
                state = .ground
            }
        case .controlSequence:
            switch value {
            case 0x20...0x3F:
                return
            case 0x40...0x7E:
                state = .ground
                return
            case 0x1B:
                state = .escape
                return
            default:
                state = .ground // malformed: the sequence ends and this scalar is read normally
            }
        case .controlString:
            // An unterminated string swallows the rest of the paste, as a terminal would:
            // better to lose text than to store part of a title or hyperlink command.
            switch value {
            case 0x07, 0x9C:
                state = .ground
            case 0x1B:
                state = .controlStringEscape
            default:
                break
            }
            return
        case .controlStringEscape:
            if value == 0x5C { // ST is ESC \
                state = .ground
                return
            }
            state = .escape
            feed(scalar)
            return
        }
        readGround(scalar, followsCarriageReturn: followsCarriageReturn)
    }

    private mutating func readGround(_ scalar: Unicode.Scalar, followsCarriageReturn: Bool) {
        switch scalar.value {
        case 0x0A:
            if !followsCarriageReturn {
                keep("\n")
            }
        case 0x0D:
            keep("\n")
            afterCarriageReturn = true
        case 0x2028, 0x2029:
            keep("\n")
        case 0x09:
            for _ in 0..<EditorInput.tabSpaces {
                keep(" ")
            }
        case 0x1B:
            state = .escape
        case 0x9B:
            state = .controlSequence
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F: // DCS, SOS, OSC, PM, APC
            state = .controlString
        case 0x200D:
            // A joiner is kept only inside an emoji sequence ("👨‍👩‍👧"), where it is part of
            // one picture; anywhere else it is invisible.
            if let lastKept, lastKept.value > 0xFF, lastKept.properties.isEmoji {
                keep(scalar)
            }
        default:
            if !SafeText.isUnsafe(scalar) {
                keep(scalar)
            }
        }
    }

    private mutating func keep(_ scalar: Unicode.Scalar) {
        output.append(scalar)
        lastKept = scalar
    }
}
