import Foundation

/// Age of an open case in working days since its submission (domain.md: 0–1, 2–3, 4–7, 8–15, 16+).
public enum AgingBucket: Int, CaseIterable, Sendable, Hashable {
    case upTo1, upTo3, upTo7, upTo15, over15

    public var label: String { ["0-1", "2-3", "4-7", "8-15", "16+"][rawValue] }
    /// The fewest working days a case in this bucket has waited.
    var minimumDays: Int { [0, 2, 4, 8, 16][rawValue] }
}

/// One number of the report that stands for a set of cases. The dashboard drills from it into
/// the inbox with `ReportScope.filter(for:)`, and the builder counts that same filter, so a
/// figure and its drill-down cannot disagree.
public enum ReportFigure: Hashable, Sendable {
    // Backlog: open cases now.
    case open
    case status(CaseStatus)
    case service(String)
    case statusService(CaseStatus, String)
    /// nil: nobody holds them.
    case clerk(String?)
    case channel(Channel)
    case aging(AgingBucket)
    // Deadlines now.
    case overdue, red, yellow, acceptanceOverdue, awaitingMaterials, suspended
    /// One case, e.g. the oldest suspended.
    case oneCase(String)
    // Over the period.
    case extensionsGranted
    case intake, intakeOn(Day), completed, completedOn(Day), completedOnline, decided, decidedOnTime
    /// A standard reason's code (or `Report.otherReasons`) and its name.
    case rejections(code: String, name: Bilingual)
    case denials(code: String, name: Bilingual)
    case repeatedMaterialsRequests, acceptanceBreaches
    case rated(Rating), poorWithoutFollowUp
    // Now: replies that could not be delivered, waiting for a clerk.
    case failedRepliesPermanent, failedRepliesRetrying

    /// Words for the dashboard's status line and the inbox title after a drill-down.
    public func label(_ language: Language) -> String {
        let l = language
        switch self {
        case .open: return Bilingual(en: "open", zh: "在办").text(l)
        case .status(let status): return Bilingual(en: "status \(status.rawValue)", zh: "状态：\(status.word.zh)").text(l)
        case .service(let code): return Bilingual(en: "service \(code)", zh: "事项 \(code)").text(l)
        case .statusService(let status, let code): return "\(l.code(status.rawValue, status.word)) × \(code)"
        case .clerk(let login):
            return login.map { Bilingual(en: "held by \($0)", zh: "经办人 \($0)").text(l) }
                ?? Bilingual(en: "unassigned", zh: "待领").text(l)
        case .channel(let channel): return Bilingual(en: "channel \(channel.rawValue)", zh: "渠道：\(channel.word.zh)").text(l)
        case .aging(let bucket): return Bilingual(en: "aged \(bucket.label) working days", zh: "已等 \(bucket.label) 个工作日").text(l)
        case .overdue: return Bilingual(en: "overdue", zh: "逾期").text(l)
        case .red: return Bilingual(en: "red", zh: "红色预警").text(l)
        case .yellow: return Bilingual(en: "yellow", zh: "黄色预警").text(l)
        case .acceptanceOverdue: return Bilingual(en: "acceptance overdue", zh: "受理超期").text(l)
        case .awaitingMaterials: return Bilingual(en: "awaiting materials", zh: "待补正").text(l)
        case .suspended: return Bilingual(en: "suspended", zh: "中止").text(l)
        case .oneCase(let number): return number
        case .extensionsGranted: return Bilingual(en: "extended", zh: "延期").text(l)
        case .intake: return Bilingual(en: "intake", zh: "收件").text(l)
        case .intakeOn(let day): return Bilingual(en: "intake", zh: "收件").text(l) + " " + DateText.day(day, language: l)
        case .completed: return Bilingual(en: "completed", zh: "办结").text(l)
        case .completedOn(let day): return Bilingual(en: "completed", zh: "办结").text(l) + " " + DateText.day(day, language: l)
        case .completedOnline: return Bilingual(en: "completed online", zh: "全程网办").text(l)
        case .decided: return Bilingual(en: "decided", zh: "已决定").text(l)
        case .decidedOnTime: return Bilingual(en: "decided on time", zh: "按时决定").text(l)
        case .rejections(_, let name): return Bilingual(en: "rejected: \(name.en)", zh: "不予受理：\(name.zh)").text(l)
        case .denials(_, let name): return Bilingual(en: "denied: \(name.en)", zh: "不予许可：\(name.zh)").text(l)
        case .repeatedMaterialsRequests: return Bilingual(en: "asked twice for materials", zh: "重复补正").text(l)
        case .acceptanceBreaches: return Bilingual(en: "acceptance breaches", zh: "受理超时").text(l)
        case .rated(let rating): return Bilingual(en: "rated \(rating.rawValue)", zh: "评价：\(rating.word.zh)").text(l)
        case .poorWithoutFollowUp: return Bilingual(en: "poor, no follow-up", zh: "差评待回访").text(l)
        case .failedRepliesPermanent: return Bilingual(en: "replies failed for good", zh: "答复发送失败（不再重试）").text(l)
        case .failedRepliesRetrying: return Bilingual(en: "replies failed, retrying", zh: "答复发送失败（重试中）").text(l)
        }
    }
}

