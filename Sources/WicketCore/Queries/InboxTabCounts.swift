/// The six inbox tabs' counts — Mine, Unassigned, Awaiting materials, Warnings, All, Failed replies — from the
/// tallies (`Tallies`): two reads of a few hundred rows, however many cases the hall has, so a
/// workstation can show them at start-up and after every change. Each equals
/// `CaseQueries.count` of the tab's filter (a clerk's department, or the whole hall).
public struct InboxTabCounts: Sendable, Equatable {
    public var mine = 0
    public var unassigned = 0
    public var awaitingMaterials = 0
    public var warnings = 0
    public var all = 0
    /// Cases with a failed reply nobody has dealt with, whatever their status (`FailedReplyCases`).
    public var failedReplies = 0

    public init(mine: Int = 0, unassigned: Int = 0, awaitingMaterials: Int = 0, warnings: Int = 0, all: Int = 0) {
        self.mine = mine
        self.unassigned = unassigned
        self.awaitingMaterials = awaitingMaterials
        self.warnings = warnings
        self.all = all
    }

    /// ?1 today, ?2 the department or NULL, ?3 the login whose cases are "mine".
    static let openSQL = """
        SELECT coalesce(sum(CASE WHEN holder = ?3 THEN n END), 0), coalesce(sum(CASE WHEN holder = '' THEN n END), 0),
               coalesce(sum(CASE WHEN status = 'awaiting_materials' THEN n END), 0), coalesce(sum(n), 0)
        FROM tally_open WHERE (?2 IS NULL OR department = ?2)
        """
    /// Warnings: running clocks at yellow or worse today.
    static let warningsSQL = """
        SELECT coalesce(sum(n), 0) FROM tally_running WHERE (?2 IS NULL OR department = ?2) AND yellow_on <= ?1
        """

    static let failedRepliesSQL = """
        SELECT count(*) FROM failed_reply_cases WHERE (?2 IS NULL OR department = ?2)
        """

    /// The tabs of `login`, over `department` (a clerk's own) or, with nil, the whole hall.
    public static func read(for login: String, department: String?, in store: CaseStore) throws -> InboxTabCounts {
        let db = store.db
        let arguments: [DatabaseBindable] = [store.today.description, department, login]
        return try db.read {
            var counts = InboxTabCounts()
            if let row = try db.query(openSQL, arguments: arguments, allowingUnused: true).first {
                counts.mine = row.int(at: 0)
                counts.unassigned = row.int(at: 1)
                counts.awaitingMaterials = row.int(at: 2)
                counts.all = row.int(at: 3)
            }
            counts.warnings = try db.scalarIntWithArguments(warningsSQL, arguments) ?? 0
            counts.failedReplies = try db.scalarIntWithArguments(failedRepliesSQL, arguments) ?? 0
            return counts
        }
    }
}
