import XCTest
import WicketTUI

final class TerminalColorTests: XCTestCase {
    func testDefaultAndNamedColors() {
        XCTAssertEqual(TerminalColor.default.paletteIndex(availableColors: 256), -1)
        XCTAssertEqual(TerminalColor.named(.brightRed).paletteIndex(availableColors: 256), 9)
        XCTAssertEqual(TerminalColor.named(.brightRed).paletteIndex(availableColors: 8), 1, "bright falls back to base")
        XCTAssertEqual(TerminalColor.cyan.paletteIndex(availableColors: 8), 6)
    }

    func testTrueColorFallsBackToThePalette() {
        XCTAssertEqual(TerminalColor.rgb(255, 0, 0).paletteIndex(availableColors: 256), 196)
        XCTAssertEqual(TerminalColor.rgb(128, 128, 128).paletteIndex(availableColors: 256), 244, "greys use the grey ramp")
        XCTAssertEqual(TerminalColor.rgb(255, 0, 0).paletteIndex(availableColors: 16), 9)
        XCTAssertEqual(TerminalColor.rgb(200, 10, 10).paletteIndex(availableColors: 8), 1)
    }

    func testIndexedColorBeyondThePaletteIsApproximated() {
        XCTAssertEqual(TerminalColor.indexed(100).paletteIndex(availableColors: 256), 100)
        XCTAssertEqual(TerminalColor.indexed(196).paletteIndex(availableColors: 16), 9)
        XCTAssertEqual(TerminalColor.indexed(231).paletteIndex(availableColors: 8), 7)
    }

    func testStyleBuilders() {
        let style = Style.plain.foreground(.yellow).background(.indexed(17)).bold.underlined
        XCTAssertEqual(style.foreground, .yellow)
        XCTAssertEqual(style.background, .indexed(17))
        XCTAssertEqual(style.attributes, [.bold, .underline])
        XCTAssertNotEqual(style, style.dim)
    }
}
