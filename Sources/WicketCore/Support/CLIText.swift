/// The command line's own messages (success lines, hints, usage problems), in both languages.
/// Machine-readable output (JSON, CSV, the `line N:` before an import reason) is not here: it stays the same in any language.
/// `{0}`, `{1}`… are the values; a test checks both languages have every message and the same ones.
public enum CLIText: String, CaseIterable, Sendable {
    case created, imported, userSaved, catalogLoaded, calendarLoaded, templatesLoaded
    case settingSet, settingReset, backedUp, checkOK, checkHead, checkNoEvents
    case deliveryNone, deliverySent, noCasesMatch
    case actLine, actHeldBy, actReplyStored, warning
    case actWouldDo, actRefused, actManyDone, actManyDry, actNeedsYes, actNote, actWouldNote, actNoteRefused, macrosLoaded, macrosNone
    case noticesRaised, noticesNone, noticeAcknowledged, chaserRecorded
    case viewSaved, viewsNone, viewDeleted, viewPersonal, viewWholeHall, configViews
    case demoSummary, demoLevels, demoTry
    case unknownOption, optionNeedsValue, unknownCommand, seeCommandHelp
    case showCase, showRef, showService, showApplicant, showRevealed, showChannel, showSummary, showDetails
    case showClock, showDue, showDaysUsed, showPaused, showPausedDays, showExtended, showAcceptanceBreached
    case showMaterials, showMessages, showNotes, showRatings, showHistory, showNone, showFollowUp, showNoFollowUp
    case showOnFile, certificatesImported, showDuplicate
    case applicantHeader, applicantOfCase, applicantOpenCases, applicantClosedCases, applicantMoreClosed
    case configFile, configRead, configAbsent, themeFile, themeBuiltIn, themesFound, themeProblem
    case settingDefault, checkFailed, importProgress, calendarYears

    public func text(_ language: Language) -> String {
        let table = language == .zh ? Self.chinese : Self.english
        return table[self] ?? rawValue
    }

    /// The text with `{0}`, `{1}`… replaced by `values`.
    public func format(_ language: Language, _ values: CustomStringConvertible...) -> String {
        format(language, values: values)
    }

