import Foundation
import WicketCore

/// `wicket consult`: consultations (咨询) from the command line — register, list, show, draft,
/// answer, close, convert and import. Every change goes through `ConsultationDesk`.
enum ConsultCommand {
    static let verbs = ["add", "list", "show", "draft", "answer", "close", "convert", "import", "report"]

    static let spec = CommandSpec(
        name: "consult", arguments: ["VERB", "NUMBER|FILE?"],
        summary: "Consultations: register, list, show, draft, answer, close, convert, import, report.",
        options: [
            .value("--channel", "C", "add: online, mobile, window, phone or mail"),
            .value("--name", "TEXT", "add: who asks"),
            .value("--phone", "TEXT", "add: their phone"),
            .value("--id-number", "TEXT", "add: their ID number (optional)"),
            .value("--id-type", "T", "add: what --id-number is (default resident_id)"),
            .value("--service", "CODE", "add: the service item asked about; convert: the item to apply for"),
            .value("--case", "NUMBER", "add: the case asked about"),
            .value("--dept", "CODE", "add: the department to answer (else the item's or the case's); list: one department"),
            .value("--lang", "zh|en", "add: the language to answer in (default zh)"),
            .value("--question", "TEXT", "add: the question"),
            .value("--answered", "TEXT", "add: a phone or window question answered on the spot: what was said"),
            .value("--text", "TEXT", "answer: the reply"),
            .flag("--draft", "answer: reply with the template's draft (the item's whole checklist, limits, fee, where to apply)"),
            .value("--as-status", "S", "close: referred, duplicate or no_reply_needed"),
            .value("--reason", "TEXT", "close: why"),
            .value("--version", "N", "answer, close, convert: refuse if the consultation is no longer at version N"),
            .flag("--all", "list: every consultation, newest first (default: open ones, most urgent first)"),
            .value("--limit", "N", "list: at most N (default 50)"),
            .value("--period", "P", "report: today, week, 30d (default), Nd, or YYYY-MM-DD..YYYY-MM-DD"),
            .flag("--json", "print JSON"),
        ],
        discussion: """
            VERB: \(verbs.joined(separator: " "))
            An open consultation runs a response clock in working hours (settings consult_hours_CHANNEL; default 24 = one
            working day, mail 72). Import: one consultation per JSON Line (README, "Consultation import format"); a line
            whose ref is registered changes nothing; bad lines are reported as `line N: reason`. Admins and portal logins import.
            """
    ) { args, context in
        let verb = args.positionals[0]
        guard verbs.contains(verb) else {
            throw UsageError(en: "consult takes \(verbs.joined(separator: ", ")), not '\(verb)'",
                             zh: "consult 后接 \(verbs.joined(separator: "、"))，而不是“\(verb)”")
        }
        let store = try context.openStore()
        var desk = ConsultationDesk(store: store)
        desk.actedBy = context.actedBy
        let language = context.settings.language
        let json = args.has("--json")
        func target() throws -> String {
            guard args.positionals.count > 1 else {
                throw UsageError(en: "consult \(verb) needs a consultation number", zh: "consult \(verb) 需要咨询编号")
            }
            return args.positionals[1]
        }
        switch verb {
        case "add":
            let consultation = try desk.ask(try question(args, clock: store.clock), actor: context.actingUser)
            report(consultation, store: store, json: json, language: language)
        case "list":
            let access = try context.access(store)
            try access.requireCases()
            let limit = try args.int("--limit") ?? 50
            let list = args.has("--all")
                ? try ConsultationQueries.all(in: store, for: access, department: args.value("--dept"), limit: limit)
                : try ConsultationQueries.open(in: store, for: access, department: args.value("--dept"), limit: limit)
            if json {
                Output.json(list.map { shape($0, store: store) })
            } else if list.isEmpty {
                Output.line(ConsultText.none.text(language))
            } else {
                for c in list { Output.line(line(c, store: store, language: language)) }
            }
        case "show":
            let detail = try ConsultationQueries.detail(number: try target(), in: store, for: try context.access(store))
            if json { Output.json(detailShape(detail, store: store)) } else { print(detail, store: store, language: language) }
        case "draft":
            Output.line(Output.safe(try desk.draft(number: try target(), actor: context.actingUser), multiline: true))
        case "answer":
            let number = try target()
            let text: String
            if args.has("--draft") {
                text = try desk.draft(number: number, actor: context.actingUser)
            } else if let given = args.value("--text") {
                text = given
            } else {
                throw UsageError(en: "consult answer needs --text TEXT or --draft", zh: "consult answer 需要 --text 文本 或 --draft")
            }
            let answered = try desk.answer(number: number, text: text, actor: context.actingUser, expectedVersion: try args.int("--version"))
            if json {
                var shaped = shape(answered.consultation, store: store)
                shaped["reply_id"] = answered.replyID
                Output.json(shaped)
            } else {
                Output.line(ConsultText.answered.format(language, number, answered.consultation.version))
            }
        case "close":
            guard let text = args.value("--as-status"), let status = ConsultationStatus(rawValue: text),
                  ConsultationStatus.closings.contains(status) else {
                throw UsageError(en: "consult close needs --as-status referred, duplicate or no_reply_needed",
                                 zh: "consult close 需要 --as-status referred、duplicate 或 no_reply_needed")
            }
            let closed = try desk.close(number: try target(), as: status, reason: args.value("--reason") ?? "",
                                        actor: context.actingUser, expectedVersion: try args.int("--version"))
            report(closed, store: store, json: json, language: language)
        case "convert":
            let converted = try desk.convert(number: try target(), serviceCode: args.value("--service"), actor: context.actingUser,
                                             expectedVersion: try args.int("--version"))
            if json {
                var shaped = shape(converted.consultation, store: store)
                shaped["case_version"] = converted.caseRecord.version
                Output.json(shaped)
            } else {
                Output.line(ConsultText.converted.format(language, converted.consultation.number, converted.caseRecord.number))
            }
        case "report":
            let period = try args.value("--period").map { text -> ReportPeriod in
                guard let period = ReportPeriod(text) else { throw UsageError(en: "bad --period '\(text)'", zh: "--period 取值有误：“\(text)”") }
                return period
            } ?? .days(30)
            let department = try context.access(store).department(requested: args.value("--dept"))
            let report = try ConsultationReport.build(store: store, period: period, department: department)
            if json {
                Output.json(reportShape(report))
            } else {
                printReport(report, language: language)
            }
        default:
            return try importFile(try target(), store: store, context: context)
        }
        return 0
    }

