import Foundation
import WicketCore

/// Something wrong in a theme file, with where it is, for a warning the clerk can act on.
public struct ThemeProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the file as a whole is the problem (missing, unreadable).
    public var line: Int?
    public var message: String
    /// The same problem in Chinese.
    public var messageZh: String

    public init(file: String, line: Int?, message: Bilingual) {
        self.file = file
        self.line = line
        self.message = message.en
        messageZh = message.zh
    }

    public var description: String { text(.en) }

    /// Where and what, in the reader's language.
    public func text(_ language: Language) -> String {
        let what = language == .zh ? messageZh : message
        let colon = language == .zh ? "：" : ": "
        return line.map { "\(file):\($0)\(colon)\(what)" } ?? "\(file)\(colon)\(what)"
    }
}

/// Theme files: lines of `object.attribute = value`, `#` comments, `*` wildcards in the object
/// (see Themes/README.md). A file is applied on top of the built-in standard theme, so a theme
/// names only what it changes.
public enum ThemeFile {
    public static let attributes = ["fg", "bg", "bold", "dim", "reverse", "underline"]

    /// The theme `text` describes, or the built-in standard theme and every problem found. A
    /// half-applied theme could put black on black, so one bad line discards the whole file.
    public static func parse(_ text: String, file: String, base: Theme = .standard) -> (theme: Theme, problems: [ThemeProblem]) {
        var theme = base
        var problems: [ThemeProblem] = []
        // Any line break: a file saved on Windows has "\r\n", which Swift treats as one Character.
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let problem = apply(line, to: &theme) {
                problems.append(ThemeProblem(file: file, line: offset + 1, message: problem))
            }
        }
        return problems.isEmpty ? (theme, []) : (base, problems)
    }

    /// `#` starts a comment at the start of a line or after a space, but a value may itself begin
    /// with `#` (`level.red.fg = #d75f5f  # a soft red`).
    private static func stripComment(_ line: String) -> String {
        var previous: Character = " "
        var valueStart: String.Index?
        for index in line.indices {
            let character = line[index]
            if character == "=" && valueStart == nil {
                valueStart = line[line.index(after: index)...].firstIndex { !$0.isWhitespace }
            }
            if character == "#" && previous.isWhitespace && index != valueStart {
                return String(line[..<index])
            }
            previous = character
        }
        return line
    }

    /// Applies one `object.attribute = value` line; the message of what is wrong, if anything.
    private static func apply(_ line: String, to theme: inout Theme) -> Bilingual? {
        guard let equals = line.firstIndex(of: "=") else {
            return Bilingual(en: "expected object.attribute = value, found '\(line)'", zh: "应为 对象.属性 = 值，实为“\(line)”")
        }
        let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let dot = key.lastIndex(of: "."), !value.isEmpty else {
            return value.isEmpty ? Bilingual(en: "'\(key)' has no value", zh: "“\(key)”没有值")
                : Bilingual(en: "'\(key)' names no attribute (e.g. \(key).fg)", zh: "“\(key)”没有指明属性（例如 \(key).fg）")
        }
        let pattern = String(key[..<dot])
        let attribute = String(key[key.index(after: dot)...])
        guard attributes.contains(attribute) else {
            return Bilingual(en: "unknown attribute '\(attribute)' in '\(key)' (use \(attributes.joined(separator: ", ")))",
                             zh: "“\(key)”中的属性“\(attribute)”未知（可用 \(attributes.joined(separator: "、"))）")
        }
        let targets = Theme.objects.filter { matches(pattern, $0.name) }
        guard !targets.isEmpty else {
            return Bilingual(en: "unknown object '\(pattern)' (see Themes/README.md for the list)",
                             zh: "未知对象“\(pattern)”（列表见 Themes/README.md）")
        }
        for target in targets {
            var style = theme[keyPath: target.path]
            switch attribute {
            case "fg", "bg":
                guard let color = parseColor(value) else {
                    return Bilingual(en: "bad colour '\(value)' (a name such as red or bright-blue, 0–255, #rrggbb, or default)",
                                     zh: "颜色“\(value)”有误（可用 red、bright-blue 等名称，0–255，#rrggbb，或 default）")
                }
                if attribute == "fg" { style.foreground = color } else { style.background = color }
            default:
                guard let on = parseBool(value) else {
                    return Bilingual(en: "'\(attribute)' takes true or false, not '\(value)'", zh: "“\(attribute)”取 true 或 false，而不是“\(value)”")
                }
                let flag: TextAttributes = ["bold": .bold, "dim": .dim, "reverse": .reverse, "underline": .underline][attribute]!
                if on { style.attributes.insert(flag) } else { style.attributes.remove(flag) }
            }
            theme[keyPath: target.path] = style
        }
        return nil
    }

    /// `*` matches any run of characters, dots included: `level.*`, `*`, `*.selected`.
    static func matches(_ pattern: String, _ name: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == name }
        var rest = Substring(name)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts.last!)
    }

    /// `default`, one of the 16 names (`bright-red`), `0`–`255`, or `#rrggbb`.
    public static func parseColor(_ text: String) -> TerminalColor? {
        let lowered = text.lowercased()
        if lowered == "default" || lowered == "none" { return .default }
        if lowered.hasPrefix("#") {
            let hex = lowered.dropFirst()
            guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return nil }
            return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xff), UInt8(value & 0xff))
        }
        if let index = Int(lowered) {
            guard (0...255).contains(index) else { return nil }
            return .indexed(UInt8(index))
        }
        let compact = lowered.filter { $0 != "-" && $0 != "_" }
        let name = compact == "grey" || compact == "gray" ? "brightblack" : compact
        return NamedColor.allCases.first { String(describing: $0).lowercased() == name }.map { .named($0) }
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: return nil
        }
    }
}
