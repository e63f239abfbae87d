import XCTest
import WicketTUI

final class KeyTests: XCTestCase {
    func key(_ value: UInt32) -> Key? {
        Key(inputScalar: Unicode.Scalar(value)!)
    }

    func testControlCodesBecomeNamedKeys() {
        XCTAssertEqual(key(0x0D), .enter)
        XCTAssertEqual(key(0x0A), .enter)
        XCTAssertEqual(key(0x09), .tab)
        XCTAssertEqual(key(0x1B), .escape)
        XCTAssertEqual(key(0x7F), .backspace)
        XCTAssertEqual(key(0x08), .backspace)
    }

    func testCtrlLetters() {
        XCTAssertEqual(key(0x03), .ctrl("c"))
        XCTAssertEqual(key(0x0E), .ctrl("n"))
        XCTAssertEqual(key(0x1A), .ctrl("z"))
        XCTAssertEqual(key(0x00), .ctrl("@"))
        XCTAssertEqual(key(0x1F), .ctrl("_"))
    }

    func testPrintableCharactersIncludingChinese() {
        XCTAssertEqual(key(0x71), .character("q"))
        XCTAssertEqual(key(0x4E2D), .character("中"))
        XCTAssertNil(key(0x9B), "C1 controls are not keys")
    }

    func testDescriptionsForKeyHints() {
        XCTAssertEqual(Key.function(5).description, "F5")
        XCTAssertEqual(Key.ctrl("n").description, "Ctrl-N")
        XCTAssertEqual(Key.character(" ").description, "Space")
        XCTAssertEqual(Key.enter.description, "Enter")
    }
}