    static func question(_ args: ParsedArguments, clock: WallClock) throws -> Question {
        func required(_ name: String) throws -> String {
            guard let value = args.value(name) else {
                throw UsageError(en: "consult add needs \(name)", zh: "consult add 需要 \(name)")
            }
            return value
        }
        let channelText = try required("--channel")
        guard let channel = Channel(rawValue: channelText) else {
            throw UsageError(en: "unknown channel '\(channelText)' (online, mobile, window, phone, mail)",
                             zh: "未知渠道“\(channelText)”（online、mobile、window、phone、mail）")
        }
        let documentText = args.value("--id-type") ?? IdentityDocument.residentID.rawValue
        guard let document = IdentityDocument(rawValue: documentText) else {
            throw UsageError(en: "unknown --id-type '\(documentText)'", zh: "未知证件类型“\(documentText)”")
        }
        let languageText = args.value("--lang") ?? "zh"
        guard let language = Language(rawValue: languageText) else {
            throw UsageError(en: "--lang takes zh or en", zh: "--lang 取 zh 或 en")
        }
        return Question(channel: channel, askedAt: clock.now, askerName: try required("--name"), askerPhone: args.value("--phone") ?? "",
                        askerIDNumber: args.value("--id-number") ?? "", askerDocument: document, language: language,
                        serviceCode: args.value("--service"), caseNumber: args.value("--case"), department: args.value("--dept"),
                        question: try required("--question"), answeredOnTheSpot: args.value("--answered"))
    }

