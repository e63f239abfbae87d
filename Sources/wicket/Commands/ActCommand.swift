import WicketCore

enum ActCommand {
    static let spec = CommandSpec(
        name: "act", arguments: ["CASE", "ACTION"],
        summary: "Take an action on a case (one transaction, one history event).",
        options: [
            .value("--reason", "TEXT", "why (required for reject, deny, suspend, extend, withdraw, transfer; handled-reply: how)"),
            .value("--reason-code", "CODE", "a standard reason of the catalog (reject, deny, suspend, withdraw; see "
                   + "catalog export); its words are the reason unless --reason gives others"),
            .value("--missing", "CODE,...", "request-materials: also mark these materials missing"),
            .value("--materials", "CODE,...", "supplement: materials received; material: items to set"),
            .value("--state", "S", "material: missing, submitted, verified or defective (with --reason)"),
            .value("--to", "LOGIN|DEPT", "assign: the clerk; transfer: the department"),
            .value("--days", "N", "extend: working days"),
            .value("--text", "TEXT", "note / reply text; for other actions replaces the reply template"),
            .value("--rating", "R", "rate: good, fair or poor"),
            .flag("--window", "deliver / supplement: the applicant came to a window"),
            .flag("--online", "deliver: handed over without a window visit"),
            .value("--message", "ID", "resend-reply / handled-reply: the failed reply (as show lists it; default: the only one)"),
            .value("--version", "N", "refuse if the case is no longer at version N"),
            .flag("--json", "print the outcome as JSON"),
        ],
        discussion: "ACTION: " + CaseAction.allCases.map(\.rawValue).joined(separator: " ")
    ) { args, context in
        let actionName = args.positionals[1]
        guard let action = CaseAction(rawValue: actionName) else {
            throw UsageError(en: "unknown action '\(actionName)' (\(CaseAction.allCases.map(\.rawValue).joined(separator: ", ")))",
                zh: "未知操作“\(actionName)”（\(CaseAction.allCases.map(\.rawValue).joined(separator: "、"))）")
        }
        var request = ActionRequest(caseNumber: args.positionals[0], action: action, actor: context.actingUser)
        request.reason = args.value("--reason")
        request.reasonCode = args.value("--reason-code")
        request.missing = args.list("--missing")
        request.materials = args.list("--materials")
        if let text = args.value("--state") {
            guard let state = MaterialState(rawValue: text) else {
                throw UsageError(en: "unknown state '\(text)' (missing, submitted, verified, defective)",
                    zh: "未知材料状态“\(text)”（missing、submitted、verified、defective）")
            }
            request.materialState = state
        }
        request.target = args.value("--to")
        request.days = try args.int("--days")
        request.text = args.value("--text")
        if let text = args.value("--rating") {
            guard let rating = Rating(rawValue: text) else { throw UsageError(en: "unknown rating '\(text)' (good, fair, poor)",
                zh: "未知评价“\(text)”（good、fair、poor）") }
            request.rating = rating
        }
        if args.has("--window") && args.has("--online") { throw UsageError(en: "--window and --online exclude each other",
            zh: "--window 和 --online 不能同时使用") }
        if args.has("--window") { request.atWindow = true }
        if args.has("--online") { request.atWindow = false }
        request.expectedVersion = try args.int("--version")
        request.messageID = try args.int("--message")
        let store = try context.openStore()
        let outcome = try context.workflow(store).perform(request)
        report(outcome, json: args.has("--json"), language: context.settings.language)
        return 0
    }

    static func report(_ outcome: ActionOutcome, json: Bool, language: Language) {
        if json {
            Output.json(JSONShapes.outcome(outcome))
            return
        }
        let status = { (status: CaseStatus) in language.code(status.rawValue, status.word) }
        let move = outcome.from == outcome.to ? status(outcome.to) : "\(status(outcome.from)) -> \(status(outcome.to))"
        let action = language.code(outcome.action.rawValue, outcome.action.word)
        var line = CLIText.actLine.format(language, outcome.caseNumber, action, move, outcome.version)
        if let holder = outcome.holder { line += CLIText.actHeldBy.format(language, holder) }
        if let reply = outcome.replyID { line += CLIText.actReplyStored.format(language, reply) }
        Output.line(line)
        for warning in outcome.warnings(language) { Output.error(CLIText.warning.format(language, warning)) }
    }
}
