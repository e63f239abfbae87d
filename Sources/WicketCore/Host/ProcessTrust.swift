import Foundation

/// Whether this process runs with privileges its caller did not have: the installed `wicket` is
/// setgid to the hall's service group (README, "A shared host"), so a clerk's process can open the
/// database that the clerk alone cannot. Such a process trusts nothing of its caller's
/// environment: no clock override, no database path outside the folders an admin allowed, no
/// config or theme file of the caller's choosing, and it runs no other program with its group.
public enum ProcessTrust {
    /// True when the effective user or group differs from the real one (setgid or setuid).
    public static var isPrivileged: Bool {
        getegid() != getgid() || geteuid() != getuid()
    }

    /// The person at the terminal: the real user id's login, never `$USER` or the effective id.
    public static var realLogin: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(getuid())"
    }
}
