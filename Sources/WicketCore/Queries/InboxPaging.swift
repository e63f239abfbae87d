/// Where a row stands in the inbox order: its urgency segment, due day and id. Pages start from
/// a row's position (keyset paging): never OFFSET, which would read every row before the page.
public struct InboxPosition: Sendable, Hashable, Codable {
    /// 0 overdue, 1 red, 2 yellow, 3 running on time, 4 clock stopped (paused or closed), the
    /// order of `UrgencySegments`.
    public let segment: Int
    /// The stored due day (nil when the clock stands still); within a segment rows run by due
    /// day, then by id.
    public let dueOn: String?
    public let id: Int64

    public init(segment: Int, dueOn: String?, id: Int64) {
        self.segment = segment
        self.dueOn = dueOn
        self.id = id
    }

    static let stoppedSegment = 4

    static func segment(of level: Level, running: Bool) -> Int {
        guard running else { return stoppedSegment }
        switch level {
        case .overdue: return 0
        case .red: return 1
        case .yellow: return 2
        default: return 3
        }
    }
}

/// Which rows of a list to read.
public enum PageRequest: Sendable, Equatable {
    case first
    /// The rows after this position; with `including`, from it.
    case after(InboxPosition, including: Bool)
    /// The rows just before this position, with `including` up to it (returned in list order).
    case before(InboxPosition, including: Bool)
    case last
}

/// One page of a list, and whether rows lie beyond it on either side.
public struct CasePage: Sendable, Equatable {
    public var rows: [CaseSummary]
    public var moreBefore: Bool
    public var moreAfter: Bool

    public init(rows: [CaseSummary] = [], moreBefore: Bool = false, moreAfter: Bool = false) {
        self.rows = rows
        self.moreBefore = moreBefore
        self.moreAfter = moreAfter
    }
}