    static func importFile(_ path: String, store: CaseStore, context: CommandContext) throws -> Int32 {
        let handle = try ProcessTrust.asCaller { try ImportCommand.openInput(path) }
        try context.access(store).requireImport()
        let summary = try ConsultationImport(store: store, actor: context.actingUser).run(from: handle)
        let language = context.settings.language
        for error in summary.errors { Output.error(error.message(language)) }
        Output.line(CLIText.imported.format(language, summary.imported, summary.alreadyPresent, summary.errors.count))
        return summary.errors.isEmpty ? 0 : 1
    }

    /// `--json`, here and inside `report --json`: every key present, null for no value.
    static func reportShape(_ report: ConsultationReport) -> [String: Any] {
        func figures(_ f: ConsultationReport.Figures) -> [String: Any] {
            ["key": f.key, "received": f.received, "answered": f.answered, "answered_on_time": f.answeredOnTime,
             "late": f.late, "converted": f.converted]
        }
        return ["period_start": report.periodStart.description, "period_end": report.periodEnd.description,
                "department": report.department ?? NSNull(), "total": figures(report.total),
                "by_channel": report.byChannel.map(figures), "by_department": report.byDepartment.map(figures),
                "first_answer_median_hours": report.firstAnswerMedianHours ?? NSNull(),
                "first_answer_p90_hours": report.firstAnswerP90Hours ?? NSNull()]
    }

    /// `report --csv`: section `consultations`, key `SCOPE FIGURE` (`total received`, `online late`,
    /// `PSB converted`), plus the first answer's median and p90 hours.
    static func csvRows(_ report: ConsultationReport) -> [[String]] {
        var rows: [[String]] = []
        for f in [report.total] + report.byChannel + report.byDepartment {
            for (name, value) in [("received", f.received), ("answered", f.answered), ("answered on time", f.answeredOnTime),
                                  ("late", f.late), ("converted", f.converted)] {
                rows.append(["consultations", "\(f.key) \(name)", String(value)])
            }
        }
        let hours = { (value: Double?) in value.map { String(format: "%.1f", $0) } ?? "" }
        rows.append(["consultations", "first answer median hours", hours(report.firstAnswerMedianHours)])
        rows.append(["consultations", "first answer p90 hours", hours(report.firstAnswerP90Hours)])
        return rows
    }

