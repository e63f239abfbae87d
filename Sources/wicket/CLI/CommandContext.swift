import Foundation
import WicketCore
import WicketTUI

/// What every command needs: where the database is, who is acting, and the clock.
struct CommandContext {
    let databasePathOption: String?
    /// The person at the terminal: the OS login (from the process's user id, not `$USER`).
    let realLogin: String
    /// `--as LOGIN`, honoured only for admins and in demo databases (see `authorize`).
    let asOption: String?
    /// `WICKET_NOW`, or the wall clock.
    let requestedClock: WallClock
    /// Whether `WICKET_NOW` was given.
    var clockPinned: Bool { environment["WICKET_NOW"].map { !$0.isEmpty } ?? false }
    /// The setgid program working on the hall for a caller it does not trust (see `RunTrust`).
    let isHallRun: Bool
    /// The host's root-owned settings, if the host has them.
    let systemConfig: SystemConfig?
    let environment: [String: String]
    let settings: EffectiveSettings

    /// The clock a command runs on: the caller's `WICKET_NOW` in their own run; in a hall run the
    /// system's (a clerk must not back-date an acceptance), except in a demo database (`openStore`).
    var clock: WallClock { isHallRun ? .system : requestedClock }

    /// Who the history will name: `--as`, else the login name.
    var actingUser: String { asOption ?? realLogin }

    /// Set when an admin acts as someone else, so the history also names the person really typing.
    var actedBy: String? { asOption.flatMap { $0 == realLogin ? nil : realLogin } }

    /// `--db`, else `$WICKET_DB`, else the config file's `db`, else
    /// `$XDG_DATA_HOME/wicket/wicket.db` (~/.local/share/wicket/wicket.db).
    var databasePath: String { settings.db.value }

    /// The history key of the host's hall is where the host's settings say (`history-key`); any
    /// other database's beside it (`HistoryKey.defaultPath`).
    var historyKeyPath: String? {
        guard let systemConfig, systemConfig.trusted, let key = systemConfig.historyKey, let hall = systemConfig.db,
              let here = SystemConfig.canonicalFolder(of: databasePath), let there = SystemConfig.canonicalFolder(of: hall),
              here == there, (databasePath as NSString).lastPathComponent == (hall as NSString).lastPathComponent else { return nil }
        return key
    }

    /// Language, widths and keys for `wicket screen` (no theme: the text has no colours).
    func screenOptions() -> WorkstationOptions {
        var options = WorkstationOptions()
        options.language = settings.language
        options.ambiguousWidth = Int(settings.ambiguousWidth.value) ?? 1
        options.keys = settings.keyBindings
        return options
    }

    /// The theme, widths and keys for the full-screen workstation; warnings go to stderr too,
    /// where they stay readable after the workstation closes.
    func workstationOptions() -> WorkstationOptions {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        // Theme files are the caller's choice: read as the caller.
        let options = ProcessTrust.asCaller { settings.workstationOptions(environment: environment, executablePath: executable) }
        for warning in options.warnings { Output.error(CLIText.warning.format(settings.language, warning)) }
        return options
    }

    static func dataDirectory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/wicket" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/wicket"
    }

    /// Opens the database and checks that `--as` is allowed on it before any command runs.
    func openStore() throws -> CaseStore {
        var store = try CaseStore.open(path: databasePath, clock: clock, keyPath: historyKeyPath)
        if isHallRun, clockPinned {
            if try store.setting("demo") == "1" {
                store = try CaseStore.open(path: databasePath, clock: requestedClock, keyPath: historyKeyPath)
            } else {
                Output.error(CLIText.warning.format(settings.language, Bilingual(
                    en: "WICKET_NOW is ignored: the hall runs on the system clock (only a demo database may be pinned)",
                    zh: "WICKET_NOW 已忽略：业务厅使用系统时钟（只有演示数据库可以固定时间）").text(settings.language)))
            }
        }
        try authorize(store)
        return store
    }

    /// `--as` lets a person act under another login; the history names that login, so it is
    /// reserved for admins (checked against the real login's own role, never the target's) and for
    /// demo databases, where the people are invented. Everyone else acts as themselves.
    func authorize(_ store: CaseStore) throws {
        guard let target = asOption, target != realLogin else { return }
        if try store.setting("demo") == "1" { return }
        let real = try Administration(store: store).user(realLogin)
        if let real, real.active, real.role == .admin { return }
        throw WorkflowError.invalidArgument(Bilingual(
            en: "--as \(target) refused: only an admin may act as another user outside a demo database " +
                "(you are \(realLogin), \(real.map { $0.active ? "a \($0.role.rawValue)" : "deactivated" } ?? "not registered in this database")); " +
                "run wicket without --as to act as yourself",
            zh: "--as \(target) 被拒绝：在演示数据库之外，只有管理员可以代他人操作" +
                "（您是 \(realLogin)，\(real.map { $0.active ? $0.role.rawValue : "已停用" } ?? "未在本数据库登记")）；去掉 --as 以本人身份操作"))
    }

    /// A workflow that records, when an admin uses `--as`, who really acted.
    func workflow(_ store: CaseStore) -> Workflow {
        let workflow = Workflow(store: store)
        workflow.actedBy = actedBy
        return workflow
    }

    /// `WICKET_NOW` pins the clock (RFC 3339), for tests and for replaying a day; otherwise the wall clock.
    static func clock(_ environment: [String: String]) throws -> WallClock {
        guard let text = environment["WICKET_NOW"], !text.isEmpty else { return .system }
        guard let date = Timestamp.parse(text) else {
            throw UsageError(message: "WICKET_NOW is not an RFC 3339 time: \(text)")
        }
        return .fixed(date)
    }

    /// The acting user's access (`CaseAccess`): refuses an unregistered or deactivated login.
    func access(_ store: CaseStore) throws -> CaseAccess {
        try CaseAccess.check(actingUser, in: store)
    }

    /// Refuses unless the acting user is an active admin (catalog, calendar, users, settings).
    func requireAdmin(_ store: CaseStore, for what: Bilingual) throws {
        let user = try access(store).user
        guard user.role == .admin else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "only an admin may \(what.en) (you are \(user.role.rawValue) \(actingUser))",
                zh: "只有管理员可以\(what.zh)（您是\(user.role.word.zh) \(actingUser)）"))
        }
    }
}
