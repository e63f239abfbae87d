import Foundation
import WicketCore
import WicketTUI

/// Where a setting's value came from, as `wicket config` reports it.
enum SettingSource: String {
    case `default`, system, file, environment, flag
}

struct Setting {
    var value: String
    var source: SettingSource
    /// Which flag, variable or file line, e.g. "WICKET_THEME" or "~/.config/wicket/config:3".
    var origin: String
}

/// The global options given before the command.
struct GlobalFlags {
    var db: String?
    var actingUser: String?
    var theme: String?
    var lang: String?
    var ambiguousWidth: String?
}

/// Every user setting resolved once, in this order: a flag, then the environment, then the config
/// file, then Wicket's default. (The locale is the environment's word on the language, but a
/// language written in the config file is a clerk's deliberate choice, so it wins over the locale.)
struct EffectiveSettings {
    var db: Setting
    var theme: Setting
    var lang: Setting
    var ambiguousWidth: Setting
    var deliveryCommand: Setting
    var keys: [CaseAction: Setting] = [:]
    /// The action keys with the config file's changes that could be made.
    var keyBindings = KeyBindings.standard
    var config: ConfigFile
    /// Config problems and rejected values, to warn about without stopping.
    var problems: [Bilingual]

    init(flags: GlobalFlags, environment: [String: String], config: ConfigFile, system: SystemConfig? = nil) throws {
        self.config = config
        problems = config.problems
        func pick(flag: String?, flagName: String, env: String?, key: String, fallback: String) -> Setting {
            if let flag { return Setting(value: flag, source: .flag, origin: flagName) }
            if let env, let value = environment[env], !value.isEmpty { return Setting(value: value, source: .environment, origin: env) }
            if let entry = config[key] { return Setting(value: entry.value, source: .file, origin: "\(config.path):\(entry.line)") }
            return Setting(value: fallback, source: .default, origin: "")
        }
        db = pick(flag: flags.db, flagName: "--db", env: "WICKET_DB", key: "db",
                  fallback: CommandContext.dataDirectory(environment) + "/wicket.db")
        // The host's hall, when nobody chose another: before the private default.
        if db.source == .default, let system, system.trusted, let hall = system.db {
            db = Setting(value: hall, source: .system, origin: system.path)
        }
        theme = pick(flag: flags.theme, flagName: "--theme", env: "WICKET_THEME", key: "theme", fallback: "default")
        ambiguousWidth = pick(flag: flags.ambiguousWidth, flagName: "--ambiguous-width", env: "WICKET_AMBIGUOUS_WIDTH",
                              key: "ambiguous-width", fallback: "1")
        deliveryCommand = pick(flag: nil, flagName: "", env: "WICKET_DELIVERY_COMMAND", key: "delivery-command",
                               fallback: "(the database's delivery_command setting)")
        if let flag = flags.lang {
            lang = Setting(value: flag, source: .flag, origin: "--lang")
        } else if let entry = config["lang"] {
            lang = Setting(value: entry.value, source: .file, origin: "\(config.path):\(entry.line)")
        } else if let (variable, language) = Self.localeLanguage(environment) {
            lang = Setting(value: language.rawValue, source: .environment, origin: variable)
        } else {
            lang = Setting(value: Language.en.rawValue, source: .default, origin: "")
        }
        guard Language(rawValue: lang.value) != nil else {
            throw UsageError(en: "--lang \(lang.value): choose zh or en",
                zh: "--lang \(lang.value)：请选择 zh 或 en")
        }
        guard ambiguousWidth.value == "1" || ambiguousWidth.value == "2" else {
            throw UsageError(en: "\(ambiguousWidth.origin) \(ambiguousWidth.value): the ambiguous width is 1 or 2",
                zh: "\(ambiguousWidth.origin) \(ambiguousWidth.value)：歧义宽度为 1 或 2")
        }
        var bindings = KeyBindings.standard
        for action in CaseAction.allCases {
            guard let key = bindings.key(for: action) else { continue }
            keys[action] = Setting(value: String(key), source: .default, origin: "")
            guard let entry = config[ConfigFile.keyPrefix + action.rawValue], let wanted = entry.value.first else { continue }
            let origin = "\(config.path):\(entry.line)"
            if let problem = bindings.bind(action, to: wanted) {
                problems.append(Bilingual(en: "\(origin): \(problem.en); ignored", zh: "\(origin)：\(problem.zh)；已忽略"))
            } else {
                keys[action] = Setting(value: entry.value, source: .file, origin: origin)
            }
        }
        keyBindings = bindings
    }

    var language: Language { Language(rawValue: lang.value) ?? .en }

    /// `NO_COLOR` set to anything non-empty (no-color.org) turns colour off whatever the theme.
    static func colorAllowed(_ environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The first of LC_ALL, LC_MESSAGES, LANG that is set decides, as in POSIX; "zh…" is Chinese.
    static func localeLanguage(_ environment: [String: String]) -> (String, Language)? {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            if value == "C" || value == "POSIX" || value.hasPrefix("C.") { return (variable, .en) }
            return (variable, value.lowercased().hasPrefix("zh") ? .zh : .en)
        }
        return nil
    }

    /// What the workstation needs: the theme read (or `mono`), widths, keys, and every warning.
    func workstationOptions(environment: [String: String], executablePath: String) -> WorkstationOptions {
        var options = WorkstationOptions()
        let loader = ThemeLoader(directories: ThemeLoader.standardDirectories(
            configDirectory: ConfigFile.directory(environment), executablePath: executablePath))
        let colorAllowed = Self.colorAllowed(environment)
        let (chosen, mono) = loader.select(theme.value, colorAllowed: colorAllowed)
        options.theme = chosen.theme
        options.monochromeTheme = mono.theme
        options.useColors = colorAllowed
        options.ambiguousWidth = Int(ambiguousWidth.value) ?? 1
        options.keys = keyBindings
        options.language = language
        options.warnings = problems.map { $0.text(language) } + chosen.problems.map { CLIText.themeProblem.format(language, $0.text(language)) }
        return options
    }
}
