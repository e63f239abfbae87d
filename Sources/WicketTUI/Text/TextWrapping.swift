/// Wrapping text into lines of at most a given display width, for multi-line fields
/// (notes, replies) and long applicant messages.
///
/// Latin text breaks after spaces; Chinese, Japanese and Korean text may break between any
/// two wide characters (and between a wide character and Latin text), except that closing
/// punctuation such as "，" or "。" never starts a line and opening brackets such as "《"
/// never end one. A word longer than the width is cut at the width.
extension DisplayWidth {
    /// Lines of `text`, each at most `width` columns wide. Every "\n" ends a line. Spaces at a
    /// wrap point are dropped; spaces typed at the start of a paragraph are kept. A single
    /// wide character in a width of 1 still gets its own line (it cannot be split).
    public func wrap(_ text: String, toWidth width: Int) -> [String] {
        let width = max(width, 1)
        let paragraphs = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        var lines: [String] = []
        for paragraph in paragraphs {
            lines += wrapParagraph(Array(paragraph), width: width)
        }
        return lines
    }

    private func wrapParagraph(_ characters: [Character], width: Int) -> [String] {
        var lines: [String] = []
        var line: [Character] = []
        var lineWidth = 0
        // Index in `line` where it may be cut: line[..<breakIndex] stays, the rest moves down.
        var breakIndex: Int?

        func endLine(_ content: ArraySlice<Character>) {
            var content = content
            while content.last == " " {
                content.removeLast()
            }
            lines.append(String(content))
        }

        for character in characters {
            let characterWidth = self.width(of: character)
            if character == " " {
                if line.isEmpty && !lines.isEmpty {
                    continue // no leading spaces on a continuation line
                }
                if lineWidth + 1 > width {
                    endLine(line[...])
                    line = []
                    lineWidth = 0
                    breakIndex = nil
                    continue
                }
                line.append(character)
                lineWidth += 1
                breakIndex = line.count
                continue
            }
            if let previous = line.last, previous != " ",
               mayBreak(between: previous, and: character, nextWidth: characterWidth) {
                breakIndex = line.count
            }
            while lineWidth + characterWidth > width && !line.isEmpty {
                if let cut = breakIndex, cut > 0 {
                    endLine(line[..<cut])
                    line = Array(line[cut...])
                    lineWidth = self.width(of: String(line))
                } else {
                    endLine(line[...])
                    line = []
                    lineWidth = 0
                }
                breakIndex = nil
            }
            line.append(character)
            lineWidth += characterWidth
        }
        if !line.isEmpty || lines.isEmpty {
            lines.append(String(line))
        }
        return lines
    }

    /// Whether a line may end after `previous` and start again with `next`, with no space
    /// between them: only around wide (CJK) characters, and never in front of closing
    /// punctuation or behind opening brackets.
    private func mayBreak(between previous: Character, and next: Character, nextWidth: Int) -> Bool {
        guard nextWidth == 2 || width(of: previous) == 2 else {
            return false
        }
        return !Self.neverStartsLine.contains(next) && !Self.neverEndsLine.contains(previous)
    }

    private static let neverStartsLine: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "〕", "”", "’",
        "…", "·", "ー", "々", ",", ".", ";", ":", "?", "!", ")", "]", "}", "%",
    ]

    private static let neverEndsLine: Set<Character> = [
        "（", "「", "『", "《", "〈", "【", "〔", "“", "‘", "(", "[", "{",
    ]
}
