import WicketCore

/// How the workstation should look on this terminal: chosen by the command line, the config file
/// and the environment before the terminal opens.
public struct WorkstationOptions: Sendable {
    public var theme: Theme = .standard
    /// Used instead of `theme` when the terminal turns out to have no colours (vt100).
    public var monochromeTheme: Theme = .monochrome
    /// 2 when the terminal draws East Asian Ambiguous characters (box lines, ·, …) two columns wide.
    public var ambiguousWidth = 1
    /// False under NO_COLOR: ncurses is not even asked for colours.
    public var useColors = true
    public var keys = KeyBindings.standard
    public var language = Language.en
    /// Problems found on the way (a broken theme, a non-UTF-8 locale), shown in the message line
    /// when the workstation opens, since the full screen hides what went to stderr.
    public var warnings: [String] = []

    public init() {}
}

extension WorkstationEngine {
    /// Takes the look, language and keys; the terminal may still override the theme (no colours),
    /// the measure (its own) and the language (ASCII only: Chinese would be all question marks).
    public func apply(_ options: WorkstationOptions) {
        theme = options.theme
        state.keys = options.keys
        state.language = options.language
        state.measure = DisplayWidth(ambiguousWidth: options.ambiguousWidth)
    }
}
