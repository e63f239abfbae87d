import WicketCore

/// The filters of `wicket list`, declared once and read once: `list`, `act --filter` (and saved
/// views) take the same options with the same meaning and the same refusals.
enum CaseFilterOptions {
    static let options: [Option] = [
        .value("--status", "S,...", "only these statuses (e.g. submitted,awaiting_materials)"),
        .value("--service", "CODE", "only this service item"),
        .value("--dept", "CODE", "only this department"),
        .value("--channel", "C", "only this channel (online, mobile, window, phone, mail)"),
        .value("--clerk", "LOGIN", "only cases held by this clerk"),
        .flag("--unassigned", "only cases nobody holds"),
        .flag("--failed-replies", "only cases with a failed reply no clerk has resent or marked handled (any status)"),
        .value("--level", "L", "only this warning level: yellow, red, overdue (or normal, paused)"),
        .value("--search", "TEXT", "cases whose number, ref, applicant, summary or details contain TEXT"),
    ]

    /// The Chinese lines of the options above (`HelpText`), for every command that takes them.
    static let helpZh: [String: String] = [
        "--status": "只列这些状态（例如 submitted,awaiting_materials）",
        "--service": "只列该事项",
        "--dept": "只列该部门",
        "--channel": "只列该渠道（online、mobile、window、phone、mail）",
        "--clerk": "只列该办事员经办的案件",
        "--unassigned": "只列无人经办的案件",
        "--failed-replies": "只列有发送失败、尚无人重发或处理的答复的案件（任何状态）",
        "--level": "只列该预警等级：yellow、red、overdue（或 normal、paused）",
        "--search": "编号、ref、申请人、摘要或详情中含有 TEXT 的案件",
    ]

    /// Whether any of the filters was given (an `act --filter` without one would mean every open case).
    static func anyGiven(_ args: ParsedArguments) -> Bool {
        options.contains { args.value($0.name) != nil || args.has($0.name) }
    }

    /// The filter the options describe; the department is not yet limited by who asks (`CaseAccess`).
    static func filter(from args: ParsedArguments) throws -> CaseFilter {
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
        return filter
    }
}
