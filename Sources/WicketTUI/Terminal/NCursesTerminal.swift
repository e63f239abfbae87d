#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNCurses

/// Why the terminal could not be started.
public enum TerminalError: Error, Sendable, Equatable {
    /// Standard input or output is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// ncurses could not set up the terminal, usually because TERM is unknown.
    case cannotStart(term: String)
}

/// The real terminal, through ncurses. The only file in Wicket that calls ncurses: everything
/// else draws into `CellBuffer`s and reads `Key`s.
///
/// Owned by the main loop on one thread. Always call `shutdown()` before exiting (it is also
/// called on deinit); check `TerminationSignals.pending` after each `readKey` so Ctrl-C,
/// `kill` or a closed SSH session end the loop and the terminal is restored.
public final class NCursesTerminal: FrameDisplay {
    /// How keys reach the program.
    public enum InputMode: Sendable {
        /// Every key, Ctrl-C and Ctrl-Z included, is delivered as a `Key`.
        case raw
        /// Ctrl-C raises SIGINT (caught, see `TerminationSignals`), Ctrl-Z suspends.
        case cbreak
    }

    public struct Options: Sendable {
        public var inputMode: InputMode
        /// How long ncurses waits after Esc for the rest of an escape sequence. Ignored when
        /// the ESCDELAY environment variable is set, so users can tune it.
        public var escapeDelayMilliseconds: Int
        /// 2 when the terminal draws East Asian Ambiguous characters wide.
        public var ambiguousWidth: Int
        public var useColors: Bool
        /// Send only ASCII (see `ASCIIFallback`); nil: when the user's locale is not UTF-8.
        public var asciiOnly: Bool?

        public init(inputMode: InputMode = .raw, escapeDelayMilliseconds: Int = 25, ambiguousWidth: Int = 1, useColors: Bool = true,
                    asciiOnly: Bool? = nil) {
            self.asciiOnly = asciiOnly
            self.inputMode = inputMode
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.ambiguousWidth = ambiguousWidth
            self.useColors = useColors
        }
    }

    public private(set) var size: TerminalSize
    public let measure: DisplayWidth
    private var screen: OpaquePointer?
    /// The frame on screen, to diff the next one against; nil forces a full redraw.
    private var previous: CellBuffer?
    private var cursorVisible: Bool?
    /// How many colours ncurses may use: 0 without colour (vt100, NO_COLOR), else 8, 16, 256….
    public let colorCount: Int
    /// True when the terminal gets ASCII only, because the user's locale is not UTF-8.
    public let asciiOnly: Bool
    private let hasDefaultColors: Bool
    private var colorPairs: [ColorPairKey: Int32] = [:]
    private var nextColorPair: Int32 = 1

    private struct ColorPairKey: Hashable {
        var foreground: Int
        var background: Int
    }

