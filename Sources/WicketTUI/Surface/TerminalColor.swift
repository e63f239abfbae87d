/// A foreground or background colour, as a terminal understands colours.
public enum TerminalColor: Sendable, Hashable {
    /// Whatever the terminal's own default is (keeps transparent backgrounds transparent).
    case `default`
    /// One of the 16 colours every colour terminal has; the theme of the terminal decides
    /// the exact shade.
    case named(NamedColor)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A true colour; shown as the nearest palette entry on terminals without true colour.
    case rgb(UInt8, UInt8, UInt8)

    public static let black = TerminalColor.named(.black)
    public static let red = TerminalColor.named(.red)
    public static let green = TerminalColor.named(.green)
    public static let yellow = TerminalColor.named(.yellow)
    public static let blue = TerminalColor.named(.blue)
    public static let magenta = TerminalColor.named(.magenta)
    public static let cyan = TerminalColor.named(.cyan)
    public static let white = TerminalColor.named(.white)
}

/// The 16 standard terminal colours; the raw value is the palette index.
public enum NamedColor: Int, Sendable, Hashable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}

extension TerminalColor {
    /// The palette index to ask a terminal with `availableColors` colours for, or -1 for the
    /// terminal default. Colours the terminal lacks fall back to the nearest one it has:
    /// bright colours to their base colour on 8-colour terminals, true colours to the
    /// 6×6×6 cube or grey ramp of the 256 palette, or to the nearest of the basic 8 or 16.
    public func paletteIndex(availableColors: Int) -> Int {
        switch self {
        case .default:
            return -1
        case .named(let named):
            return availableColors >= 16 ? named.rawValue : named.rawValue % 8
        case .indexed(let index):
            if Int(index) < availableColors {
                return Int(index)
            }
            let (red, green, blue) = Self.rgbOfPaletteEntry(Int(index))
            return TerminalColor.rgb(red, green, blue).paletteIndex(availableColors: availableColors)
        case .rgb(let red, let green, let blue):
            if availableColors >= 256 {
                return Self.nearestOf256(red, green, blue)
            }
            return Self.nearestBasic(red, green, blue, count: availableColors >= 16 ? 16 : 8)
        }
    }

    /// Levels of the xterm 6×6×6 colour cube.
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// Approximate xterm shades of the 16 basic colours.
    private static let basicShades: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func rgbOfPaletteEntry(_ index: Int) -> (UInt8, UInt8, UInt8) {
        if index < 16 {
            let shade = basicShades[index]
            return (UInt8(shade.0), UInt8(shade.1), UInt8(shade.2))
        }
        if index < 232 {
            let cube = index - 16
            return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6]))
        }
        let grey = UInt8(8 + (index - 232) * 10)
        return (grey, grey, grey)
    }

    private static func nearestOf256(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        func nearestLevel(_ value: UInt8) -> Int {
            var best = 0
            for (index, level) in cubeLevels.enumerated() where abs(level - Int(value)) < abs(cubeLevels[best] - Int(value)) {
                best = index
            }
            return best
        }
        let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
        let cubeIndex = 16 + r * 36 + g * 6 + b
        let cubeDistance = distance((cubeLevels[r], cubeLevels[g], cubeLevels[b]), (Int(red), Int(green), Int(blue)))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(max((average - 8 + 5) / 10, 0), 23)
        let greyLevel = 8 + greyStep * 10
        let greyDistance = distance((greyLevel, greyLevel, greyLevel), (Int(red), Int(green), Int(blue)))
        return greyDistance < cubeDistance ? 232 + greyStep : cubeIndex
    }

    /// Black, white and the two greys of the basic palette.
    private static let basicGreys: Set<Int> = [0, 7, 8, 15]

    private static func nearestBasic(_ red: UInt8, _ green: UInt8, _ blue: UInt8, count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        // A clearly coloured shade (a theme's soft red) is nearer a grey than the few saturated
        // basic colours by plain distance; it must keep its hue, or a warning turns grey.
        let chroma = Int(max(red, green, blue)) - Int(min(red, green, blue))
        for index in 0..<count where chroma < 64 || !basicGreys.contains(index) {
            let candidate = distance(basicShades[index], (Int(red), Int(green), Int(blue)))
            if candidate < bestDistance {
                best = index
                bestDistance = candidate
            }
        }
        return best
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
