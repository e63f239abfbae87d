/// The command line's own messages (success lines, hints, usage problems), in both languages.
/// Machine-readable output (JSON, CSV, `line N: reason`) is not here: it stays the same in any language.
/// `{0}`, `{1}`… are the values; a test checks both languages have every message and the same ones.
public enum CLIText: String, CaseIterable, Sendable {
    case created, imported, userSaved, catalogLoaded, calendarLoaded, templatesLoaded
    case settingSet, settingReset, backedUp, checkOK, checkHead, checkNoEvents
    case deliveryNone, deliverySent, noCasesMatch
    case actLine, actHeldBy, actReplyStored, warning
    case demoSummary, demoLevels, demoTry
    case unknownOption, optionNeedsValue, unknownCommand, seeCommandHelp

    public func text(_ language: Language) -> String {
        let table = language == .zh ? Self.chinese : Self.english
        return table[self] ?? rawValue
    }

    /// The text with `{0}`, `{1}`… replaced by `values`.
    public func format(_ language: Language, _ values: CustomStringConvertible...) -> String {
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
        .actReplyStored: ", reply #{0} stored",
        .warning: "warning: {0}",
        .demoSummary: "demo database {0}: {1} cases, {2} open",
        .demoLevels: "overdue {0}, red {1}, yellow {2}, acceptance overdue {3}",
        .demoTry: "you are {0}, a clerk of PSB; try:",
        .unknownOption: "unknown option {0} (see `wicket help`)",
        .optionNeedsValue: "{0} needs {1}",
        .unknownCommand: "unknown command '{0}' (see `wicket help`)",
        .seeCommandHelp: "See `wicket help COMMAND` for a command's options.",
    ]

    public static let chinese: [CLIText: String] = [
        .created: "已创建 {0}：{2} 个部门共 {1} 个事项；{3} 为管理员",
        .imported: "已导入 {0}，已存在 {1}，错误行 {2}",
        .userSaved: "已保存 {0}（{1}）",
        .catalogLoaded: "已载入 {0} 个事项、{1} 个部门、{2} 种材料",
        .calendarLoaded: "已载入 {0} 个日历日；{1} 件在办案件的到期日已更新",
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
        .actReplyStored: "，答复 #{0} 已保存",
        .warning: "警告：{0}",
        .demoSummary: "演示数据库 {0}：{1} 件案件，{2} 件在办",
        .demoLevels: "已超期 {0}，红色 {1}，黄色 {2}，受理超期 {3}",
        .demoTry: "您是 {0}，公安（PSB）的办事员；可以试试：",
        .unknownOption: "未知选项 {0}（见 `wicket help`）",
        .optionNeedsValue: "{0} 需要 {1}",
        .unknownCommand: "未知命令“{0}”（见 `wicket help`）",
        .seeCommandHelp: "用 `wicket help 命令` 查看某个命令的选项。",
    ]
}
