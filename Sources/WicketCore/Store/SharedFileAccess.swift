import CSQLite
import Foundation

/// How Wicket touches the database file and its companions (`-wal`, `-shm`, `-journal`) on a host
/// where other people may have planted files beside them.
///
/// The rules: Wicket never changes the owner or mode of a file it did not just create, never
/// through a path (only through the descriptor it created the file with), and never makes a file
/// more writable than its owner left it — an operator's `chmod 440` makes the hall read-only and
/// it stays so. The database and its companions must be plain files, never symbolic links: a link
/// named `hall.db-wal` pointing at someone's file would turn the next person's open (root's
/// included) into a write to that file, so Wicket refuses to open the hall at all.
///
/// Companions need no fixing: SQLite creates `-wal` and `-shm` with the database file's own
/// permission bits (it sets them on the new descriptor, whatever the umask), in the folder's group
/// when the folder is setgid (README, "A shared host") — and as root it gives them the database
/// file's owner and group.
enum SharedFileAccess {
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    static func isShared(directoryOf path: String) -> Bool {
        var info = stat()
        return stat(directory(of: path), &info) == 0 && info.st_mode & (S_IWGRP | S_ISGID) != 0
    }

    /// `path` with its folder's symbolic links and `..` resolved (the folder is the user's choice;
    /// the file name itself is then opened without following links).
    static func resolved(_ path: String) -> String {
        let folder = directory(of: path)
        guard let real = realpath(folder, nil) else { return path }
        defer { free(real) }
        let name = (path as NSString).lastPathComponent
        let base = String(cString: real)
        return base == "/" ? "/" + name : base + "/" + name
    }

    /// Refuses a database or companion that is a symbolic link, a folder, a device or a fifo.
    static func refuseUnsafeFiles(at path: String) throws {
        for candidate in [path] + companionSuffixes.map({ path + $0 }) {
            var info = stat()
            guard lstat(candidate, &info) == 0 else { continue }
            if info.st_mode & S_IFMT != S_IFREG { throw StoreError.unsafeFile(path: candidate) }
        }
    }

    /// Makes the new, empty database file itself (never through a link, never over an existing
    /// file), so its group and mode are set on our own descriptor: `rw-rw----` in a shared folder
    /// (the folder's group; nothing for others — it holds ID numbers), `rw-------` in a private one.
    static func createDatabaseFile(at path: String) throws {
        var folder = stat()
        guard stat(directory(of: path), &folder) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        let shared = folder.st_mode & (S_IWGRP | S_ISGID) != 0
        let mode: mode_t = shared ? 0o660 : 0o600
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            if errno == EEXIST { try refuseUnsafeFiles(at: path) }
            throw StoreError.cannotOpen(path: path, reason: reason)
        }
        defer { close(descriptor) }
        if shared {
            var created = stat()
            // Without the setgid bit on the folder the file got this user's group: give it the folder's.
            if fstat(descriptor, &created) == 0, created.st_gid != folder.st_gid {
                _ = fchown(descriptor, uid_t.max, folder.st_gid)
            }
        }
        _ = fchmod(descriptor, mode)
    }

    /// Keeps `-wal` and `-shm` in place when this connection is the last to close, so they are
    /// made once (by init, with the database's owner, group and mode) and not by whoever comes next.
    static func keepCompanions(_ db: Database) {
        guard isShared(directoryOf: db.path) else { return }
        var keep: Int32 = 1
        _ = sqlite3_file_control(db.handle, "main", SQLITE_FCNTL_PERSIST_WAL, &keep)
    }

    private static func directory(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
