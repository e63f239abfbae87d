import Foundation
import WicketCore
import WicketTUI

enum ConfigCommand {
    static let spec = CommandSpec(
        name: "config", arguments: [],
        summary: "Print the effective user settings and where each came from.",
        options: [],
        discussion: """
            Settings come from a global option (--db, --theme, --lang, --ambiguous-width), else the
            environment (WICKET_DB, WICKET_THEME, WICKET_AMBIGUOUS_WIDTH, WICKET_DELIVERY_COMMAND; for the
            language LC_ALL / LC_MESSAGES / LANG, which the config file's lang overrides), else the config
            file $XDG_CONFIG_HOME/wicket/config (~/.config/wicket/config; WICKET_CONFIG names another), else
            the default. The file holds lines of `name = value`:
              db = /srv/wicket/hall.db
              theme = high-contrast
              lang = zh
              ambiguous-width = 2
              delivery-command = /usr/local/bin/send-sms
              key.accept = y
            NO_COLOR (non-empty) always draws with the mono theme.
            """
    ) { _, context in
        let settings = context.settings
        let config = settings.config
        let language = settings.language
        Output.line(CLIText.configFile.format(language, config.path,
                                              (config.exists ? CLIText.configRead : CLIText.configAbsent).text(language)))
        var rows: [[String]] = [["setting", "value", "from"]]
        func add(_ name: String, _ setting: Setting) {
            let from = setting.origin.isEmpty ? setting.source.rawValue : "\(setting.source.rawValue) (\(setting.origin))"
            rows.append([name, Output.safe(setting.value), from])
        }
        add("db", settings.db)
        if EffectiveSettings.colorAllowed(context.environment) {
            add("theme", settings.theme)
        } else {
            add("theme", Setting(value: "mono", source: .environment, origin: "NO_COLOR"))
        }
        add("lang", settings.lang)
        add("ambiguous-width", settings.ambiguousWidth)
        add("delivery-command", settings.deliveryCommand)
        for action in CaseAction.allCases {
            if let setting = settings.keys[action] { add(ConfigFile.keyPrefix + action.rawValue, setting) }
        }
        Output.line(Output.table(rows).joined(separator: "\n"))
        // Saved views live in the hall's database, not in the file: shown when the database opens.
        if let store = try? context.openStore(), let views = try? ViewRows.visible(to: context.actingUser, in: store), !views.isEmpty {
            Output.line(CLIText.configViews.format(language, views.map { Output.safe($0.name) }.joined(separator: ", ")))
        }
        let loader = ThemeLoader(directories: ThemeLoader.standardDirectories(
            configDirectory: ConfigFile.directory(context.environment),
            executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0]))
        // The theme file is the caller's choice: read as the caller, never with the hall's group.
        let theme = ProcessTrust.asCaller { loader.load(EffectiveSettings.colorAllowed(context.environment) ? settings.theme.value : "mono") }
        Output.line(CLIText.themeFile.format(language, theme.file ?? CLIText.themeBuiltIn.text(language)))
        Output.line(CLIText.themesFound.format(language, loader.available().joined(separator: ", "),
                                               loader.directories.joined(separator: ", ")))
        let problems = settings.problems.map { $0.text(language) } + theme.problems.map { CLIText.themeProblem.format(language, $0.text(language)) }
        for problem in problems { Output.error(CLIText.warning.format(language, problem)) }
        return 0
    }
}
