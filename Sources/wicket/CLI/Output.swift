import Foundation
import WicketCore

/// Everything the CLI prints goes through here: applicant text is made safe for a terminal,
/// JSON is stable (sorted keys), and errors go to stderr.
///
/// Commands pass applicant text through `safe` for a readable placeholder; `line` and `error`
/// then neutralise whatever a command forgot (a control character, an escape sequence, a bidi
/// override in any string), so no byte sequence from the data can act on the terminal.
///
/// A write that fails (a full disk, a closed pipe, a revoked terminal) ends the command with exit
/// status 1 and, when stdout failed, the reason on stderr; it is never a trap.
enum Output {
    /// The language of the one message Output says on its own (a failed write); main sets it
    /// once the settings are read, before anything is printed.
    nonisolated(unsafe) static var language: Language = .en

    static func line(_ text: String = "") {
        emit(UntrustedText.inert(text) + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        emit("wicket: " + UntrustedText.inert(text) + "\n", to: STDERR_FILENO)
    }

    static func json(_ value: Any) {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: options) else { return }
        jsonText(String(decoding: data, as: UTF8.self))
    }

    /// JSON made by an encoder. Characters that could act on a terminal are written as `\\uXXXX`
    /// escapes: the same JSON value for a program, inert on a screen.
    static func jsonText(_ text: String) {
        emit(UntrustedText.escapedForJSON(text) + "\n", to: STDOUT_FILENO)
    }

    /// Wicket's own bytes, as they are: a byte order mark, a progress line's `\r` and erase.
    static func raw(_ text: String, standardError: Bool = false) {
        emit(text, to: standardError ? STDERR_FILENO : STDOUT_FILENO)
    }

    /// All of `text`, or exit 1.
    private static func emit(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN {
                        // A descriptor another program made non-blocking: wait until it takes more.
                        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                        _ = poll(&ready, 1, -1)
                        continue
                    }
                    failed(descriptor, code: errno)
                }
                offset += written
            }
        }
    }

    private static func failed(_ descriptor: Int32, code: Int32) -> Never {
        if descriptor == STDOUT_FILENO {
            let reason = String(cString: strerror(code))
            let message = language == .zh ? "wicket: 无法写入标准输出：\(reason)\n" : "wicket: cannot write to standard output: \(reason)\n"
            // Best effort: stderr may be as full as stdout.
            var text = message
            text.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress!, $0.count) }
        }
        exit(1)
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
