import Foundation

/// Plays one demo scenario on one case, each step a real workflow call a little later than the last.
struct ScenarioSteps {
    let run: DemoRun
    let number: String
    let clerk: String
    var moment: Date
    /// Quick services move quickly: step gaps shrink with the promised limit, so a one-day item
    /// is not overdue by construction.
    let pace: Double
    static let supervisor = "sun.li"

    init(run: DemoRun, number: String, clerk: String, moment: Date, promisedLimitDays: Int) {
        self.run = run
        self.number = number
        self.clerk = clerk
        self.moment = moment
        pace = min(1.2, max(0.08, Double(promisedLimitDays) / 15))
    }

    /// Performs `action` some working hours after the previous step; false once that is in the future.
    @discardableResult
    mutating func step(_ action: CaseAction, random: inout SeededRandom, hours: ClosedRange<Double> = 1...30,
                       as actor: String? = nil, configure: (inout ActionRequest) -> Void = { _ in }) throws -> Bool {
        let next = run.nextOfficeTime(moment.addingTimeInterval(Double.random(in: hours, using: &random) * 3600 * pace),
                                      random: &random)
        guard next < run.end else { return false }
        moment = next
        run.time.now = next
        var request = ActionRequest(caseNumber: number, action: action, actor: actor ?? clerk)
        configure(&request)
        try run.workflow.perform(request)
        return true
    }

    mutating func play(_ scenario: DemoGenerator.Scenario, service: ServiceItem, random: inout SeededRandom) throws {
        if random.chance(0.15) {
            let note = random.pick(DemoTexts.notes)
            try step(.note, random: &random, hours: 0.2...3) { $0.text = note }
        }
        switch scenario {
        case .untouched:
            if random.chance(0.3) { try step(.claim, random: &random, hours: 0.1...4) }
        case .accepted:
            try accept(service, &random)
        case .inReview:
            guard try accept(service, &random) else { return }
            try step(.startReview, random: &random)
        case .completed, .extended, .denied, .suspended:
            guard try accept(service, &random), try step(.startReview, random: &random) else { return }
            try finishReview(scenario, service, &random)
        case .materials:
            guard try step(.requestMaterials, random: &random, hours: 0.5...40) else { return }
            guard random.chance(0.65), try step(.supplement, random: &random, hours: 8...80, configure: {
                $0.materials = service.materials
                $0.text = "材料已补齐，请查收。"
            }) else { return }
            guard try accept(service, &random), try step(.startReview, random: &random) else { return }
            try finishReview(.completed, service, &random)
        case .rejected:
            let (code, reason) = random.pick(DemoTexts.rejectReasons)
            try step(.reject, random: &random) {
                $0.reason = reason
                $0.reasonCode = code
            }
        case .withdrawn:
            let reason = random.pick(DemoTexts.withdrawReasons)
            try step(.withdraw, random: &random, hours: 2...60) { $0.reason = reason }
        case .transferred:
            let others = run.store.catalog.departments.map(\.code).filter { $0 != service.department }
            let target = random.pick(others)
            try step(.transfer, random: &random, as: Self.supervisor) {
                $0.target = target
                $0.reason = "申请事项属其他部门职责"
            }
        }
    }

    @discardableResult
    private mutating func accept(_ service: ServiceItem, _ random: inout SeededRandom) throws -> Bool {
        // Most first answers come within the day; some wait long enough to breach the acceptance limit.
        let hours: ClosedRange<Double> = random.chance(0.1) ? 60...200 : 0.5...20
        if random.chance(0.4) {
            guard try step(.material, random: &random, hours: 0.1...2, configure: {
                $0.materials = [service.materials.first ?? "ID-CARD"]
                $0.materialState = .verified
            }) else { return false }
        }
        return try step(.accept, random: &random, hours: hours)
    }

    private mutating func finishReview(_ scenario: DemoGenerator.Scenario, _ service: ServiceItem,
                                        _ random: inout SeededRandom) throws {
        switch scenario {
        case .denied:
            let (code, reason) = random.pick(DemoTexts.denyReasons)
            try step(.deny, random: &random, hours: 20...120) {
                $0.reason = reason
                $0.reasonCode = code
            }
            return
        case .suspended:
            let reason = random.pick(DemoTexts.suspendReasons)
            guard try step(.suspend, random: &random, hours: 8...60, configure: {
                $0.reason = reason
            }) else { return }
            guard random.chance(0.5), try step(.resume, random: &random, hours: 20...120) else { return }
        case .extended:
            let days = min(5, service.extensionMaxDays)
            guard try step(.extend, random: &random, hours: 20...80, as: Self.supervisor, configure: {
                $0.days = days
                $0.reason = "案情复杂，需进一步核实"
            }) else { return }
        default:
            break
        }
        if random.chance(0.1) {
            try step(.reply, random: &random, hours: 1...10) { $0.text = "您的申请正在审核中，请耐心等待。" }
        }
        guard try step(.approve, random: &random, hours: 10...150),
              try step(.deliver, random: &random, hours: 4...60) else { return }
        guard random.chance(0.6) else { return }
        let roll = Double.random(in: 0..<1, using: &random)
        let rating: Rating = roll < 0.72 ? .good : roll < 0.9 ? .fair : .poor
        let comment = rating == .poor ? random.pick(DemoTexts.poorComments) : nil
        guard try step(.rate, random: &random, hours: 1...48, configure: {
            $0.rating = rating
            $0.text = comment
        }) else { return }
        if rating == .poor, random.chance(0.5) {
            try step(.followUp, random: &random, hours: 2...48, as: Self.supervisor) {
                $0.text = "已电话回访申请人并致歉，说明改进措施。"
            }
        }
    }
}
