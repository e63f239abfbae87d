import Foundation
import WicketCore
import WicketTUI

/// The appointments' share of the benchmark: the fixture gets 50,000 bookings (once), booked
/// through the real `Appointments.book` at simulated times over the working days before the
/// benchmark's moment, the past ones settled as no-shows by the sweep; and today's board is
/// measured key → frame like the inbox.
enum BenchBookings {
    static let target = 50_000

    /// Adds bookings until the fixture holds `target`; a fixture that has them is left alone.
    static func ensure(fixture: String) throws {
        let store = try CaseStore.open(path: fixture, clock: Fixture.clock)
        var count = try store.db.scalarInt("SELECT count(*) FROM bookings") ?? 0
        guard count < target else { return }
        FileHandle.standardError.write(Data("booking up to \(target) appointments in \(fixture) (once) …\n".utf8))
        let time = BenchTime(Timestamp.parse(Fixture.now)!)
        let appointments = Appointments(store: store, clock: WallClock { time.now })
        let plan = try appointments.plan()
        guard plan.groups.contains(where: { !$0.services.isEmpty }) else { return }
        var random = SeededRandom(seed: 50_000)
        var day = store.today
        while count < target {
            if !plan.slots(on: day, calendar: store.calendar).isEmpty {
                // Booked two days before the slot's day, within the booking window.
                time.now = store.hallTime.start(of: day).addingTimeInterval(Double(-2 * 86_400 + 10 * 3600))
                for slot in plan.slots(on: day, calendar: store.calendar) where count < target {
                    guard let group = plan.groups.first(where: { $0.code == slot.group }) else { continue }
                    for _ in 0..<slot.capacity {
                        let request = BookingRequest(serviceCode: group.services[Int.random(in: 0..<group.services.count, using: &random)],
                                                     day: day, start: slot.startText, channel: .online,
                                                     personName: DemoNames.name(&random), personPhone: DemoNames.phone(&random))
                        if (try? appointments.book(request, actor: "admin")) != nil { count += 1 }
                    }
                }
            }
            day = day.adding(days: -1)
        }
        time.now = Timestamp.parse(Fixture.now)!
        try appointments.sweep(actor: "admin")
        try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try store.db.execute("ANALYZE")
    }
}

extension Operations {
    /// Today's board: open it from the inbox (Y, with the sweep's read and the day's bookings) and move on it.
    func board(runs: Int) throws -> [Row] {
        let store = try CaseStore.open(path: fixture, clock: Fixture.clock)
        var rows: [Row] = []
        for (name, setup, key, reset) in [("open today's board (Y)", "", "Y", "<Esc>"), ("board: move (j)", "Y", "j", "")] {
            let engine = try WorkstationEngine(store: store, login: Fixture.clerk, width: 100, height: 30)
            for key in try KeyScript.parse(setup) { engine.handle(key) }
            let keys = try KeyScript.parse(key), resets = try KeyScript.parse(reset)
            var samples = Samples()
            for _ in 0..<runs {
                let start = Clock.now()
                for key in keys { engine.handle(key) }
                _ = engine.render()
                samples.add(Clock.now() - start)
                for key in resets { engine.handle(key) }
            }
            var row = Row(operation: "key → frame: \(name), \(BenchBookings.target / 1000)k bookings", median: samples.median,
                          p99: samples.p99, unit: "ms", target: .atMost(10))
            row.checksP99 = true
            rows.append(row)
        }
        return rows
    }
}

final class BenchTime: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}

/// Names and phones for the bookings (the demo's own are internal to the core).
enum DemoNames {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    static let given = ["芳", "伟", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰"]
    static func name(_ random: inout SeededRandom) -> String {
        String(surnames[Int.random(in: 0..<surnames.count, using: &random)]) + given[Int.random(in: 0..<given.count, using: &random)]
    }
    static func phone(_ random: inout SeededRandom) -> String { "139\(Int.random(in: 10_000_000...99_999_999, using: &random))" }
}
