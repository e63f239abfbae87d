import Foundation
import WicketCore

/// The consultations' lines in the dashboard's flow panel: of the questions received in the
/// period, how many were answered, on time, late, turned into applications; the working hours to
/// the first answer; and where they came from.
extension DashboardContent {
    static func consultationLines(_ c: ConsultationReport, _ l: Language) -> [DashboardLine] {
        let t = c.total
        let figures = UIText.dashConsultFigures.format(l, t.received, t.answered, t.answeredOnTime)
        let late = UIText.dashConsultLate.format(l, t.late, t.converted)
        let hours = { (value: Double?) in value.map { String(format: "%.1f", $0) } ?? "–" }
        var lines = [blank, heading(UIText.dashConsultTitle.text(l)),
                     DashboardLine(spans: [value(figures, .plain)]),
                     DashboardLine(spans: [value(late, t.late > 0 ? .level(.overdue) : .plain)]),
                     DashboardLine(spans: [text(UIText.dashConsultAnswerHours.format(l, hours(c.firstAnswerMedianHours),
                                                                                     hours(c.firstAnswerP90Hours)), .label)])]
        if !c.byChannel.isEmpty {
            let channels = c.byChannel.map { f in "\(Channel(rawValue: f.key).map { Words.channel($0, l) } ?? f.key) \(f.received)" }
            lines.append(DashboardLine(spans: [text(channels.joined(separator: " · "), .hint)]))
        }
        return lines
    }
}
