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
    /// Shown whole or not at all (a "…" in its place): a number cut short reads as another number.
    var keepsWhole = false
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

    /// `consultations`: their figures in the flow panel (lines without drill-downs, so the figures'
    /// order is the same with or without them).
    static func panels(_ report: Report, width: Int, language l: Language,
                       consultations: ConsultationReport? = nil) -> [DashboardPanel] {
        [backlogPanel(report, width: width, l), queuesPanel(report, width: width, l), deadlinesPanel(report, l),
         flowPanel(report, width: width, l, consultations: consultations), satisfactionPanel(report, width: width, l)]
    }

    static func text(_ text: String, _ role: DashboardRole = .plain, width: Int? = nil) -> DashboardSpan {
        DashboardSpan(text: text, role: role, figure: nil, width: width)
    }

    static func figure(_ count: Int, _ figure: ReportFigure, width: Int? = nil) -> DashboardSpan {
        DashboardSpan(text: String(count), role: .number, figure: figure, width: width, keepsWhole: true)
    }

    /// A value that must be read whole (a duration, a rate), not a drill-down.
    static func value(_ text: String, _ role: DashboardRole = .number) -> DashboardSpan {
        DashboardSpan(text: text, role: role, figure: nil, width: nil, keepsWhole: true)
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

    static let statusColumns: [(CaseStatus, UIText)] = [
        (.submitted, .dashColSubmitted), (.awaitingMaterials, .dashColAwaiting), (.accepted, .dashColAccepted),
        (.inReview, .dashColInReview), (.suspended, .dashColSuspended), (.approved, .dashColApproved),
    ]

    static func backlogPanel(_ report: Report, width: Int, _ l: Language) -> DashboardPanel {
        let cell = 6
        let nameWidth = max(8, min(18, width - 2 - cell * (statusColumns.count + 1)))
        var lines = [row(UIText.dashOpenCases.text(l), report.openTotal, .open, labelWidth: nameWidth + cell * 5), blank]
        lines.append(DashboardLine(spans: [text(fit(UIText.dashServiceColumn.text(l), nameWidth), .heading)]
            + statusColumns.map { text($0.1.text(l), .heading, width: cell) } + [text(UIText.dashTotalColumn.text(l), .heading, width: cell)]))
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
        var totals = [text(fit(UIText.dashTotalRow.text(l), nameWidth), .heading)]
        for (status, _) in statusColumns {
            let count = report.byStatus.first { $0.key == status.rawValue }?.count ?? 0
            totals.append(count == 0 ? text("·", .hint, width: cell) : figure(count, .status(status), width: cell))
        }
        totals.append(figure(report.openTotal, .open, width: cell))
        lines.append(DashboardLine(spans: totals))
        return DashboardPanel(title: UIText.dashBacklogTitle.text(l), lines: lines)
    }

    // MARK: clerks, channels, aging

    static func queuesPanel(_ report: Report, width: Int, _ l: Language) -> DashboardPanel {
        let labelWidth = 16
        let barWidth = max(4, min(30, width - labelWidth - 8))
        func bars(_ entries: [Report.Count], label: (Report.Count) -> String = { $0.key },
                  _ figure: (Report.Count) -> ReportFigure?) -> [DashboardLine] {
            let maximum = entries.map(\.count).max() ?? 0
            return entries.compactMap { entry in
                guard let target = figure(entry) else { return nil }
                return row(label(entry), entry.count, target, labelWidth: labelWidth, role: .label,
                           extra: [text(" " + DashboardCharts.bar(entry.count, of: maximum, width: barWidth), .bar)])
            }
        }
        var lines = [heading(UIText.dashByClerk.text(l))]
        lines += bars(report.byClerk, label: { $0.key == Report.unassigned ? Report.unassignedLabel.text(l) : $0.key }) {
            .clerk($0.key == Report.unassigned ? nil : $0.key)
        }
        lines += [blank, heading(UIText.dashByChannel.text(l))]
        lines += bars(report.byChannel, label: { Channel(rawValue: $0.key).map { Words.channel($0, l) } ?? $0.key }) { Channel(rawValue: $0.key).map(ReportFigure.channel) }
        lines += [blank, heading(UIText.dashAging.text(l))]
        lines += bars(report.aging) { entry in AgingBucket.allCases.first { $0.label == entry.key }.map(ReportFigure.aging) }
        return DashboardPanel(title: UIText.dashQueuesTitle.text(l), lines: lines)
    }

    // MARK: deadlines

    static func deadlinesPanel(_ report: Report, _ l: Language) -> DashboardPanel {
        func level(_ level: Level, _ word: UIText, _ count: Int, _ target: ReportFigure) -> DashboardLine {
            DashboardLine(spans: [text(fit("\(level.mark) \(word.text(l))", 30), .level(level)), figure(count, target, width: 5)])
        }
        func paused(_ word: UIText, _ count: Int, _ target: ReportFigure, oldest: String?) -> [DashboardLine] {
            var lines = [row("= \(word.text(l))", count, target, role: .level(.paused))]
            if let oldest {
                lines.append(DashboardLine(spans: [text(UIText.dashOldest.text(l), .hint),
                                                   DashboardSpan(text: oldest, role: .number, figure: .oneCase(oldest))]))
            }
            return lines
        }
        var lines = [
            level(.overdue, .dashOverdue, report.overdue, .overdue),
            level(.red, .dashRed, report.red, .red),
            level(.yellow, .dashYellow, report.yellow, .yellow),
            level(.overdue, .dashAcceptanceOverdue, report.acceptanceOverdue, .acceptanceOverdue),
            blank,
        ]
        lines += paused(.dashSuspended, report.suspended, .suspended, oldest: report.oldestSuspended)
        lines += paused(.dashAwaitingMaterials, report.awaitingMaterials, .awaitingMaterials,
                        oldest: report.oldestAwaitingMaterials)
        lines += [blank, row(UIText.dashExtended.text(l), report.extensionsGranted, .extensionsGranted)]
        // Replies the applicant never got: the inbox's marks, counted by case (any status).
        lines += [blank,
                  row(InboxView.failedReplyMark(.permanent) + " " + UIText.dashFailedPermanent.text(l), report.failedRepliesPermanent,
                      .failedRepliesPermanent, role: .level(.red)),
                  row(InboxView.failedReplyMark(.retrying) + " " + UIText.dashFailedRetrying.text(l), report.failedRepliesRetrying,
                      .failedRepliesRetrying)]
        return DashboardPanel(title: UIText.dashDeadlinesTitle.text(l), lines: lines)
    }
}
