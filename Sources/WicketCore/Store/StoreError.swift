/// Why a database file could not be opened. Each names the file, and none leaves it changed.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case missing(path: String)
    case alreadyExists(path: String)
    case notSQLite(path: String)
    case notWicket(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case cannotOpen(path: String, reason: String)
    /// An empty (0-byte or table-less) file where a hall was expected: only `init` makes a hall.
    case empty(path: String)
    /// The database or a companion file is a symbolic link or not a plain file.
    case unsafeFile(path: String)
    /// The operator made the database read-only (e.g. `chmod 440`); writing is refused, reading works.
    case readOnly(path: String)
    /// Migration 9 found the unkeyed chain broken at this event, so it would not key it.
    case historyNotKeyable(path: String, eventID: Int)

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
        case .empty(let path):
            return "\(path) is empty: it holds no hall (only `wicket init` creates one; if this was your hall, restore it from a backup); nothing was written"
        case .unsafeFile(let path):
            return "\(path) is a symbolic link or not a plain file; Wicket refuses to open the hall through it (someone may be redirecting its writes): an admin should look at it and remove it"
        case .readOnly(let path):
            return "the hall's database \(path) is read-only (an operator made it so); you can look, but nothing can be changed: ask the admin"
        case .historyNotKeyable(let path, let eventID):
            return "\(path): history event #\(eventID) does not match its SHA-256 hash or the event before it, so the history was changed around Wicket; it is not keyed (that would hide the change) and nothing was written. Run `wicket check` with the Wicket that made the file, or restore a backup"
        }
    }

    /// The problem in the user's language; `description` is the English one.
    public func message(_ language: Language) -> String {
        guard language == .zh else { return description }
        switch self {
        case .missing(let path):
            return "\(path) 没有 Wicket 数据库（用 `wicket init` 创建，或用 --db 或 WICKET_DB 指定）"
        case .alreadyExists(let path):
            return "\(path) 已有 Wicket 数据库；未作任何改动"
        case .notSQLite(let path):
            return "\(path) 不是 SQLite 数据库（文件是否正确？）；未写入任何内容"
        case .notWicket(let path):
            return "\(path) 是 SQLite 数据库，但不是 Wicket 数据库；未写入任何内容"
        case .newerSchema(let path, let found, let known):
            return "\(path) 由更新版本的 Wicket 创建（结构版本 \(found)，本程序最高支持 \(known)）；请升级 Wicket，未写入任何内容"
        case .cannotOpen(let path, let reason):
            return "无法打开 \(path)：\(reason)"
        case .empty(let path):
            return "\(path) 是空文件，没有业务厅数据（只有 `wicket init` 能创建；如果这原是您的业务厅，请从备份恢复）；未写入任何内容"
        case .unsafeFile(let path):
            return "\(path) 是符号链接或不是普通文件；Wicket 拒绝经由它打开业务厅（可能有人在重定向写入）：请管理员检查并删除"
        case .readOnly(let path):
            return "业务厅数据库 \(path) 是只读的（由运维人员设置）；可以查看，但不能作任何改动：请联系管理员"
        case .historyNotKeyable(let path, let eventID):
            return "\(path)：历史记录 #\(eventID) 与其 SHA-256 哈希或前一条记录不符，历史曾被绕过 Wicket 改动；为免掩盖改动，未给历史加密钥，未写入任何内容。请用创建该文件的 Wicket 运行 `wicket check`，或恢复备份"
        }
    }
}