/// Where a report looks: the hall's today, the period as stored instants, one department or all,
/// and the submission instants that separate the aging buckets.
public struct ReportScope: Sendable {
    public let today: Day
    public let first: Day
    public let last: Day
    public let department: String?
    public let period: InstantRange
    /// For each bucket, the submission instants it covers.
    let agingRanges: [AgingBucket: InstantRange]
    let hallTime: HallTime

    public init(store: CaseStore, period: ReportPeriod, department: String?) {
        today = store.today
        (first, last) = period.range(today: today)
        self.department = department
        hallTime = store.hallTime
        self.period = InstantRange(from: Timestamp.format(hallTime.start(of: first)),
                                   before: Timestamp.format(hallTime.start(of: last.adding(days: 1))))
        agingRanges = Self.agingRanges(today: today, calendar: store.calendar, hallTime: hallTime)
    }

    /// A case submitted on day d has waited the working days in (d, today]. It has waited at
    /// least n (n ≥ 1) exactly when it came before the n-th working day counted back from today,
    /// so each bucket is a range of submission instants: one comparison per case, no calendar in SQL.
    static func agingRanges(today: Day, calendar: WorkingCalendar, hallTime: HallTime) -> [AgingBucket: InstantRange] {
        func startOfWorkingDay(back n: Int) -> String? {
            guard n > 0 else { return nil }
            var day = today
            var counted = 0
            for _ in 0..<3660 {
                if calendar.isWorkingDay(day) {
                    counted += 1
                    if counted == n { return Timestamp.format(hallTime.start(of: day)) }
                }
                day = day.adding(days: -1)
            }
            return "0000"   // no working day in ten years: nothing is that old
        }
        var ranges: [AgingBucket: InstantRange] = [:]
        for bucket in AgingBucket.allCases {
            let next = AgingBucket(rawValue: bucket.rawValue + 1)
            ranges[bucket] = InstantRange(from: next.flatMap { startOfWorkingDay(back: $0.minimumDays) },
                                          before: startOfWorkingDay(back: bucket.minimumDays))
        }
        return ranges
    }

    /// The cases behind `figure`, as an inbox filter (most urgent first, at most `limit` rows).
    public func filter(for figure: ReportFigure, limit: Int = 500) -> CaseFilter {
        var filter = CaseFilter(department: department, limit: limit)
        let everyStatus = CaseStatus.allCases
        func inPeriod(_ build: (inout FigureConditions) -> Void) {
            filter.statuses = everyStatus
            build(&filter.figure)
        }
        switch figure {
        case .open: break
        case .status(let status): filter.statuses = [status]
        case .service(let code): filter.serviceCode = code
        case .statusService(let status, let code):
            filter.statuses = [status]
            filter.serviceCode = code
        case .clerk(let login):
            if let login { filter.holder = login } else { filter.unassignedOnly = true }
        case .channel(let channel): filter.channel = channel
        case .aging(let bucket): filter.figure.submitted = agingRanges[bucket]
        case .overdue: filter.level = .overdue
        case .red: filter.level = .red
        case .yellow: filter.level = .yellow
        case .acceptanceOverdue:
            filter.statuses = [.submitted]
            filter.level = .overdue
        case .awaitingMaterials: filter.statuses = [.awaitingMaterials]
        case .suspended: filter.statuses = [.suspended]
        case .oneCase(let number): inPeriod { $0.numbers = [number] }
        case .extensionsGranted: inPeriod { $0.event = HistoryEventCondition(action: "extend", within: period) }
        case .intake: inPeriod { $0.submitted = period }
        case .intakeOn(let day): inPeriod { $0.submitted = dayRange(day) }
        case .completed:
            filter.statuses = [.completed]
            filter.figure.closed = period
        case .completedOn(let day):
            filter.statuses = [.completed]
            filter.figure.closed = dayRange(day)
        case .completedOnline:
            filter.statuses = [.completed]
            filter.figure.closed = period
            filter.figure.windowVisit = false
        case .decided: inPeriod { $0.decided = period }
        case .decidedOnTime: inPeriod {
            $0.decided = period
            $0.decidedOnTime = true
        }
        case .rejections(let code, _):
            let stored = code == Report.otherReasons ? "" : code
            inPeriod { $0.event = HistoryEventCondition(action: "reject", reasonCode: stored, within: period) }
        case .denials(let code, _):
            let stored = code == Report.otherReasons ? "" : code
            inPeriod { $0.event = HistoryEventCondition(action: "deny", reasonCode: stored, within: period) }
        case .repeatedMaterialsRequests:
            inPeriod { $0.event = HistoryEventCondition(action: "request-materials", flag: "repeat", within: period) }
        case .acceptanceBreaches: inPeriod { $0.acceptanceBreachedWithin = period }
        case .rated(let rating): inPeriod { $0.rating = RatingCondition(rating: rating, within: period) }
        case .poorWithoutFollowUp: inPeriod { $0.rating = RatingCondition(rating: .poor, withoutFollowUp: true) }
        case .failedRepliesPermanent: filter.failedReplies = .permanent
        case .failedRepliesRetrying: filter.failedReplies = .retrying
        }
        return filter
    }

