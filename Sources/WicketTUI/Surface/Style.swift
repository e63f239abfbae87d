/// Text attributes a terminal can show alongside colours.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// How a cell is drawn: colours and attributes. A plain value, so themes can be tables of
/// styles and cells can be compared cheaply when diffing frames.
public struct Style: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(
        foreground: TerminalColor = .default,
        background: TerminalColor = .default,
        attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours, no attributes.
    public static let plain = Style()

    public func foreground(_ color: TerminalColor) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    public func background(_ color: TerminalColor) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    public func adding(_ attributes: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    public var bold: Style { adding(.bold) }
    public var dim: Style { adding(.dim) }
    public var reversed: Style { adding(.reverse) }
    public var underlined: Style { adding(.underline) }
}
