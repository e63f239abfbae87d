import Foundation
import XCTest
@testable import WicketCore

/// Seeded fuzzing of the three parsers that read files people hand to Wicket: applications
/// (JSON Lines), reply templates and the working-day calendar. Random bytes, random tokens and
/// mutations of valid inputs, a few thousand of each, the same every run: each input is either
/// accepted or refused with the parser's own error and a message — never a crash, another
/// error type, or a slow pass (a hang shows up as one input taking far too long).
final class ParserFuzzTests: XCTestCase {
    static let cases = Int(ProcessInfo.processInfo.environment["WICKET_FUZZ_CASES"] ?? "") ?? 3000
    /// Far above what any input here needs (microseconds), far below what a hang would take; not a
    /// speed goal (those live in wicket-bench), so a loaded machine never trips it.
    static let slowInput: TimeInterval = 5

    // MARK: inputs

    /// Fragments that mean something to one of the parsers, or to Unicode and UTF-8.
    static let tokens: [String] = [
        "{", "}", "{{", "}}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800", "\\u001b", "null", "true", "1e309",
        "-0", "99999999999999999999", "#", "..", "-", "2026-10-01", "9999-12-31", "0000-00-00", "2026-02-29",
        "2028-02-29", "holiday", "workday", "HOLIDAY", "[accept.zh]", "[reject.en]", "[.]", "[accept.]", "{applicant}",
        "{case_number}", "{nope}", "{", "\n", "\r\n", "\r", "\t", " ", "\u{2028}", "\u{0}", "\u{1B}[2J", "\u{202E}",
        "\u{200B}", "\u{FEFF}", "王芳", "👨‍👩‍👧", "e\u{301}", "\u{FFFF}", "ref", "service", "channel", "submitted_at",
        "applicant", "name", "HUKOU-MOVE", "online", "2026-11-26T09:30:00+08:00", "2026-11-26T25:61:61Z",
        "2026-11-26T09:30:00.999999999999+14:00", "2026-11-26T09:30:00-99:99",
    ]

    static let importSeed = #"{"ref":"f-1","service":"HUKOU-MOVE","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳","id_number":"440106199001181234","phone":"13800000000"},"summary":"s","details":"d","materials":["ID-CARD"],"priority":"urgent","lang":"en"}"#
    static let templateSeed = "# overrides\n[accept.zh]\n{applicant}您好：{service}（{case_number}）已受理，{due_date}前决定。{{括号}}\n\n[reject.en]\nDear {applicant}, {reason}. Appeal to {department} within {days} days.\n"
    static let calendarSeed = "# 2027\n2027-01-01 holiday 元旦 New Year\n2027-02-06..2027-02-12\tholiday 春节\n2027-02-14 workday 调休\r\n2027-10-01..2027-10-07 holiday\n"

