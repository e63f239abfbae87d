/// What a terminal under a non-UTF-8 locale (LANG=C, POSIX, GB18030) is sent instead of UTF-8,
/// which it would show as rows of mojibake that also break the columns. Line drawing, arrows,
/// bars and CJK punctuation become their ASCII look-alikes; anything else becomes one `?` per
/// column it would take, so every column stays where the layout put it.
public enum ASCIIFallback {
    public static func transliterate(_ text: String, measure: DisplayWidth = .standard) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
                continue
            }
            let width = measure.width(of: scalar)
            if let replacement = replacement(for: scalar), replacement.count == width {
                result += replacement
            } else {
                result += String(repeating: "?", count: width)
            }
        }
        return result
    }

    private static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x2500, 0x2501, 0x2550, 0x2504, 0x2508: return "-"
        case 0x2502, 0x2503, 0x2551, 0x2506, 0x250A: return "|"
        case 0x250C...0x254B, 0x2552...0x256C, 0x256D...0x2570: return "+"
        case 0x2581...0x2588, 0x2589...0x258F, 0x2591...0x2593: return "#"
        case 0x2026: return "."   // …
        case 0x00B7, 0x2022, 0x30FB: return "-" // · • ・
        case 0x2190: return "<"
        case 0x2192: return ">"
        case 0x2191: return "^"
        case 0x2193: return "v"
        case 0x00D7: return "x"
        case 0x2014, 0x2013: return "-"
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0xFF0C, 0x3001: return ", "  // ，、
        case 0x3002: return ". "          // 。
        case 0xFF1A: return ": "          // ：
        case 0xFF1B: return "; "          // ；
        case 0xFF08: return " ("          // （
        case 0xFF09: return ") "          // ）
        case 0x3000: return "  "          // ideographic space
        default: return nil
        }
    }
}
