/// A size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(width, 0)
        self.height = max(height, 0)
    }
}

/// Where the text cursor is shown (for text fields); nil hides it.
public struct CursorPosition: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// Something that shows frames: the real terminal (`NCursesTerminal`) or an in-memory one
/// (`MemorySurface`) for tests and screen dumps. The program draws each frame into a fresh
/// `CellBuffer` from `makeFrame()` and presents it; the display sends only what changed.
public protocol FrameDisplay {
    var size: TerminalSize { get }
    /// How this display measures text; frames for it must be measured the same way.
    var measure: DisplayWidth { get }
    mutating func present(_ frame: CellBuffer, cursor: CursorPosition?)
}

extension FrameDisplay {
    /// An empty frame of the display's current size.
    public func makeFrame(style: Style = .plain) -> CellBuffer {
        CellBuffer(width: size.width, height: size.height, measure: measure, style: style)
    }

    public mutating func present(_ frame: CellBuffer) {
        present(frame, cursor: nil)
    }
}
