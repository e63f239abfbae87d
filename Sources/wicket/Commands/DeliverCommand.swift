import WicketCore

enum DeliverCommand {
    static let spec = CommandSpec(
        name: "deliver", arguments: [],
        summary: "Hand every due reply to the delivery command now (retries failed ones whose pause is over).",
        discussion: """
            The command comes from $WICKET_DELIVERY_COMMAND or the delivery_command setting. It gets one reply as JSON on
            stdin; exit 0 means sent, 65 a permanent failure, anything else a temporary one (retried later).
            """
    ) { _, context in
        let store = try context.openStore()
        let outbox = Outbox(store: store)
        guard outbox.command != nil else {
            let queued = try store.db.scalarInt("SELECT count(*) FROM messages WHERE delivery_state = 'queued'") ?? 0
            Output.line(CLIText.deliveryNone.format(context.settings.language, queued))
            return 0
        }
        let result = outbox.deliverDue(limit: 10_000)
        Output.line(CLIText.deliverySent.format(context.settings.language, result.sent, result.failed, result.permanent))
        return result.failed + result.permanent == 0 ? 0 : 1
    }
}
