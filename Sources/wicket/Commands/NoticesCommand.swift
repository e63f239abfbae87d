import WicketCore

enum EscalateCommand {
    static let spec = CommandSpec(
        name: "escalate", arguments: [],
        summary: "Raise the chasing notices due now (for cron; exactly once per rule and case, however many run it).",
        discussion: """
            Rules: a case whose clock turns red notifies its department's supervisors; a case N working days past
            its due day (settings escalation_overdue_days, default \(Escalation.defaultOverdueDays)) notifies the hall's head
            (supervisors and admins of no department). Run as a supervisor or admin.
            """
    ) { _, context in
        let store = try context.openStore()
        let raised = try Escalation.run(by: context.actingUser, in: store)
        Output.line(CLIText.noticesRaised.format(context.settings.language, raised))
        return 0
    }
}

enum NoticesCommand {
    static let spec = CommandSpec(
        name: "notices", arguments: ["ack?", "ID?"],
        summary: "The chasing notices that reach you (open first), or acknowledge one.",
        options: [.flag("--json", "print JSON (a list of notice objects)")]
    ) { args, context in
        let store = try context.openStore()
        let language = context.settings.language
        if let verb = args.positionals.first {
            guard verb == "ack", args.positionals.count == 2, let id = Int(args.positionals[1]) else {
                throw UsageError(en: "usage: wicket notices [ack ID]", zh: "用法：wicket notices [ack 编号]")
            }
            try NoticeRows.acknowledge(id, login: context.actingUser, in: store)
            Output.line(CLIText.noticeAcknowledged.format(language, id))
            return 0
        }
        let notices = try NoticeRows.visible(to: context.actingUser, in: store)
        if args.has("--json") {
            Output.json(notices.map(JSONShapes.notice))
            return 0
        }
        guard !notices.isEmpty else {
            Output.line(CLIText.noticesNone.text(language))
            return 0
        }
        var rows = [header.map { $0.text(language) }]
        for notice in notices {
            rows.append([String(notice.id), notice.caseNumber, notice.rule.word.text(language),
                         notice.department ?? "-", language.code(notice.status, notice.status == "open"
                            ? Bilingual(en: "open", zh: "待确认") : Bilingual(en: "acknowledged", zh: "已确认")),
                         DateText.day(Day(notice.raisedAt.prefix(10)) ?? store.today, language: language)])
        }
        Output.table(rows).forEach { Output.line($0) }
        return 0
    }

    static let header = [Bilingual(en: "ID", zh: "编号"), Bilingual(en: "CASE", zh: "案件"), Bilingual(en: "RULE", zh: "规则"),
                         Bilingual(en: "DEPT", zh: "部门"), Bilingual(en: "STATE", zh: "状态"), Bilingual(en: "RAISED", zh: "发出")]
}

enum ChaserCommand {
    static let spec = CommandSpec(
        name: "chaser", arguments: ["CASE"],
        summary: "Record an applicant's chaser: a call or message asking how their case is doing (one history event).",
        options: [
            .value("--channel", "C", "how they asked: online, mobile, window, phone or mail (required)"),
            .value("--text", "TEXT", "what they said or asked"),
            .flag("--json", "print {case, version, history_id, chasers} as JSON"),
        ]
    ) { args, context in
        guard let text = args.value("--channel") else {
            throw UsageError(en: "chaser needs --channel (online, mobile, window, phone, mail)",
                zh: "chaser 需要 --channel（online、mobile、window、phone、mail）")
        }
        guard let channel = Channel(rawValue: text) else { throw UsageError(en: "unknown channel '\(text)'", zh: "未知渠道“\(text)”") }
        let store = try context.openStore()
        let outcome = try context.workflow(store).recordChaser(caseNumber: args.positionals[0], channel: channel,
                                                               text: args.value("--text") ?? "", actor: context.actingUser)
        if args.has("--json") {
            Output.json(["case": outcome.caseNumber, "version": outcome.version, "history_id": outcome.historyEventID,
                         "chasers": outcome.onCase])
        } else {
            Output.line(CLIText.chaserRecorded.format(context.settings.language, outcome.caseNumber, outcome.version, outcome.onCase))
        }
        return 0
    }
}
