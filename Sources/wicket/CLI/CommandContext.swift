import Foundation
import WicketCore

/// What every command needs: where the database is, who is acting, and the clock.
struct CommandContext {
    let databasePathOption: String?
    let actingUser: String
    let clock: WallClock
    let environment: [String: String]

    /// `--db`, else `$WICKET_DB`, else `$XDG_DATA_HOME/wicket/wicket.db` (~/.local/share/wicket/wicket.db).
    var databasePath: String {
        if let path = databasePathOption { return path }
        if let path = environment["WICKET_DB"], !path.isEmpty { return path }
        return Self.dataDirectory(environment) + "/wicket.db"
    }

    static func dataDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/wicket" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/wicket"
    }

    func openStore() throws -> CaseStore {
        try CaseStore.open(path: databasePath, clock: clock)
    }

    /// The login name of the person at the terminal.
    static func loginName(_ environment: [String: String]) -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    /// `WICKET_NOW` pins the clock (RFC 3339), for tests and for replaying a day; otherwise the wall clock.
    static func clock(_ environment: [String: String]) throws -> WallClock {
        guard let text = environment["WICKET_NOW"], !text.isEmpty else { return .system }
        guard let date = Timestamp.parse(text) else {
            throw UsageError(message: "WICKET_NOW is not an RFC 3339 time: \(text)")
        }
        return .fixed(date)
    }

    /// Refuses unless the acting user is an admin (catalog, calendar, users, settings).
    func requireAdmin(_ store: CaseStore, for what: String) throws {
        let user = try Administration(store: store).user(actingUser)
        guard let user else { throw WorkflowError.unknownUser(actingUser) }
        guard user.role == .admin else {
            throw WorkflowError.invalidArgument("only an admin may \(what) (you are \(user.role.rawValue) \(actingUser))")
        }
    }
}
