/// How a search phrase meets the inbox order, chosen by how many cases the phrase matches: the
/// trigram index finds the matches quickly, but reading each matching case in inbox order is
/// what costs — a phrase such as a service's name matches tens of thousands of cases.
enum SearchStrategy: Sendable, Equatable {
    /// Few matches: the list is driven from the hits, each case looked up by id.
    case fewHits
    /// Many: the list is read in inbox order from its indexes, and each id is tested against the
    /// hits, collected once into the temporary table `search_hits`.
    case hitsTable
    /// Very many: each row in inbox order is tested against the index itself; at this density a
    /// page fills within a few hundred rows, and copying every hit would cost more.
    case eachRow
    /// Fewer than three characters: trigrams cannot match them, so a substring test.
    case substring

    /// Where one strategy gives way to the next (matches over the whole hall).
    struct Thresholds: Sendable {
        var fewHits = 1_000
        var hitsTable = 30_000
    }

    /// Chooses for `text`, collecting its hits into the connection's `temp.search_hits` on the
    /// way: one pass over the index, which stops one past the last threshold, so a common phrase
    /// costs no more to classify than a moderately rare one.
    static func choose(for text: String?, in store: CaseStore, thresholds: Thresholds = Thresholds()) throws -> SearchStrategy {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return .fewHits }
        guard text.count >= 3 else { return .substring }
        // A full ID number is an exact lookup on its own index (`CaseQueries.searchCondition`).
        if ApplicantIdentity.searchableIDNumber(text) != nil { return .fewHits }
        let db = store.db
        for statement in preparationSQL(phrase: "?1", limit: "?2") {
            try db.execute(statement, arguments: statement.contains("?1") ? [phrase(text), thresholds.hitsTable + 1] : [])
        }
        let hits = try db.scalarInt("SELECT count(*) FROM temp.search_hits") ?? 0
        if hits <= thresholds.fewHits { return .fewHits }
        return hits <= thresholds.hitsTable ? .hitsTable : .eachRow
    }

    /// Text as one FTS phrase: nothing the user types is FTS syntax.
    static func phrase(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The statements that prepare `hitsTable` in another connection (the `sqlite3` shell).
    static func preparationSQL(phrase: String, limit: String) -> [String] {
        ["CREATE TEMP TABLE IF NOT EXISTS search_hits(id INTEGER PRIMARY KEY)", "DELETE FROM temp.search_hits",
         "INSERT INTO temp.search_hits SELECT rowid FROM case_search WHERE case_search MATCH \(phrase) LIMIT \(limit)"]
    }
}
