import Foundation

/// The secret that keys the history chain (`HistoryChain`): 32 random bytes kept in a file
/// outside the database, by default `<database>.key` beside it. Whoever can write the database
/// but not read this file cannot append an event or re-hash an edited chain so that `wicket
/// check` passes. The file holds the key as 64 lowercase hex digits and a newline.
public struct HistoryKey: Sendable {
    public static let byteCount = 32
    /// Where the key was read from (named in messages).
    public let path: String
    let mac: HMACSHA256
    private let bytes: [UInt8]

    init(bytes: [UInt8], path: String) {
        self.path = path
        self.bytes = bytes
        mac = HMACSHA256(key: bytes)
    }

    /// The key file beside a database: `<database path>.key`.
    public static func defaultPath(forDatabase databasePath: String) -> String { databasePath + ".key" }

    /// HMAC-SHA-256 of `bytes` under this key, as hex.
    public func hex(_ bytes: [UInt8]) -> String { mac.hex(bytes) }

    /// Reads the key at `path`. In a privileged run (`ProcessTrust.isPrivileged`) the file must be
    /// a regular file, not a symbolic link, owned by root or by the owner of `databasePath`, and
    /// writable by nobody else: otherwise whoever could replace it could forge the history.
    public static func load(path: String, databasePath: String) throws -> HistoryKey {
        try load(path: path, databasePath: databasePath, privileged: ProcessTrust.isPrivileged)
    }

