/// The hall's slot plan, a plain file an admin loads (`wicket appointments plan load FILE`):
///
///     # window groups and the service items they serve
///     group     PSB-ID   ID-RENEW,HUKOU-MOVE   1–3号窗口 Windows 1-3
///     # opening hours per weekday (mon … sun, ranges like mon-fri; makeup = a make-up working day)
///     hours     mon-fri  09:00-12:00,13:30-17:00  30      # ranges, then the slot length in minutes
///     capacity  mon-fri  PSB-ID  3                        # people per slot per group
///     # exceptions per day (a day or DAY..DAY): they win over the weekday's lines
///     hours     2026-12-24  09:00-12:00  30
///     capacity  2026-12-24  PSB-ID  1
///     closed    2026-12-31  year-end inventory
///
/// The calendar's holidays (official or provisional) close the hall unless a day's own line opens it.
public enum SlotPlanFile {
    public static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    /// The scope of a make-up working day (a weekend day declared a working day).
    public static let makeUp = "makeup"
    static let longestRange = 60

    public static func parse(_ text: String) throws -> SlotPlan {
        var plan = SlotPlan()
        var hoursSeen: [String: Int] = [:]
        var capacitySeen: [String: Int] = [:]
        var closedSeen: [String: Int] = [:]
        var groupLines: [String: Int] = [:]
        var serviceLines: [String: Int] = [:]
        var capacityLines: [(line: Int, group: String)] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let kind = fields.first else { continue }
            switch kind.lowercased() {
            case "group":
                guard fields.count >= 3 else {
                    throw SlotPlanError(line: number, en: "expected `group CODE SERVICE[,SERVICE…] [name]`",
                                        zh: "格式应为 `group 代码 事项[,事项…] [名称]`")
                }
                let code = fields[1]
                if let earlier = groupLines[code] {
                    throw SlotPlanError(line: number, en: "group \(code) is already defined on line \(earlier)",
                                        zh: "窗口组 \(code) 已在第 \(earlier) 行定义")
                }
                groupLines[code] = number
                let services = fields[2].split(separator: ",").map(String.init).filter { !$0.isEmpty }
                for service in services {
                    if let earlier = serviceLines[service] {
                        throw SlotPlanError(line: number, en: "service \(service) is already served by a group on line \(earlier)",
                                            zh: "事项 \(service) 已由第 \(earlier) 行的窗口组办理")
                    }
                    serviceLines[service] = number
                }
                plan.groups.append(SlotPlan.Group(code: code, services: services, name: fields.dropFirst(3).joined(separator: " "),
                                                  line: number))
            case "hours":
                guard fields.count == 4 else {
                    throw SlotPlanError(line: number, en: "expected `hours SCOPE HH:MM-HH:MM[,HH:MM-HH:MM…] MINUTES`",
                                        zh: "格式应为 `hours 范围 HH:MM-HH:MM[,HH:MM-HH:MM…] 分钟数`")
                }
                let scopes = try parseScope(fields[1], line: number)
                let ranges = try parseRanges(fields[2], line: number)
                guard let minutes = Int(fields[3]), (5...240).contains(minutes) else {
                    throw SlotPlanError(line: number, en: "slot length '\(fields[3])' must be 5 to 240 minutes",
                                        zh: "时段长度“\(fields[3])”须为 5 到 240 分钟")
                }
                for range in ranges where range.closes - range.opens < minutes {
                    throw SlotPlanError(line: number, en: "\(range) is shorter than one slot of \(minutes) minutes",
                                        zh: "\(range) 不足一个 \(minutes) 分钟的时段")
                }
                for scope in scopes {
                    if let earlier = hoursSeen[scope] {
                        throw SlotPlanError(line: number, en: "hours for \(scope) are already given on line \(earlier)",
                                            zh: "\(scope) 的开放时间已在第 \(earlier) 行给出")
                    }
                    hoursSeen[scope] = number
                    plan.hours[scope] = SlotPlan.Hours(ranges: ranges, slotMinutes: minutes)
                }
            case "capacity":
                guard fields.count == 4 else {
                    throw SlotPlanError(line: number, en: "expected `capacity SCOPE GROUP N`", zh: "格式应为 `capacity 范围 窗口组 人数`")
                }
                let scopes = try parseScope(fields[1], line: number)
                guard let capacity = Int(fields[3]), (0...1000).contains(capacity) else {
                    throw SlotPlanError(line: number, en: "capacity '\(fields[3])' must be a whole number from 0 to 1000",
                                        zh: "容量“\(fields[3])”须为 0 到 1000 的整数")
                }
                capacityLines.append((number, fields[2]))
                for scope in scopes {
                    let key = scope + " " + fields[2]
                    if let earlier = capacitySeen[key] {
                        throw SlotPlanError(line: number, en: "capacity of \(fields[2]) on \(scope) is already given on line \(earlier)",
                                            zh: "\(fields[2]) 在 \(scope) 的容量已在第 \(earlier) 行给出")
                    }
                    capacitySeen[key] = number
                    plan.capacity[scope, default: [:]][fields[2]] = capacity
                }
            case "closed":
                guard fields.count >= 2 else {
                    throw SlotPlanError(line: number, en: "expected `closed DAY[..DAY] [reason]`", zh: "格式应为 `closed 日期[..日期] [原因]`")
                }
                let days = try parseScope(fields[1], line: number)
                guard days.allSatisfy({ Day($0) != nil }) else {
                    throw SlotPlanError(line: number, en: "closed takes days (YYYY-MM-DD or DAY..DAY), not weekdays",
                                        zh: "closed 后接日期（YYYY-MM-DD 或 日期..日期），不能是星期")
                }
                for day in days {
                    if let earlier = closedSeen[day] {
                        throw SlotPlanError(line: number, en: "\(day) is already closed on line \(earlier)",
                                            zh: "\(day) 已在第 \(earlier) 行列为闭厅")
                    }
                    closedSeen[day] = number
                    plan.closed[day] = fields.dropFirst(2).joined(separator: " ")
                }
            default:
                throw SlotPlanError(line: number, en: "unknown line '\(kind)' (use group, hours, capacity or closed)",
                                    zh: "未知的行“\(kind)”（用 group、hours、capacity 或 closed）")
            }
        }
        // A capacity naming a group the file never defines is a typo, named at its line.
        for (line, group) in capacityLines where groupLines[group] == nil {
            throw SlotPlanError(line: line, en: "unknown group '\(group)' (define it with a `group` line)",
                                zh: "未知窗口组“\(group)”（请用 `group` 行定义）")
        }
        for (day, line) in closedSeen where hoursSeen[day] != nil {
            throw SlotPlanError(line: max(line, hoursSeen[day]!), en: "\(day) is both closed and given hours",
                                zh: "\(day) 既列为闭厅又给出了开放时间")
        }
        return plan
    }

    /// `mon`, `mon-fri`, `sat,sun`, `makeup`, `2026-12-24`, `2026-12-24..2026-12-31`: the scopes named.
    static func parseScope(_ field: String, line: Int) throws -> [String] {
        var scopes: [String] = []
        for part in field.lowercased().split(separator: ",").map(String.init) {
            if part == makeUp { scopes.append(part); continue }
            if let index = weekdays.firstIndex(of: part) { scopes.append(weekdays[index]); continue }
            let weekdayEnds = part.split(separator: "-").map(String.init)
            if weekdayEnds.count == 2, let first = weekdays.firstIndex(of: weekdayEnds[0]), let last = weekdays.firstIndex(of: weekdayEnds[1]) {
                guard first <= last else {
                    throw SlotPlanError(line: line, en: "weekday range \(part) is backwards (write mon-fri)",
                                        zh: "星期范围 \(part) 首尾颠倒（应写作 mon-fri）")
                }
                scopes += weekdays[first...last]
                continue
            }
            let ends = part.components(separatedBy: "..")
            if let first = Day(ends[0]), ends.count <= 2 {
                guard ends.count == 2 else { scopes.append(first.description); continue }
                guard let last = Day(ends[1]), last >= first, last.ordinal - first.ordinal < longestRange else {
                    throw SlotPlanError(line: line, en: "range \(part) is not two days in order at most \(longestRange) days apart",
                                        zh: "范围 \(part) 不是相隔不超过 \(longestRange) 天、先后有序的两个日期")
                }
                scopes += (first.ordinal...last.ordinal).map { Day(ordinal: $0).description }
                continue
            }
            throw SlotPlanError(line: line, en: "bad scope '\(part)' (mon … sun, mon-fri, makeup, YYYY-MM-DD or DAY..DAY)",
                                zh: "范围“\(part)”有误（mon … sun、mon-fri、makeup、YYYY-MM-DD 或 日期..日期）")
        }
        guard !scopes.isEmpty else {
            throw SlotPlanError(line: line, en: "no scope given", zh: "未给出范围")
        }
        return scopes
    }

    static func parseRanges(_ field: String, line: Int) throws -> [SlotPlan.Range] {
        var ranges: [SlotPlan.Range] = []
        for part in field.split(separator: ",") {
            let ends = part.split(separator: "-")
            guard ends.count == 2, let opens = minutes(ends[0]), let closes = minutes(ends[1]) else {
                throw SlotPlanError(line: line, en: "bad hours '\(part)' (use HH:MM-HH:MM)", zh: "时间“\(part)”有误（用 HH:MM-HH:MM）")
            }
            guard opens < closes else {
                throw SlotPlanError(line: line, en: "hours \(part) close before they open", zh: "时间 \(part) 结束早于开始")
            }
            if let last = ranges.last, opens < last.closes {
                throw SlotPlanError(line: line, en: "hours \(part) overlap or come before \(last)", zh: "时间 \(part) 与 \(last) 重叠或在其之前")
            }
            ranges.append(SlotPlan.Range(opens: opens, closes: closes))
        }
        return ranges
    }

    /// `09:30` → 570; nil for anything but a time of day.
    public static func minutes(_ text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 24 * 60 else { return nil }
        return hour * 60 + minute
    }

    public static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}

public struct SlotPlanError: Error, CustomStringConvertible, Equatable, Sendable {
    public let line: Int
    public let reason: Bilingual
    public var description: String { "line \(line): \(reason.en)" }
    public func message(_ language: Language) -> String { reason.text(language) }

    init(line: Int, en: String, zh: String) {
        self.line = line
        reason = Bilingual(en: en, zh: zh)
    }
}
