import WicketTUI

/// The CLI's view of WicketTUI's text safety and width rules, so the command line and the
/// workstation show applicant text the same way.
enum UntrustedText {
    static func display(_ text: String, multiline: Bool) -> String {
        SafeText.sanitize(text, options: multiline ? .multiLine : .singleLine)
    }

    static func width(_ text: String) -> Int { DisplayWidth.standard.width(of: text) }
}

extension UntrustedText {
    /// `text` with every scalar that could act on a terminal replaced by its visible placeholder;
    /// line breaks and tabs, which the CLI's own layout uses, are kept. Idempotent, so text that
    /// already went through `display` is unchanged.
    static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isActive) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isActive(scalar) {
                result.append(contentsOf: SafeText.placeholder(for: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON text with the same scalars written as `\\uXXXX` (surrogate pairs above U+FFFF). In
    /// JSON they can only stand inside strings (the structure is ASCII), so the value is unchanged.
    static func escapedForJSON(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isActive) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isActive(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return result
    }

    private static func isActive(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && SafeText.isUnsafe(scalar)
    }
}
