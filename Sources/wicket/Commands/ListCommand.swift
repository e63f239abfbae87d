import WicketCore

enum ListCommand {
    static let spec = CommandSpec(
        name: "list", arguments: [],
        summary: "List cases, most urgent first (open cases unless --status says otherwise).",
        options: CaseFilterOptions.options + [
            .value("--view", "NAME", "the cases of this saved view (see views; no other filter with it)"),
            .value("--limit", "N", "at most N cases (default 50)"),
            .flag("--json", "print JSON (a list of case objects)"),
        ]
    ) { args, context in
        if args.value("--view") != nil && CaseFilterOptions.anyGiven(args) {
            throw UsageError(en: "--view is a saved filter: no other filter with it", zh: "--view 是保存的筛选条件，不能再加其他筛选条件")
        }
        // The command line is read whole before the database is opened: a bad one is a usage error (2).
        let limit = try args.int("--limit") ?? 50
        guard limit >= 1 else { throw UsageError(en: "--limit must be at least 1", zh: "--limit 至少为 1") }
        let options = try CaseFilterOptions.filter(from: args)
        let store = try context.openStore()
        var filter: CaseFilter
        if let name = args.value("--view") {
            filter = try ViewsCommand.filter(try ViewRows.named(name, for: context.actingUser, in: store), store: store, context: context)
        } else {
            filter = options
            // Clerks see their own department's cases, as in the workstation (`CaseAccess`).
            filter.department = try context.access(store).department(requested: filter.department)
        }
        filter.limit = limit
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
