import Foundation

/// Looks at a shared host's set-up the way README "A shared host" describes it and says, line by
/// line, what is right and what is wrong: the installed program (root's, setgid to the service
/// group), the host's settings, the hall's folder, database, companions and history key, and who
/// is in the service group (a clerk in it could open the database with `sqlite3`).
public struct HostCheck {
    public struct Finding: Sendable {
        public let ok: Bool
        public let text: Bilingual
    }

    public let executable: String
    public let config: SystemConfig?
    public let configPath: String

    public init(executable: String, config: SystemConfig?, configPath: String) {
        self.executable = executable
        self.config = config
        self.configPath = configPath
    }

    public func run() -> [Finding] {
        var findings: [Finding] = []
        func ok(_ en: String, _ zh: String) { findings.append(Finding(ok: true, text: Bilingual(en: en, zh: zh))) }
        func wrong(_ en: String, _ zh: String) { findings.append(Finding(ok: false, text: Bilingual(en: en, zh: zh))) }

        // The program.
        var program = stat()
        guard stat(executable, &program) == 0 else {
            wrong("\(executable) cannot be examined", "无法检查 \(executable)")
            return findings
        }
        let serviceGroup = groupName(program.st_gid)
        if program.st_uid != 0 || program.st_mode & 0o022 != 0 {
            wrong("\(executable) must belong to root and be writable by root alone (now \(describe(program)))",
                  "\(executable) 必须属于 root 且只有 root 可写（现为 \(describe(program))）")
        } else if program.st_mode & S_ISGID == 0 || program.st_gid == 0 {
            wrong("\(executable) is not setgid to a service group (now \(describe(program))): run install -o root -g wicket -m 2755",
                  "\(executable) 没有设置服务组的 setgid 位（现为 \(describe(program))）：请执行 install -o root -g wicket -m 2755")
        } else {
            ok("\(executable): root's, setgid \(serviceGroup) (\(describe(program)))", "\(executable)：属于 root，setgid \(serviceGroup)（\(describe(program))）")
        }

        // The host's settings.
        guard let config else {
            wrong("no host settings at \(configPath): write `db = /srv/wicket/hall.db` there (root-owned, mode 644)",
                  "\(configPath) 没有主机设置：请写入 `db = /srv/wicket/hall.db`（属于 root，权限 644）")
            return findings
        }
        for problem in config.problems { wrong(problem.en, problem.zh) }
        guard config.trusted else { return findings }
        ok("\(config.path): root's, believed", "\(config.path)：属于 root，可信")
        guard let database = config.db else {
            wrong("\(config.path) names no database (db = /srv/wicket/hall.db)", "\(config.path) 未指定数据库（db = /srv/wicket/hall.db）")
            return findings
        }

        // The hall's folder: the service group's, setgid, nothing for others.
        let folder = (database as NSString).deletingLastPathComponent
        var folderInfo = stat()
        if lstat(folder, &folderInfo) != 0 {
            wrong("\(folder) does not exist", "\(folder) 不存在")
        } else if folderInfo.st_mode & S_IFMT != S_IFDIR {
            wrong("\(folder) is not a folder (a symbolic link?)", "\(folder) 不是文件夹（符号链接？）")
        } else if folderInfo.st_gid != program.st_gid || folderInfo.st_mode & 0o7777 != 0o2770 {
            wrong("\(folder) must be the group \(serviceGroup)'s, mode 2770 (now \(describe(folderInfo)))",
                  "\(folder) 必须属于组 \(serviceGroup)，权限 2770（现为 \(describe(folderInfo))）")
        } else {
            ok("\(folder): \(describe(folderInfo))", "\(folder)：\(describe(folderInfo))")
        }

        // The database and its companions.
        for (path, required) in [(database, true), (database + "-wal", false), (database + "-shm", false), (database + "-journal", false)] {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                if required { wrong("\(path) does not exist: run sudo wicket init --as ADMIN-LOGIN", "\(path) 不存在：请执行 sudo wicket init --as 管理员登录名") }
                continue
            }
            if info.st_mode & S_IFMT != S_IFREG {
                wrong("\(path) is a symbolic link or not a plain file: remove it", "\(path) 是符号链接或不是普通文件：请删除")
            } else if info.st_gid != program.st_gid || info.st_mode & 0o007 != 0 {
                wrong("\(path) must be the group \(serviceGroup)'s with nothing for others (now \(describe(info)))",
                      "\(path) 必须属于组 \(serviceGroup)，其他人无任何权限（现为 \(describe(info))）")
            } else if info.st_uid != 0 && info.st_uid != program.st_uid {
                wrong("\(path) belongs to \(describe(info)) (made by someone's run while it was missing); run chown root \(path)",
                      "\(path) 属于 \(describe(info))（文件缺失时由他人的运行创建）；请执行 chown root \(path)")
            } else if info.st_mode & 0o060 != 0o060 {
                ok("\(path): \(describe(info)) — read-only for the hall", "\(path)：\(describe(info))——业务厅只读")
            } else {
                ok("\(path): \(describe(info))", "\(path)：\(describe(info))")
            }
        }

        // The history key: root's, readable by the service group, by nobody else.
        let key = config.historyKey ?? HistoryKey.defaultPath(forDatabase: database)
        var keyInfo = stat()
        if lstat(key, &keyInfo) != 0 {
            wrong("\(key) (the history key) does not exist", "\(key)（历史密钥）不存在")
        } else if keyInfo.st_mode & S_IFMT != S_IFREG || keyInfo.st_uid != 0 || keyInfo.st_mode & 0o037 != 0 || keyInfo.st_gid != program.st_gid && keyInfo.st_mode & 0o040 != 0 {
            wrong("\(key) must be root's, readable by the group \(serviceGroup) only (mode 440; now \(describe(keyInfo)))",
                  "\(key) 必须属于 root，只有组 \(serviceGroup) 可读（权限 440；现为 \(describe(keyInfo))）")
        } else {
            ok("\(key): \(describe(keyInfo))", "\(key)：\(describe(keyInfo))")
        }

        // Who is in the service group: its own service user at most.
        let members = groupMembers(program.st_gid).filter { $0 != serviceGroup }
        if members.isEmpty {
            ok("group \(serviceGroup): no clerk is a member", "组 \(serviceGroup)：没有办事员是成员")
        } else {
            wrong("group \(serviceGroup) has members \(members.joined(separator: ", ")): they can open the database with sqlite3 and bypass every role; remove them (gpasswd -d LOGIN \(serviceGroup))",
                  "组 \(serviceGroup) 有成员 \(members.joined(separator: "、"))：他们可以用 sqlite3 直接打开数据库、绕过所有角色；请移除（gpasswd -d 登录名 \(serviceGroup)）")
        }
        return findings
    }

    func describe(_ info: stat) -> String {
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(info.st_uid)
        return "\(owner):\(groupName(info.st_gid)) \(String(info.st_mode & 0o7777, radix: 8))"
    }

    func groupName(_ gid: gid_t) -> String {
        getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? String(gid)
    }

    /// Users listed in the group, and users whose primary group it is.
    func groupMembers(_ gid: gid_t) -> [String] {
        var names: [String] = []
        if let group = getgrgid(gid), var member = group.pointee.gr_mem {
            while let name = member.pointee {
                names.append(String(cString: name))
                member += 1
            }
        }
        setpwent()
        while let entry = getpwent() {
            if entry.pointee.pw_gid == gid { names.append(String(cString: entry.pointee.pw_name)) }
        }
        endpwent()
        return Array(Set(names)).sorted()
    }
}