    static func load(path: String, databasePath: String, privileged: Bool) throws -> HistoryKey {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (privileged ? O_NOFOLLOW : 0))
        guard descriptor >= 0 else {
            let error = errno
            if error == ENOENT { throw HistoryKeyError.missing(path: path) }
            if error == ELOOP { throw HistoryKeyError.insecure(path: path, reason: symlinkReason) }
            throw HistoryKeyError.unreadable(path: path, reason: String(cString: strerror(error)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw HistoryKeyError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw HistoryKeyError.insecure(path: path, reason: Bilingual(en: "it is not a regular file", zh: "它不是普通文件"))
        }
        if privileged {
            var database = stat()
            let databaseOwner: uid_t? = stat(databasePath, &database) == 0 ? database.st_uid : nil
            guard info.st_uid == 0 || info.st_uid == databaseOwner else {
                throw HistoryKeyError.insecure(path: path, reason: Bilingual(
                    en: "it is owned by uid \(info.st_uid), neither root nor the database's owner",
                    zh: "其属主为 uid \(info.st_uid)，既不是 root 也不是数据库的属主"))
            }
            guard info.st_mode & 0o022 == 0 else {
                throw HistoryKeyError.insecure(path: path, reason: Bilingual(
                    en: "it is writable by its group or by others (make it 0440: chmod 0440 \(path))",
                    zh: "其所属组或其他用户可写（应为 0440：chmod 0440 \(path)）"))
            }
        }
        var buffer = [UInt8](repeating: 0, count: 256)
        var count = 0
        while count < buffer.count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw HistoryKeyError.unreadable(path: path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        guard let bytes = parse(buffer[0..<count]) else { throw HistoryKeyError.malformed(path: path) }
        return HistoryKey(bytes: bytes, path: path)
    }

    private static let symlinkReason = Bilingual(en: "it is a symbolic link", zh: "它是符号链接")

    /// 64 hex digits, optionally followed by a newline.
    static func parse(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var digits = Array(text)
        if digits.last == 10 { digits.removeLast() }
        guard digits.count == byteCount * 2 else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// Whether this process may write a key file: not a privileged (setgid) run, unless it is root.
    public static func creationAllowed(privileged: Bool = ProcessTrust.isPrivileged, effectiveUser: uid_t = geteuid()) -> Bool {
        !privileged || effectiveUser == 0
    }

    /// Makes a new random key at `path`; an existing file is never replaced (`.exists`).
    ///
    /// The file is opened with `O_CREAT | O_EXCL | O_NOFOLLOW` under a temporary name beside
    /// `path`, written and synced through that descriptor, and then linked to `path`, so another
    /// process never reads a half-written key and two processes racing get one key. Made by root
    /// it is owned by root with the database file's group and mode 0440 (the service group reads
    /// it, nobody writes it); made by the database's owner it gets the database's group where
    /// allowed, and mode 0440 (0400 when the database is not group-readable). A privileged run
    /// other than root may not make one: the key would belong to whoever ran it.
    public static func create(path: String, databasePath: String) throws -> HistoryKey {
        if !creationAllowed() {
            throw HistoryKeyError.creationRefused(path: path, databasePath: databasePath)
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        try install(bytes, at: path, databasePath: databasePath)
        return HistoryKey(bytes: bytes, path: path)
    }

    /// This key written to `path` for the database at `databasePath` (a backup's copy), with the
    /// same care as `create`. An existing file holding this key is kept; another is replaced only
    /// with `replacing`. Not in a privileged run other than root: the caller would own the copy.
    public func copy(to path: String, databasePath: String, replacing: Bool) throws -> HistoryKey {
        if !Self.creationAllowed() {
            throw HistoryKeyError.creationRefused(path: path, databasePath: databasePath)
        }
        if let existing = try? Self.load(path: path, databasePath: databasePath, privileged: false), existing.bytes == bytes {
            return existing
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard replacing else { throw HistoryKeyError.exists(path: path) }
            guard unlink(path) == 0 else { throw HistoryKeyError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        }
        try Self.install(bytes, at: path, databasePath: databasePath)
        return HistoryKey(bytes: bytes, path: path)
    }

    private static func install(_ bytes: [UInt8], at path: String, databasePath: String) throws {
        let text = Array((SHA256.hexString(bytes) + "\n").utf8)
        var database = stat()
        let hasDatabase = stat(databasePath, &database) == 0
        let mode: mode_t = !hasDatabase || database.st_mode & S_IRGRP != 0 ? 0o440 : 0o400
        let temporary = path + ".new-\(getpid())-\(SHA256.hexString((0..<6).map { _ in UInt8.random(in: .min ... .max) }))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw HistoryKeyError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        var failure: String?
        var written = 0
        while written < text.count && failure == nil {
            let done = text.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if done < 0 && errno == EINTR { continue }
            if done <= 0 { failure = String(cString: strerror(errno)) } else { written += done }
        }
        if failure == nil, hasDatabase {
            if geteuid() == 0 {
                if fchown(descriptor, 0, database.st_gid) != 0 { failure = String(cString: strerror(errno)) }
            } else {
                _ = fchown(descriptor, uid_t.max, database.st_gid) // only where this user is in that group
            }
        }
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        defer { unlink(temporary) }
        if let failure { throw HistoryKeyError.cannotCreate(path: path, reason: failure) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw HistoryKeyError.exists(path: path) }
            throw HistoryKeyError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The key at `path`, made first if there is none (a new database, or the migration that keys
    /// an older one). Two processes doing this at once end with the same key.
    public static func loadOrCreate(path: String, databasePath: String) throws -> HistoryKey {
        do {
            return try load(path: path, databasePath: databasePath)
        } catch HistoryKeyError.missing {
            do {
                return try create(path: path, databasePath: databasePath)
            } catch HistoryKeyError.exists {
                return try load(path: path, databasePath: databasePath)
            }
        }
    }
}

/// Why the history key cannot be used; each names the key file.
public enum HistoryKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case malformed(path: String)
    case insecure(path: String, reason: Bilingual)
    case exists(path: String)
    case cannotCreate(path: String, reason: String)
    case creationRefused(path: String, databasePath: String)
    /// A database opened without `CaseStore`, so no key was looked for.
    case notLoaded

    public var text: Bilingual {
        switch self {
        case .missing(let path):
            return Bilingual(
                en: "the history key \(path) is missing: the history cannot be written or checked without it (restore it from the backup of the key; reading cases still works)",
                zh: "历史密钥 \(path) 缺失：没有它无法写入或核查历史（请从密钥的备份中恢复；仍可查阅案件）")
        case .unreadable(let path, let reason):
            return Bilingual(en: "cannot read the history key \(path): \(reason)", zh: "无法读取历史密钥 \(path)：\(reason)")
        case .malformed(let path):
            return Bilingual(en: "the history key \(path) is not 64 hex digits: it was damaged or replaced",
                             zh: "历史密钥 \(path) 不是 64 位十六进制数：已损坏或被替换")
        case .insecure(let path, let reason):
            return Bilingual(en: "the history key \(path) is refused: \(reason.en)",
                             zh: "拒绝使用历史密钥 \(path)：\(reason.zh)")
        case .exists(let path):
            return Bilingual(en: "the history key \(path) already exists; it was not replaced",
                             zh: "历史密钥 \(path) 已存在；未被替换")
        case .cannotCreate(let path, let reason):
            return Bilingual(en: "cannot create the history key \(path): \(reason)", zh: "无法创建历史密钥 \(path)：\(reason)")
        case .creationRefused(let path, let databasePath):
            return Bilingual(
                en: "the history key \(path) does not exist yet and a clerk's run may not create it: run `wicket check` (or any command) once as the owner of \(databasePath) or as root",
                zh: "历史密钥 \(path) 尚不存在，办事员的运行无权创建它：请以 \(databasePath) 的属主或 root 身份运行一次 `wicket check`（或任一命令）")
        case .notLoaded:
            return Bilingual(en: "no history key was loaded for this database (open it with CaseStore)",
                             zh: "该数据库未载入历史密钥（请通过 CaseStore 打开）")
        }
    }

    public var description: String { text.en }

    public func message(_ language: Language) -> String { text.text(language) }
}
