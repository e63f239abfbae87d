import Foundation

/// Whether this process runs with privileges its caller did not have: the installed `wicket` is
/// setgid to the hall's service group (README, "A shared host"), so a clerk's process can open the
/// database that the clerk alone cannot. Such a process trusts nothing of its caller's
/// environment: no clock override, no database path outside the folders an admin allowed, no
/// config, theme or import file read with the hall's group, and it runs no other program with it.
public enum ProcessTrust {
    /// True when the effective user or group differs from the real one (setgid or setuid).
    public static var isPrivileged: Bool {
        getegid() != getgid() || geteuid() != getuid()
    }

    /// True while the hall's group is held (in effect or saved): set at start, false once dropped.
    public private(set) nonisolated(unsafe) static var holdsHallGroup: Bool = isPrivileged

    /// The person at the terminal: the real user id's login, never `$USER` or the effective id.
    public static var realLogin: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(getuid())"
    }

    public static var isRoot: Bool { getuid() == 0 }

    /// Gives up the borrowed group for good (real, effective and saved): from here on the process
    /// is the caller's own, so the caller's environment may be honoured.
    public static func dropPrivilegesPermanently() throws {
        guard isPrivileged || holdsHallGroup else { return }
        let gid = getgid()
        // setregid with the real id set also sets the saved id (POSIX): nothing left to take back.
        guard setregid(gid, gid) == 0, getegid() == gid else {
            throw HostTrustError.cannotDropPrivileges(errno: errno)
        }
        if geteuid() != getuid() {
            let uid = getuid()
            guard setreuid(uid, uid) == 0, geteuid() == uid else {
                throw HostTrustError.cannotDropPrivileges(errno: errno)
            }
        }
        holdsHallGroup = false
    }

    /// Runs `body` as the caller (effective group = real group), then takes the hall's group back:
    /// for every file the caller names (config, theme, import, calendar, templates), so that a
    /// clerk can never make Wicket read a file of the hall's group for them.
    public static func asCaller<T>(_ body: () throws -> T) rethrows -> T {
        let held = getegid()
        guard held != getgid() else { return try body() }
        guard setegid(getgid()) == 0 else {
            // Could not lower it: read nothing rather than read with the hall's group.
            fatalError("wicket: cannot lower the effective group (errno \(errno))")
        }
        defer { _ = setegid(held) }
        return try body()
    }
}

public enum HostTrustError: Error, CustomStringConvertible {
    case cannotDropPrivileges(errno: Int32)

    public var description: String {
        switch self {
        case .cannotDropPrivileges(let code): return "cannot give up the hall's group: \(String(cString: strerror(code)))"
        }
    }
}
