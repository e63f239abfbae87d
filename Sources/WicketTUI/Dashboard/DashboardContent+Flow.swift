import Foundation
import WicketCore

/// The period's panels: flow (intake against completions, answer times, rates, rejections) and
/// satisfaction (ratings and the follow-up queue).
extension DashboardContent {
    static func flowPanel(_ report: Report, width: Int, _ l: Language, consultations: ConsultationReport? = nil) -> DashboardPanel {
        let intake = report.intakePerDay.map(\.count)
        let completed = report.completedPerDay.map(\.count)
        let chartWidth = max(7, width - 24)
        let shown = DashboardCharts.tail(intake, fitting: chartWidth).count
        // One scale for both lines, so their heights compare day by day.
        let maximum = max(intake.suffix(shown).max() ?? 0, completed.suffix(shown).max() ?? 0)
        let firstShown = report.intakePerDay.suffix(shown).first?.key ?? report.periodStart.description
        let measure = DisplayWidth.standard
        // The busiest day's figure is read whole: where the line is narrow the days it spans go
        // first, then the indent.
        var scale = UIText.dashPerDay.format(l, maximum)
        let days = "\(firstShown.suffix(5)) … \(report.periodEnd.description.suffix(5)) · "
        if measure.width(of: days + scale) <= width { scale = days + scale }
        let scaleIndent = max(0, min(20, width - measure.width(of: scale)))
        // The first answer's median and 90th percentile, each its own span so neither is ever cut
        // into another number; the label gives up its padding before they give up room.
        let median = hours(report.firstResponseMedianHours, l), p90 = hours(report.firstResponseP90Hours, l)
        let answerLabel = UIText.dashFirstAnswer.text(l)
        let answerWidth = measure.width(of: UIText.dashMedian.format(l, median, p90))
        let answerLabelWidth = max(measure.width(of: answerLabel) + 1, min(20, width - answerWidth))
        let pattern = UIText.dashMedian.text(l).components(separatedBy: "{0}")
        let (beforeMedian, betweenAndAfter) = (pattern.first ?? "", (pattern.last ?? "").components(separatedBy: "{1}"))
        var lines = [
            DashboardLine(spans: [text(fit(UIText.dashIntake.text(l), 14), .label), figure(report.intake, .intake, width: 5),
                                  text(" " + DashboardCharts.sparkline(DashboardCharts.tail(intake, fitting: shown), maximum: maximum), .bar)]),
            DashboardLine(spans: [text(fit(UIText.dashCompleted.text(l), 14), .label), figure(report.completed, .completed, width: 5),
                                  text(" " + DashboardCharts.sparkline(DashboardCharts.tail(completed, fitting: shown), maximum: maximum), .bar)]),
            DashboardLine(spans: [text(String(repeating: " ", count: scaleIndent)), value(scale, .hint)]),
            blank,
            DashboardLine(spans: [text(fit(answerLabel, answerLabelWidth), .label), text(beforeMedian), value(median),
                                  text(betweenAndAfter.first ?? ""), value(p90), text(betweenAndAfter.count > 1 ? betweenAndAfter[1] : "")]),
            rate(.dashOnTime, report.onTimeRate, report.decidedOnTime, .decidedOnTime, report.decided, .decided, l),
            rate(.dashOnline, report.onlineCompletionRate, report.completedOnline, .completedOnline,
                 report.completed, .completed, l),
            row(UIText.dashAcceptanceBreaches.text(l), report.acceptanceBreaches, .acceptanceBreaches, labelWidth: 30),
            row(UIText.dashAskedTwice.text(l), report.repeatedMaterialsRequests, .repeatedMaterialsRequests, labelWidth: 30),
        ]
        if let consultations { lines += consultationLines(consultations, l) }
        lines += [blank, heading(UIText.dashRejections.text(l))]
        if report.rejectionsByReason.isEmpty { lines.append(DashboardLine(spans: [text(UIText.dashNone.text(l), .hint)])) }
        let reasonWidth = max(20, width - 6)
        lines += report.rejectionsByReason.map {
            row($0.name.text(l), $0.count, .rejections(code: $0.key, name: $0.name), labelWidth: reasonWidth, role: .plain)
        }
        lines += [blank, heading(UIText.dashDenials.text(l))]
        if report.denialsByReason.isEmpty { lines.append(DashboardLine(spans: [text(UIText.dashNone.text(l), .hint)])) }
        lines += report.denialsByReason.map {
            row($0.name.text(l), $0.count, .denials(code: $0.key, name: $0.name), labelWidth: reasonWidth, role: .plain)
        }
        lines += appointmentLines(report.appointments, l)
        return DashboardPanel(title: UIText.dashFlowTitle.text(l), lines: lines)
    }

    static func satisfactionPanel(_ report: Report, width: Int, _ l: Language) -> DashboardPanel {
        let counts: [(Rating, Int)] = [(.good, report.ratingsGood), (.fair, report.ratingsFair), (.poor, report.ratingsPoor)]
        let ratings = counts.map { ($0.0, Words.rating($0.0, l), $0.1) }
        let maximum = ratings.map(\.2).max() ?? 0
        let barWidth = max(4, min(24, width - 24))
        var lines = ratings.map { rating, words, count in
            row(words, count, .rated(rating), labelWidth: 16,
                extra: [text(" " + DashboardCharts.bar(count, of: maximum, width: barWidth), .bar)])
        }
        lines += [blank, row(UIText.dashPoorNoFollowUp.text(l), report.poorWithoutFollowUp.count, .poorWithoutFollowUp,
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
        return DashboardPanel(title: UIText.dashSatisfactionTitle.text(l), lines: lines)
    }

    static func rate(_ word: UIText, _ value: Double?, _ part: Int, _ partFigure: ReportFigure,
                     _ whole: Int, _ wholeFigure: ReportFigure, _ l: Language) -> DashboardLine {
        // "(part of whole)": each number its own span, so each drills into its own cases.
        let around = UIText.dashPartOf.text(l).components(separatedBy: "{0}")
        let (before, rest) = (around.first ?? "", (around.last ?? "").components(separatedBy: "{1}"))
        return DashboardLine(spans: [text(fit(word.text(l), 25), .label), text(percent(value), .number, width: 5),
                                     text("  " + before), figure(part, partFigure), text(rest.first ?? ""),
                                     figure(whole, wholeFigure), text(rest.last ?? "")])
    }

    static func percent(_ value: Double?) -> String {
        value.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    static func hours(_ value: Double?, _ l: Language) -> String {
        guard let value else { return "–" }
        return value < 48 ? UIText.dashHours.format(l, String(format: "%.1f", value))
            : UIText.dashDays.format(l, String(format: "%.1f", value / 24))
    }
}
