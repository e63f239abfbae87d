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
