/// Where padding puts the text inside its column.
public enum TextAlignment: Sendable, Hashable {
    case left
    case right
    case center
}

/// Truncating and padding text to a number of terminal columns, never splitting a wide
/// character: a CJK character that would straddle the limit is left out and a space takes
/// its place, so columns of a table stay aligned.
extension DisplayWidth {
    /// `text` unchanged when it fits in `width` columns; otherwise the longest prefix that
    /// fits together with `ellipsis`, then the ellipsis, then one space when a wide character
    /// did not fit. A truncated result is exactly `width` columns wide.
    ///
    /// When even the ellipsis does not fit (width 0, or 1 with a wide ellipsis), the text is
    /// cut without one.
    public func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else {
            return ""
        }
        if self.width(of: text) <= width {
            return text
        }
        let ellipsisWidth = self.width(of: ellipsis)
        let mark = ellipsisWidth <= width ? ellipsis : ""
        let budget = width - (mark.isEmpty ? 0 : ellipsisWidth)
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = self.width(of: character)
            if used + characterWidth > budget {
                break
            }
            result.append(character)
            used += characterWidth
        }
        result += mark
        if used < budget {
            // A wide character would have straddled the limit.
            result += String(repeating: " ", count: budget - used)
        }
        return result
    }

    /// `text` truncated if needed and padded with spaces to exactly `width` columns.
    public func pad(_ text: String, toWidth width: Int, alignment: TextAlignment = .left) -> String {
        guard width > 0 else {
            return ""
        }
        let fitted = truncate(text, toWidth: width)
        let missing = width - self.width(of: fitted)
        guard missing > 0 else {
            return fitted
        }
        switch alignment {
        case .left:
            return fitted + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + fitted
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + fitted
                + String(repeating: " ", count: missing - before)
        }
    }

    /// The longest prefix of `text` that fits in `width` columns, with no ellipsis and no
    /// padding, and the columns it takes.
    public func prefix(of text: String, fittingWidth width: Int) -> (text: String, width: Int) {
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = self.width(of: character)
            if used + characterWidth > width {
                break
            }
            result.append(character)
            used += characterWidth
        }
        return (result, used)
    }
}
