import Foundation
import WicketCore

/// What a piece of dashboard text is, so the view can style it (never by colour alone: levels
/// carry their mark and word, bars sit beside their numbers).
enum DashboardRole: Sendable, Equatable {
    case plain, heading, label, number, bar, hint
    case level(Level)
}

struct DashboardSpan: Sendable {
    var text: String
    var role: DashboardRole
    /// Set when Enter on this span drills into the cases behind it.
    var figure: ReportFigure?
    /// Right-align the text in this many columns (table cells, counts).
    var width: Int?
}

struct DashboardLine: Sendable {
    var spans: [DashboardSpan]
}

/// One panel: a title and its lines; the selectable figures are the spans that carry one.
struct DashboardPanel: Sendable {
    var title: String
    var lines: [DashboardLine]

    struct Target: Sendable {
        let line: Int
        let span: Int
        let figure: ReportFigure
    }

    var targets: [Target] {
        lines.enumerated().flatMap { index, line in
            line.spans.enumerated().compactMap { position, span in
                span.figure.map { Target(line: index, span: position, figure: $0) }
            }
        }
    }
}

/// Report → panels. Pure: the same report gives the same panels, and the figures' order does not
/// depend on the width (only the chart and the name column do), so a selection survives a resize.
enum DashboardContent {
    static let backlog = 0, queues = 1, deadlines = 2, flow = 3, satisfaction = 4

    static func panels(_ report: Report, width: Int) -> [DashboardPanel] {
        [backlogPanel(report, width: width), queuesPanel(report, width: width), deadlinesPanel(report),
         flowPanel(report, width: width), satisfactionPanel(report, width: width)]
    }

    static func text(_ text: String, _ role: DashboardRole = .plain, width: Int? = nil) -> DashboardSpan {
        DashboardSpan(text: text, role: role, figure: nil, width: width)
    }

    static func figure(_ count: Int, _ figure: ReportFigure, width: Int? = nil) -> DashboardSpan {
        DashboardSpan(text: String(count), role: .number, figure: figure, width: width)
    }

    static func heading(_ text: String) -> DashboardLine { DashboardLine(spans: [self.text(text, .heading)]) }
    static let blank = DashboardLine(spans: [])

    /// A label padded to `width` columns, then its figure.
    static func row(_ label: String, _ count: Int, _ figure: ReportFigure, labelWidth: Int = 30,
                    role: DashboardRole = .label, extra: [DashboardSpan] = []) -> DashboardLine {
        DashboardLine(spans: [text(fit(label, labelWidth), role), self.figure(count, figure, width: 5)] + extra)
    }

    /// Pads or cuts to exactly `width` display columns.
    static func fit(_ text: String, _ width: Int) -> String {
        DisplayWidth.standard.pad(text, toWidth: width)
    }

    // MARK: backlog

    static let statusColumns: [(CaseStatus, String)] = [
        (.submitted, "SUBM"), (.awaitingMaterials, "AWAIT"), (.accepted, "ACCPT"), (.inReview, "REVW"),
        (.suspended, "SUSP"), (.approved, "APPR"),
    ]

