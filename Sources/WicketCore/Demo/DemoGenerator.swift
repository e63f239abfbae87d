import Foundation

/// Builds the demo database through the real workflow, at simulated times over the last weeks,
/// so every case has a lawful history, clocks, replies and ratings: every state is represented.
public struct DemoGenerator {
    public let store: CaseStore
    /// The person running the demo: a clerk of the Public Security Bureau, holding some cases.
    public let demoLogin: String
    public var caseCount: Int
    public var seed: UInt64 = 20_261_127
    /// How far back submissions go, in calendar days.
    public var spanDays = 40

    public init(store: CaseStore, demoLogin: String, caseCount: Int) {
        self.store = store
        self.demoLogin = demoLogin
        self.caseCount = caseCount
    }

    enum Scenario: CaseIterable {
        case untouched, accepted, inReview, completed, materials, rejected, denied, suspended, withdrawn, transferred, extended
    }

    static let weightedScenarios: [(Scenario, Int)] = [
        (.untouched, 12), (.accepted, 8), (.inReview, 12), (.completed, 30), (.materials, 15), (.rejected, 5),
        (.denied, 4), (.suspended, 5), (.withdrawn, 3), (.transferred, 3), (.extended, 3),
    ]

    public func run(progress: ((Int) -> Void)? = nil) throws {
        let admin = Administration(store: store)
        for user in DemoPeople.staff { try admin.saveUser(user) }
        try admin.saveUser(User(login: demoLogin, displayName: "演示 demo", role: .clerk,
                                department: "PSB"))
        var random = SeededRandom(seed: seed)
        let end = store.clock.now
        let simulated = SimulatedTime(end)
        let clock = WallClock { simulated.now }
        let run = DemoRun(store: store, end: end, time: simulated, workflow: Workflow(store: store, clock: clock),
                          intake: Intake(store: store, clock: clock), demoLogin: demoLogin)
        // One long transaction: a bigger page cache keeps it from spilling pages to the WAL mid-way.
        try store.db.execute("PRAGMA cache_size = -131072")
        defer { try? store.db.execute("PRAGMA cache_size = -2000") }
        try store.db.write {
            for index in 0..<caseCount {
                // Early cases cover every scenario once; the rest follow realistic weights.
                let scenario = index < Scenario.allCases.count ? Scenario.allCases[index] : pickScenario(&random)
                try run.simulateCase(index: index, scenario: scenario, spanDays: spanDays, random: &random)
                if index % 200 == 199 { progress?(index + 1) }
            }
            // The questions come from a random stream of their own: the cases stay as they were.
            var questions = DemoConsultations(run: run, random: SeededRandom(seed: seed &+ 14))
            try questions.play(count: min(300, max(40, caseCount / 8)))
            try run.settleDeliveries(random: &random)
        }
        // A day of appointments after the cases: their calls open cases of their own.
        try DemoBookings(store: store, demoLogin: demoLogin).run(random: &random)
    }

    private func pickScenario(_ random: inout SeededRandom) -> Scenario {
        let total = Self.weightedScenarios.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &random)
        for (scenario, weight) in Self.weightedScenarios {
            if roll < weight { return scenario }
            roll -= weight
        }
        return .completed
    }
}

/// The simulated "now" the demo's workflow runs at; only the demo generator moves it.
final class SimulatedTime: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
