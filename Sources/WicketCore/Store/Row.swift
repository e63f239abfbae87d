import Foundation

/// One result row, read by column index or name. Values are copied out of SQLite
/// so a row stays valid after the statement steps on.
public struct Row: Sendable {
    let layout: ColumnLayout
    public let values: [DatabaseValue]

    public var columnNames: [String] { layout.names }

    init(layout: ColumnLayout, values: [DatabaseValue]) {
        self.layout = layout
        self.values = values
    }

    public subscript(_ index: Int) -> DatabaseValue { values[index] }

    public subscript(_ name: String) -> DatabaseValue { values[index(name)] }

    public func int(_ name: String) -> Int { int(at: index(name)) }
    public func int(at i: Int) -> Int {
        switch values[i] {
        case .integer(let v): return Int(v)
        case .real(let v): return Int(v)
        case .text(let s): return Int(s) ?? 0
        default: return 0
        }
    }
    public func optionalInt(_ name: String) -> Int? {
        if case .null = self[name] { return nil }
        return int(name)
    }
    public func double(_ name: String) -> Double { double(at: index(name)) }
    public func double(at i: Int) -> Double {
        switch values[i] {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let s): return Double(s) ?? 0
        default: return 0
        }
    }
    public func string(_ name: String) -> String { string(at: index(name)) }
    public func string(at i: Int) -> String {
        switch values[i] {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        case .null: return ""
        }
    }
    public func optionalString(_ name: String) -> String? {
        if case .null = self[name] { return nil }
        return string(name)
    }
    public func bool(_ name: String) -> Bool { int(name) != 0 }

    private func index(_ name: String) -> Int {
        guard let index = layout.index[name] else {
            preconditionFailure("no column \(name) in row (\(columnNames.joined(separator: ", ")))")
        }
        return index
    }
}

/// A statement's column names and their positions, shared by every row it returns, so reading a
/// column by name is one dictionary lookup.
final class ColumnLayout: Sendable {
    let names: [String]
    let index: [String: Int]

    init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }
}
