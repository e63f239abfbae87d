import Foundation
import XCTest
@testable import WicketCore

/// Issue 11: import lines that used to abort an import, be read as something they do not say,
/// or cost a whole line's bytes in memory before being refused.
final class ImportHardeningTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private func run(_ lines: [String]) throws -> Importer.Summary {
        try run(Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    private func run(_ data: Data) throws -> Importer.Summary {
        let file = hall.directory.appendingPathComponent("import-\(UUID().uuidString).jsonl")
        try data.write(to: file)
        return try Importer(store: hall.store, actor: "admin").run(from: try FileHandle(forReadingFrom: file))
    }

    private func assertBilingual(_ errors: [Importer.LineError], file: StaticString = #filePath, line: UInt = #line) {
        for error in errors {
            XCTAssertTrue(BilingualMessageTests.hasChinese(error.reason.zh), "\(error) has no Chinese", file: file, line: line)
            XCTAssertFalse(BilingualMessageTests.hasChinese(error.reason.en), "\(error) English has Chinese", file: file, line: line)
        }
    }

    // MARK: dates outside the hall's range

    /// `9999-12-31` used to abort the whole import (`NOT NULL constraint failed: tally_open_days.day`).
    func testFarPastAndFarFutureDatesAreRefusedPerLine() throws {
        // The clock: 2026-11-27 10:00 in the hall; the default calendar starts in 2025.
        let summary = try run([
            ImportTests.line(ref: "ok-1"),
            ImportTests.line(ref: "far-future", submitted: "9999-12-31T23:59:59+08:00"),
            ImportTests.line(ref: "past-9999", submitted: "9999-12-31T23:00:00Z"),
            ImportTests.line(ref: "year-one", submitted: "0001-01-01T00:00:00Z"),
            ImportTests.line(ref: "before-calendar", submitted: "2024-12-31T23:59:59+08:00"),
            ImportTests.line(ref: "first-day", submitted: "2025-01-01T00:00:00+08:00"),
            ImportTests.line(ref: "within-a-day", submitted: "2026-11-28T10:00:00+08:00"),
            ImportTests.line(ref: "over-a-day", submitted: "2026-11-28T10:00:01+08:00"),
            ImportTests.line(ref: "ok-2"),
        ])
        XCTAssertEqual(summary.imported, 4, "\(summary.errors)")
        XCTAssertEqual(summary.errors.map(\.line), [2, 3, 4, 5, 8])
        let refs = try hall.store.db.query("SELECT ref FROM cases ORDER BY id").map { $0.string("ref") }
        XCTAssertEqual(refs, ["ok-1", "first-day", "within-a-day", "ok-2"])
        for index in [0, 1, 4] {
            XCTAssertTrue(summary.errors[index].reason.en.contains("more than a day after the hall's clock (2026-11-27 10:00)"),
                          summary.errors[index].reason.en)
            XCTAssertTrue(summary.errors[index].reason.zh.contains("晚一天以上"), summary.errors[index].reason.zh)
        }
        for index in [2, 3] {
            XCTAssertTrue(summary.errors[index].reason.en.contains("before the hall's calendar starts (2025-01-01)"),
                          summary.errors[index].reason.en)
            XCTAssertTrue(summary.errors[index].reason.zh.contains("早于本厅日历的起始日（2025-01-01）"), summary.errors[index].reason.zh)
        }
        XCTAssertTrue(summary.errors[0].reason.en.hasPrefix(#"date "9999-12-31T23:59:59+08:00" in submitted_at is "#), summary.errors[0].reason.en)
        XCTAssertTrue(summary.errors[1].reason.en.hasPrefix(#"date "9999-12-31T23:00:00Z" in submitted_at is "#), summary.errors[1].reason.en)
        assertBilingual(summary.errors)
        // No far-off day reached a tally, and the tallies still agree with the cases.
        for table in ["tally_open_days", "tally_days"] {
            let far = try hall.store.db.scalarInt("SELECT count(*) FROM \(table) WHERE day IS NULL OR day < '2025-01-01' OR day > '2026-11-28'")
            XCTAssertEqual(far, 0, table)
        }
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT sum(n) FROM tally_open_days"), 4)
    }

    /// Without any calendar day the floor is fixed (2000-01-01); a calendar that starts later
    /// starts on 1 January of its first year.
    func testTheFloorFollowsTheCalendar() throws {
        let admin = Administration(store: hall.store)
        _ = try admin.loadCalendar([])
        var summary = try run([ImportTests.line(ref: "y1999", submitted: "1999-12-31T12:00:00+08:00"),
                               ImportTests.line(ref: "y2000", submitted: "2000-01-01T00:00:00+08:00")])
        XCTAssertEqual(summary.imported, 1)
        XCTAssertEqual(summary.errors.map(\.line), [1])
        XCTAssertTrue(summary.errors.first?.reason.en.contains("(2000-01-01)") ?? false, "\(summary.errors)")

        _ = try admin.loadCalendar(try CalendarFile.parse("2026-10-01..2026-10-07 holiday 国庆节\n"))
        summary = try run([ImportTests.line(ref: "dec-2025", submitted: "2025-12-31T12:00:00+08:00"),
                           ImportTests.line(ref: "jan-2026", submitted: "2026-01-01T00:00:00+08:00")])
        XCTAssertEqual(summary.imported, 1)
        XCTAssertEqual(summary.errors.map(\.line), [1])
        XCTAssertTrue(summary.errors.first?.reason.en.contains("(2026-01-01)") ?? false, "\(summary.errors)")
    }

    // MARK: duplicate keys

    func testRepeatedKeysAreRefusedNamingTheKey() throws {
        let good = ImportTests.line(ref: "good")
        let summary = try run([
            #"{"ref":"a","ref":"b","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳"}}"#,
            #"{"ref":"c","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳","phone":"1","name":"李娜"}}"#,
            // A byte order mark at a key's start is dropped (as Foundation did), so this is `ref` twice.
            "{\"ref\":\"d\",\"\u{FEFF}ref\":\"e\",\"service\":\"BIRTH-REG\",\"channel\":\"online\",\"submitted_at\":\"2026-11-26T09:30:00+08:00\",\"applicant\":{\"name\":\"王芳\"}}",
            // Many keys (the hashed path), the repeated one last.
            "{" + (1...40).map { "\"k\($0)\":1," }.joined() + #""k7":2}"#,
            good,
            // Equal values are still two statements.
            #"{"ref":"f","service":"BIRTH-REG","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳"}}"#,
        ])
        XCTAssertEqual(summary.imported, 1)
        XCTAssertEqual(summary.errors.map(\.line), [1, 2, 3, 4, 6])
        XCTAssertEqual(summary.errors.map(\.reason.en), [
            #"field "ref" appears more than once"#,
            #"field "applicant.name" appears more than once"#,
            #"field "ref" appears more than once"#,
            #"field "k7" appears more than once"#,
            #"field "service" appears more than once"#,
        ])
        XCTAssertEqual(summary.errors[1].message(.zh), "line 2: 字段“applicant.name”重复出现")
        assertBilingual(summary.errors)
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM cases"), 1)
    }

    /// The same key in two different objects is not a repeat.
    func testTheSameKeyInDifferentObjectsIsFine() throws {
        let line = #"{"ref":"n","service":"BIRTH-REG","channel":"online","submitted_at":"2026-11-26T09:30:00+08:00","applicant":{"name":"王芳","ref":"x"},"extra":[{"a":1},{"a":2}]}"#
        let summary = try run([line])
        XCTAssertEqual(summary.errors, [])
        XCTAssertEqual(summary.imported, 1)
    }

    // MARK: line length

    func testALineOverTheLimitIsRefusedAndReadingGoesOn() throws {
        XCTAssertGreaterThan(ImportLine.maxLineBytes, 11 * ImportLine.maxFieldBytes, "every field may be at its limit")
        let long = #"{"ref":"long","details":""# + String(repeating: "x", count: 3 * ImportLine.maxLineBytes) + #""}"#
        var data = Data()
        data.append(Data((ImportTests.line(ref: "before") + "\n").utf8))
        data.append(Data((long + "\r\n").utf8))
        data.append(Data((ImportTests.line(ref: "after") + "\n").utf8))
        data.append(Data(String(repeating: "y", count: ImportLine.maxLineBytes + 1).utf8))   // the last line, no newline
        let summary = try run(data)
        XCTAssertEqual(summary.imported, 2)
        XCTAssertEqual(summary.linesRead, 4)
        XCTAssertEqual(summary.errors.map(\.line), [2, 4])
        XCTAssertEqual(summary.errors.map(\.reason), [ImportLine.lineTooLong.reason, ImportLine.lineTooLong.reason])
        XCTAssertTrue(summary.errors[0].reason.en.contains("over 1 MiB"))
        assertBilingual(summary.errors)
    }

    /// The reader keeps at most the limit and a chunk of a long line, whatever its length.
    func testTheReaderDropsALongLineWithoutKeepingIt() throws {
        let file = hall.directory.appendingPathComponent("lines.txt")
        var text = "abc\n" + String(repeating: "x", count: 200_000) + "\n"
        text += "0123456789\r\n"          // exactly at the limit once the CR is dropped
        text += "01234567890\n"           // one over
        text += String(repeating: "z", count: 300_000) // over, and no newline at the end
        try Data(text.utf8).write(to: file)
        var reader = LineReader(handle: try FileHandle(forReadingFrom: file), limit: 10)
        var read: [String] = []
        while let line = try reader.nextLine() {
            switch line {
            case .success(let bytes): read.append(String(decoding: bytes, as: UTF8.self))
            case .failure(let failure): read.append(failure.reason == ImportLine.lineTooLong.reason ? "<too long>" : "?")
            }
        }
        XCTAssertEqual(read, ["abc", "<too long>", "0123456789", "<too long>", "<too long>"])
    }

    func testLinesAcrossChunksReadAsBefore() throws {
        let file = hall.directory.appendingPathComponent("chunks.txt")
        let lines = (0..<5_000).map { "line \($0) " + String(repeating: "é", count: $0 % 97) }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        var reader = LineReader(handle: try FileHandle(forReadingFrom: file))
        var read: [String] = []
        while let line = try reader.nextLine() { read.append(String(decoding: try line.get(), as: UTF8.self)) }
        XCTAssertEqual(read, lines)
    }

    // MARK: read failures

    func testAFolderIsAReadErrorNotAFoundationOne() throws {
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: hall.directory.path))
        XCTAssertThrowsError(try Importer(store: hall.store, actor: "admin").run(from: handle)) { error in
            XCTAssertEqual((error as? Importer.ReadError)?.code, EISDIR, "\(error)")
        }
    }
}
