import WicketCore

/// The styles the workstation draws with, one per themeable object (see Themes/README.md).
/// Levels always have a mark and a word as well, so the screen reads the same without colour.
public struct Theme: Sendable, Equatable {
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
    public var levelOverdue = Style.plain.foreground(.named(.red)).bold
    public var levelRed = Style.plain.foreground(.named(.red))
    public var levelYellow = Style.plain.foreground(.named(.yellow))
    public var levelPaused = Style.plain.dim
    public var levelNormal = Style.plain

    public init() {}

    /// Built in, so Wicket looks right even when no theme file can be found.
    public static let standard = Theme()

    /// The standard attributes without any colour: what `NO_COLOR` and colourless terminals get
    /// when the `mono` theme file cannot be found.
    public static let monochrome = Theme.standard.withoutColors()

    public func level(_ level: Level) -> Style {
        switch level {
        case .overdue: return levelOverdue
        case .red: return levelRed
        case .yellow: return levelYellow
        case .paused: return levelPaused
        case .normal, .none: return levelNormal
        }
    }

    /// Every object, by the name theme files use, in the order Themes/README.md lists them.
    /// (Computed: key paths are not Sendable, so they cannot sit in a stored static.)
    public static var objects: [(name: String, path: WritableKeyPath<Theme, Style>)] {
        [
            ("title", \.title), ("tab", \.tab), ("tab.active", \.activeTab), ("header", \.header),
            ("inbox.selected", \.selected), ("search.match", \.match), ("border", \.border),
            ("border.focused", \.focusedBorder), ("statusbar", \.statusBar), ("hint", \.hint),
            ("message.error", \.error), ("message.info", \.info), ("label", \.label), ("dialog", \.dialog),
            ("level.overdue", \.levelOverdue), ("level.red", \.levelRed), ("level.yellow", \.levelYellow),
            ("level.paused", \.levelPaused), ("level.normal", \.levelNormal),
        ]
    }

    /// The same attributes with every colour set to the terminal's default.
    public func withoutColors() -> Theme {
        var copy = self
        for object in Self.objects {
            copy[keyPath: object.path].foreground = .default
            copy[keyPath: object.path].background = .default
        }
        return copy
    }

    /// Whether any object asks for a colour (tests: a mono screen must have none).
    public var usesColor: Bool {
        Self.objects.contains { self[keyPath: $0.path].foreground != .default || self[keyPath: $0.path].background != .default }
    }
}
