import CSQLite

extension Database {
    /// The most rows one multi-row statement carries; a power of two, so any count splits into
    /// few statement shapes (see `insertRows`).
    static let rowsPerStatement = 512

    /// Inserts many rows with few statements: `head VALUES row, row, …`, `values` holding each
    /// row's parameters in turn. Why not a cached one-row statement per row: an INSERT into
    /// `cases` fires the full-text trigger, which makes SQLite open a statement journal, and
    /// FTS5 writes its pending index to disk at every such statement — per row that was half of
    /// an import's time. One statement per few hundred rows writes it once.
    ///
    /// Chunks of `rowsPerStatement` rows, then the rest as powers of two (300 = 256 + 32 + 8 + 4),
    /// so at most ten shapes per table reach the statement cache, whatever the batch sizes.
    func insertRows(_ head: String, row: String, parametersPerRow: Int, values: [DatabaseBindable]) throws {
        precondition(parametersPerRow > 0 && values.count % parametersPerRow == 0, "values must fill whole rows")
        let limit = Int(sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        var chunk = Self.rowsPerStatement
        while chunk > 1 && chunk * parametersPerRow > limit { chunk /= 2 }
        var rowsLeft = values.count / parametersPerRow
        var offset = 0
        while rowsLeft > 0 {
            while chunk > rowsLeft { chunk /= 2 }
            let sql = head + " VALUES " + Array(repeating: row, count: chunk).joined(separator: ", ")
            let end = offset + chunk * parametersPerRow
            try execute(sql, arguments: Array(values[offset..<end]))
            offset = end
            rowsLeft -= chunk
        }
    }
}
