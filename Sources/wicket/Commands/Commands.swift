/// Every command, in the order `wicket help` lists them.
enum Commands {
    static let all: [CommandSpec] = [
        InitCommand.spec, DemoCommand.spec, ImportCommand.spec, ListCommand.spec, ShowCommand.spec, ActCommand.spec,
        NextCommand.spec, ReportCommand.spec, DashboardCommand.spec, DeliverCommand.spec, UsersCommand.spec, CatalogCommand.spec,
        CalendarCommand.spec, TemplatesCommand.spec, SettingsCommand.spec, BackupCommand.spec, CheckCommand.spec,
        ScreenCommand.spec, ConfigCommand.spec, helpSpec, versionSpec,
    ]

    static let helpSpec = CommandSpec(name: "help", arguments: ["COMMAND?"], summary: "Show help for Wicket or one command.") { args, _ in
        if let name = args.positionals.first {
            guard let spec = all.first(where: { $0.name == name }) else {
                throw UsageError(message: "unknown command '\(name)'")
            }
            Output.line(spec.help)
            return 0
        }
        Output.line("""
            Wicket: the service hall's workstation for triaging applications and answering applicants.

            usage: wicket [global options] [COMMAND [options]]

            Without a command, wicket opens the workstation on the database.

            global options:
              --db PATH     the case database (else $WICKET_DB, else ~/.local/share/wicket/wicket.db)
              --as LOGIN    act as another registered user (else your login name)
              --theme NAME|PATH     colours and attributes (else $WICKET_THEME, the config file, default);
                                    default, light, high-contrast, mono; NO_COLOR forces mono
              --lang zh|en          the language (else the config file, else LC_ALL / LC_MESSAGES / LANG)
              --ambiguous-width 1|2 2 where the terminal draws ambiguous characters wide (ASCII borders)
            Settings may also live in ~/.config/wicket/config: see `wicket config --help`.

            commands:
            """)
        for spec in all {
            Output.line("  " + spec.name.padding(toLength: 11, withPad: " ", startingAt: 0) + spec.summary)
        }
        Output.line("\nSee `wicket help COMMAND` for a command's options.")
        return 0
    }

    static let versionSpec = CommandSpec(name: "version", arguments: [], summary: "Print Wicket's version.") { _, _ in
        Output.line("wicket 0.1.0")
        return 0
    }
}
