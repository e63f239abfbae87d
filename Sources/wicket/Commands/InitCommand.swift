import WicketCore

enum InitCommand {
    static let spec = CommandSpec(
        name: "init", arguments: [],
        summary: "Create a database with the default catalog and calendar; you become its first admin.",
        discussion: "Refuses to touch an existing file: a Wicket database, another program's, or not a database at all."
    ) { _, context in
        let store = try CaseStore.create(path: context.databasePath, creator: context.actingUser, clock: context.clock,
                                         keyPath: context.historyKeyPath)
        Output.line(CLIText.created.format(context.settings.language, store.path, store.catalog.services.count,
                                           store.catalog.departments.count, context.actingUser))
        return 0
    }
}
