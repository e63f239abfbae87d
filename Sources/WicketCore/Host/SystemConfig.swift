import Foundation

/// The host's own settings for a shared hall, written by root: `PREFIX/etc/wicket/wicket.conf`
/// beside the installed binary (`/usr/local/bin/wicket` → `/usr/local/etc/wicket/wicket.conf`;
/// `/usr/bin/wicket` → `/etc/wicket/wicket.conf`). Lines of `name = value`, `#` comments:
///
///     db = /srv/wicket/hall.db            # the hall's database, everyone's default
///     db-folders = /srv/wicket            # where the setgid program may open databases (":"-separated)
///     history-key = /etc/wicket/hall.key  # the history chain's key (default: the database path + ".key")
///
/// A setgid `wicket` opens a database with the hall's group only inside `db-folders` (default: the
/// folder of `db`); anywhere else it first gives the group up. The file is believed only when root
/// owns it and its folder and neither is writable by anyone else: otherwise a clerk could write
/// their own and point the hall's group at any file.
public struct SystemConfig: Sendable {
    public let path: String
    public private(set) var db: String?
    public private(set) var dbFolders: [String] = []
    public private(set) var historyKey: String?
    /// Why the file was not believed, or lines it did not understand.
    public private(set) var problems: [Bilingual] = []
    public private(set) var trusted = false

    public static let names = ["db", "db-folders", "history-key"]

    /// The running program's file, as the kernel knows it (not argv[0], which the caller chooses).
    public static var executablePath: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Where the host's settings live for a program installed at `executable`.
    public static func location(forExecutable executable: String) -> String {
        let bin = (executable as NSString).deletingLastPathComponent
        let prefix = (bin as NSString).deletingLastPathComponent
        if prefix == "/usr" || prefix == "/" || prefix.isEmpty { return "/etc/wicket/wicket.conf" }
        return prefix + "/etc/wicket/wicket.conf"
    }

    /// The settings for this program, or nil when the host has none.
    public static func forThisProgram() -> SystemConfig? {
        guard let executable = executablePath else { return nil }
        return load(location(forExecutable: executable))
    }

    public static func load(_ path: String) -> SystemConfig? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        var config = SystemConfig(path: path)
        if let problem = ownershipProblem(path) ?? ownershipProblem((path as NSString).deletingLastPathComponent, folder: true) {
            config.problems.append(problem)
            return config
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            config.problems.append(Bilingual(en: "\(path) cannot be read as UTF-8 text", zh: "\(path) 无法以 UTF-8 文本读取"))
            return config
        }
        config.parse(text)
        config.trusted = true
        return config
    }

    init(path: String) { self.path = path }

    /// Only root may have written it: owned by root, a regular file (or folder), not a symbolic
    /// link, and nobody else may write it.
    static func ownershipProblem(_ path: String, folder: Bool = false) -> Bilingual? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return Bilingual(en: "\(path) cannot be examined", zh: "无法检查 \(path)")
        }
        let type = info.st_mode & S_IFMT
        guard type == (folder ? S_IFDIR : S_IFREG) else {
            return Bilingual(en: "\(path) is not a plain \(folder ? "folder" : "file") (a symbolic link?); ignored",
                             zh: "\(path) 不是普通\(folder ? "文件夹" : "文件")（符号链接？）；已忽略")
        }
        guard info.st_uid == 0, info.st_mode & 0o022 == 0 else {
            return Bilingual(en: "\(path) must belong to root and be writable by root alone (now \(ownerAndMode(info))); ignored",
                             zh: "\(path) 必须属于 root 且只有 root 可写（现为 \(ownerAndMode(info))）；已忽略")
        }
        return nil
    }

    static func ownerAndMode(_ info: stat) -> String {
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(info.st_uid)
        return "\(owner), mode \(String(info.st_mode & 0o7777, radix: 8))"
    }

    mutating func parse(_ text: String) {
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(Bilingual(en: "\(path):\(offset + 1): expected name = value", zh: "\(path):\(offset + 1)：应为 名称 = 值"))
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard value.hasPrefix("/") else {
                problems.append(Bilingual(en: "\(path):\(offset + 1): \(name) must be an absolute path", zh: "\(path):\(offset + 1)：\(name) 必须是绝对路径"))
                continue
            }
            switch name {
            case "db": db = value
            case "db-folders": dbFolders = value.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
            case "history-key": historyKey = value
            default:
                problems.append(Bilingual(en: "\(path):\(offset + 1): unknown setting '\(name)' (known: \(Self.names.joined(separator: ", ")))",
                                          zh: "\(path):\(offset + 1)：未知设置“\(name)”（已知：\(Self.names.joined(separator: "、"))）"))
            }
        }
    }

    /// The folders where the hall's group may be used: `db-folders`, else the folder of `db`.
    public var allowedFolders: [String] {
        guard trusted else { return [] }
        if !dbFolders.isEmpty { return dbFolders }
        return db.map { [($0 as NSString).deletingLastPathComponent] } ?? []
    }

    /// The hall database `databasePath` names, as the one path a hall run may use from here on,
    /// or nil when it is not a hall database. The path is resolved once (links, `..`) and must lie
    /// directly in one of the allowed folders; that folder must belong to root or the program's
    /// group owner and be writable by nobody else, and every folder above it must be root's and
    /// writable by root alone — so no part of the returned path can be swapped for a link after
    /// this check (a clerk's link to the hall is followed here, once, and never again).
    public func hallPath(for databasePath: String, serviceGroup: gid_t = getegid()) -> String? {
        guard let folder = Self.canonicalFolder(of: databasePath) else { return nil }
        let name = (databasePath as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        for allowed in allowedFolders {
            guard let root = Self.canonical(allowed), folder == root, Self.folderIsSafe(root, serviceGroup: serviceGroup) else { continue }
            return root == "/" ? "/" + name : root + "/" + name
        }
        return nil
    }

    /// Whether `databasePath` is a hall database (see `hallPath`).
    public func allows(databasePath: String, serviceGroup: gid_t = getegid()) -> Bool {
        hallPath(for: databasePath, serviceGroup: serviceGroup) != nil
    }

    /// The hall's folder: owned by root or by the service user (whose own group is the service
    /// group), writable by no one else. Every folder above it: root's, and writable by root alone —
    /// or sticky (like /tmp) with the folder below it root's, so nobody else may rename it.
    static func folderIsSafe(_ folder: String, serviceGroup: gid_t) -> Bool {
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_mode & 0o002 == 0 else { return false }
        let ownerIsService = info.st_uid == 0 || getpwuid(info.st_uid).map { $0.pointee.pw_gid == serviceGroup } ?? false
        guard ownerIsService, info.st_mode & 0o020 == 0 || info.st_gid == serviceGroup || info.st_gid == 0 else { return false }
        var child = info
        var above = (folder as NSString).deletingLastPathComponent
        while !above.isEmpty {
            var parent = stat()
            guard lstat(above, &parent) == 0, parent.st_mode & S_IFMT == S_IFDIR, parent.st_uid == 0 else { return false }
            if parent.st_mode & 0o022 != 0 {
                // Only a sticky folder, and only above a folder of root's: nobody else may rename it.
                guard parent.st_mode & S_ISVTX != 0, child.st_uid == 0 else { return false }
            }
            if above == "/" { return true }
            child = parent
            above = (above as NSString).deletingLastPathComponent
        }
        return false
    }

    public static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func canonicalFolder(of path: String) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        return canonical(folder.isEmpty ? "." : folder)
    }
}
