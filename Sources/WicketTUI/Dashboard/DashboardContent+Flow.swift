import Foundation
import WicketCore

/// The period's panels: flow (intake against completions, answer times, rates, rejections) and
/// satisfaction (ratings and the follow-up queue).
extension DashboardContent {
    static func flowPanel(_ report: Report, width: Int) -> DashboardPanel {
        let intake = report.intakePerDay.map(\.count)
        let completed = report.completedPerDay.map(\.count)
        let chartWidth = max(7, width - 24)
        let shown = DashboardCharts.tail(intake, fitting: chartWidth).count
        // One scale for both lines, so their heights compare day by day.
        let maximum = max(intake.suffix(shown).max() ?? 0, completed.suffix(shown).max() ?? 0)
        let firstShown = report.intakePerDay.suffix(shown).first?.key ?? report.periodStart.description
        var lines = [
            DashboardLine(spans: [text(fit("intake 收件", 14), .label), figure(report.intake, .intake, width: 5),
                                  text(" " + DashboardCharts.sparkline(DashboardCharts.tail(intake, fitting: shown), maximum: maximum), .bar)]),
            DashboardLine(spans: [text(fit("completed 办结", 14), .label), figure(report.completed, .completed, width: 5),
                                  text(" " + DashboardCharts.sparkline(DashboardCharts.tail(completed, fitting: shown), maximum: maximum), .bar)]),
            DashboardLine(spans: [text(String(repeating: " ", count: 20) + "\(firstShown.suffix(5)) … \(report.periodEnd.description.suffix(5)) · max \(maximum)/day", .hint)]),
            blank,
            DashboardLine(spans: [text(fit("1st answer 首次答复", 20), .label),
                                  text("median \(hours(report.firstResponseMedianHours)) · p90 \(hours(report.firstResponseP90Hours))", .number)]),
            rate("on time 按时办结", report.onTimeRate, report.decidedOnTime, .decidedOnTime, report.decided, .decided),
            rate("online 全程网办", report.onlineCompletionRate, report.completedOnline, .completedOnline,
                 report.completed, .completed),
            row("acceptance breaches 受理超时", report.acceptanceBreaches, .acceptanceBreaches, labelWidth: 30),
            row("asked twice 重复补正", report.repeatedMaterialsRequests, .repeatedMaterialsRequests, labelWidth: 30),
            blank,
            heading("Rejections by reason 不予受理原因"),
        ]
        if report.rejectionsByReason.isEmpty { lines.append(DashboardLine(spans: [text("none 无", .hint)])) }
        let reasonWidth = max(20, width - 6)
        lines += report.rejectionsByReason.map {
            row($0.key, $0.count, .rejections(reason: $0.key), labelWidth: reasonWidth, role: .plain)
        }
        return DashboardPanel(title: "Flow 流转 (period)", lines: lines)
    }

    static func satisfactionPanel(_ report: Report, width: Int) -> DashboardPanel {
        let ratings: [(Rating, String, Int)] = [(.good, "good 满意", report.ratingsGood), (.fair, "fair 基本满意", report.ratingsFair),
                                                (.poor, "poor 不满意", report.ratingsPoor)]
        let maximum = ratings.map(\.2).max() ?? 0
        let barWidth = max(4, min(24, width - 24))
        var lines = ratings.map { rating, words, count in
            row(words, count, .rated(rating), labelWidth: 16,
                extra: [text(" " + DashboardCharts.bar(count, of: maximum, width: barWidth), .bar)])
        }
        lines += [blank, row("poor, no follow-up 差评待回访", report.poorWithoutFollowUp.count, .poorWithoutFollowUp,
                             labelWidth: 30, role: report.poorWithoutFollowUp.isEmpty ? .label : .level(.overdue))]
        // The queue itself: each entry opens that case.
        let perLine = max(1, (width - 2) / 13)
        var index = 0
        while index < report.poorWithoutFollowUp.count {
            let chunk = report.poorWithoutFollowUp[index..<min(index + perLine, report.poorWithoutFollowUp.count)]
            lines.append(DashboardLine(spans: chunk.flatMap { number in
                [text("  "), DashboardSpan(text: number, role: .number, figure: .oneCase(number))]
            }))
            index += perLine
        }
        return DashboardPanel(title: "Satisfaction 满意度 (period)", lines: lines)
    }

    static func rate(_ words: String, _ value: Double?, _ part: Int, _ partFigure: ReportFigure,
                     _ whole: Int, _ wholeFigure: ReportFigure) -> DashboardLine {
        DashboardLine(spans: [text(fit(words, 25), .label), text(percent(value), .number, width: 5), text("  ("),
                              figure(part, partFigure), text(" of "), figure(whole, wholeFigure), text(")")])
    }

    static func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    static func hours(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value < 48 ? String(format: "%.1f h", value) : String(format: "%.1f d", value / 24)
    }
}
