import WicketCore

/// The flow panel's appointments block: the period's bookings, who came and who did not, the
/// wait from check-in to the call and how many were called within their slot (`wicket report`'s
/// `appointments` section, from the same `Report`).
extension DashboardContent {
    static func appointmentLines(_ figures: AppointmentFigures, _ l: Language) -> [DashboardLine] {
        let minutes = { (value: Double?) in value.map { String(Int($0.rounded())) } ?? "–" }
        return [
            blank,
            heading(UIText.dashAppointments.text(l)),
            DashboardLine(spans: [text(fit(UIText.dashBookings.text(l), 14), .label), value(String(figures.bookings)),
                                  text("  " + UIText.dashArrivedNoShow.format(l, percent(figures.arrivalRate), percent(figures.noShowRate)))]),
            waitLine(minutes(figures.waitMedianMinutes), minutes(figures.waitP90Minutes), l),
            DashboardLine(spans: [text(fit(UIText.dashWithinSlot.text(l), 14), .label), value(percent(figures.servedWithinSlotRate)),
                                  text("  " + UIText.dashOfCalled.format(l, figures.servedWithinSlot, figures.called))]),
        ]
    }

    /// The two waits each their own span, so neither is ever cut into another number.
    static func waitLine(_ median: String, _ p90: String, _ l: Language) -> DashboardLine {
        let pattern = UIText.dashWaitMinutes.text(l).components(separatedBy: "{0}")
        let rest = (pattern.last ?? "").components(separatedBy: "{1}")
        return DashboardLine(spans: [text(fit(UIText.dashWaitToCall.text(l), 14), .label), text(pattern.first ?? ""), value(median),
                                     text(rest.first ?? ""), value(p90), text(rest.count > 1 ? rest[1] : "")])
    }
}
