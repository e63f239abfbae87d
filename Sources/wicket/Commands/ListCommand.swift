import WicketCore

enum ListCommand {
    static let spec = CommandSpec(
        name: "list", arguments: [],
        summary: "List cases, most urgent first (open cases unless --status says otherwise).",
        options: [
            .value("--status", "S,...", "only these statuses (e.g. submitted,awaiting_materials)"),
            .value("--service", "CODE", "only this service item"),
            .value("--dept", "CODE", "only this department"),
            .value("--channel", "C", "only this channel (online, mobile, window, phone, mail)"),
            .value("--clerk", "LOGIN", "only cases held by this clerk"),
            .flag("--unassigned", "only cases nobody holds"),
            .flag("--failed-replies", "only cases with a failed reply no clerk has resent or marked handled (any status)"),
            .value("--level", "L", "only this warning level: yellow, red, overdue (or normal, paused)"),
            .value("--search", "TEXT", "cases whose number, ref, applicant, summary or details contain TEXT"),
            .value("--limit", "N", "at most N cases (default 50)"),
            .flag("--json", "print JSON (a list of case objects)"),
        ]
    ) { args, context in
        var filter = CaseFilter()
        let statuses = try args.list("--status").map { text -> CaseStatus in
            guard let status = CaseStatus(rawValue: text) else {
                throw UsageError(en: "unknown status '\(text)' (\(CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")))",
                    zh: "未知状态“\(text)”（\(CaseStatus.allCases.map(\.rawValue).joined(separator: "、"))）")
            }
            return status
        }
        if !statuses.isEmpty { filter.statuses = statuses }
        filter.serviceCode = args.value("--service")
        filter.department = args.value("--dept")
        if let text = args.value("--channel") {
            guard let channel = Channel(rawValue: text) else { throw UsageError(en: "unknown channel '\(text)'",
                zh: "未知渠道“\(text)”") }
            filter.channel = channel
        }
        filter.holder = args.value("--clerk")
        filter.unassignedOnly = args.has("--unassigned")
        // Any status: a failed notice on a closed case needs a clerk as much as any.
        if args.has("--failed-replies") { filter.failedReplies = .any }
        if let text = args.value("--level") {
            guard let level = Level(rawValue: text), level != .none else {
                throw UsageError(en: "unknown level '\(text)' (yellow, red, overdue, normal, paused)",
                    zh: "未知等级“\(text)”（yellow、red、overdue、normal、paused）")
            }
            filter.level = level
        }
        filter.search = args.value("--search")
        filter.limit = try args.int("--limit") ?? 50
        guard filter.limit >= 1 else { throw UsageError(en: "--limit must be at least 1",
            zh: "--limit 至少为 1") }
        let store = try context.openStore()
        // Clerks see their own department's cases, as in the workstation (`CaseAccess`).
        filter.department = try context.access(store).department(requested: filter.department)
        let cases = try CaseQueries.list(filter, in: store)
        if args.has("--json") {
            Output.json(cases.map { JSONShapes.summary($0, store: store) })
            return 0
        }
        guard !cases.isEmpty else {
            Output.line(CLIText.noCasesMatch.text(context.settings.language))
            return 0
        }
        let l = context.settings.language
        var rows = [header.map { $0.text(l) }]
        for item in cases {
            // Codes in English (what --status, --level and --channel take), words in Chinese; --json keeps codes.
            rows.append([item.number, l.code(item.status.rawValue, item.status.word),
                         "\(item.level.mark) \(l.code(item.level.rawValue, item.level.word))", item.serviceCode,
                         Output.safe(item.applicantName), Output.safe(Masking.idNumber(item.applicantIDNumber)),
                         l.code(item.channel.rawValue, item.channel.word),
                         item.dueOn.map { DateText.day($0, language: l) } ?? "-", Output.safe(item.holder ?? "-")])
        }
        Output.table(rows).forEach { Output.line($0) }
        return 0
    }

    static let header = [
        Bilingual(en: "NUMBER", zh: "编号"), Bilingual(en: "STATUS", zh: "状态"), Bilingual(en: "LEVEL", zh: "预警"),
        Bilingual(en: "SERVICE", zh: "事项"), Bilingual(en: "APPLICANT", zh: "申请人"), Bilingual(en: "ID NUMBER", zh: "证件号"),
        Bilingual(en: "CHANNEL", zh: "渠道"), Bilingual(en: "DUE", zh: "到期"), Bilingual(en: "HOLDER", zh: "经办人"),
    ]
}

/// A yes/no cell of a table in the reader's language.
enum YesNo {
    static func text(_ value: Bool, _ language: Language) -> String {
        (value ? Bilingual(en: "yes", zh: "是") : Bilingual(en: "no", zh: "否")).text(language)
    }
}
