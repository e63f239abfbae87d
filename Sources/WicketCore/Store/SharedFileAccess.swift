import CSQLite
import Foundation

/// Keeps a database that clerks share writable by all of them. Clerks are separate OS users in
/// one group; SQLite needs every one of them to write the database *and* its `-wal` and `-shm`
/// files, which whoever opens the database first creates with their own primary group and
/// umask. A `-shm` another clerk cannot write is what makes SQLite answer "attempt to write a
/// readonly database".
///
/// The rule: a database in a group-writable directory is shared. It is created `rw-rw----` with
/// the directory's group (no access for others: it holds ID numbers), and on every open the
/// companion files this user owns get the database file's group and permission bits. A setgid
/// directory (README: `install -d -m 2770 -g hall …`) makes new files take the group on their
/// own; this covers directories set up without it. A private database (a directory only its
/// owner can write) is created `rw-------`.
///
/// Without the setgid bit there is still a moment between SQLite creating `-wal`/`-shm` and
/// Wicket fixing their group; another clerk opening then would be refused. So connections to a
/// shared database keep those files when they close (`SQLITE_FCNTL_PERSIST_WAL`): made once,
/// fixed once, they are not made again by whoever happens to open next.
enum SharedFileAccess {
    static func isShared(directoryOf path: String) -> Bool {
        var info = stat()
        return stat(directory(of: path), &info) == 0 && info.st_mode & S_IWGRP != 0
    }

    /// Right after `path` was created by this process.
    static func prepareNewDatabase(at path: String) {
        var directoryInfo = stat()
        guard stat(directory(of: path), &directoryInfo) == 0 else { return }
        if directoryInfo.st_mode & S_IWGRP != 0 {
            _ = chown(path, uid_t.max, directoryInfo.st_gid) // -1: keep the owner
            _ = chmod(path, 0o660)
        } else {
            _ = chmod(path, 0o600)
        }
        adjustCompanions(of: path)
    }

    /// On every open: the companions this user created follow the database file's group and mode,
    /// and a shared database owned by this user stays group-writable.
    static func adjustCompanions(of path: String) {
        var database = stat()
        guard stat(path, &database) == 0 else { return }
        let me = geteuid()
        if database.st_uid == me, isShared(directoryOf: path), database.st_mode & 0o060 != 0o060 {
            _ = chmod(path, (database.st_mode & 0o777) | 0o060)
            _ = stat(path, &database)
        }
        for suffix in ["-wal", "-shm", "-journal"] {
            let companion = path + suffix
            var info = stat()
            guard stat(companion, &info) == 0, info.st_uid == me || me == 0 else { continue }
            if info.st_gid != database.st_gid { _ = chown(companion, uid_t.max, database.st_gid) }
            let wanted = database.st_mode & 0o666
            if info.st_mode & 0o777 != wanted { _ = chmod(companion, wanted) }
        }
    }

    /// Keeps `-wal` and `-shm` in place when this connection is the last to close.
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
