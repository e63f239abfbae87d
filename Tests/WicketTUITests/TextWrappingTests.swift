import XCTest
import WicketTUI

final class TextWrappingTests: XCTestCase {
    let measure = DisplayWidth.standard

    func testLatinBreaksAtSpaces() {
        XCTAssertEqual(measure.wrap("the quick brown fox", toWidth: 10), ["the quick", "brown fox"])
        XCTAssertEqual(measure.wrap("please bring your ID", toWidth: 6), ["please", "bring", "your", "ID"])
    }

    func testChineseBreaksBetweenAnyCharacters() {
        XCTAssertEqual(measure.wrap("申请人提交了材料", toWidth: 6), ["申请人", "提交了", "材料"])
        XCTAssertEqual(measure.wrap("申请人提交了材料", toWidth: 7), ["申请人", "提交了", "材料"], "no half characters")
    }

    func testClosingPunctuationNeverStartsALine() {
        let lines = measure.wrap("你好，世界。谢谢", toWidth: 4)
        XCTAssertEqual(lines, ["你", "好，", "世", "界。", "谢谢"])
        for line in lines {
            XCTAssertFalse(line.hasPrefix("，") || line.hasPrefix("。"), line)
        }
    }

    func testMixedChineseAndLatin() {
        XCTAssertEqual(measure.wrap("请上传ID card照片", toWidth: 8), ["请上传ID", "card照片"])
    }

    func testLongWordIsCutAtTheWidth() {
        XCTAssertEqual(measure.wrap("abcdefghij", toWidth: 4), ["abcd", "efgh", "ij"])
    }

    func testNewlinesAreHardBreaks() {
        XCTAssertEqual(measure.wrap("a\n\nb", toWidth: 10), ["a", "", "b"])
        XCTAssertEqual(measure.wrap("", toWidth: 10), [""])
        XCTAssertEqual(measure.wrap("  indented", toWidth: 20), ["  indented"])
    }

    func testNoLineIsWiderThanTheWidthAndNothingIsLost() {
        let text = "申请人张三（Zhang San）于2024年3月提交了营业执照申请，材料：身份证、租赁合同。Please check the lease."
        for width in 2...30 {
            let lines = measure.wrap(text, toWidth: width)
            for line in lines {
                XCTAssertLessThanOrEqual(measure.width(of: line), width, "width \(width): \(line)")
            }
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " }, "width \(width)")
        }
    }

    func testWideCharacterInWidthOneGetsItsOwnLine() {
        XCTAssertEqual(measure.wrap("中文", toWidth: 1), ["中", "文"])
    }
}