    static func backlogPanel(_ report: Report, width: Int) -> DashboardPanel {
        let cell = 6
        let nameWidth = max(8, min(18, width - 2 - cell * (statusColumns.count + 1)))
        var lines = [row("Open cases 在办案件", report.openTotal, .open, labelWidth: nameWidth + cell * 5), blank]
        lines.append(DashboardLine(spans: [text(fit("SERVICE 事项", nameWidth), .heading)]
            + statusColumns.map { text($0.1, .heading, width: cell) } + [text("TOTAL", .heading, width: cell)]))
        var byCell: [String: Int] = [:]
        for entry in report.byStatusAndService { byCell["\(entry.status)/\(entry.service)"] = entry.count }
        for service in report.byService.map(\.key).sorted() {
            var spans = [text(fit(service, nameWidth), .label)]
            for (status, _) in statusColumns {
                let count = byCell["\(status.rawValue)/\(service)"] ?? 0
                spans.append(count == 0 ? text("·", .hint, width: cell) : figure(count, .statusService(status, service), width: cell))
            }
            spans.append(figure(report.byService.first { $0.key == service }?.count ?? 0, .service(service), width: cell))
            lines.append(DashboardLine(spans: spans))
        }
        var totals = [text(fit("TOTAL 合计", nameWidth), .heading)]
        for (status, _) in statusColumns {
            let count = report.byStatus.first { $0.key == status.rawValue }?.count ?? 0
            totals.append(count == 0 ? text("·", .hint, width: cell) : figure(count, .status(status), width: cell))
        }
        totals.append(figure(report.openTotal, .open, width: cell))
        lines.append(DashboardLine(spans: totals))
        return DashboardPanel(title: "Backlog 积压 (open now)", lines: lines)
    }

    // MARK: clerks, channels, aging

    static func queuesPanel(_ report: Report, width: Int) -> DashboardPanel {
        let labelWidth = 16
        let barWidth = max(4, min(30, width - labelWidth - 8))
        func bars(_ entries: [Report.Count], _ figure: (Report.Count) -> ReportFigure?) -> [DashboardLine] {
            let maximum = entries.map(\.count).max() ?? 0
            return entries.compactMap { entry in
                guard let target = figure(entry) else { return nil }
                return row(entry.key, entry.count, target, labelWidth: labelWidth, role: .label,
                           extra: [text(" " + DashboardCharts.bar(entry.count, of: maximum, width: barWidth), .bar)])
            }
        }
        var lines = [heading("By clerk 按经办人")]
        lines += bars(report.byClerk) { .clerk($0.key == Report.unassigned ? nil : $0.key) }
        lines += [blank, heading("By channel 按渠道")]
        lines += bars(report.byChannel) { Channel(rawValue: $0.key).map(ReportFigure.channel) }
        lines += [blank, heading("Aging 账龄 (working days since submission 工作日)")]
        lines += bars(report.aging) { entry in AgingBucket.allCases.first { $0.label == entry.key }.map(ReportFigure.aging) }
        return DashboardPanel(title: "Queues 分布", lines: lines)
    }

    // MARK: deadlines

    static func deadlinesPanel(_ report: Report) -> DashboardPanel {
        func level(_ level: Level, _ words: String, _ count: Int, _ target: ReportFigure) -> DashboardLine {
            DashboardLine(spans: [text(fit("\(level.mark) \(words)", 30), .level(level)), figure(count, target, width: 5)])
        }
        func paused(_ words: String, _ count: Int, _ target: ReportFigure, oldest: String?) -> [DashboardLine] {
            var lines = [row("= \(words)", count, target, role: .level(.paused))]
            if let oldest {
                lines.append(DashboardLine(spans: [text("    oldest 最久 ", .hint),
                                                   DashboardSpan(text: oldest, role: .number, figure: .oneCase(oldest))]))
            }
            return lines
        }
        var lines = [
            level(.overdue, "overdue 逾期", report.overdue, .overdue),
            level(.red, "red 红色预警 (≥90%)", report.red, .red),
            level(.yellow, "yellow 黄色预警 (≥50%)", report.yellow, .yellow),
            level(.overdue, "acceptance overdue 受理超期", report.acceptanceOverdue, .acceptanceOverdue),
            blank,
        ]
        lines += paused("suspended 中止", report.suspended, .suspended, oldest: report.oldestSuspended)
        lines += paused("awaiting materials 待补正", report.awaitingMaterials, .awaitingMaterials,
                        oldest: report.oldestAwaitingMaterials)
        lines += [blank, row("+ extended in period 期内延期", report.extensionsGranted, .extensionsGranted)]
        return DashboardPanel(title: "Deadlines 时限 (now)", lines: lines)
    }
}
