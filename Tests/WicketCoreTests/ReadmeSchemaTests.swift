import Foundation
import XCTest
@testable import WicketCore

/// The README's schema table names every table of a new database and exactly its columns.
final class ReadmeSchemaTests: XCTestCase {
    static func readmeTables() throws -> [String: Set<String>] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "| table | columns |"))
        var tables: [String: Set<String>] = [:]
        let parenthetical = try NSRegularExpression(pattern: "\\([^()]*\\)")
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("| `") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var columns = cells[1...].joined(separator: "|")
            columns = parenthetical.stringByReplacingMatches(in: columns, range: NSRange(columns.startIndex..., in: columns),
                                                             withTemplate: "")
            if let colon = columns.range(of: ":") { columns = String(columns[..<colon.lowerBound]) }
            tables[name] = Set(columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return tables
    }

    func testEveryTableAndColumnIsAsTheReadmeSays() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let documented = try Self.readmeTables()
        XCTAssertGreaterThan(documented.count, 20, "the README's schema table was not read")
        let tables = try hall.store.db.query("""
            SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search%'
            """).map { $0.string(at: 0) }
        for table in tables {
            guard let columns = documented[table] else {
                XCTFail("table \(table) is not in the README's schema table")
                continue
            }
            let actual = Set(try hall.store.db.query("SELECT name FROM pragma_table_info(?)", table).map { $0.string(at: 0) })
            XCTAssertEqual(columns, actual, "\(table): README \(columns.subtracting(actual).sorted()) vs schema \(actual.subtracting(columns).sorted())")
        }
        for table in Set(documented.keys).subtracting(tables).subtracting(["case_search"]) {
            XCTFail("the README names table \(table), which a new database does not have")
        }
    }
}
