/// First-response times of the cases submitted in the period, for the median and 90th percentile.
/// Not a case count, so no tally: the period's range of the submission index holds both instants,
/// and the seconds are streamed as integers (no row objects) and sorted here.
enum FirstResponses {
    /// ?2 the department or NULL, ?3/?4 the period's instants. Whole seconds, as stored; julianday
    /// is in every SQLite a Swift toolchain's Linux ships (unixepoch is not).
    static let sql = """
        SELECT CAST(round((julianday(first_response_at) - julianday(submitted_at)) * 86400) AS INTEGER) FROM cases
        WHERE first_response_at IS NOT NULL AND submitted_at >= ?3 AND submitted_at < ?4 AND (?2 IS NULL OR department = ?2)
        """

    /// Hours, sorted.
    static func hours(in db: Database, arguments: [DatabaseBindable]) throws -> [Double] {
        let statement = try db.cachedStatement(sql)
        try statement.prepare(arguments, allowingUnused: true)
        defer { statement.finish() }
        var seconds: [Int64] = []
        while try statement.step() { seconds.append(statement.int64(at: 0)) }
        seconds.sort()
        return seconds.map { Double($0) / 3600 }
    }
}