    /// The figures as lines: the period, the totals, then per channel and per department.
    static func printReport(_ report: ConsultationReport, language: Language) {
        let say = { (text: ConsultText, values: [CustomStringConvertible]) in text.format(language, values: values) }
        Output.line(say(.reportPeriod, [report.periodStart, report.periodEnd, report.department ?? "-"]))
        let hours = { (value: Double?) in value.map { String(format: "%.1f", $0) } ?? "-" }
        Output.line(say(.reportFirstAnswer, [hours(report.firstAnswerMedianHours), hours(report.firstAnswerP90Hours)]))
        Output.line(say(.reportHeader, []))
        func line(_ label: String, _ f: ConsultationReport.Figures) {
            let padded = label + String(repeating: " ", count: max(1, 14 - UntrustedText.width(label)))
            let cells = [f.received, f.answered, f.answeredOnTime, f.late, f.converted]
                .map { String($0).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined()
            Output.line("  " + padded + cells.trimmingCharacters(in: .whitespaces))
        }
        line(ConsultText.reportTotal.text(language), report.total)
        for f in report.byChannel { line(Channel(rawValue: f.key).map { language.code($0.rawValue, $0.word) } ?? f.key, f) }
        for f in report.byDepartment { line(f.key, f) }
    }

    static func report(_ c: Consultation, store: CaseStore, json: Bool, language: Language) {
        if json { Output.json(shape(c, store: store)) } else { Output.line(line(c, store: store, language: language)) }
    }

    /// One line of a list: mark, number, status, due, channel, department, asker, question.
    static func line(_ c: Consultation, store: CaseStore, language: Language) -> String {
        let level = c.level(at: store.clock.now)
        let due = c.status == .open ? c.marks.map { DateText.moment(stored: Timestamp.format($0.dueAt), hallTime: store.hallTime, language: language) } : nil
        let question = c.question.count > 40 ? String(c.question.prefix(40)) + "…" : c.question
        return [level.mark.padding(toLength: 2, withPad: " ", startingAt: 0), c.number,
                language.code(c.status.rawValue, c.status.word), due ?? "-", language.code(c.channel.rawValue, c.channel.word),
                c.department, Output.safe(c.askerName), Output.safe(question.replacingOccurrences(of: "\n", with: " "))]
            .joined(separator: "  ")
    }

    static func print(_ detail: ConsultationDetail, store: CaseStore, language: Language) {
        let c = detail.record
        let when = { (stored: String?) in DateText.moment(stored: stored, hallTime: store.hallTime, language: language) }
        let say = { (text: ConsultText, values: [CustomStringConvertible]) in text.format(language, values: values) }
        Output.line(say(.showHead, [c.number, language.code(c.status.rawValue, c.status.word), c.version]) + (c.ref.map { " ref \(Output.safe($0))" } ?? ""))
        Output.line(say(.showAsker, [Output.safe(c.askerName), c.askerIDNumber.isEmpty ? "-" : Output.safe(c.askerDocument.label(Masking.idNumber(c.askerIDNumber), language)),
                                     c.askerPhone.isEmpty ? "-" : Output.safe(Masking.phone(c.askerPhone)), language.code(c.channel.rawValue, c.channel.word), when(c.askedAt)]))
        let service = c.serviceCode.flatMap(store.service).map { "\($0.code) \($0.name(language))" } ?? "-"
        Output.line(say(.showAbout, [Output.safe(service), c.caseNumber ?? "-", c.department, c.holder ?? "-"]))
        if c.status == .open, let marks = c.marks {
            Output.line(say(.showClock, [detail.level.mark, language.code(detail.level.rawValue, detail.level.word), when(Timestamp.format(marks.dueAt))]))
        }
        Output.line(say(.showQuestion, [Output.safe(c.question, multiline: true)]))
        if !c.answer.isEmpty {
            let onTime = c.answeredOnTime.map { $0 ? ConsultText.onTime.text(language) : ConsultText.late.text(language) } ?? ""
            Output.line(say(.showAnswer, [when(c.answeredAt), onTime, Output.safe(c.answer, multiline: true)]))
        }
        if !c.closedReason.isEmpty { Output.line(say(.showReason, [Output.safe(c.closedReason)])) }
        if let number = c.convertedCaseNumber { Output.line(say(.showConverted, [number])) }
        for reply in detail.replies {
            Output.line(say(.showReply, [reply.id, when(reply.createdAt), reply.author, language.code(reply.deliveryState.rawValue, reply.deliveryState.word), reply.attempts]))
        }
        Output.line(ConsultText.showHistory.text(language))
        for event in detail.events {
            let status = { (stored: String?) in language.code(stored ?? "-", ConsultationAction.statusWord(stored)) }
            Output.line("  #\(event.id) \(when(event.at)) \(event.actor) \(language.code(event.action, ConsultationAction.word(event.action))) "
                        + "\(status(event.from)) → \(status(event.to)) v\(event.version)"
                        + (event.reason.isEmpty ? "" : " — \(Output.safe(event.reason))"))
        }
    }

    /// `--json`: stable keys, instants in RFC 3339, ID and phone numbers masked as in `show`.
    static func shape(_ c: Consultation, store: CaseStore) -> [String: Any] {
        var out: [String: Any] = [
            "number": c.number, "status": c.status.rawValue, "version": c.version, "channel": c.channel.rawValue,
            "asker": ["name": c.askerName, "phone": Masking.phone(c.askerPhone), "id_number": Masking.idNumber(c.askerIDNumber),
                      "id_type": c.askerDocument.rawValue],
            "lang": c.language.rawValue, "department": c.department, "question": c.question, "asked_at": c.askedAt,
            "level": c.level(at: store.clock.now).rawValue, "answer": c.answer, "closed_reason": c.closedReason,
        ]
        // Absent values are null, never missing (README "JSON output").
        let optional: [String: Any?] = [
            "ref": c.ref, "service": c.serviceCode, "case": c.caseNumber, "holder": c.holder,
            "due_at": c.status == .open ? c.marks.map { Timestamp.format($0.dueAt) } : nil, "answered_at": c.answeredAt,
            "answered_on_time": c.answeredOnTime, "converted_case": c.convertedCaseNumber,
        ]
        for (key, value) in optional { out[key] = value ?? NSNull() }
        return out
    }

    static func detailShape(_ detail: ConsultationDetail, store: CaseStore) -> [String: Any] {
        var out = shape(detail.record, store: store)
        out["replies"] = detail.replies.map { ["id": $0.id, "author": $0.author, "body": $0.body, "created_at": $0.createdAt,
                                                "delivery_state": $0.deliveryState.rawValue, "attempts": $0.attempts,
                                                "last_error": $0.lastError] as [String: Any] }
        out["history"] = detail.events.map { event -> [String: Any] in
            var e: [String: Any] = ["id": event.id, "at": event.at, "actor": event.actor, "action": event.action, "to_status": event.to,
                                    "reason": event.reason, "version": event.version, "details": event.details]
            e["from_status"] = event.from ?? NSNull()
            return e
        }
        return out
    }
}

/// The consult command's own lines, in both languages (codes stay English in English only).
enum ConsultText: String, CaseIterable {
    case none, answered, converted, showHead, showAsker, showAbout, showClock, showQuestion, showAnswer, showReason
    case showConverted, showReply, showHistory, onTime, late
    case reportPeriod, reportFirstAnswer, reportHeader, reportTotal, reportSection

