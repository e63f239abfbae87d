import WicketCore

enum InitCommand {
    static let spec = CommandSpec(
        name: "init", arguments: [],
        summary: "Create a database with the default catalog and calendar; you become its first admin.",
        discussion: "Refuses to touch an existing file: a Wicket database, another program's, or not a database at all."
    ) { _, context in
        let store = try CaseStore.create(path: context.databasePath, creator: context.actingUser, clock: context.clock)
        Output.line("created \(store.path): \(store.catalog.services.count) service items in \(store.catalog.departments.count) departments; \(context.actingUser) is admin")
        return 0
    }
}
