import Foundation

/// The report's sections. The raw value is the CSV's `section` column, which scripts read: it
/// never changes with the language. `label` is what a person reads in `wicket report`.
public enum ReportSection: String, CaseIterable, Sendable {
    case period
    case backlog
    case byStatus = "backlog by status"
    case byService = "backlog by service"
    case byStatusAndService = "backlog by status and service"
    case byClerk = "backlog by clerk"
    case byChannel = "backlog by channel"
    case aging = "aging (working days)"
    case deadlines
    case flow
    case rejections = "rejections by reason"
    case denials = "denials by reason"
    case intakePerDay = "intake per day"
    case completedPerDay = "completed per day"
    case satisfaction
    case followUp = "follow-up queue"
    case appointments

    public var label: Bilingual {
        switch self {
        case .period: return Bilingual(en: "period", zh: "统计期间")
        case .backlog: return Bilingual(en: "backlog", zh: "积压（当前在办）")
        case .byStatus: return Bilingual(en: "backlog by status", zh: "在办案件：按状态")
        case .byService: return Bilingual(en: "backlog by service", zh: "在办案件：按事项")
        case .byStatusAndService: return Bilingual(en: "backlog by status and service", zh: "在办案件：按状态和事项")
        case .byClerk: return Bilingual(en: "backlog by clerk", zh: "在办案件：按经办人")
        case .byChannel: return Bilingual(en: "backlog by channel", zh: "在办案件：按渠道")
        case .aging: return Bilingual(en: "aging (working days)", zh: "账龄（自提交起的工作日）")
        case .deadlines: return Bilingual(en: "deadlines", zh: "时限（当前）")
        case .flow: return Bilingual(en: "flow", zh: "流转（期内）")
        case .rejections: return Bilingual(en: "rejections by reason", zh: "不予受理原因")
        case .denials: return Bilingual(en: "denials by reason", zh: "不予许可原因")
        case .intakePerDay: return Bilingual(en: "intake per day", zh: "每日收件")
        case .completedPerDay: return Bilingual(en: "completed per day", zh: "每日办结")
        case .satisfaction: return Bilingual(en: "satisfaction", zh: "满意度（期内）")
        case .followUp: return Bilingual(en: "follow-up queue", zh: "差评待回访")
        case .appointments: return Bilingual(en: "appointments", zh: "预约（期内）")
        }
    }
}

/// The report's fixed lines. The raw value is the CSV's `key` column (stable for scripts); the
/// English label is the same words, so the English text report reads as it always has.
public enum ReportLine: String, CaseIterable, Sendable {
    case start, end, department, open
    case overdue, red, yellow, acceptanceOverdue = "acceptance overdue", awaitingMaterials = "awaiting materials"
    case oldestAwaitingMaterials = "oldest awaiting materials", suspended, oldestSuspended = "oldest suspended"
    case intake, firstResponseMedian = "first response median hours", firstResponseP90 = "first response p90 hours"
    case decided, decidedOnTime = "decided on time", onTimeRate = "on-time rate", completed
    case completedOnline = "completed online", onlineCompletionRate = "online completion rate"
    case repeatedMaterialsRequests = "repeated materials requests", acceptanceBreaches = "acceptance breaches"
    case extensionsGranted = "extensions granted"
    case good, fair, poor, poorWithoutFollowUp = "poor without follow-up"
    case failedRepliesPermanent = "failed replies permanent", failedRepliesRetrying = "failed replies retrying"

    public var label: Bilingual {
        Bilingual(en: rawValue, zh: Self.chinese[self] ?? rawValue)
    }

    /// Every line's Chinese; a test checks none is missing.
    static let chinese: [ReportLine: String] = [
        .start: "起始", .end: "截止", .department: "部门", .open: "在办",
        .overdue: "逾期", .red: "红色预警", .yellow: "黄色预警", .acceptanceOverdue: "受理超期",
        .awaitingMaterials: "待补正", .oldestAwaitingMaterials: "待补正最久", .suspended: "中止",
        .oldestSuspended: "中止最久", .intake: "收件", .firstResponseMedian: "首次答复中位数（小时）",
        .firstResponseP90: "首次答复 p90（小时）", .decided: "已决定", .decidedOnTime: "按时决定",
        .onTimeRate: "按时率", .completed: "办结", .completedOnline: "全程网办",
        .onlineCompletionRate: "全程网办率", .repeatedMaterialsRequests: "重复补正", .acceptanceBreaches: "受理超时",
        .extensionsGranted: "延期", .good: "满意", .fair: "基本满意", .poor: "不满意",
        .poorWithoutFollowUp: "差评待回访", .failedRepliesPermanent: "答复发送失败（不再重试）",
        .failedRepliesRetrying: "答复发送失败（重试中）",
    ]
}

/// One line of the report: the CSV's (section, key, value) and the words a person reads.
public struct ReportRow: Sendable, Equatable {
    public let section: ReportSection
    /// The CSV key: a fixed line's name, or the code, login, day or reason the row counts.
    public let key: String
    /// The CSV value: counts, ISO days, rates with two decimals, case numbers.
    public let value: String
    public let label: Bilingual
    /// The value as a person reads it (days written out, words for codes).
    public let shown: Bilingual

    init(_ section: ReportSection, _ line: ReportLine, _ value: String, shown: Bilingual? = nil) {
        self.init(section, key: line.rawValue, value: value, label: line.label, shown: shown)
    }

    init(_ section: ReportSection, key: String, value: String, label: Bilingual? = nil, shown: Bilingual? = nil) {
        self.section = section
        self.key = key
        self.value = value
        self.label = label ?? Bilingual(en: key, zh: key)
        self.shown = shown ?? Bilingual(en: value, zh: value)
    }
}

