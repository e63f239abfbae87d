import Foundation

/// What a long writer (an import, a calendar load, a time zone change, a migration) is doing, left
/// where a waiting process can read it without the write lock: a row of `writer_activity`,
/// committed before the long work starts and deleted when it ends. A row whose process is gone
/// (killed) is ignored by readers (`kill(pid, 0)`) and swept by the next writer.
public enum WriterActivity {
    public struct Record: Sendable, Equatable {
        public var login: String
        public var what: String
        public var pid: Int32
        public var since: Date

        public init(login: String, what: String, pid: Int32, since: Date) {
            self.login = login
            self.what = what
            self.pid = pid
            self.since = since
        }
    }

    /// Runs `body` (which takes the write lock once or in many short transactions) with this
    /// process's record in place. Without the table (a schema before migration 10) or inside a
    /// transaction (the row would not be seen before the end), `body` just runs.
    public static func during<T>(_ what: String, login: String, in db: Database, _ body: () throws -> T) throws -> T {
        guard !db.isInTransaction else { return try body() }
        let pid = getpid()
        let since = Timestamp.format(Date())
        var recorded = false
        do {
            try db.write { () throws -> Void in
                try sweep(db)
                try db.execute("INSERT INTO writer_activity(pid, login, what, since) VALUES (?, ?, ?, ?)",
                               Int(pid), login, what, since)
            }
            recorded = true
        } catch {
            // An older schema has no table: the work goes on unrecorded.
        }
        defer {
            if recorded {
                _ = try? db.write { try db.execute("DELETE FROM writer_activity WHERE pid = ? AND since = ?", Int(pid), since) }
            }
        }
        return try body()
    }

    /// The records of live processes, newest first; read in a snapshot, never waiting for the writer.
    public static func current(in db: Database) throws -> [Record] {
        try db.query("SELECT pid, login, what, since FROM writer_activity ORDER BY since DESC").compactMap { row in
            let pid = Int32(row.int("pid"))
            guard isAlive(pid), let since = Timestamp.parse(row.string("since")) else { return nil }
            return Record(login: row.string("login"), what: row.string("what"), pid: pid, since: since)
        }
    }

    private static func sweep(_ db: Database) throws {
        for row in try db.query("SELECT pid FROM writer_activity") where !isAlive(Int32(row.int("pid"))) {
            try db.execute("DELETE FROM writer_activity WHERE pid = ?", row.int("pid"))
        }
    }

    /// True while the process exists, stopped (SIGSTOP) included; EPERM means it exists under another user.
    static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// The process holding SQLite's WAL write lock on `databasePath`, from the kernel's lock table
    /// (`/proc/locks`: a POSIX write lock on byte 120 of the `-shm` file, where SQLite's unix VFS
    /// keeps WAL_WRITE_LOCK). Read-only: nothing here opens the `-shm` file, whose POSIX locks a
    /// close would drop. Nil elsewhere than Linux, or when no other process holds it.
    static func writeLockHolder(databasePath: String) -> Record? {
        var info = stat()
        guard stat(databasePath + "-shm", &info) == 0,
              let table = readWhole("/proc/locks") else { return nil }
        let inode = String(info.st_ino)
        for line in table.split(separator: "\n") {
            // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 120 120"
            let fields = line.split(separator: " ")
            guard fields.count >= 8, fields[1] == "POSIX", fields[3] == "WRITE", fields[6] == "120",
                  fields[5].split(separator: ":").last.map(String.init) == inode,
                  let pid = Int32(fields[4]), pid != getpid(), isAlive(pid) else { continue }
            return Record(login: owner(of: pid), what: command(of: pid), pid: pid, since: Date())
        }
        return nil
    }

    /// A `/proc` file read to its end. Foundation's `String(contentsOfFile:)` reads such a file (whose
    /// size says 0) one page at a time and stops after the first 4 KB: on a host with many locks the
    /// holder's line lay beyond it and a waiting clerk was told "another process".
    static func readWhole(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func owner(of pid: Int32) -> String {
        var info = stat()
        guard stat("/proc/\(pid)", &info) == 0 else { return "?" }
        if let entry = getpwuid(info.st_uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(info.st_uid)"
    }

    /// The program's name and, for `wicket`, its command word ("wicket act"); never its arguments.
    private static func command(of pid: Int32) -> String {
        let name = ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "a process")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return name }
        let words = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let known = ["import", "act", "next", "calendar", "catalog", "settings", "deliver", "demo", "users", "templates", "init"]
        if let word = words.dropFirst().first(where: { known.contains($0) }) { return "\(name) \(word)" }
        return name
    }
}
