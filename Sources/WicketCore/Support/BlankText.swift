/// Whether text is empty or only spaces, exactly as `trimmingCharacters(in:).isEmpty` answers it
/// with Foundation's `.whitespaces` or `.whitespacesAndNewlines`, without building a trimmed copy
/// through NSString for every field of every imported line. The sets are Foundation's on Linux
/// (checked scalar by scalar over all of Unicode in `BlankTextTests`), U+200B included.
enum BlankText {
    static func isBlank(_ text: String, newlines: Bool = false) -> Bool {
        text.unicodeScalars.allSatisfy { isSpace($0.value) || (newlines && isNewline($0.value)) }
    }

    /// `.whitespaces`: tab and the space separators.
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What `.whitespacesAndNewlines` adds: line feed to carriage return, next line, and the line
    /// and paragraph separators.
    static func isNewline(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
