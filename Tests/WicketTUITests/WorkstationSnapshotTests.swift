import Foundation
import XCTest
@testable import WicketTUI
import WicketCore

/// Whole screens as text, compared with the files in Snapshots/. After an intended change of the
/// screen, run with WICKET_UPDATE_SNAPSHOTS=1 to rewrite them, and read the diff before committing.
final class WorkstationSnapshotTests: XCTestCase {
    var fixture: WorkstationFixture!

    override func setUpWithError() throws { fixture = try WorkstationFixture() }
    override func tearDown() { fixture.remove() }

    static let sizes = [(80, 24), (160, 45)]

    static let screens: [(name: String, keys: String)] = [
        ("inbox", "5"),
        ("detail", "2<Enter>"),
        ("reply", "r您好，您的户口迁移申请已收到，我们将在三个工作日内答复。Thank you."),
        ("intake", "i户口迁移<Tab>赵敏<Tab><Tab>440106199201053456"),
        ("intake-service", "i登记<Down>"),
        ("help", "?"),
        ("materials", "2m"),
        ("filter", "f"),
        ("reason", "2x"),
        ("reason-find", "2xremit<Down>"),
    ]

    func testScreens() throws {
        for (width, height) in Self.sizes {
            for screen in Self.screens {
                let engine = try fixture.engine(width: width, height: height)
                try fixture.press(engine, screen.keys)
                try assertSnapshot(fixture.screen(engine), named: "\(screen.name)-\(width)x\(height)")
            }
        }
    }

    /// Every screen in Chinese; the English ones are in `testScreens`.
    func testChineseScreens() throws {
        for (width, height) in Self.sizes {
            for screen in Self.screens {
                let engine = try fixture.engine(width: width, height: height)
                engine.state.language = .zh
                try fixture.press(engine, screen.keys)
                let text = fixture.screen(engine)
                try assertSnapshot(text, named: "\(screen.name)-zh-\(width)x\(height)")
                for line in text.split(separator: "\n") {
                    XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: line), width, "\(screen.name) zh: \(line)")
                }
            }
        }
    }

    /// Mono: the same words and marks, no colour anywhere, and every level still set apart by an attribute.
    func testMonoScreensHaveNoColourAndLevelsStandOut() throws {
        let mono = ThemeLoader(directories: [ThemeFileTests.shippedThemes]).load("mono")
        XCTAssertEqual(mono.problems, [])
        for screen in Self.screens where ["inbox", "help"].contains(screen.name) {
            let engine = try fixture.engine(width: 80, height: 24)
            engine.theme = mono.theme
            try fixture.press(engine, screen.keys)
            try assertSnapshot(fixture.screen(engine), named: "\(screen.name)-mono-80x24")
            let (frame, _) = engine.render()
            for row in 0..<frame.height {
                for cell in frame.row(row) {
                    XCTAssertEqual(cell.style.foreground, .default)
                    XCTAssertEqual(cell.style.background, .default)
                }
            }
        }
        for level in [Level.overdue, .red, .yellow, .paused] {
            XCTAssertNotEqual(mono.theme.level(level).attributes, [], "\(level) has a mark, a word and an attribute")
        }
    }

    func testEveryRowFitsItsWidth() throws {
        for (width, height) in Self.sizes + [(100, 30), (120, 40)] {
            for screen in Self.screens {
                let engine = try fixture.engine(width: width, height: height)
                try fixture.press(engine, screen.keys)
                let lines = fixture.screen(engine).split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertEqual(lines.count, height)
                for line in lines {
                    XCTAssertLessThanOrEqual(DisplayWidth.standard.width(of: line), width, "\(screen.name) \(width)x\(height): \(line)")
                }
            }
        }
    }

    private func assertSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try SnapshotFile.assert(text, named: name, file: file, line: line)
    }
}