    public func format(_ language: Language, values: [CustomStringConvertible]) -> String {
        var result = text(language)
        for (index, value) in values.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: value.description)
        }
        return result
    }

    public static let english: [CLIText: String] = [
        .created: "created {0}: {1} service items in {2} departments; {3} is admin",
        .imported: "imported {0}, already present {1}, bad lines {2}",
        .userSaved: "saved {0} ({1})",
        .catalogLoaded: "loaded {0} service items, {1} departments, {2} materials",
        .calendarLoaded: "loaded {0} calendar days; {1} open cases got new due days",
        .calendarYears: "official holiday schedules: {0}; provisional (statutory holidays computed by rule, no make-up working days): {1}",
        .templatesLoaded: "loaded {0} templates",
        .settingSet: "{0} set; {1} open cases got new warning days",
        .settingReset: "{0} reset to default; {1} open cases got new warning days",
        .backedUp: "backed up {0} to {1}: {2} cases, {3} history events, {4} MB, integrity ok",
        .checkOK: "ok: integrity, foreign keys, append-only history; chain of {0} events intact; {1} cases agree with their history",
        .checkHead: "head hash: {0}",
        .checkNoEvents: "none (no events yet)",
        .deliveryNone: "no delivery command configured; {0} replies wait in the outbox (messages table)",
        .deliverySent: "sent {0}, failed (will retry) {1}, failed permanently {2}",
        .noCasesMatch: "no cases match",
        .actLine: "{0}: {1}, {2}, version {3}",
        .actHeldBy: ", held by {0}",
        .actReplyStored: ", reply #{0} queued for delivery",
        .warning: "warning: {0}",
        .actWouldDo: "{0}: would {1}, {2}",
        .actRefused: "{0}: refused: {1}",
        .actManyDone: "{0} done, {1} refused",
        .actManyDry: "dry run, nothing changed: {0} would be done, {1} would be refused",
        .actNote: "{0}: note added, version {1}",
        .actWouldNote: "{0}: would add the note",
        .actNoteRefused: "{0}: note refused: {1}",
        .macrosLoaded: "loaded {0} macros",
        .noticesRaised: "raised {0} notices",
        .chaserRecorded: "{0}: chaser recorded, version {1} ({2} on this case)",
        .noticesNone: "no notices for you",
        .noticeAcknowledged: "acknowledged notice {0}",
        .viewSaved: "saved view {0}: {1} cases now",
        .viewsNone: "no views (wicket views save NAME [list filters])",
        .viewDeleted: "deleted view {0}",
        .viewPersonal: "only you",
        .viewWholeHall: "the whole hall",
        .configViews: "views: {0}",
        .macrosNone: "no macros loaded (wicket macros load FILE)",
        .actNeedsYes: "{0} cases match; acting on more than {1} at once needs --yes (see them first with --dry-run)",
        .demoSummary: "demo database {0}: {1} cases, {2} open",
        .demoLevels: "overdue {0}, red {1}, yellow {2}, acceptance overdue {3}",
        .demoTry: "you are {0}, a clerk of PSB; try:",
        .unknownOption: "unknown option {0} (see `wicket help`)",
        .optionNeedsValue: "{0} needs {1}",
        .unknownCommand: "unknown command '{0}' (see `wicket help`)",
        .seeCommandHelp: "See `wicket help COMMAND` for a command's options.",
        .showCase: "case {0}  {1}  version {2}",
        .showRef: "  ref {0}",
        .showService: "service    {0} {1} / {2} — {3}; accept within {4} WD, decide within {5} WD (legal {6}); fee {7}",
        .showApplicant: "applicant  {0}  ID {1}  phone {2}  lang {3}",
        .showRevealed: "  (full numbers: this look is recorded in the history)",
        .showChannel: "channel    {0}, priority {1}, submitted {2}, holder {3}",
        .showSummary: "summary    {0}",
        .showDetails: "details    {0}",
        .showClock: "clock      {0} {1}",
        .showDue: ", due {0}",
        .showDaysUsed: ", {0} of {1} working days used, {2} left",
        .showPaused: ", PAUSED",
        .showPausedDays: ", {0} paused days",
        .showExtended: ", extended {0} days",
        .showAcceptanceBreached: ", acceptance limit was breached",
        .showMaterials: "materials",
        .showMessages: "messages",
        .showNotes: "notes",
        .showRatings: "ratings",
        .showHistory: "history",
        .showNone: "(none)",
        .showFollowUp: " — follow-up: {0}",
        .showNoFollowUp: " — NO FOLLOW-UP YET",
        .showDuplicate: "possible duplicate of {0} (the same applicant, the same service, still open)",
        .showOnFile: "      on file: {0} (not asked again; `act CASE material --state verified` confirms it)",
        .certificatesImported: "certificates: added {0}, updated {1}, unchanged {2}, bad lines {3}",
        .applicantHeader: "applicant  {0}  ID {1}  phone {2}",
        .applicantOfCase: "the applicant of case {0}; their other cases you may see:",
        .applicantOpenCases: "Open cases ({0})",
        .applicantClosedCases: "Last closed cases ({0})",
        .applicantMoreClosed: "and {0} closed before",
        .configFile: "config file: {0} ({1})",
        .configRead: "read",
        .configAbsent: "not present",
        .themeFile: "theme file: {0}",
        .themeBuiltIn: "(built in)",
        .themesFound: "themes: {0} (looked in {1})",
        .themeProblem: "theme {0}; using the built-in default",
        .settingDefault: "(default)",
        .checkFailed: "check failed: {0}",
        .importProgress: "import: {0} lines, {1} new",
    ]

    public static let chinese: [CLIText: String] = [
        .created: "已创建 {0}：{2} 个部门共 {1} 个事项；{3} 为管理员",
        .imported: "已导入 {0}，已存在 {1}，错误行 {2}",
        .userSaved: "已保存 {0}（{1}）",
        .catalogLoaded: "已载入 {0} 个事项、{1} 个部门、{2} 种材料",
        .calendarLoaded: "已载入 {0} 个日历日；{1} 件在办案件的到期日已更新",
        .calendarYears: "官方节假日安排：{0}；暂定（按法定节假日规则推算，不含调休上班日）：{1}",
        .templatesLoaded: "已载入 {0} 个模板",
        .settingSet: "已设置 {0}；{1} 件在办案件的预警日已更新",
        .settingReset: "{0} 已恢复默认；{1} 件在办案件的预警日已更新",
        .backedUp: "已将 {0} 备份到 {1}：{2} 件案件，{3} 条历史记录，{4} MB，完整性正常",
        .checkOK: "正常：完整性、外键、只追加历史；{0} 条记录的哈希链完好；{1} 件案件与其历史一致",
        .checkHead: "链头哈希：{0}",
        .checkNoEvents: "无（尚无记录）",
        .deliveryNone: "未配置发送命令；{0} 条答复在发件箱等待（messages 表）",
        .deliverySent: "已发送 {0}，失败（将重试）{1}，永久失败 {2}",
        .noCasesMatch: "没有符合条件的案件",
        .actLine: "{0}：{1}，{2}，版本 {3}",
        .actHeldBy: "，经办人 {0}",
        .actReplyStored: "，答复 #{0} 已排队等待发送",
        .warning: "警告：{0}",
        .actWouldDo: "{0}：将执行{1}，{2}",
        .actRefused: "{0}：被拒绝：{1}",
        .actManyDone: "完成 {0} 件，拒绝 {1} 件",
        .actManyDry: "试运行，未作任何改动：将完成 {0} 件，将拒绝 {1} 件",
        .actNote: "{0}：已添加备注，版本 {1}",
        .actWouldNote: "{0}：将添加备注",
        .actNoteRefused: "{0}：备注被拒绝：{1}",
        .macrosLoaded: "已载入 {0} 个宏",
        .noticesRaised: "已发出 {0} 条催办通知",
        .chaserRecorded: "{0}：已登记催办，版本 {1}（本案共 {2} 次）",
        .noticesNone: "没有发给您的催办通知",
        .noticeAcknowledged: "已确认催办通知 {0}",
        .viewSaved: "已保存视图 {0}：当前 {1} 件案件",
        .viewsNone: "没有视图（wicket views save 名称 [列表筛选条件]）",
        .viewDeleted: "已删除视图 {0}",
        .viewPersonal: "仅本人",
        .viewWholeHall: "全大厅",
        .configViews: "视图：{0}",
        .macrosNone: "尚未载入宏（wicket macros load FILE）",
        .actNeedsYes: "符合条件的案件有 {0} 件；一次操作超过 {1} 件须加 --yes（可先用 --dry-run 查看）",
        .demoSummary: "演示数据库 {0}：{1} 件案件，{2} 件在办",
        .demoLevels: "已超期 {0}，红色 {1}，黄色 {2}，受理超期 {3}",
        .demoTry: "您是 {0}，公安（PSB）的办事员；可以试试：",
        .unknownOption: "未知选项 {0}（见 `wicket help`）",
        .optionNeedsValue: "{0} 需要 {1}",
        .unknownCommand: "未知命令“{0}”（见 `wicket help`）",
        .seeCommandHelp: "用 `wicket help 命令` 查看某个命令的选项。",
        .showCase: "案件 {0}  {1}  版本 {2}",
        .showRef: "  编号 {0}",
        .showService: "事项       {0} {1} / {2} — {3}；{4} 个工作日内受理，{5} 个工作日内办结（法定 {6}）；收费 {7}",
        .showApplicant: "申请人     {0}  证件号 {1}  电话 {2}  语言 {3}",
        .showRevealed: "  （完整号码：本次查看已记入历史）",
        .showChannel: "渠道       {0}，优先级 {1}，提交于 {2}，经办人 {3}",
        .showSummary: "摘要       {0}",
        .showDetails: "详情       {0}",
        .showClock: "时限       {0} {1}",
        .showDue: "，{0} 到期",
        .showDaysUsed: "，已用 {0}/{1} 个工作日，剩余 {2}",
        .showPaused: "，已暂停",
        .showPausedDays: "，暂停 {0} 天",
        .showExtended: "，延期 {0} 天",
        .showAcceptanceBreached: "，曾超出受理时限",
        .showMaterials: "材料",
        .showMessages: "消息",
        .showNotes: "备注",
        .showRatings: "评价",
        .showHistory: "历史",
        .showNone: "（无）",
        .showFollowUp: " — 回访：{0}",
        .showNoFollowUp: " — 尚未回访",
        .showDuplicate: "可能与 {0} 重复（同一申请人、同一事项、仍在办理）",
        .showOnFile: "      已有存档：{0}（不再要求提交；`act 案件 material --state verified` 确认）",
        .certificatesImported: "电子证照：新增 {0}，更新 {1}，未变 {2}，错误行 {3}",
        .applicantHeader: "申请人     {0}  证件号 {1}  电话 {2}",
        .applicantOfCase: "案件 {0} 的申请人；您可查看的其他案件：",
        .applicantOpenCases: "在办案件（{0}）",
        .applicantClosedCases: "最近办结的案件（{0}）",
        .applicantMoreClosed: "更早办结的还有 {0} 件",
        .configFile: "配置文件：{0}（{1}）",
        .configRead: "已读取",
        .configAbsent: "不存在",
        .themeFile: "主题文件：{0}",
        .themeBuiltIn: "（内置）",
        .themesFound: "主题：{0}（查找位置：{1}）",
        .themeProblem: "主题 {0}；改用内置默认主题",
        .settingDefault: "（默认）",
        .checkFailed: "检查未通过：{0}",
        .importProgress: "导入：已读 {0} 行，新增 {1} 件",
    ]
}
