import Foundation
import WicketCore

/// Everything the CLI prints goes through here: applicant text is made safe for a terminal,
/// JSON is stable (sorted keys), and errors go to stderr.
///
/// Commands pass applicant text through `safe` for a readable placeholder; `line` and `error`
/// then neutralise whatever a command forgot (a control character, an escape sequence, a bidi
/// override in any string), so no byte sequence from the data can act on the terminal.
enum Output {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((UntrustedText.inert(text) + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("wicket: " + UntrustedText.inert(text) + "\n").utf8))
    }

    static func json(_ value: Any) {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return }
        jsonText(String(decoding: data, as: UTF8.self))
    }

    /// JSON made by an encoder. Characters that could act on a terminal are written as `\\uXXXX`
    /// escapes: the same JSON value for a program, inert on a screen.
    static func jsonText(_ text: String) {
        FileHandle.standardOutput.write(Data((UntrustedText.escapedForJSON(text) + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Untrusted text (names, details, messages) for a human-readable line: no control
    /// character, escape sequence or bidi override reaches the terminal.
    static func safe(_ text: String, multiline: Bool = false) -> String {
        UntrustedText.display(text, multiline: multiline)
    }

    /// Left-aligns columns by display width (CJK characters take two columns).
    static func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], UntrustedText.width(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == columns - 1 ? cell : cell + String(repeating: " ", count: widths[i] - UntrustedText.width(cell))
            }.joined(separator: "  ")
        }
    }
}
