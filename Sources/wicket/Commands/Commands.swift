import WicketCore

/// Every command, in the order `wicket help` lists them.
enum Commands {
    static let all: [CommandSpec] = [
        InitCommand.spec, DemoCommand.spec, ImportCommand.spec, CertificatesCommand.spec, ListCommand.spec, ShowCommand.spec, ApplicantCommand.spec, ActCommand.spec,
        NextCommand.spec, ConsultCommand.spec, AppointmentsCommand.spec, ReportCommand.spec, DashboardCommand.spec, DeliverCommand.spec, UsersCommand.spec, CatalogCommand.spec,
        CalendarCommand.spec, TemplatesCommand.spec, MacrosCommand.spec, ViewsCommand.spec, EscalateCommand.spec, NoticesCommand.spec, ChaserCommand.spec, SettingsCommand.spec, BackupCommand.spec, CheckCommand.spec, CheckHostCommand.spec,
        ScreenCommand.spec, ConfigCommand.spec, helpSpec, versionSpec,
    ]

    static let helpSpec = CommandSpec(name: "help", arguments: ["COMMAND?"], summary: "Show help for Wicket or one command.") { args, context in
        if let name = args.positionals.first {
            guard let spec = all.first(where: { $0.name == name }) else {
                throw UsageError(en: "unknown command '\(name)'",
                    zh: "未知命令“\(name)”")
            }
            Output.line(spec.help(context.settings.language))
            return 0
        }
        let language = context.settings.language
        Output.line(language == .zh ? HelpText.overviewZh : HelpText.overviewEn)
        for spec in all {
            Output.line("  " + spec.name.padding(toLength: max(11, spec.name.count + 2), withPad: " ", startingAt: 0) + HelpText.summary(spec, language))
        }
        Output.line("\n" + CLIText.seeCommandHelp.text(language))
        return 0
    }

    static let versionSpec = CommandSpec(name: "version", arguments: [], summary: "Print Wicket's version.") { _, _ in
        Output.line("wicket 0.1.0")
        return 0
    }
}