    /// One input: random bytes, random tokens, or a mutated seed, in turn.
    static func input(_ index: Int, seed: String, random: inout SeededRandom) -> [UInt8] {
        switch index % 3 {
        case 0:
            return (0..<Int.random(in: 0...120, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1:
            return Array((0..<Int.random(in: 0...40, using: &random)).map { _ in random.pick(tokens) }.joined().utf8)
        default:
            var bytes = Array(seed.utf8)
            for _ in 0..<Int.random(in: 1...6, using: &random) { mutate(&bytes, random: &random) }
            return bytes
        }
    }

    static func mutate(_ bytes: inout [UInt8], random: inout SeededRandom) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
        case 1 where !bytes.isEmpty: bytes.remove(at: position)
        case 2: bytes.insert(contentsOf: Array(random.pick(tokens).utf8), at: position)
        case 3 where !bytes.isEmpty: bytes.removeSubrange(position...)
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...30, using: &random))
            bytes.insert(contentsOf: bytes[position..<end], at: position)
        case 5 where !bytes.isEmpty: bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &random)
        default: bytes.insert(contentsOf: [0xC3, 0x28, 0xF0, 0x9F, 0xFF, 0xED, 0xA0, 0x80].prefix(Int.random(in: 1...8, using: &random)), at: position)
        }
    }

    /// Runs `body` over every input, timing each; fails with the first offending input shown.
    func fuzz(_ name: String, seed: String, randomSeed: UInt64, file: StaticString = #filePath, line: UInt = #line,
              _ body: ([UInt8]) -> String?) -> (accepted: Int, refused: Int) {
        var random = SeededRandom(seed: randomSeed)
        var accepted = 0
        var refused = 0
        for index in 0..<Self.cases {
            let bytes = Self.input(index, seed: seed, random: &random)
            let start = Date()
            let problem = body(bytes)
            let elapsed = Date().timeIntervalSince(start)
            if let problem, problem.hasPrefix("!") {
                XCTFail("\(name) input #\(index) \(Self.show(bytes)): \(problem)", file: file, line: line)
                break
            }
            if elapsed > Self.slowInput {
                XCTFail("\(name) input #\(index) took \(elapsed) s: \(Self.show(bytes))", file: file, line: line)
                break
            }
            if problem == nil { accepted += 1 } else { refused += 1 }
        }
        // A fuzz run proves it tried what it says: every input was parsed to an answer.
        XCTAssertEqual(accepted + refused, Self.cases, "\(name): inputs that reached an answer", file: file, line: line)
        return (accepted, refused)
    }

    static func show(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
    }

    // MARK: the parsers

    /// nil: accepted; a message: refused as the parser should; "!…": something went wrong.
    func testImportLineParser() {
        let result = fuzz("import", seed: Self.importSeed, randomSeed: 61) { bytes in
            do {
                let application = try ImportLine.parse(bytes[...])
                return (application.ref ?? "").isEmpty ? "!accepted an empty ref" : nil
            } catch let failure as ImportLine.Failure {
                // A refusal says why in both languages.
                return failure.reason.en.isEmpty || failure.reason.zh.isEmpty ? "!refused without a reason" : failure.reason.en
            } catch {
                return "!unexpected error \(error)"
            }
        }
        XCTAssertGreaterThan(result.accepted, 20, "mutations keep some lines valid, so acceptance is exercised")
        XCTAssertGreaterThan(result.refused, 1000)
    }

    func testImportOfDeeplyNestedOrHugeLinesIsRefusedNotACrash() {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 50_000),
                     "{\"ref\":\"" + String(repeating: "很", count: 30_000) + "\"}"] {
            XCTAssertThrowsError(try ImportLine.parse(Array(text.utf8)[...]))
        }
    }

    func testTemplateFileParser() {
        let result = fuzz("templates", seed: Self.templateSeed, randomSeed: 62) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            do {
                for (_, _, template) in try TemplateSet.parseFile(text) {
                    // What was accepted parses the same again and renders without a slot left over.
                    guard try ReplyTemplate(template.source) == template else { return "!not stable" }
                    _ = template.render([.applicant: "王芳"])
                }
                return nil
            } catch let error as TemplateError {
                if error.message.isEmpty { return "!refused without a reason" }
                if let at = error.line, !(1...max(1, lineCount)).contains(at) { return "!line \(at) of \(lineCount)" }
                return error.message
            } catch {
                return "!unexpected error \(error)"
            }
        }
        XCTAssertGreaterThan(result.accepted, 50)
        XCTAssertGreaterThan(result.refused, 500)
    }

    func testTemplateBodyParser() {
        let result = fuzz("template body", seed: "{applicant}您好，{{ {reason} }} {days}", randomSeed: 63) { bytes in
            do {
                _ = try ReplyTemplate(String(decoding: bytes, as: UTF8.self))
                return nil
            } catch let error as TemplateError {
                return error.message.isEmpty ? "!refused without a reason" : error.message
            } catch {
                return "!unexpected error \(error)"
            }
        }
        XCTAssertGreaterThan(result.accepted, 50, "mutations keep some bodies valid")
        XCTAssertGreaterThan(result.refused, 50, "and some break them")
    }

    func testCalendarFileParser() {
        let result = fuzz("calendar", seed: Self.calendarSeed, randomSeed: 64) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let lineCount = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
            do {
                let entries = try CalendarFile.parse(text)
                if Set(entries.map(\.day)).count != entries.count { return "!a day listed twice was accepted" }
                _ = CalendarFile.calendar(from: entries).isWorkingDay(Day(year: 2027, month: 2, day: 8)!)
                return nil
            } catch let error as CalendarFileError {
                if error.message.isEmpty { return "!refused without a reason" }
                if !(1...max(1, lineCount)).contains(error.line) { return "!line \(error.line) of \(lineCount)" }
                return error.message
            } catch {
                return "!unexpected error \(error)"
            }
        }
        XCTAssertGreaterThan(result.accepted, 50)
        XCTAssertGreaterThan(result.refused, 500)
    }
}
