/// A display that keeps frames in memory instead of drawing them, in the spirit of ratatui's
/// test backend: screens render into it in tests, and `wicket screen` prints its text.
public struct MemorySurface: FrameDisplay, Sendable {
    public private(set) var size: TerminalSize
    public let measure: DisplayWidth
    /// The last frame presented (blank before the first).
    public private(set) var frame: CellBuffer
    /// What the last `present` would have redrawn on a real terminal.
    public private(set) var lastChanges: [ChangedRun] = []
    public private(set) var cursor: CursorPosition?
    /// How many frames were presented, to check that nothing redraws needlessly.
    public private(set) var presentCount = 0
    private var hasPresented = false

    public init(width: Int, height: Int, measure: DisplayWidth = .standard) {
        self.size = TerminalSize(width: width, height: height)
        self.measure = measure
        self.frame = CellBuffer(width: width, height: height, measure: measure)
    }

    public mutating func present(_ frame: CellBuffer, cursor: CursorPosition?) {
        lastChanges = FrameDiff.changedRuns(from: hasPresented ? self.frame : nil, to: frame)
        self.frame = frame
        self.cursor = cursor
        presentCount += 1
        hasPresented = true
    }

    /// Simulates the user resizing the window: the next frame is drawn in full.
    public mutating func resize(width: Int, height: Int) {
        size = TerminalSize(width: width, height: height)
        hasPresented = false
    }

    /// The last frame as text, one string per row, trailing spaces trimmed.
    public var lines: [String] {
        frame.plainTextLines()
    }

    /// The last frame as one string.
    public var text: String {
        frame.plainText
    }
}