extension Report {
    /// The report flattened to rows: the CSV and the text view of `wicket report` share them.
    public var rows: [ReportRow] {
        func count(_ value: Int) -> String { String(value) }
        func day(_ day: Day) -> Bilingual {
            Bilingual(en: DateText.day(day, language: .en), zh: DateText.day(day, language: .zh))
        }
        func dayKey(_ text: String) -> Bilingual? { Day(text).map(day) }
        func status(_ code: String) -> Bilingual {
            let word = CaseStatus.word(stored: code)
            return Bilingual(en: code, zh: word.zh)
        }
        var rows: [ReportRow] = [
            ReportRow(.period, .start, periodStart.description, shown: day(periodStart)),
            ReportRow(.period, .end, periodEnd.description, shown: day(periodEnd)),
            ReportRow(.period, .department, department ?? "all",
                      shown: department.map { Bilingual(en: $0, zh: $0) } ?? Bilingual(en: "all", zh: "全部")),
            ReportRow(.backlog, .open, count(openTotal)),
        ]
        rows += byStatus.map { ReportRow(.byStatus, key: $0.key, value: count($0.count), label: status($0.key)) }
        rows += byService.map { ReportRow(.byService, key: $0.key, value: count($0.count)) }
        rows += byStatusAndService.map { cell in
            let word = status(cell.status)
            return ReportRow(.byStatusAndService, key: "\(cell.status)/\(cell.service)", value: count(cell.count),
                             label: Bilingual(en: "\(word.en)/\(cell.service)", zh: "\(word.zh)/\(cell.service)"))
        }
        rows += byClerk.map { entry in
            ReportRow(.byClerk, key: entry.key, value: count(entry.count),
                      label: entry.key == Report.unassigned ? Report.unassignedLabel : nil)
        }
        rows += byChannel.map { entry in
            ReportRow(.byChannel, key: entry.key, value: count(entry.count),
                      label: Channel(rawValue: entry.key).map { Bilingual(en: entry.key, zh: $0.word.zh) })
        }
        rows += aging.map { ReportRow(.aging, key: $0.key, value: count($0.count)) }
        let none = Bilingual(en: "-", zh: "无")
        rows += [
            ReportRow(.deadlines, .overdue, count(overdue)), ReportRow(.deadlines, .red, count(red)),
            ReportRow(.deadlines, .yellow, count(yellow)), ReportRow(.deadlines, .acceptanceOverdue, count(acceptanceOverdue)),
            ReportRow(.deadlines, .awaitingMaterials, count(awaitingMaterials)),
            ReportRow(.deadlines, .oldestAwaitingMaterials, oldestAwaitingMaterials ?? "",
                      shown: oldestAwaitingMaterials == nil ? none : nil),
            ReportRow(.deadlines, .suspended, count(suspended)),
            ReportRow(.deadlines, .oldestSuspended, oldestSuspended ?? "", shown: oldestSuspended == nil ? none : nil),
            ReportRow(.deadlines, .failedRepliesPermanent, count(failedRepliesPermanent)),
            ReportRow(.deadlines, .failedRepliesRetrying, count(failedRepliesRetrying)),
            ReportRow(.flow, .intake, count(intake)),
            ReportRow(.flow, .firstResponseMedian, Self.decimal(firstResponseMedianHours),
                      shown: firstResponseMedianHours == nil ? none : nil),
            ReportRow(.flow, .firstResponseP90, Self.decimal(firstResponseP90Hours),
                      shown: firstResponseP90Hours == nil ? none : nil),
            ReportRow(.flow, .decided, count(decided)), ReportRow(.flow, .decidedOnTime, count(decidedOnTime)),
            ReportRow(.flow, .onTimeRate, Self.decimal(onTimeRate), shown: onTimeRate == nil ? none : nil),
            ReportRow(.flow, .completed, count(completed)),
            ReportRow(.flow, .completedOnline, count(completedOnline)),
            ReportRow(.flow, .onlineCompletionRate, Self.decimal(onlineCompletionRate),
                      shown: onlineCompletionRate == nil ? none : nil),
            ReportRow(.flow, .repeatedMaterialsRequests, count(repeatedMaterialsRequests)),
            ReportRow(.flow, .acceptanceBreaches, count(acceptanceBreaches)),
            ReportRow(.flow, .extensionsGranted, count(extensionsGranted)),
        ]
        rows += rejectionsByReason.map { ReportRow(.rejections, key: $0.key, value: count($0.count), label: $0.name) }
        rows += denialsByReason.map { ReportRow(.denials, key: $0.key, value: count($0.count), label: $0.name) }
        rows += intakePerDay.map { ReportRow(.intakePerDay, key: $0.key, value: count($0.count), label: dayKey($0.key)) }
        rows += completedPerDay.map { ReportRow(.completedPerDay, key: $0.key, value: count($0.count), label: dayKey($0.key)) }
        rows += [
            ReportRow(.satisfaction, .good, count(ratingsGood)), ReportRow(.satisfaction, .fair, count(ratingsFair)),
            ReportRow(.satisfaction, .poor, count(ratingsPoor)),
            ReportRow(.satisfaction, .poorWithoutFollowUp, count(poorWithoutFollowUp.count)),
        ]
        rows += poorWithoutFollowUp.map {
            ReportRow(.followUp, key: $0, value: Rating.poor.rawValue, shown: Bilingual(en: "poor", zh: Rating.poor.word.zh))
        }
        return rows + appointments.rows
    }

    /// Rates and hours with two decimals; empty when there is nothing to measure.
    static func decimal(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? ""
    }
}
