import Foundation
import WicketCore

/// Everything the CLI prints goes through here: applicant text is made safe for a terminal,
/// JSON is stable (sorted keys), and errors go to stderr.
enum Output {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("wicket: " + text + "\n").utf8))
    }

    static func json(_ value: Any) {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
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
