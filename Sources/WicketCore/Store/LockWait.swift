import CSQLite
import Foundation

/// Who is keeping this connection from writing, as far as a waiting process can tell without the
/// write lock: the long writer's own record (`WriterActivity`), else the process the kernel says
/// holds SQLite's WAL write lock, else nobody named.
public struct HallBusy: Sendable, Equatable {
    public var holder: WriterActivity.Record?
    /// When this connection began to wait.
    public var waitingSince: Date
    public var waited: TimeInterval

    /// "waiting for the hall: import by admin (pid 123) since 10:02:13…"
    public var waitingLine: Bilingual {
        let since = Self.clockTime(holder?.since ?? waitingSince)
        guard let holder else {
            return Bilingual(en: "waiting for the hall: another process is writing (since \(since))…",
                             zh: "正在等待大厅数据库：另一个进程正在写入（自 \(since) 起）…")
        }
        return Bilingual(en: "waiting for the hall: \(holder.what) by \(holder.login) (pid \(holder.pid)) since \(since)…",
                         zh: "正在等待大厅数据库：\(holder.login) 的\(holder.what)（进程 \(holder.pid)）自 \(since) 起占用…")
    }

    /// The local wall-clock time, HH:MM:SS.
    static func clockTime(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&seconds, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}

/// The write lock stayed taken longer than this process waits (`LockWait.limit`): the action was
/// not done, and the message names who holds the hall, never "database is locked".
public struct HallBusyError: Error, Sendable, CustomStringConvertible {
    public let busy: HallBusy

    public func message(_ language: Language) -> String {
        let minutes = max(1, Int((busy.waited / 60).rounded()))
        let since = HallBusy.clockTime(busy.holder?.since ?? busy.waitingSince)
        let holder = busy.holder
        let who = holder.map { "\($0.what) by \($0.login) (pid \($0.pid))" } ?? "another process"
        let whoZh = holder.map { "\($0.login) 的\($0.what)（进程 \($0.pid)）" } ?? "另一个进程"
        return Bilingual(
            en: "the hall is busy: \(who) has held it since \(since); gave up after waiting \(minutes) min, nothing was changed. " +
                "Try again later, or ask \(holder?.login ?? "the administrator") about it",
            zh: "大厅数据库忙：\(whoZh)自 \(since) 起一直占用；已等待 \(minutes) 分钟后放弃，未作任何改动。" +
                "请稍后再试，或询问\(holder?.login ?? "管理员")").text(language)
    }

    public var description: String { message(.en) }
}

/// A connection's busy handler: it keeps waiting while another process holds the write lock (no
/// error reaches a clerk), tells `observer` who holds it once the wait passes `noticeAfter` and
/// then every `repeatEvery`, and gives up only after `limit` with a `HallBusyError`.
///
/// SQLite calls the handler on the thread that is trying to write, inside `sqlite3_step`, so the
/// observer runs there too: it must not touch this connection (it may draw, print, or read
/// another connection). The holder is read through a second, private connection: a WAL reader
/// is never blocked by the writer.
public final class LockWait: @unchecked Sendable {
    /// How long a writer waits before giving up; several minutes, far beyond any batch.
    nonisolated(unsafe) public static var defaultLimit: TimeInterval = 300
    /// Set once at start (before any connection opens) by the CLI or the workstation.
    nonisolated(unsafe) public static var defaultObserver: (@Sendable (HallBusy) -> Void)?

    public var limit = LockWait.defaultLimit
    public var noticeAfter: TimeInterval = 1
    public var repeatEvery: TimeInterval = 5
    public var observer: ((HallBusy) -> Void)? = LockWait.defaultObserver.map { observer in { observer($0) } }

    let path: String
    private var started = Date()
    private var noticed: Date?
    private(set) var gaveUp: HallBusy?
    private var peek: Database?

    init(path: String) { self.path = path }

    /// SQLite's question: try again (true) or fail with SQLITE_BUSY (false)?
    func shouldRetry(count: Int) -> Bool {
        let now = Date()
        if count == 0 {
            started = now
            noticed = nil
            gaveUp = nil
        }
        let waited = now.timeIntervalSince(started)
        if waited >= limit {
            gaveUp = describe(waited: waited)
            return false
        }
        if waited >= noticeAfter, noticed.map({ now.timeIntervalSince($0) >= repeatEvery }) ?? true {
            noticed = now
            if let observer { observer(describe(waited: waited)) }
        }
        // Short naps first: an import yields the lock between batches only for a moment.
        let nap: useconds_t = count < 10 ? 1_000 : waited < 1 ? 3_000 : 20_000
        usleep(nap)
        return true
    }

    /// Who holds the hall, read without the write lock.
    func describe(waited: TimeInterval) -> HallBusy {
        HallBusy(holder: holder(), waitingSince: started, waited: waited)
    }

    private func holder() -> WriterActivity.Record? {
        let lockHolder = WriterActivity.writeLockHolder(databasePath: path)
        if peek == nil {
            peek = try? Database(path: path, create: false)
            if let peek { sqlite3_busy_timeout(peek.handle, 200) }
        }
        let recorded = peek.flatMap { try? WriterActivity.current(in: $0) } ?? []
        if let lockHolder {
            // The process really holding the lock; its own record says what it is doing.
            var unrecorded = lockHolder
            unrecorded.since = started
            return recorded.first { $0.pid == lockHolder.pid } ?? unrecorded
        }
        return recorded.first
    }
}

let wicketBusyHandler: @convention(c) (UnsafeMutableRawPointer?, Int32) -> Int32 = { context, count in
    guard let context else { return 0 }
    let wait = Unmanaged<LockWait>.fromOpaque(context).takeUnretainedValue()
    return wait.shouldRetry(count: Int(count)) ? 1 : 0
}
