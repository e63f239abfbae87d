import Foundation

/// One demo generation: plays each case's scenario step by step at advancing simulated times,
/// stopping at the real present, so recent cases are naturally still open.
struct DemoRun {
    let store: CaseStore
    let end: Date
    let time: SimulatedTime
    let workflow: Workflow
    let intake: Intake
    let demoLogin: String

    private func clerks(of department: String) -> [String] {
        var logins = DemoPeople.staff.filter { $0.department == department }.map(\.login)
        if department == "PSB" { logins.append(demoLogin) }
        return logins
    }

    func simulateCase(index: Int, scenario chosen: DemoGenerator.Scenario, spanDays: Int, random: inout SeededRandom) throws {
        var scenario = chosen
        let service = random.pick(store.catalog.services)
        let english = random.chance(0.12)
        let channel = pickChannel(&random)
        // More recent days get more cases, as a backlog does.
        let ageSeconds = pow(Double.random(in: 0..<1, using: &random), 1.6) * Double(spanDays) * 86_400
        var moment = nextOfficeTime(end.addingTimeInterval(-ageSeconds), random: &random)
        if moment >= end { moment = end.addingTimeInterval(-600) }
        // Most cases nobody has touched are recent; a few old ones show acceptance breaches.
        // Likewise cases still in progress are mostly younger than their limit: most older ones finished.
        let stalls: Set<DemoGenerator.Scenario> = [.untouched, .accepted, .inReview]
        let limitSeconds = Double(service.promisedLimitDays) * 1.4 * 86_400 + 3 * 86_400
        if stalls.contains(scenario), ageSeconds > (scenario == .untouched ? 4 * 86_400 : limitSeconds),
           index >= DemoGenerator.Scenario.allCases.count, random.chance(0.85) {
            scenario = .completed
        }
        let texts = DemoTexts.summaries[service.code] ?? (zh: ["申请"], en: ["Application"])
        let sendsEverything = random.chance(scenario == .materials ? 0 : 0.75)
        var materials = service.materials
        if !sendsEverything, !materials.isEmpty {
            materials.remove(at: Int.random(in: 0..<materials.count, using: &random))
        }
        let application = Application(
            ref: channel == .window ? nil : "portal-\(String(format: "%06d", index + 1))", serviceCode: service.code,
            channel: channel, submittedAt: moment,
            applicantName: english ? random.pick(DemoPeople.englishNames) : DemoPeople.chineseName(&random),
            applicantIDNumber: DemoPeople.idNumber(&random), applicantPhone: DemoPeople.phone(&random),
            summary: english ? random.pick(texts.en) : random.pick(texts.zh),
            details: english ? random.pick(DemoTexts.detailsEn) : random.pick(DemoTexts.detailsZh),
            materials: materials, priority: random.chance(0.08) ? .urgent : .normal, language: english ? .en : .zh)
        let clerk = random.pick(clerks(of: service.department))
        time.now = moment
        guard let id = try intake.insert(application, actor: channel == .window ? clerk : "admin"),
              let record = try CaseRows.load(id: id, in: store.db) else { return }
        var steps = ScenarioSteps(run: self, number: record.number, clerk: clerk, moment: moment,
                                  promisedLimitDays: service.promisedLimitDays)
        try steps.play(scenario, service: service, random: &random)
    }

    private func pickChannel(_ random: inout SeededRandom) -> Channel {
        let roll = Double.random(in: 0..<1, using: &random)
        switch roll {
        case ..<0.45: return .online
        case ..<0.70: return .mobile
        case ..<0.85: return .window
        case ..<0.95: return .phone
        default: return .mail
        }
    }

    /// Moves a moment into office hours (09:00–17:00 on a working day) in the hall's zone.
    func nextOfficeTime(_ date: Date, random: inout SeededRandom) -> Date {
        var day = store.hallTime.day(of: date)
        var start = store.hallTime.start(of: day)
        var seconds = date.timeIntervalSince(start)
        if seconds > 17 * 3600 || !store.calendar.isWorkingDay(day) {
            repeat { day = day.adding(days: 1) } while !store.calendar.isWorkingDay(day)
            start = store.hallTime.start(of: day)
            seconds = 9 * 3600 + Double.random(in: 0..<3600, using: &random)
        } else if seconds < 9 * 3600 {
            seconds = 9 * 3600 + Double.random(in: 0..<3600, using: &random)
        }
        return start.addingTimeInterval(seconds)
    }

    /// The delivery gateway's side: older replies were delivered, a few failed. A failure older
    /// than three days went through on a later try (a hall's clerks deal with failures within days),
    /// so the Failed replies tab holds this week's handful, some still retrying, some for good.
    func settleDeliveries(random: inout SeededRandom) throws {
        let db = store.db
        let hourAgo = Timestamp.format(end.addingTimeInterval(-3600))
        let recent = Timestamp.format(end.addingTimeInterval(-3 * 86_400))
        let rows = try db.query("SELECT id, created_at FROM messages WHERE direction = 'outbound' AND created_at < ?", hourAgo)
        for row in rows {
            let roll = Double.random(in: 0..<1, using: &random)
            var (state, error, attempts) = roll < 0.85 ? ("delivered", "", 1) : roll < 0.95 ? ("sent", "", 1)
                : roll < 0.98 ? ("failed", "gateway timeout", 3) : ("failed_permanent", "number not in service", 1)
            if state.hasPrefix("failed") && row.string("created_at") < recent { (state, error) = ("delivered", "") }
            try db.execute("""
                UPDATE messages SET delivery_state = ?, attempts = ?, last_error = ?,
                    delivered_at = CASE WHEN ? IN ('delivered', 'sent') THEN ? END,
                    next_attempt_at = CASE WHEN ? = 'failed' THEN ? ELSE NULL END WHERE id = ?
                """, state, attempts, error, state, row.string("created_at"), state,
                Timestamp.format(end.addingTimeInterval(240)), row.int("id"))
        }
    }
}
