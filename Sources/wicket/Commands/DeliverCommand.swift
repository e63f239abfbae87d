import Foundation
import WicketCore

enum DeliverCommand {
    static let spec = CommandSpec(
        name: "deliver", arguments: [],
        summary: "Hand every due reply to the delivery command now (retries failed ones whose pause is over).",
        options: [
            .flag("--watch", "keep running: deliver, then wait for new replies or the next retry (until SIGTERM/SIGINT)"),
            .value("--time-limit", "SECONDS", "how long the command has to answer one reply (default 30, 1 to 600)"),
        ],
        discussion: """
            The command comes from $WICKET_DELIVERY_COMMAND or the delivery_command setting. It gets one reply as JSON on
            stdin; exit 0 means sent, 65 a permanent failure, anything else a temporary one (retried later).
            It runs in a process group of its own; with no answer within the time limit, or when this process is
            stopped (SIGTERM, SIGINT, SIGHUP), the whole group gets SIGTERM, then SIGKILL 2 s later, and the reply
            is retried later.
            Actions only queue replies; run `wicket deliver --watch` as the service user (README: a systemd unit).
            """
    ) { args, context in
        // A setgid wicket run by a clerk borrows the hall's group: delivery is the service's job, not theirs.
        if ProcessTrust.isPrivileged { throw WorkflowError.invalidArgument(refusedWhenPrivileged) }
        let store = try context.openStore()
        var outbox = Outbox(store: store)
        if let seconds = try args.int("--time-limit") {
            guard Outbox.timeLimitRange.contains(seconds) else { throw timeLimitOutOfRange(seconds) }
            outbox.timeLimit = TimeInterval(seconds)
        }
        let language = context.settings.language
        guard outbox.command != nil else {
            let queued = try outbox.queuedCount()
            Output.line(CLIText.deliveryNone.format(language, queued))
            return args.has("--watch") ? 1 : 0
        }
        // The command has a process group of its own, so a Ctrl-C at the terminal reaches only us:
        // we stop its group and record the attempt.
        StopSignal.install()
        guard args.has("--watch") else {
            let result = outbox.deliverDue(limit: 10_000, shouldStop: StopSignal.requested)
            Output.line(CLIText.deliverySent.format(language, result.sent, result.failed, result.permanent))
            return result.failed + result.permanent == 0 ? 0 : 1
        }
        try outbox.watch(shouldStop: StopSignal.requested) { result in
            Output.line(Timestamp.format(Date()) + " " + CLIText.deliverySent.format(language, result.sent, result.failed, result.permanent))
        }
        return 0
    }

    static func timeLimitOutOfRange(_ seconds: Int) -> UsageError {
        let range = Outbox.timeLimitRange
        return UsageError(en: "--time-limit takes \(range.lowerBound) to \(range.upperBound) seconds, not \(seconds)",
                          zh: "--time-limit 须为 \(range.lowerBound) 到 \(range.upperBound) 秒，而不是 \(seconds)")
    }

    static let refusedWhenPrivileged = Bilingual(
        en: "deliver refused: this wicket runs with the hall's group borrowed by \(ProcessTrust.realLogin); " +
            "delivery runs as the service user (wicket deliver --watch under systemd), not from a clerk's login",
        zh: "deliver 被拒绝：此 wicket 以 \(ProcessTrust.realLogin) 借用的大厅用户组运行；" +
            "发送由服务用户运行（systemd 下的 wicket deliver --watch），不从办事员的登录运行")
}

/// SIGTERM (systemd stopping the service), SIGINT (Ctrl-C) or SIGHUP (the terminal closed): stop
/// the command in hand (its group: TERM, then KILL after the grace), record it, then stop.
enum StopSignal {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in StopSignal.flag = 1 }
        signal(SIGTERM, handler)
        signal(SIGINT, handler)
        signal(SIGHUP, handler)
    }

    static func requested() -> Bool { flag != 0 }
}
