import Foundation
import WicketCore

/// What this run may believe of its caller. The installed `wicket` is setgid to the hall's service
/// group; a clerk's process borrows that group to reach the hall's database, and so must not let the
/// clerk steer it: decided here, once, before any command runs.
///
/// - Not privileged (a plain build, the service user, a private folder): the caller's own run;
///   every flag, variable and file is theirs to choose.
/// - Privileged, for a database outside the folders the host's root-owned settings allow (or for
///   `demo`): the group is given up for good first, so the run is the caller's own again — a clerk's
///   demo in their home works, and the hall stays out of reach.
/// - Privileged, for the hall (a *hall run*): `WICKET_NOW` only in a demo database, no `TZ`, no
///   delivery command, files named by the caller (config, theme, import, calendar, templates,
///   catalog) read as the caller, new files `rw-rw----` whatever the caller's umask; `init` and
///   `backup` by root only.
struct RunTrust {
    let isHallRun: Bool
    let systemConfig: SystemConfig?
    /// In a hall run, the database's one resolved path, checked once and used from then on (a path
    /// given through a link is never resolved again: a clerk could swap the link in between).
    var hallDatabasePath: String?

    static let rootOnlyCommands: Set<String> = ["init", "backup"]

    static func decide(command: String?, databasePath: String, systemConfig: SystemConfig?) throws -> RunTrust {
        guard ProcessTrust.isPrivileged else { return RunTrust(isHallRun: false, systemConfig: systemConfig) }
        let hallPath = command == "demo" ? nil : systemConfig?.hallPath(for: databasePath)
        guard let hallPath else {
            try ProcessTrust.dropPrivilegesPermanently()
            return RunTrust(isHallRun: false, systemConfig: systemConfig)
        }
        if let command, rootOnlyCommands.contains(command), !ProcessTrust.isRoot {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "\(command) of the hall's database is for root (e.g. sudo wicket \(command) …); you are \(ProcessTrust.realLogin)",
                zh: "业务厅数据库的 \(command) 须由 root 执行（例如 sudo wicket \(command) …）；您是 \(ProcessTrust.realLogin)"))
        }
        umask(0o007)
        for variable in ["TZ", "WICKET_DELIVERY_COMMAND"] { unsetenv(variable) }
        return RunTrust(isHallRun: true, systemConfig: systemConfig, hallDatabasePath: hallPath)
    }
}
