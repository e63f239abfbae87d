import CSQLite
import Foundation

/// `wicket backup PATH`: a consistent copy made with SQLite's online backup API while clerks
/// keep working. The copy is written beside PATH under a temporary name, checked, and only then
/// renamed into place, so PATH is never a half-written file. The history key is copied beside it
/// as `PATH.key` (same mode rules as the original), so `wicket --db PATH check` verifies the copy.
public enum DatabaseBackup {
    public struct Summary: Sendable, Equatable {
        public let path: String
        public let bytes: Int
        public let cases: Int
        public let events: Int
    }

    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func run(from source: Database, to path: String, overwrite: Bool) throws -> Summary {
        let files = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if target.resolvingSymlinksInPath().path == URL(fileURLWithPath: source.path).standardizedFileURL.resolvingSymlinksInPath().path {
            throw Failure(message: "\(path) is the database itself; choose another path for the backup")
        }
        if files.fileExists(atPath: target.path) && !overwrite {
            throw Failure(message: "\(path) already exists; nothing was written (choose another path, or --force to replace it)")
        }
        var isDirectory: ObjCBool = false
        let folder = target.deletingLastPathComponent().path
        guard files.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(message: "no folder \(folder) for the backup")
        }
        let partial = target.path + ".partial-\(getpid())"
        try? files.removeItem(atPath: partial)
        do {
            let summary = try copy(source, to: partial)
            // The copy holds applicants' personal data: it gets the database's own permissions.
            if let mode = try? files.attributesOfItem(atPath: source.path)[.posixPermissions] as? NSNumber {
                chmod(partial, mode_t(mode.uint16Value))
            }
            try syncFile(partial)
            // The history key goes beside the copy (PATH.key), so the copy can be checked on its own.
            // Not from a clerk's privileged run: the clerk would own a copy of the key.
            if HistoryKey.creationAllowed(), let key = try? source.historyKey() {
                do {
                    _ = try key.copy(to: target.path + ".key", databasePath: partial, replacing: overwrite)
                } catch let error as HistoryKeyError {
                    throw Failure(message: error.description)
                }
            }
            guard rename(partial, target.path) == 0 else {
                throw Failure(message: "cannot rename the copy to \(path): \(String(cString: strerror(errno)))")
            }
            try? syncFile(folder)
            return Summary(path: target.path, bytes: summary.bytes, cases: summary.cases, events: summary.events)
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
    }

    private static func copy(_ source: Database, to path: String) throws -> (bytes: Int, cases: Int, events: Int) {
        try backUp(source, into: Database(path: path, create: true))
        // Reopened, the copy knows it came from a WAL file; made a plain rollback-journal file it is
        // complete in itself, with no -wal beside it.
        let copy = try Database(path: path, create: false)
        try copy.execute("PRAGMA journal_mode = DELETE")
        let check = try copy.query("PRAGMA integrity_check").first?.string(at: 0) ?? "no answer"
        guard check == "ok" else { throw Failure(message: "the copy failed its integrity check: \(check)") }
        let cases = try copy.scalarInt("SELECT count(*) FROM cases") ?? 0
        let events = try copy.scalarInt("SELECT count(*) FROM history") ?? 0
        let pages = try copy.scalarInt("PRAGMA page_count") ?? 0
        let pageSize = try copy.scalarInt("PRAGMA page_size") ?? 0
        return (pages * pageSize, cases, events)
    }

    /// One `sqlite3_backup_step(-1)`: the source is read in one snapshot (in WAL mode writers go
    /// on meanwhile), so the copy is a single consistent moment, never a mix of two.
    private static func backUp(_ source: Database, into destination: Database) throws {
        guard let backup = sqlite3_backup_init(destination.handle, "main", source.handle, "main") else {
            throw Failure(message: "cannot start the backup: \(String(cString: sqlite3_errmsg(destination.handle)))")
        }
        var code: Int32
        var waited = 0
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                // The busy timeout does not apply here; wait a little and go on.
                waited += 1
                usleep(50_000)
            }
        } while (code == SQLITE_BUSY || code == SQLITE_LOCKED) && waited < 600
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            throw Failure(message: "the backup failed: \(String(cString: sqlite3_errstr(code)))")
        }
    }

    private static func syncFile(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(message: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure(message: "cannot sync \(path): \(String(cString: strerror(errno)))") }
    }
}
