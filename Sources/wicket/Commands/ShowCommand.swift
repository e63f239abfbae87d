import WicketCore

enum ShowCommand {
    static let spec = CommandSpec(
        name: "show", arguments: ["CASE"],
        summary: "Show a case: applicant, clock, materials, messages, notes and the full history.",
        options: [
            .flag("--json", "print JSON"),
            .flag("--reveal", "show the full ID and phone numbers (supervisors, admins, clerks of the case's department; recorded in the history)"),
        ]
    ) { args, context in
        let store = try context.openStore()
        let access = try context.access(store)
        try access.requireCases()
        // Reveal first, so the history printed below already names this look at the numbers.
        let revealed = args.has("--reveal")
            ? try context.workflow(store).reveal(caseNumber: args.positionals[0], actor: context.actingUser) : nil
        // A case this user may not see is refused in the words used for a missing one.
        let detail = try CaseDetail.load(number: args.positionals[0], in: store, for: access)
        if args.has("--json") {
            Output.json(JSONShapes.detail(detail, revealed: revealed))
            return 0
        }
        print(detail, store: store, revealed: revealed, language: context.settings.language)
        return 0
    }

    static func print(_ detail: CaseDetail, store: CaseStore, revealed: RevealedApplicant? = nil, language: Language) {
        let r = detail.record
        let time = store.hallTime
        // Instants and days as the reader writes them (`--json` keeps RFC 3339 and ISO days).
        let when = { (stored: String?) in DateText.moment(stored: stored, hallTime: time, language: language) }
        // Codes in English (what options take), words in Chinese.
        let code = { (code: String, word: Bilingual) in language.code(code, word) }
        let safe = { (text: String) in Output.safe(text) }
        let say = { (message: CLIText, values: [CustomStringConvertible]) in message.format(language, values: values) }
        Output.line(say(.showCase, [r.number, code(r.status.rawValue, r.status.word), r.version]) + (r.ref.map { say(.showRef, [safe($0)]) } ?? ""))
        if let service = detail.service {
            Output.line(say(.showService, [service.code, service.nameZh, service.nameEn, service.department, service.acceptanceLimitDays,
                                          service.promisedLimitDays, service.legalLimitDays, service.fee]))
        }
        let idNumber = r.applicantDocument.label(revealed.map(\.idNumber) ?? Masking.idNumber(r.applicantIDNumber), language)
        let phone = revealed.map(\.phone) ?? Masking.phone(r.applicantPhone)
        Output.line(say(.showApplicant, [safe(r.applicantName), safe(idNumber), safe(phone), code(r.language.rawValue, r.language.word)]) +
                    (revealed == nil ? "" : say(.showRevealed, [])))
        if !detail.possibleDuplicates.isEmpty {
            Output.line(say(.showDuplicate, [detail.possibleDuplicates.joined(separator: language == .zh ? "、" : ", ")]))
        }
        Output.line(say(.showChannel, [code(r.channel.rawValue, r.channel.word), code(r.priority.rawValue, r.priority.word), when(r.submittedAt),
                                          safe(r.holder ?? "-")]))
        Output.line(say(.showSummary, [safe(r.summary)]))
        if !r.details.isEmpty { Output.line(say(.showDetails, [safe(r.details)])) }
        let c = detail.clock
        var clockLine = say(.showClock, [c.level.mark, code(c.level.rawValue, c.level.word)])
        if let phase = c.phase { clockLine += (language == .zh ? "，" : ", ") + code(phase, PhaseWord.word(phase)) }
        if let due = c.dueText(language) { clockLine += say(.showDue, [due]) }
        if c.phase != nil { clockLine += say(.showDaysUsed, [c.daysUsed, c.limitDays, c.daysLeft]) }
        if c.paused { clockLine += say(.showPaused, []) }
        if c.pausedDays > 0 { clockLine += say(.showPausedDays, [c.pausedDays]) }
        if c.extensionDays > 0 { clockLine += say(.showExtended, [c.extensionDays]) }
        if c.acceptanceBreached { clockLine += say(.showAcceptanceBreached, []) }
        Output.line(clockLine)
        Output.line("\n" + say(.showMaterials, []))
        for item in detail.materials {
            let name = store.material(item.code).map { "\($0.nameZh) / \($0.nameEn)" } ?? item.code
            Output.line("  [\(code(item.state.rawValue, item.state.word))] \(item.code) \(name)" + (item.reason.isEmpty ? "" : " — \(safe(item.reason))"))
            if let source = detail.onFile[item.code] { Output.line(say(.showOnFile, [safe(source.text(language, hallTime: time))])) }
        }
        Output.line("\n" + say(.showMessages, []))
        if detail.messages.isEmpty { Output.line("  " + say(.showNone, [])) }
        for message in detail.messages {
            let arrow = message.direction == "inbound" ? "<-" : "->"
            // The reply's id: what resend-reply and handled-reply take (--message ID).
            let state = DeliveryText.describe(message, hallTime: time, today: store.today).map { " [\(safe($0.text(language)))]" } ?? ""
            let channel = Channel(rawValue: message.channel).map { code($0.rawValue, $0.word) } ?? message.channel
            Output.line("  \(arrow) #\(message.id) \(when(message.createdAt)) \(channel) \(safe(message.author))\(state)")
            Output.line("     " + Output.safe(message.body, multiline: true).replacingOccurrences(of: "\n", with: "\n     "))
        }
        Output.line("\n" + say(.showNotes, []))
        if detail.notes.isEmpty { Output.line("  " + say(.showNone, [])) }
        for note in detail.notes {
            Output.line("  \(when(note.createdAt)) \(safe(note.author))\(language == .zh ? "：" : ": ")\(safe(note.body))")
        }
        if !detail.ratings.isEmpty {
            Output.line("\n" + say(.showRatings, []))
            for rating in detail.ratings {
                Output.line("  \(when(rating.ratedAt)) \(code(rating.rating.rawValue, rating.rating.word)) \(safe(rating.comment))" +
                            (rating.followUp.map { say(.showFollowUp, [safe($0)]) } ?? (rating.rating == .poor ? say(.showNoFollowUp, []) : "")))
            }
        }
        Output.line("\n" + say(.showHistory, []))
        for event in detail.history {
            let status = { (stored: String) in code(stored, CaseStatus.word(stored: stored)) }
            let move = event.from.map { $0 == event.to ? status(event.to) : "\(status($0)) -> \(status(event.to))" } ?? status(event.to)
            let action = code(event.action, CaseAction.historyWord(event.action))
            var line = "  v\(event.version) \(when(event.at)) \(safe(event.actor)) \(action)\(language == .zh ? "：" : ": ")\(move)"
            if !event.reason.isEmpty { line += " — \(safe(event.reason))" }
            if event.details != "{}" { line += " \(safe(event.details))" }
            Output.line(line)
        }
    }
}
