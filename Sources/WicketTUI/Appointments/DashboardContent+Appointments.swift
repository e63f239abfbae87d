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
            DashboardLine(spans: [text(fit(UIText.dashWaitToCall.text(l), 14), .label),
                                  text(UIText.dashWaitMinutes.format(l, minutes(figures.waitMedianMinutes), minutes(figures.waitP90Minutes)))]),
            DashboardLine(spans: [text(fit(UIText.dashWithinSlot.text(l), 14), .label), value(percent(figures.servedWithinSlotRate)),
                                  text("  " + UIText.dashOfCalled.format(l, figures.servedWithinSlot, figures.called))]),
        ]
    }
}
