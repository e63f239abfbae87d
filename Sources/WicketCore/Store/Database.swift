import CSQLite
import Foundation

/// One connection to a Wicket database file. Owns its statement cache; not shared between threads.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var transactionDepth = 0
    /// The key of the history chain, set by `CaseStore` when it opens the file (or why it
    /// could not be read); nil for a connection opened without one.
    var historyKeyState: Result<HistoryKey, HistoryKeyError>?
    var historyKeyPathValue = ""
    /// The applicant match key derived from the history key, made on first use.
    private var applicantMatcherValue: ApplicantMatcher?
    /// Waits for another process's write lock, for minutes if need be, saying who holds it (README: Reliability).
    public let lockWait: LockWait

    /// Opens (or with `create`, creates) the file. Nothing is written here: settings that write
    /// (WAL) are applied by `configureForSharing()` only after the file was found to be Wicket's.
    public init(path: String, create: Bool, readOnly: Bool = false) throws {
        self.path = path
        var connection: OpaquePointer?
        // No URI filenames: `file:…?nolock=1` from a caller must not switch off locking.
        var flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW
        flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(connection)
            throw DatabaseError(code: code, message: "\(message): \(path)")
        }
        handle = connection
        lockWait = LockWait(path: path)
        sqlite3_extended_result_codes(handle, 1)
        // Clerks share the file; a writer waits for another rather than failing: no fixed timeout
        // ("database is locked" after 10 s) but a handler that keeps waiting and names the holder.
        sqlite3_busy_handler(handle, wicketBusyHandler, Unmanaged.passUnretained(lockWait).toOpaque())
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// WAL so readers never block the writer, foreign keys enforced, fsync at checkpoints only.
    public func configureForSharing() throws {
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
        // Savepoint journals (every action nested in a bulk transaction) stay in memory, not in temp files.
        try execute("PRAGMA temp_store = MEMORY")
    }

    // MARK: statements

    func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a statement to completion, discarding rows (PRAGMAs may return one).
    public func execute(_ sql: String, _ arguments: DatabaseBindable...) throws {
        try execute(sql, arguments: arguments)
    }

    public func execute(_ sql: String, arguments: [DatabaseBindable]) throws {
        let statement = try cachedStatement(sql)
        try statement.prepare(arguments)
        defer { statement.finish() }
        while try statement.step() {}
    }

    /// Runs several `;`-separated statements without caching (schema scripts).
    public func executeScript(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw DatabaseError(code: code, message: message, sql: String(sql.prefix(200)))
        }
    }

    public func query(_ sql: String, _ arguments: DatabaseBindable...) throws -> [Row] {
        try query(sql, arguments: arguments)
    }

    public func query(_ sql: String, arguments: [DatabaseBindable], allowingUnused: Bool = false) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(sql, arguments: arguments, allowingUnused: allowingUnused) { rows.append($0) }
        return rows
    }

    public func queryOne(_ sql: String, _ arguments: DatabaseBindable...) throws -> Row? {
        try queryOne(sql, arguments: arguments)
    }

    public func queryOne(_ sql: String, arguments: [DatabaseBindable]) throws -> Row? {
        let statement = try cachedStatement(sql)
        try statement.prepare(arguments)
        defer { statement.finish() }
        return try statement.step() ? statement.currentRow() : nil
    }

    public func scalarInt(_ sql: String, _ arguments: DatabaseBindable...) throws -> Int? {
        let statement = try cachedStatement(sql)
        try statement.prepare(arguments)
        defer { statement.finish() }
        guard try statement.step(), !statement.isNull(at: 0) else { return nil }
        return Int(statement.int64(at: 0))
    }

    public func scalarIntWithArguments(_ sql: String, _ arguments: [DatabaseBindable]) throws -> Int? {
        let statement = try cachedStatement(sql)
        try statement.prepare(arguments, allowingUnused: true)
        defer { statement.finish() }
        guard try statement.step(), !statement.isNull(at: 0) else { return nil }
        return Int(statement.int64(at: 0))
    }

    public func scalarString(_ sql: String, _ arguments: DatabaseBindable...) throws -> String? {
        let statement = try cachedStatement(sql)
        try statement.prepare(arguments)
        defer { statement.finish() }
        guard try statement.step(), !statement.isNull(at: 0) else { return nil }
        return statement.text(at: 0)
    }

    /// Streams rows without collecting them.
    public func forEachRow(_ sql: String, arguments: [DatabaseBindable], allowingUnused: Bool = false,
                           _ body: (Row) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        try statement.prepare(arguments, allowingUnused: allowingUnused)
        defer { statement.finish() }
        while try statement.step() { try body(statement.currentRow()) }
    }

    public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Bumps whenever another connection commits; cheap to poll for live refresh.
    public func dataVersion() throws -> Int { try scalarInt("PRAGMA data_version") ?? 0 }

    // MARK: transactions

    /// A write transaction: `BEGIN IMMEDIATE` takes the write lock up front, so two clerks
    /// never both read a case and then race to write it. Any thrown error rolls back.
    /// Nested calls become savepoints.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// A write that gives up after `seconds` of another's write lock (with a `HallBusyError`):
    /// for advice such as presence heartbeats, never for a clerk's action.
    public func write<T>(waitingAtMost seconds: TimeInterval, _ body: () throws -> T) throws -> T {
        let saved = lockWait.limit
        lockWait.limit = min(saved, seconds)
        defer { lockWait.limit = saved }
        return try write(body)
    }

    /// A read transaction: one consistent snapshot across several queries.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    private func transaction<T>(begin: String, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            let name = "wicket_\(transactionDepth)"
            try execute("SAVEPOINT \(name)")
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            do {
                let result = try body()
                try execute("RELEASE \(name)")
                return result
            } catch {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
                throw error
            }
        }
        do {
            try execute(begin)
        } catch let error as DatabaseError where error.primaryCode == SQLITE_READONLY {
            throw StoreError.readOnly(path: path)
        }
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            // An operator's `chmod 440` makes the hall read-only: say so, not "attempt to write a readonly database".
            if let database = error as? DatabaseError, database.primaryCode == SQLITE_READONLY { throw StoreError.readOnly(path: path) }
            throw error
        }
    }

    public var isInTransaction: Bool { transactionDepth > 0 }

    /// Reads the history key for this connection now; a problem is kept and thrown by `historyKey()`.
    func attachHistoryKey(path: String, databasePath: String) {
        historyKeyPathValue = path
        do {
            historyKeyState = .success(try HistoryKey.load(path: path, databasePath: databasePath))
        } catch let error as HistoryKeyError {
            historyKeyState = .failure(error)
        } catch {
            historyKeyState = .failure(.unreadable(path: path, reason: "\(error)"))
        }
    }

    /// The history key, or the reason there is none (it names the key file).
    public func historyKey() throws -> HistoryKey {
        guard let historyKeyState else { throw HistoryKeyError.notLoaded }
        return try historyKeyState.get()
    }

    /// Matches applicants across cases (`ApplicantMatcher`); needs the history key.
    public func applicantMatcher() throws -> ApplicantMatcher {
        if let applicantMatcherValue { return applicantMatcherValue }
        let matcher = ApplicantMatcher(historyKey: try historyKey())
        applicantMatcherValue = matcher
        return matcher
    }

    func error(code: Int32, sql: String?) -> any Error {
        if code & 0xff == SQLITE_BUSY, let busy = lockWait.gaveUp { return HallBusyError(busy: busy) }
        return DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
