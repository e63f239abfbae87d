import Foundation
import XCTest
@testable import WicketCore

/// `JSONLine` replaced `JSONSerialization` for import lines; these tests hold it to Foundation's
/// answers: the same lines accepted, the same refused, the same strings read.
final class JSONLineTests: XCTestCase {
    /// Foundation's reading of `bytes` in the shape `describe` gives, or nil when it refuses them.
    static func foundation(_ bytes: [UInt8]) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return nil }
        return describe(object)
    }

    static func ours(_ bytes: [UInt8]) -> String? {
        guard let value = try? bytes.withUnsafeBufferPointer({ try JSONLine.parse($0) }) else { return nil }
        return describe(value)
    }

    /// Numbers and booleans as `#` (an import line needs neither), objects with sorted keys.
    static func describe(_ object: Any) -> String {
        switch object {
        case let text as String: return text.debugDescription
        case is NSNull: return "null"
        case let list as [Any]: return "[" + list.map(describe).joined(separator: ",") + "]"
        case let fields as [String: Any]:
            return "{" + fields.keys.sorted().map { "\($0.debugDescription):\(describe(fields[$0]!))" }.joined(separator: ",") + "}"
        default: return "#"
        }
    }

    static func describe(_ value: JSONLine.Value) -> String {
        switch value {
        case .string(let text): return text.debugDescription
        case .null: return "null"
        case .number, .bool: return "#"
        case .array(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
        case .object(let fields):
            var last: [String: JSONLine.Value] = [:]
            for field in fields { last[field.key] = field.value }
            return "{" + last.keys.sorted().map { "\($0.debugDescription):\(describe(last[$0]!))" }.joined(separator: ",") + "}"
        }
    }

    func testEdgeCasesReadAsFoundationReadsThem() {
        var lines = [
            "5", "\"x\"", "[1]", "{}", "{\"a\":1,}", "{\"a\":1}x", " {\"a\":1} ", "{\"a\":1,\"a\":\"two\"}",
            "{\"a\":\"\\u0000z\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":01}", "{\"a\":-0}",
            "{\"a\":1e5}", "{\"a\":NaN}", "\u{FEFF}{\"a\":1}", "{\"a\":\"tab\there\"}", "{\"a\":\"nl\nhere\"}", "{'a':1}",
            "{\"a\":tru}", "{\"a\":true}", "{\"a\":false}", "{\"a\":null}", "{\"a\":[\"x\",null]}", "{\"a\":\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"}",
            "{\"a\":\"\\x\"}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":\"\u{7F}\"}", "{\"a\":1.5e}", "{\"a\":[1,]}",
            "{\"a\"  :  { \"b\" : [ ] } }", "{\"a\":\"\\uD800\\u0041\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"x\"}\u{0}",
            "\t{\"a\":1}\r", "{,}", "[,]", "{\"a\":1,,}", "{\"a\" 1}", "\u{0B}{\"a\":1}", "{\"a\":-01}", "{\"a\":1E+2}",
            "{\"a\":\"\\u00e9\\u00E9\"}", "{\"a\":\"\\u12\"}", "{\"a\":[1 2]}", "{\"a\":1 \"b\":2}", "{\"a\":[],}",
            "{\"a\":{},}", "{\"a\":\"\u{2028}王芳\"}", "", "   ", "[{},]", "{\"a\":9999999999999999999999}",
            "{\"a\":1e400}", "{\"a\":1e-400}", "{\"\\u0061\":1}", "{\"a\":-1.5E-3}", "{\"a\":2}{", "{\"a\":\"",
            ImportTests.line(ref: "p-1"),
            // Foundation drops a byte order mark that starts a string or follows an escape in it.
            "{\"a\":\"\u{FEFF}x\"}", "{\"a\":\"x\u{FEFF}y\"}", "{\"a\":\"\\ufeffx\"}", "{\"a\":\"\u{FEFF}\u{FEFF}x\"}",
            "{\"\u{FEFF}a\":1}", "{\"a\":\"\u{FEFF}x\\n\"}", "{\"a\":\"\u{FEFF}\"}", "{\"a\":\"\\n\u{FEFF}x\"}",
            "[\"\u{FEFF}\"]", "{\"a\":\"\\ud83d\\ude00\u{FEFF}x\\t\u{FEFF}\"}",
        ]
        lines.append(String(repeating: "[", count: 600) + String(repeating: "]", count: 600))
        for depth in [510, 511, 512, 513] {
            lines.append("{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}")
        }
        for line in lines {
            let bytes = Array(line.utf8)
            XCTAssertEqual(Self.ours(bytes), Self.foundation(bytes), line.prefix(60).debugDescription)
        }
    }

    /// Mutations of a portal line (the fuzz tests' inputs), valid UTF-8 only: that is checked first.
    func testMutatedLinesReadAsFoundationReadsThem() {
        var random = SeededRandom(seed: 71)
        var compared = 0
        var accepted = 0
        for index in 0..<ParserFuzzTests.cases {
            let bytes = ParserFuzzTests.input(index, seed: ParserFuzzTests.importSeed, random: &random)
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            let expected = Self.foundation(bytes)
            XCTAssertEqual(Self.ours(bytes), expected, ParserFuzzTests.show(bytes))
            compared += 1
            if expected != nil { accepted += 1 }
        }
        XCTAssertGreaterThan(compared, ParserFuzzTests.cases / 3)
        XCTAssertGreaterThan(accepted, 50, "some mutations stay JSON, so reading is compared, not only refusing")
    }

    /// Exactly Foundation's `.whitespaces` and `.whitespacesAndNewlines`, over every scalar.
    func testBlankTextMatchesFoundationTrimming() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), value < 0x3100 || value % 97 == 0 else { continue }
            let text = String(Character(scalar))
            XCTAssertEqual(BlankText.isBlank(text), text.trimmingCharacters(in: .whitespaces).isEmpty, "U+\(String(value, radix: 16))")
            XCTAssertEqual(BlankText.isBlank(text, newlines: true),
                           text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "U+\(String(value, radix: 16))")
        }
        XCTAssertTrue(BlankText.isBlank(""))
        XCTAssertTrue(BlankText.isBlank(" \t\u{3000}"))
        XCTAssertFalse(BlankText.isBlank(" 王 "))
        XCTAssertFalse(BlankText.isBlank(" \u{301}"), "a combining mark is not trimmed")
    }
}
