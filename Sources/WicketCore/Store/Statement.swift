import CSQLite

/// A prepared statement, owned and cached by its `Database`. Reset before every use,
/// so a cached statement never carries bindings or a half-read result into the next call.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    private unowned let database: Database
    public var columnNames: [String] { layout.names }
    private(set) lazy var layout = ColumnLayout(names: (0..<sqlite3_column_count(handle)).map {
        String(cString: sqlite3_column_name(handle, $0))
    })

    init(database: Database, sql: String) throws {
        self.database = database
        self.sql = sql
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw database.error(code: code, sql: sql)
        }
        handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    /// Clears the previous run and binds `arguments` to `?` parameters in order.
    /// `allowingUnused`: a shared parameter list (`?1`, `?2` …) where this statement uses only the first few.
    func prepare(_ arguments: [DatabaseBindable], allowingUnused: Bool = false) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count || (allowingUnused && expected < arguments.count) else {
            throw DatabaseError(code: SQLITE_MISUSE, message: "expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.prefix(expected).enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.databaseValue {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
            case .real(let v): code = sqlite3_bind_double(handle, index, v)
            case .text(let s):
                // The byte length, not -1: text with a NUL in it (hostile input) is stored whole,
                // not cut at the NUL, so the clerk sees "␀" and everything after it.
                code = sqlite3_bind_text(handle, index, s, Int32(s.utf8.count), wicket_sqlite_transient())
            case .blob(let b):
                code = b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32(b.count), wicket_sqlite_transient()) }
            }
            guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
        }
    }

    /// Advances one row; false when done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let failure = database.error(code: code, sql: sql)
            sqlite3_reset(handle)
            throw failure
        }
    }

    func finish() { sqlite3_reset(handle) }

    func value(at column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(text(at: column))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// Column text without building a `DatabaseValue`; for hot loops.
    func text(at column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func int64(at column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func isNull(at column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func currentRow() -> Row {
        let count = sqlite3_column_count(handle)
        return Row(layout: layout, values: (0..<count).map { value(at: $0) })
    }
}
