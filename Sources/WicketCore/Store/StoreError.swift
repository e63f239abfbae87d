/// Why a database file could not be opened. Each names the file, and none leaves it changed.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case missing(path: String)
    case alreadyExists(path: String)
    case notSQLite(path: String)
    case notWicket(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no Wicket database at \(path) (create one with `wicket init`, or choose one with --db or WICKET_DB)"
        case .alreadyExists(let path):
            return "\(path) already holds a Wicket database; nothing was changed"
        case .notSQLite(let path):
            return "\(path) is not an SQLite database (is it the right file?); nothing was written to it"
        case .notWicket(let path):
            return "\(path) is an SQLite database but not a Wicket one; nothing was written to it"
        case .newerSchema(let path, let found, let known):
            return "\(path) was made by a newer Wicket (schema \(found), this one knows up to \(known)); upgrade Wicket, nothing was written"
        case .cannotOpen(let path, let reason):
            return "cannot open \(path): \(reason)"
        }
    }
}
