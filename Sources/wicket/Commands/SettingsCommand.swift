import Foundation
import WicketCore

enum SettingsCommand {
    /// What may be set, and how a value is checked.
    static let keys: [(String, String, @Sendable (String) -> Bool)] = hallKeys + responseKeys + bookingKeys

    static let hallKeys: [(String, String, @Sendable (String) -> Bool)] = [
        ("timezone", "the hall's time zone, e.g. Asia/Shanghai", { TimeZone(identifier: $0) != nil }),
        ("yellow_percent", "share of a limit used when the yellow warning starts (default 50)", { (1...100).contains(Int($0) ?? 0) }),
        ("red_percent", "share of a limit used when the red warning starts (default 90)", { (1...100).contains(Int($0) ?? 0) }),
        ("delivery_limit_days", "working days from approval to handing over the result (default 10)", { (1...60).contains(Int($0) ?? 0) }),
        ("overdue_promise_days", "working days an overdue case's notice promises its decision within (default 5)", { (1...60).contains(Int($0) ?? 0) }),
        ("escalation_overdue_days", "working days past the due day that raise the overdue notice to the hall's head (default 3)",
         { (1...60).contains(Int($0) ?? 0) }),
        ("delivery_command", "shell command that delivers one reply (JSON on stdin)", { !$0.isEmpty }),
    ]

    /// The consultations' response limits, one per channel (`ResponseClock`).
    static let responseKeys: [(String, String, @Sendable (String) -> Bool)] = Channel.allCases.map { channel in
        let help = "working hours to answer a \(channel.rawValue) consultation (default \(ResponseClock.defaultHours(channel)); 24 = one working day)"
        let check: @Sendable (String) -> Bool = { (1...2400).contains(Int($0) ?? 0) }
        return (ResponseClock.settingKey(channel), help, check)
    }

    /// The booking rules' settings (appointments), whole numbers.
    static let bookingKeys: [(String, String, @Sendable (String) -> Bool)] = BookingRules.settingKeys.map { entry in
        let check: @Sendable (String) -> Bool = { (0...1000).contains(Int($0) ?? -1) }
        return (entry.key, entry.help.en, check)
    }

    /// The same descriptions in Chinese (the settings' Chinese help has them too).
    static let keysZh: [String: String] = hallKeysZh.merging(responseKeysZh) { first, _ in first }
        .merging(BookingRules.settingKeys.map { ($0.key, $0.help.zh) }) { first, _ in first }

    static let hallKeysZh: [String: String] = [
        "timezone": "大厅所在时区，例如 Asia/Shanghai",
        "yellow_percent": "时限用去多少比例时开始黄色预警（默认 50）",
        "red_percent": "时限用去多少比例时开始红色预警（默认 90）",
        "delivery_limit_days": "从批准到送达结果的工作日数（默认 10）",
        "overdue_promise_days": "已逾期案件的通知承诺在多少个工作日内作出决定（默认 5）",
        "escalation_overdue_days": "超过到期日多少个工作日时向大厅负责人发出逾期督办通知（默认 3）",
        "delivery_command": "发送一条答复的 shell 命令（标准输入为 JSON）",
    ].merging(BookingRules.settingKeys.map { ($0.key, $0.help.zh) }) { old, _ in old }

    static let responseKeysZh: [String: String] = Dictionary(uniqueKeysWithValues: Channel.allCases.map { channel in
        let help: String = "答复\(channel.word.zh)咨询的工作小时数（默认 \(ResponseClock.defaultHours(channel))；24 即一个工作日）"
        return (ResponseClock.settingKey(channel), help)
    })

    static let spec = CommandSpec(
        name: "settings", arguments: ["list|set|unset", "KEY?", "VALUE?"],
        summary: "Show or change the hall's settings (changing needs an admin).",
        discussion: keys.map { "  \($0.0): \($0.1)" }.joined(separator: "\n")
    ) { args, context in
        let store = try context.openStore()
        let verb = args.positionals[0]
        if verb == "list" {
            for (key, help, _) in keys {
                let language = context.settings.language
                let value = try store.setting(key) ?? CLIText.settingDefault.text(language)
                Output.line("\(key) = \(value)    # \(language == .zh ? keysZh[key] ?? help : help)")
            }
            return 0
        }
        guard verb == "set" || verb == "unset", args.positionals.count >= 2 else {
            throw UsageError(en: "settings takes list, set KEY VALUE or unset KEY",
                zh: "settings 后接 list、set 键 值 或 unset 键")
        }
        let key = args.positionals[1]
        guard let entry = keys.first(where: { $0.0 == key }) else {
            throw UsageError(en: "unknown setting '\(key)' (\(keys.map(\.0).joined(separator: ", ")))",
                zh: "未知设置“\(key)”（\(keys.map(\.0).joined(separator: "、"))）")
        }
        try context.requireAdmin(store, for: Bilingual(en: "change settings", zh: "修改设置"))
        // Thresholds, zone and delivery limit all move stored due days, in the same transaction.
        let moved: Int
        if verb == "unset" {
            moved = try store.setSetting(key, nil)
        } else {
            guard args.positionals.count == 3 else { throw UsageError(en: "settings set \(key) needs a VALUE",
                zh: "settings set \(key) 需要一个值") }
            let value = args.positionals[2]
            guard entry.2(value) else { throw WorkflowError.invalidArgument(Bilingual(
                en: "bad value for \(key): \(value) (\(entry.1))",
                zh: "\(key) 的取值有误：\(value)（\(entry.1)）")) }
            moved = try store.setSetting(key, value)
        }
        Output.line((verb == "set" ? CLIText.settingSet : CLIText.settingReset).format(context.settings.language, key, moved))
        return 0
    }
}
