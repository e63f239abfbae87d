/// One key press, independent of the terminal library that read it. Screens match on these
/// in their update function; the terminal adapter is the only place that knows the codes.
public enum Key: Sendable, Hashable {
    /// A printable character (Chinese input arrives as characters too, from the IME).
    case character(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    /// The Delete (forward delete) key.
    case delete
    case insert
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    /// F1…F63.
    case function(Int)
    /// Ctrl with a letter (lower case, "a"…"z") or one of "@", "\\", "]", "^", "_".
    /// Ctrl-H, Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ arrive as backspace, tab, enter and escape,
    /// because terminals send the same byte for them.
    case ctrl(Character)
    /// The terminal window changed size; the terminal has already re-read its size.
    case resize

    /// The key a terminal means by sending one character code, or nil for codes that are
    /// not keys (C1 controls).
    public init?(inputScalar scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0D, 0x0A:
            self = .enter
        case 0x09:
            self = .tab
        case 0x1B:
            self = .escape
        case 0x08, 0x7F:
            self = .backspace
        case 0x00:
            self = .ctrl("@")
        case 0x01...0x1A:
            self = .ctrl(Character(Unicode.Scalar(scalar.value + 0x60)!))
        case 0x1C...0x1F:
            self = .ctrl(Character(Unicode.Scalar(scalar.value + 0x40)!))
        case 0x80...0x9F:
            return nil
        default:
            self = .character(Character(scalar))
        }
    }
}

extension Key: CustomStringConvertible {
    /// The name shown in key hints on the bottom line ("F5", "Ctrl-N", "Enter").
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let number): return "F\(number)"
        case .ctrl(let character): return "Ctrl-" + character.uppercased()
        case .resize: return "Resize"
        }
    }
}
