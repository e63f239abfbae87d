import Foundation
import XCTest
@testable import WicketTUI

final class ThemeFileTests: XCTestCase {
    /// The checkout's Themes/ folder, found from this file's place in Tests/WicketTUITests/.
    static let shippedThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes").path

    func testObjectAttributeValueLinesWithCommentsAndColoursOfEveryForm() {
        let text = """
            # a comment line
            inbox.selected.reverse = false
            level.red.fg = #d75f5f   # a soft red; the # of the colour is not a comment
            statusbar.bg = 4
            title.fg = bright-blue
            hint.fg = default
            border.bold = yes
            """
        let (theme, problems) = ThemeFile.parse(text, file: "t.theme")
        XCTAssertEqual(problems, [])
        XCTAssertFalse(theme.selected.attributes.contains(.reverse))
        XCTAssertEqual(theme.levelRed.foreground, .rgb(0xd7, 0x5f, 0x5f))
        XCTAssertEqual(theme.statusBar.background, .indexed(4))
        XCTAssertEqual(theme.title.foreground, .named(.brightBlue))
        XCTAssertEqual(theme.hint.foreground, .default)
        XCTAssertTrue(theme.border.attributes.contains(.bold))
        XCTAssertTrue(theme.border.attributes.contains(.dim), "attributes the file does not name keep the standard theme's")
    }

    func testWildcardsReachEveryMatchingObject() {
        let (theme, problems) = ThemeFile.parse("level.*.bg = 17\n*.underline = true", file: "w.theme")
        XCTAssertEqual(problems, [])
        for level in [\Theme.levelOverdue, \.levelRed, \.levelYellow, \.levelPaused, \.levelNormal] {
            XCTAssertEqual(theme[keyPath: level].background, .indexed(17))
        }
        XCTAssertEqual(theme.title.background, .default)
        for object in Theme.objects { XCTAssertTrue(theme[keyPath: object.path].attributes.contains(.underline), object.name) }
        XCTAssertTrue(ThemeFile.matches("*.selected", "inbox.selected"))
        XCTAssertFalse(ThemeFile.matches("b*x", "border.focused"))
        XCTAssertTrue(ThemeFile.matches("b*ed", "border.focused"))
    }

    func testABrokenThemeNamesFileAndLineAndFallsBackToTheStandardTheme() {
        let text = "title.fg = red\nnonsense\ninbox.selectd.reverse = true\nlevel.red.fg = #12345\nhint.fg = 256\nlabel.bold = maybe\nborder.blink = true"
        let (theme, problems) = ThemeFile.parse(text, file: "broken.theme")
        XCTAssertEqual(theme, .standard, "one bad line discards the whole file")
        XCTAssertEqual(problems.map(\.line), [2, 3, 4, 5, 6, 7])
        XCTAssertTrue(problems[1].description.hasPrefix("broken.theme:3: unknown object 'inbox.selectd'"), problems[1].description)
        XCTAssertTrue(problems[2].message.contains("bad colour '#12345'"))
        XCTAssertTrue(problems[5].message.contains("unknown attribute 'blink'"))
    }

    func testMissingAndUnreadableThemesWarnAndNeverFail() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0xff, 0xfe, 0x00]).write(to: folder.appendingPathComponent("binary.theme"))
        let loader = ThemeLoader(directories: [folder.path])
        let missing = loader.load("nosuch")
        XCTAssertEqual(missing.theme, .standard)
        XCTAssertTrue(missing.problems.first?.description.contains("no theme of this name") ?? false)
        let unreadable = loader.load("binary")
        XCTAssertEqual(unreadable.theme, .standard)
        XCTAssertEqual(unreadable.problems.first?.message, "cannot be read as UTF-8 text")
        XCTAssertEqual(loader.load("default").problems, [], "default and mono are built in as well")
        XCTAssertFalse(loader.load("mono").theme.usesColor)
    }

    func testEveryShippedThemeParsesCleanlyAndMonoHasNoColour() throws {
        let loader = ThemeLoader(directories: [Self.shippedThemes])
        XCTAssertEqual(loader.available(), ["default", "high-contrast", "light", "mono"])
        for name in loader.available() {
            let loaded = loader.load(name)
            XCTAssertEqual(loaded.problems, [], name)
            XCTAssertEqual(loaded.file, Self.shippedThemes + "/\(name).theme")
        }
        XCTAssertTrue(loader.load("default").theme.usesColor)
        XCTAssertFalse(loader.load("mono").theme.usesColor)
        XCTAssertNotEqual(loader.load("high-contrast").theme, loader.load("default").theme)
    }

    func testNoColorSelectsMonoWhateverWasAsked() {
        let loader = ThemeLoader(directories: [Self.shippedThemes])
        let (chosen, mono) = loader.select("high-contrast", colorAllowed: false)
        XCTAssertFalse(chosen.theme.usesColor)
        XCTAssertEqual(chosen.theme, mono.theme)
        XCTAssertEqual(loader.select("high-contrast", colorAllowed: true).chosen.file, Self.shippedThemes + "/high-contrast.theme")
    }

    func testThemesReadmeDocumentsEveryObjectAndAttribute() throws {
        let readme = try String(contentsOfFile: Self.shippedThemes + "/README.md", encoding: .utf8)
        for object in Theme.objects { XCTAssertTrue(readme.contains("`\(object.name)`"), "README lacks \(object.name)") }
        for attribute in ThemeFile.attributes { XCTAssertTrue(readme.contains("`\(attribute)`"), "README lacks \(attribute)") }
    }

    func testColoursDegradeToWhatTheTerminalHas() {
        let soft = ThemeFile.parseColor("#d75f5f")!
        XCTAssertEqual(soft.paletteIndex(availableColors: 256), 167)
        XCTAssertEqual(soft.paletteIndex(availableColors: 16), 1)
        XCTAssertEqual(soft.paletteIndex(availableColors: 8), 1)
        let brightBlue = ThemeFile.parseColor("bright-blue")!
        XCTAssertEqual(brightBlue.paletteIndex(availableColors: 16), 12)
        XCTAssertEqual(brightBlue.paletteIndex(availableColors: 8), 4)
        XCTAssertEqual(ThemeFile.parseColor("20")!.paletteIndex(availableColors: 8), 4, "a 256-palette blue becomes blue")
        XCTAssertNil(ThemeFile.parseColor("purple"))
        XCTAssertNil(ThemeFile.parseColor("-1"))
    }
}
