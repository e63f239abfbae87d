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
        // Reveal first, so the history printed below already names this look at the numbers.
        let revealed = args.has("--reveal")
            ? try context.workflow(store).reveal(caseNumber: args.positionals[0], actor: context.actingUser) : nil
        let detail = try CaseDetail.load(number: args.positionals[0], in: store)
        if args.has("--json") {
            Output.json(JSONShapes.detail(detail, revealed: revealed))
            return 0
        }
        print(detail, store: store, revealed: revealed)
        return 0
    }

    static func print(_ detail: CaseDetail, store: CaseStore, revealed: RevealedApplicant? = nil) {
        let r = detail.record
        let time = store.hallTime
        let safe = { (text: String) in Output.safe(text) }
        Output.line("case \(r.number)  \(r.status.rawValue)  version \(r.version)" + (r.ref.map { "  ref \(safe($0))" } ?? ""))
        if let service = detail.service {
            Output.line("service    \(service.code) \(service.nameZh) / \(service.nameEn) — \(service.department); accept within \(service.acceptanceLimitDays) WD, decide within \(service.promisedLimitDays) WD (legal \(service.legalLimitDays)); fee \(service.fee)")
        }
        let idNumber = revealed.map(\.idNumber) ?? Masking.idNumber(r.applicantIDNumber)
        let phone = revealed.map(\.phone) ?? Masking.phone(r.applicantPhone)
        Output.line("applicant  \(safe(r.applicantName))  ID \(safe(idNumber))  phone \(safe(phone))  lang \(r.language.rawValue)" +
                    (revealed == nil ? "" : "  (full numbers: this look is recorded in the history)"))
        Output.line("channel    \(r.channel.rawValue), priority \(r.priority.rawValue), submitted \(time.display(stored: r.submittedAt)), holder \(safe(r.holder ?? "-"))")
        Output.line("summary    \(safe(r.summary))")
        if !r.details.isEmpty { Output.line("details    \(safe(r.details))") }
        let c = detail.clock
        var clockLine = "clock      \(c.level.mark) \(c.level.rawValue)"
        if let phase = c.phase { clockLine += ", \(phase)" }
        if let due = c.dueOn { clockLine += ", due \(due)" }
        if c.phase != nil { clockLine += ", \(c.daysUsed) of \(c.limitDays) working days used, \(c.daysLeft) left" }
        if c.paused { clockLine += ", PAUSED" }
        if c.pausedDays > 0 { clockLine += ", \(c.pausedDays) paused days" }
        if c.extensionDays > 0 { clockLine += ", extended \(c.extensionDays) days" }
        if c.acceptanceBreached { clockLine += ", acceptance limit was breached" }
        Output.line(clockLine)
        Output.line("\nmaterials")
        for item in detail.materials {
            let name = store.material(item.code).map { "\($0.nameZh) / \($0.nameEn)" } ?? item.code
            Output.line("  [\(item.state.rawValue)] \(item.code) \(name)" + (item.reason.isEmpty ? "" : " — \(safe(item.reason))"))
        }
        Output.line("\nmessages")
        if detail.messages.isEmpty { Output.line("  (none)") }
        for message in detail.messages {
            let arrow = message.direction == "inbound" ? "<-" : "->"
            let state = message.deliveryState.map { " [\($0.rawValue)\(message.lastError.isEmpty ? "" : ": \(safe(message.lastError))")]" } ?? ""
            Output.line("  \(arrow) \(time.display(stored: message.createdAt)) \(message.channel) \(safe(message.author))\(state)")
            Output.line("     " + Output.safe(message.body, multiline: true).replacingOccurrences(of: "\n", with: "\n     "))
        }
        Output.line("\nnotes")
        if detail.notes.isEmpty { Output.line("  (none)") }
        for note in detail.notes {
            Output.line("  \(time.display(stored: note.createdAt)) \(safe(note.author)): \(safe(note.body))")
        }
        if !detail.ratings.isEmpty {
            Output.line("\nratings")
            for rating in detail.ratings {
                Output.line("  \(time.display(stored: rating.ratedAt)) \(rating.rating.rawValue) \(safe(rating.comment))" +
                            (rating.followUp.map { " — follow-up: \(safe($0))" } ?? (rating.rating == .poor ? " — NO FOLLOW-UP YET" : "")))
            }
        }
        Output.line("\nhistory")
        for event in detail.history {
            let move = event.from.map { $0 == event.to ? event.to : "\($0) -> \(event.to)" } ?? event.to
            var line = "  v\(event.version) \(time.display(stored: event.at)) \(safe(event.actor)) \(event.action): \(move)"
            if !event.reason.isEmpty { line += " — \(safe(event.reason))" }
            if event.details != "{}" { line += " \(safe(event.details))" }
            Output.line(line)
        }
    }
}