    /// The instants of one hall day.
    func dayRange(_ day: Day) -> InstantRange {
        InstantRange(from: Timestamp.format(hallTime.start(of: day)),
                     before: Timestamp.format(hallTime.start(of: day.adding(days: 1))))
    }
}

extension Report {
    /// Every figure of the report that stands for a set of cases, with its value: what the
    /// dashboard lets a supervisor drill into, and what tests compare with the drill-down.
    public var figures: [(figure: ReportFigure, count: Int)] {
        var list: [(ReportFigure, Int)] = [(.open, openTotal)]
        list += byStatus.compactMap { entry in CaseStatus(rawValue: entry.key).map { (.status($0), entry.count) } }
        list += byService.map { (.service($0.key), $0.count) }
        list += byStatusAndService.compactMap { cell in
            CaseStatus(rawValue: cell.status).map { (.statusService($0, cell.service), cell.count) }
        }
        list += byClerk.map { (.clerk($0.key == Report.unassigned ? nil : $0.key), $0.count) }
        list += byChannel.compactMap { entry in Channel(rawValue: entry.key).map { (.channel($0), entry.count) } }
        list += zip(AgingBucket.allCases, aging).map { (.aging($0), $1.count) }
        list += [(.overdue, overdue), (.red, red), (.yellow, yellow), (.acceptanceOverdue, acceptanceOverdue),
                 (.awaitingMaterials, awaitingMaterials), (.suspended, suspended), (.extensionsGranted, extensionsGranted)]
        list += [oldestAwaitingMaterials, oldestSuspended].compactMap { $0 }.map { (.oneCase($0), 1) }
        list += [(.intake, intake), (.completed, completed), (.completedOnline, completedOnline), (.decided, decided),
                 (.decidedOnTime, decidedOnTime), (.repeatedMaterialsRequests, repeatedMaterialsRequests),
                 (.acceptanceBreaches, acceptanceBreaches)]
        list += intakePerDay.compactMap { entry in Day(entry.key).map { (.intakeOn($0), entry.count) } }
        list += completedPerDay.compactMap { entry in Day(entry.key).map { (.completedOn($0), entry.count) } }
        list += rejectionsByReason.map { (.rejections(code: $0.key, name: $0.name), $0.count) }
        list += denialsByReason.map { (.denials(code: $0.key, name: $0.name), $0.count) }
        list += [(.rated(.good), ratingsGood), (.rated(.fair), ratingsFair), (.rated(.poor), ratingsPoor),
                 (.poorWithoutFollowUp, poorWithoutFollowUp.count)]
        list += [(.failedRepliesPermanent, failedRepliesPermanent), (.failedRepliesRetrying, failedRepliesRetrying)]
        return list
    }

    /// The key `byClerk` uses for cases nobody holds.
    public static let unassigned = "(unassigned)"
    /// The key `rejectionsByReason` uses for reasons typed as free text; never a code (codes have
    /// no parentheses, `StandardReason.isValidCode`).
    public static let otherReasons = "(other)"
    public static let otherReasonsName = Bilingual(en: "other reasons", zh: "其他原因")
    /// How the unassigned queue's key is shown to a person.
    public static let unassignedLabel = Bilingual(en: unassigned, zh: "（待领）")
}