    static let english: [ConsultText: String] = [
        .none: "no consultations",
        .answered: "{0} answered (version {1}); the reply is queued for delivery",
        .converted: "{0} became case {1}",
        .showHead: "Consultation {0}  {1}  version {2}",
        .showAsker: "Asker: {0}  ID {1}  phone {2}  via {3} at {4}",
        .showAbout: "About: service {0}  case {1}  department {2}  holder {3}",
        .showClock: "Clock: {0} {1}, due {2}",
        .showQuestion: "Question: {0}",
        .showAnswer: "Answer ({0}, {1}): {2}",
        .showReason: "Closed because: {0}",
        .showConverted: "Became case {0}",
        .showReply: "Reply #{0} {1} by {2}: {3}, {4} tries",
        .showHistory: "History:",
        .onTime: "on time",
        .late: "late",
        .reportPeriod: "Consultations received {0} to {1} (department {2}), and what became of them:",
        .reportFirstAnswer: "first answer: median {0} working hours, p90 {1}",
        .reportHeader: "                received answered on time late     converted",
        .reportTotal: "all",
        .reportSection: "consultations",
    ]

    static let chinese: [ConsultText: String] = [
        .none: "没有咨询",
        .answered: "{0} 已答复（版本 {1}）；答复已排队等待发送",
        .converted: "{0} 已转为案件 {1}",
        .showHead: "咨询 {0}  {1}  版本 {2}",
        .showAsker: "咨询人：{0}  证件号 {1}  电话 {2}  {3}渠道，{4}",
        .showAbout: "关于：事项 {0}  案件 {1}  部门 {2}  经办人 {3}",
        .showClock: "时限：{0} {1}，{2} 前答复",
        .showQuestion: "问题：{0}",
        .showAnswer: "答复（{0}，{1}）：{2}",
        .showReason: "结束理由：{0}",
        .showConverted: "已转为案件 {0}",
        .showReply: "答复 #{0} {1} 由 {2}：{3}，尝试 {4} 次",
        .showHistory: "历史：",
        .onTime: "按时",
        .late: "超时",
        .reportPeriod: "{0} 至 {1} 收到的咨询（部门 {2}）及其结果：",
        .reportFirstAnswer: "首次答复用时：中位数 {0} 个工作小时，90 分位 {1}",
        .reportHeader: "                收到     已答复   按时     超时     转为申请",
        .reportTotal: "合计",
        .reportSection: "咨询",
    ]

    func text(_ language: Language) -> String { (language == .zh ? Self.chinese : Self.english)[self] ?? rawValue }

    func format(_ language: Language, _ values: CustomStringConvertible...) -> String { format(language, values: values) }

    func format(_ language: Language, values: [CustomStringConvertible]) -> String {
        var result = text(language)
        for (index, value) in values.enumerated() { result = result.replacingOccurrences(of: "{\(index)}", with: value.description) }
        return result
    }
}
