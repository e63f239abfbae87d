import WicketCore

/// The styles the workstation draws with. Levels always have a mark and a word as well, so the
/// screen reads the same without colour.
public struct Theme: Sendable {
    public var title = Style.plain.bold
    public var tab = Style.plain
    public var activeTab = Style.plain.reversed.bold
    public var header = Style.plain.bold.underlined
    public var selected = Style.plain.reversed
    public var match = Style.plain.underlined
    public var border = Style.plain.dim
    public var focusedBorder = Style.plain.bold
    public var statusBar = Style.plain.reversed
    public var hint = Style.plain.dim
    public var error = Style.plain.foreground(.named(.red)).bold
    public var info = Style.plain.foreground(.named(.green))
    public var label = Style.plain.bold
    public var dialog = Style.plain

    public init() {}

    public static let standard = Theme()

    public func level(_ level: Level) -> Style {
        switch level {
        case .overdue: return Style.plain.foreground(.named(.red)).bold
        case .red: return Style.plain.foreground(.named(.red))
        case .yellow: return Style.plain.foreground(.named(.yellow))
        case .paused: return Style.plain.dim
        case .normal, .none: return Style.plain
        }
    }
}
