import WicketCore

enum NextCommand {
    static let spec = CommandSpec(
        name: "next", arguments: [],
        summary: "Take next: claim the most urgent unassigned case of your department.",
        options: [.flag("--json", "print the outcome as JSON")]
    ) { args, context in
        let store = try context.openStore()
        let outcome = try context.workflow(store).takeNext(actor: context.actingUser)
        ActCommand.report(outcome, json: args.has("--json"), language: context.settings.language)
        return 0
    }
}
