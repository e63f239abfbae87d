import WicketCore

enum ActCommand {
    /// More cases than this from one `--filter` need `--yes`: a filter that matches far more than
    /// its author meant (a forgotten `--service`) is stopped before it acts.
    static let confirmAbove = 20

    static let spec = CommandSpec(
        name: "act", arguments: ["CASE?", "ACTION?"],
        summary: "Take an action on a case (one transaction, one history event), or on many, each on its own.",
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
            .value("--version", "N", "refuse if the case is no longer at version N (one case; for many write CASE@N)"),
            .value("--macro", "NAME", "instead of ACTION: the macro's action with its fields, then its note (see macros)"),
            .flag("--filter", "act on every case the list filters below select (as `wicket list` would list them)"),
        ] + CaseFilterOptions.options + [
            .flag("--dry-run", "change nothing: say per case whether the action would be done or refused, and why"),
            .flag("--yes", "--filter: act although more than \(confirmAbove) cases match"),
            .flag("--json", "print the outcome as JSON (many cases: a list, one object per case)"),
        ],
        discussion: "ACTION: " + CaseAction.allCases.map(\.rawValue).joined(separator: " ") + "\n"
            + "Many cases: each is acted on in its own transaction with its own history event and reply; a refused case\n"
            + "changes nothing and never undoes another. Exit status 0: every case done; 1: any refused.",
        synopsis: "(CASE[,CASE[@VERSION]...] | --filter) (ACTION | --macro NAME)"
    ) { args, context in
        let filtered = args.has("--filter")
        let macroName = args.value("--macro")
        guard args.positionals.count == (filtered ? 0 : 1) + (macroName == nil ? 1 : 0) else {
            throw UsageError(en: "usage: wicket act CASE[,CASE...] ACTION, wicket act --filter [list filters] ACTION, "
                + "or --macro NAME instead of ACTION",
                zh: "用法：wicket act CASE[,CASE...] ACTION，或 wicket act --filter [列表筛选条件] ACTION，或以 --macro 名称 代替 ACTION")
        }
        if !filtered && CaseFilterOptions.anyGiven(args) {
            throw UsageError(en: "list filters choose cases only with --filter", zh: "列表筛选条件只能与 --filter 一起使用")
        }
        if macroName != nil, let option = actionOptions.first(where: { args.value($0) != nil || args.has($0) }) {
            throw UsageError(en: "\(option) is the macro's to give, not the command line's (--macro)",
                zh: "使用 --macro 时由宏给出 \(option)，不能在命令行上指定")
        }
        var action = CaseAction.note
        if macroName == nil {
            let actionName = args.positionals.last!
            guard let named = CaseAction(rawValue: actionName) else {
                throw UsageError(en: "unknown action '\(actionName)' (\(CaseAction.allCases.map(\.rawValue).joined(separator: ", ")))",
                    zh: "未知操作“\(actionName)”（\(CaseAction.allCases.map(\.rawValue).joined(separator: "、"))）")
            }
            action = named
        }
        let request = try Self.request(args, action: action, actor: context.actingUser)
        let language = context.settings.language
        // The command line is read whole before the database is opened: a bad one is a usage error (2).
        let options = filtered ? try CaseFilterOptions.filter(from: args) : nil
        let named = filtered ? [] : try Self.targets(args.positionals[0], version: try args.int("--version"))
        let store = try context.openStore()
        let workflow = context.workflow(store)
        let targets: [CaseTarget]
        if var filter = options {
            // The cases this user may see, exactly as `wicket list` would list them (`CaseAccess`).
            filter.department = try context.access(store).department(requested: filter.department)
            let count = try CaseQueries.count(filter, in: store)
            guard count > 0 else {
                if args.has("--json") { Output.json([Any]()) } else { Output.line(CLIText.noCasesMatch.text(language)) }
                return 0
            }
            if count > confirmAbove && !args.has("--yes") && !args.has("--dry-run") {
                throw WorkflowError.invalidArgument(Bilingual(en: CLIText.actNeedsYes.format(.en, count, confirmAbove),
                                                              zh: CLIText.actNeedsYes.format(.zh, count, confirmAbove)))
            }
            filter.limit = count
            targets = try CaseQueries.list(filter, in: store).map { CaseTarget($0.number) }
        } else {
            targets = named
        }
        if let macroName {
            let macro = try MacroRows.named(macroName, in: store)
            let results = workflow.performMacro(macro, on: targets, actor: context.actingUser, dryRun: args.has("--dry-run"))
            report(results, of: macro, json: args.has("--json"), dryRun: args.has("--dry-run"), language: language)
            return results.contains(where: \.isRefused) ? 1 : 0
        }
        // One case named plainly is the classic form: a refusal is the command's error, JSON one object.
        if !filtered, targets.count == 1, !args.positionals[0].contains("@"), !args.has("--dry-run") {
            var one = request
            one.caseNumber = targets[0].number
            one.expectedVersion = targets[0].version
            report(try workflow.perform(one), json: args.has("--json"), language: language)
            return 0
        }
        let results = workflow.performEach(request, on: targets, dryRun: args.has("--dry-run"))
        report(results, of: action, json: args.has("--json"), dryRun: args.has("--dry-run"), language: language)
        return results.contains(where: \.isRefused) ? 1 : 0
    }

    /// The options that say what the action is: a macro says it instead.
    static let actionOptions = ["--reason", "--reason-code", "--missing", "--materials", "--state", "--to", "--days", "--text",
                                "--rating", "--window", "--online", "--message"]

    /// `2026-000001,2026-000002@5`: the cases, each with the version the person saw if given.
    static func targets(_ text: String, version: Int?) throws -> [CaseTarget] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw UsageError(en: "no case named", zh: "未指定案件") }
        if version != nil && parts.count > 1 {
            throw UsageError(en: "--version is for one case; for many write CASE@VERSION",
                zh: "--version 只用于一件案件；多件时写作 CASE@版本")
        }
        return try parts.map { part in
            guard let at = part.firstIndex(of: "@") else { return CaseTarget(part, version: version) }
            let text = part[part.index(after: at)...]
            guard let number = Int(text) else {
                throw UsageError(en: "\(part): the version after @ must be a whole number",
                    zh: "\(part)：@ 后的版本必须是整数")
            }
            return CaseTarget(String(part[..<at]), version: number)
        }
    }

    /// The action's fields from the options, the same for every case it is applied to.
    static func request(_ args: ParsedArguments, action: CaseAction, actor: String) throws -> ActionRequest {
        var request = ActionRequest(caseNumber: "", action: action, actor: actor)
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
        request.messageID = try args.int("--message")
        return request
    }

    static func report(_ outcome: ActionOutcome, json: Bool, language: Language) {
        if json {
            Output.json(JSONShapes.outcome(outcome))
            return
        }
        Output.line(line(outcome, language: language))
        for warning in outcome.warnings(language) { Output.error(CLIText.warning.format(language, warning)) }
    }

    static func line(_ outcome: ActionOutcome, language: Language) -> String {
        var line = CLIText.actLine.format(language, outcome.caseNumber, word(outcome.action, language), move(outcome, language),
                                          outcome.version)
        if let holder = outcome.holder { line += CLIText.actHeldBy.format(language, holder) }
        if let reply = outcome.replyID { line += CLIText.actReplyStored.format(language, reply) }
        return line
    }

    static func word(_ action: CaseAction, _ language: Language) -> String { language.code(action.rawValue, action.word) }

    static func move(_ outcome: ActionOutcome, _ language: Language) -> String {
        let status = { (status: CaseStatus) in language.code(status.rawValue, status.word) }
        return outcome.from == outcome.to ? status(outcome.to) : "\(status(outcome.from)) -> \(status(outcome.to))"
    }

    /// One line per case, then the count; or a JSON list of one object per case.
    static func report(_ results: [CaseResult], of action: CaseAction, json: Bool, dryRun: Bool, language: Language,
                       counted: Bool = true) {
        if json {
            Output.json(results.map { JSONShapes.caseResult($0, action: action) })
            return
        }
        for result in results {
            switch result.outcome {
            case .done(let outcome):
                Output.line(line(outcome, language: language))
                for warning in outcome.warnings(language) {
                    Output.error(CLIText.warning.format(language, "\(outcome.caseNumber): \(warning)"))
                }
            case .wouldBeDone(let outcome):
                Output.line(CLIText.actWouldDo.format(language, outcome.caseNumber, word(outcome.action, language),
                                                      move(outcome, language)))
            case .refused(_, let reason):
                Output.line(CLIText.actRefused.format(language, result.caseNumber, reason.text(language)))
            }
        }
        guard counted else { return }
        let refused = results.filter(\.isRefused).count
        Output.line((dryRun ? CLIText.actManyDry : CLIText.actManyDone).format(language, results.count - refused, refused))
    }

    /// A macro's lines: the action's per case, the note's under it, then the count of cases.
    static func report(_ results: [MacroResult], of macro: Macro, json: Bool, dryRun: Bool, language: Language) {
        if json {
            Output.json(results.map { JSONShapes.macroResult($0, macro: macro) })
            return
        }
        for result in results {
            report([result.action], of: macro.action, json: false, dryRun: dryRun, language: language, counted: false)
            switch result.note?.outcome {
            case .done(let note)?:
                Output.line(CLIText.actNote.format(language, note.caseNumber, note.version))
            case .wouldBeDone(let note)?:
                Output.line(CLIText.actWouldNote.format(language, note.caseNumber))
            case .refused(_, let reason)?:
                Output.line(CLIText.actNoteRefused.format(language, result.caseNumber, reason.text(language)))
            case nil:
                break
            }
        }
        let refused = results.filter(\.isRefused).count
        Output.line((dryRun ? CLIText.actManyDry : CLIText.actManyDone).format(language, results.count - refused, refused))
    }
}
