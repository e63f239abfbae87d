import Foundation
import XCTest
@testable import WicketTUI

/// Terminals that draw ambiguous characters wide, and terminals that cannot take UTF-8 at all.
final class TerminalWidthTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    private func screen(_ engine: WorkstationEngine) -> [String] {
        var surface = MemorySurface(width: engine.state.width, height: engine.state.height, measure: engine.state.measure)
        let (frame, cursor) = engine.render()
        surface.present(frame, cursor: cursor)
        return surface.lines
    }

    func testAmbiguousWidthTwoDrawsASCIIBordersAndEveryRowFits() throws {
        let wide = DisplayWidth(ambiguousWidth: 2)
        for (width, height) in [(80, 24), (160, 45)] {
            for keys in ["5", "2<Enter>", "?", "r回复…·"] {
                let engine = try fixture.engine(width: width, height: height)
                engine.state.measure = wide
                try fixture.press(engine, keys)
                let lines = screen(engine)
                let text = lines.joined(separator: "\n")
                XCTAssertFalse(text.contains("─") || text.contains("│") || text.contains("┌"), "\(keys) \(width)x\(height):\n\(text)")
                XCTAssertTrue(text.contains("+-"), "ASCII corners instead")
                for line in lines {
                    XCTAssertLessThanOrEqual(wide.width(of: line), width, "\(keys) \(width)x\(height): \(line)")
                }
            }
        }
    }

    func testReplyCursorFollowsTheTerminalsMeasure() throws {
        // Ambiguous "…" and "·" are two columns here: the editor must count them as the pane draws
        // them, or the cursor lands inside the text. (Each engine on its own hall: drafts persist.)
        func cursorColumn(_ measure: DisplayWidth) throws -> Int {
            let hall = try WorkstationFixture()
            defer { hall.remove() }
            let engine = try hall.engine(width: 160, height: 45)
            engine.state.measure = measure
            try hall.press(engine, "r……··ab")
            return try XCTUnwrap(engine.render().1).column
        }
        let narrow = try cursorColumn(.standard)
        XCTAssertEqual(try cursorColumn(DisplayWidth(ambiguousWidth: 2)) - narrow, 4, "four ambiguous characters, one more column each")
    }

    func testReplyEditorMovesByTheLinesThePaneShows() throws {
        // 30 "…" are 60 columns at ambiguous width 2: two lines in the reply pane. Home must go to
        // the start of the second, as drawn; an editor measuring them narrow sees one line and
        // jumps to the first.
        let engine = try fixture.engine(width: 160, height: 45)
        engine.state.measure = DisplayWidth(ambiguousWidth: 2)
        try fixture.press(engine, "r" + String(repeating: "…", count: 30))
        let before = try XCTUnwrap(engine.render().1)
        try fixture.press(engine, "<Home>")
        let after = try XCTUnwrap(engine.render().1)
        XCTAssertEqual(after.row, before.row, "Home stays on the line drawn")
        XCTAssertLessThan(after.column, before.column)
    }

    func testASCIIFallbackKeepsEveryColumnInPlace() {
        let measure = DisplayWidth.standard
        let samples = ["┌ 待办 Inbox ─┐", "│ X 王芳 申请，已收到。 │", "李娜 · 3 cases… ←→", "▁▃▅█ 12", "e\u{301}motion 😀"]
        for sample in samples {
            let ascii = ASCIIFallback.transliterate(sample, measure: measure)
            XCTAssertTrue(ascii.unicodeScalars.allSatisfy(\.isASCII), ascii)
            XCTAssertEqual(measure.width(of: ascii), measure.width(of: sample), "\(sample) → \(ascii)")
        }
        XCTAssertEqual(ASCIIFallback.transliterate("┌ 待办 ─┐"), "+ ???? -+")
        XCTAssertEqual(ASCIIFallback.transliterate("已收到。"), "??????. ")
        XCTAssertEqual(ASCIIFallback.transliterate("a · b … ← →"), "a - b . < >")
    }
}