    public init(options: Options = Options()) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal
        }
        let localeIsUTF8 = Self.selectUTF8Locale()
        asciiOnly = options.asciiOnly ?? !localeIsUTF8
        TerminationSignals.install()
        // newterm, unlike initscr, reports failure instead of exiting the process.
        guard let screen = newterm(nil, fdopen(STDOUT_FILENO, "w"), fdopen(STDIN_FILENO, "r")) else {
            TerminationSignals.restoreDefaults()
            throw TerminalError.cannotStart(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        switch options.inputMode {
        case .raw: raw()
        case .cbreak: cbreak()
        }
        noecho()
        nonl() // Enter arrives as "\r" and ncurses may use faster cursor moves
        keypad(wicket_stdscr(), true)
        if getenv("ESCDELAY") == nil {
            set_escdelay(Int32(options.escapeDelayMilliseconds))
        }
        var colors = 0
        var defaults = false
        if options.useColors && has_colors() {
            start_color()
            defaults = use_default_colors() == wicket_ok()
            colors = Int(wicket_colors())
        }
        colorCount = colors
        hasDefaultColors = defaults
        measure = DisplayWidth(ambiguousWidth: options.ambiguousWidth)
        size = TerminalSize(width: Int(getmaxx(wicket_stdscr())), height: Int(getmaxy(wicket_stdscr())))
    }

    deinit {
        shutdown()
    }

    /// Restores the terminal (cursor, echo, line mode, main screen). Safe to call twice.
    public func shutdown() {
        guard let screen else {
            return
        }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        TerminationSignals.restoreDefaults()
    }

    /// Forgets what is on screen so the next `present` redraws everything, e.g. after
    /// another program wrote to the terminal.
    public func invalidate() {
        previous = nil
        if screen != nil {
            clearok(wicket_curscr(), true)
        }
    }

    /// The next key, waiting at most `timeoutMilliseconds` (negative: wait forever). Nil on
    /// timeout, on a signal, or for keys Wicket does not use.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard screen != nil else {
            return nil
        }
        wtimeout(wicket_stdscr(), Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let result = wget_wch(wicket_stdscr(), &code)
        if result == wicket_key_code_yes() {
            return key(forKeyCode: Int32(bitPattern: code))
        }
        if result == wicket_ok(), let scalar = Unicode.Scalar(code) {
            return Key(inputScalar: scalar)
        }
        return nil
    }

    /// Throws away every key typed and not read yet (ncurses `flushinp`): keys typed ahead for a
    /// case the clerk has not seen. True when there were some.
    public func discardTypeahead() -> Bool {
        guard screen != nil else { return false }
        wtimeout(wicket_stdscr(), 0)
        var code: wint_t = 0
        let pending = wget_wch(wicket_stdscr(), &code) != wicket_err()
        flushinp()
        return pending
    }

    /// Shows `frame` with the cursor hidden. (A class method, so callers holding the terminal
    /// in a `let` need not go through the protocol's mutating form.)
    public func present(_ frame: CellBuffer) {
        present(frame, cursor: nil)
    }

    /// Shows `frame`, sending ncurses only the runs that differ from the previous frame.
    public func present(_ frame: CellBuffer, cursor: CursorPosition?) {
        guard screen != nil else {
            return
        }
        if previous == nil {
            werase(wicket_stdscr())
        }
        for run in FrameDiff.changedRuns(from: previous, to: frame) {
            draw(run)
        }
        showCursor(at: cursor)
        wnoutrefresh(wicket_stdscr())
        doupdate()
        previous = frame
    }

    private func draw(_ run: ChangedRun) {
        guard run.row < size.height, run.column < size.width else {
            return
        }
        var text = run.text
        if run.column + run.width > size.width {
            // The frame is wider than the window (a resize is on its way): never let ncurses
            // wrap the rest onto the next line.
            text = measure.prefix(of: text, fittingWidth: size.width - run.column).text
        }
        if asciiOnly { text = ASCIIFallback.transliterate(text, measure: measure) }
        apply(run.style)
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        wide.append(0)
        mvaddwstr(Int32(run.row), Int32(run.column), wide)
    }

    private func showCursor(at cursor: CursorPosition?) {
        if let cursor {
            wmove(wicket_stdscr(), Int32(cursor.row), Int32(cursor.column))
        }
        let visible = cursor != nil
        if visible != cursorVisible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
    }

    private func apply(_ style: Style) {
        var attributes = wicket_a_normal()
        if style.attributes.contains(.bold) { attributes |= wicket_a_bold() }
        if style.attributes.contains(.dim) { attributes |= wicket_a_dim() }
        if style.attributes.contains(.reverse) { attributes |= wicket_a_reverse() }
        if style.attributes.contains(.underline) { attributes |= wicket_a_underline() }
        wicket_attr_set(attributes, colorPair(for: style))
    }

    /// The colour pair for a style's colours, allocated the first time it is needed. When
    /// the terminal runs out of pairs, default colours are used rather than failing.
    private func colorPair(for style: Style) -> Int32 {
        guard colorCount > 0 else {
            return 0
        }
        var foreground = style.foreground.paletteIndex(availableColors: colorCount)
        var background = style.background.paletteIndex(availableColors: colorCount)
        if !hasDefaultColors {
            foreground = foreground < 0 ? 7 : foreground
            background = background < 0 ? 0 : background
        }
        let key = ColorPairKey(foreground: foreground, background: background)
        if key == ColorPairKey(foreground: -1, background: -1) {
            return 0
        }
        if let pair = colorPairs[key] {
            return pair
        }
        guard nextColorPair < wicket_color_pairs(),
              init_extended_pair(nextColorPair, Int32(foreground), Int32(background)) == wicket_ok() else {
            return 0
        }
        colorPairs[key] = nextColorPair
        nextColorPair += 1
        return nextColorPair - 1
    }

    private func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case wicket_key_resize():
            size = TerminalSize(width: Int(getmaxx(wicket_stdscr())), height: Int(getmaxy(wicket_stdscr())))
            previous = nil
            return .resize
        case wicket_key_up(): return .up
        case wicket_key_down(): return .down
        case wicket_key_left(): return .left
        case wicket_key_right(): return .right
        case wicket_key_home(): return .home
        case wicket_key_end(): return .end
        case wicket_key_ppage(): return .pageUp
        case wicket_key_npage(): return .pageDown
        case wicket_key_backspace(): return .backspace
        case wicket_key_dc(): return .delete
        case wicket_key_ic(): return .insert
        case wicket_key_btab(): return .backTab
        case wicket_key_enter(): return .enter
        case wicket_key_f(1)...wicket_key_f(63): return .function(Int(code - wicket_key_f(0)))
        default: return nil
        }
    }

    /// ncursesw handles wide characters only under a UTF-8 locale. Use the user's locale, and
    /// fall back to C.UTF-8 when that is not UTF-8 (containers and cron often run with plain
    /// "C"); whether the user's own locale is UTF-8 says whether their terminal expects it. A
    /// locale that is named UTF-8 but not installed (zh_CN.UTF-8 on a bare host) still counts.
    private static func selectUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
            return localeNameSaysUTF8()
        }
        return true
    }

    /// The locale the user asked for, by the POSIX order of precedence for LC_CTYPE.
    private static func localeNameSaysUTF8() -> Bool {
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let raw = getenv(variable), case let name = String(cString: raw), !name.isEmpty else { continue }
            return name.lowercased().replacingOccurrences(of: "-", with: "").contains(".utf8")
        }
        return false
    }
}
