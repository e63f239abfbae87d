import Foundation
import WicketCore

enum DeliverCommand {
    static let spec = CommandSpec(
        name: "deliver", arguments: [],
        summary: "Hand every due reply to the delivery command now (retries failed ones whose pause is over).",
        options: [
            .flag("--watch", "keep running: deliver, then wait for new replies or the next retry (until SIGTERM/SIGINT)"),
        ],
        discussion: """
            The command comes from $WICKET_DELIVERY_COMMAND or the delivery_command setting. It gets one reply as JSON on
            stdin; exit 0 means sent, 65 a permanent failure, anything else a temporary one (retried later).
            Actions only queue replies; run `wicket deliver --watch` as the service user (README: a systemd unit).
            """
    ) { args, context in
        // A setgid wicket run by a clerk borrows the hall's group: delivery is the service's job, not theirs.
        if ProcessTrust.isPrivileged { throw WorkflowError.invalidArgument(refusedWhenPrivileged) }
        let store = try context.openStore()
        let outbox = Outbox(store: store)
        let language = context.settings.language
        guard outbox.command != nil else {
            let queued = try outbox.queuedCount()
            Output.line(CLIText.deliveryNone.format(language, queued))
            return args.has("--watch") ? 1 : 0
        }
        guard args.has("--watch") else {
            let result = outbox.deliverDue(limit: 10_000)
            Output.line(CLIText.deliverySent.format(language, result.sent, result.failed, result.permanent))
            return result.failed + result.permanent == 0 ? 0 : 1
        }
        StopSignal.install()
        try outbox.watch(shouldStop: StopSignal.requested) { result in
            Output.line(Timestamp.format(Date()) + " " + CLIText.deliverySent.format(language, result.sent, result.failed, result.permanent))
        }
        return 0
    }

    static let refusedWhenPrivileged = Bilingual(
        en: "deliver refused: this wicket runs with the hall's group borrowed by \(ProcessTrust.realLogin); " +
            "delivery runs as the service user (wicket deliver --watch under systemd), not from a clerk's login",
        zh: "deliver 被拒绝：此 wicket 以 \(ProcessTrust.realLogin) 借用的大厅用户组运行；" +
            "发送由服务用户运行（systemd 下的 wicket deliver --watch），不从办事员的登录运行")
}

/// SIGTERM (systemd stopping the service) or SIGINT (Ctrl-C): finish the reply in hand, then stop.
enum StopSignal {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in StopSignal.flag = 1 }
        signal(SIGTERM, handler)
        signal(SIGINT, handler)
    }

    static func requested() -> Bool { flag != 0 }
}
