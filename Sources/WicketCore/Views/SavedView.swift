import Foundation

/// A named filter (`wicket views save`, later the workstation's views picker): the list's filters
/// and search, in inbox order. Personal, or shared with a department by a supervisor or admin.
public struct SavedView: Sendable, Equatable {
    public let name: String
    public let owner: String
    /// Shared: who sees it (`department` nil: the whole hall); personal: only the owner.
    public let shared: Bool
    public let department: String?
    public let filter: ViewFilter

    public init(name: String, owner: String, shared: Bool, department: String?, filter: ViewFilter) {
        self.name = name
        self.owner = owner
        self.shared = shared
        self.department = department
        self.filter = filter
    }
}

/// The part of `CaseFilter` a view keeps, as stored (JSON in `views.filter`).
public struct ViewFilter: Sendable, Equatable, Codable {
    public var statuses: [CaseStatus]?
    public var service: String?
    public var department: String?
    public var channel: Channel?
    public var clerk: String?
    public var unassigned: Bool
    public var failedReplies: Bool
    public var level: Level?
    public var search: String?

    enum CodingKeys: String, CodingKey {
        case statuses, service, department, channel, clerk, unassigned, level, search
        case failedReplies = "failed_replies"
    }

    public init(_ filter: CaseFilter) {
        statuses = filter.statuses
        service = filter.serviceCode
        department = filter.department
        channel = filter.channel
        clerk = filter.holder
        unassigned = filter.unassignedOnly
        failedReplies = filter.failedReplies != nil
        level = filter.level
        search = filter.search
    }

    /// The list's filter: the same query as `wicket list` with the same options.
    public var caseFilter: CaseFilter {
        var filter = CaseFilter(statuses: statuses, serviceCode: service, department: department, channel: channel,
                                holder: clerk, unassignedOnly: unassigned, level: level, search: search)
        if failedReplies { filter.failedReplies = .any }
        return filter
    }
}

/// Views in the database (migration 16), and who sees which.
public enum ViewRows {
    static let table = """
    CREATE TABLE views (
        owner      TEXT NOT NULL,
        name       TEXT NOT NULL,
        shared     INTEGER NOT NULL DEFAULT 0,
        department TEXT,                   -- shared: the department that sees it (NULL: the whole hall)
        filter     TEXT NOT NULL,          -- JSON: the list's filters and search
        saved_at   TEXT NOT NULL,
        PRIMARY KEY (owner, name)
    ) WITHOUT ROWID;
    """

    /// Saves (or replaces) `login`'s view. Only supervisors and admins share; a shared view goes to
    /// their department (nil for one of no department: the whole hall).
    public static func save(name: String, filter: CaseFilter, shared: Bool, login: String, in store: CaseStore) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 40 else {
            throw WorkflowError.invalidArgument(Bilingual(en: "a view's name is 1 to 40 characters", zh: "视图名称为 1 至 40 个字符"))
        }
        let user = try CaseAccess.check(login, in: store).user
        if shared && !user.role.canOverride {
            throw WorkflowError.invalidArgument(Bilingual(en: "only supervisors and admins share views with the department",
                                                          zh: "只有主管和管理员可以与部门共享视图"))
        }
        let json = String(decoding: try JSONEncoder().encode(ViewFilter(filter)), as: UTF8.self)
        try store.db.write {
            try store.db.execute("""
                INSERT OR REPLACE INTO views(owner, name, shared, department, filter, saved_at) VALUES (?, ?, ?, ?, ?, ?)
                """, login, name, shared, shared ? user.department : nil, json, Timestamp.format(store.clock.now))
        }
    }

    /// The views `login` sees: their own, then the shared ones of their department or the whole hall
    /// (supervisors and admins see every shared view).
    public static func visible(to login: String, in store: CaseStore) throws -> [SavedView] {
        let user = try CaseAccess.check(login, in: store).user
        let rows = try store.db.query("""
            SELECT owner, name, shared, department, filter FROM views
            WHERE owner = ?1 OR (shared = 1 AND (?2 OR department IS NULL OR department = ?3))
            ORDER BY owner <> ?1, name
            """, login, user.role.canOverride, user.department)
        return rows.compactMap { row in
            guard let filter = try? JSONDecoder().decode(ViewFilter.self, from: Data(row.string("filter").utf8)) else { return nil }
            return SavedView(name: row.string("name"), owner: row.string("owner"), shared: row.int("shared") != 0,
                             department: row.optionalString("department"), filter: filter)
        }
    }

    /// The view `login` means by `name`: their own first, then a shared one.
    public static func named(_ name: String, for login: String, in store: CaseStore) throws -> SavedView {
        let views = try visible(to: login, in: store)
        if let view = views.first(where: { $0.name == name }) { return view }
        let names = views.map(\.name)
        throw WorkflowError.invalidArgument(Bilingual(
            en: "no view \(name) (\(names.isEmpty ? "none saved: see wicket views save" : names.joined(separator: ", ")))",
            zh: "没有视图 \(name)（\(names.isEmpty ? "尚未保存：见 wicket views save" : names.joined(separator: "、"))）"))
    }

    /// Deletes `login`'s own view of that name; a supervisor or admin may delete a shared one too.
    public static func delete(_ name: String, login: String, in store: CaseStore) throws {
        let user = try CaseAccess.check(login, in: store).user
        try store.db.write {
            try store.db.execute("DELETE FROM views WHERE name = ? AND (owner = ? OR (shared = 1 AND ?))", name, login,
                                 user.role.canOverride)
            guard store.db.changes > 0 else {
                throw WorkflowError.invalidArgument(Bilingual(en: "no view \(name) of yours to delete",
                                                              zh: "没有可删除的您的视图 \(name)"))
            }
        }
    }
}
