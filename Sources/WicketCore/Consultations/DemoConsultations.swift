import Foundation

/// The demo's questions: a realistic week of consultations through the real desk, at simulated
/// times — most answered on time (phone and window ones on the spot), some late, some turned into
/// applications or closed, the latest still open, a few overdue — so a newcomer sees the tab filled.
struct DemoConsultations {
    let run: DemoRun
    var random: SeededRandom

    static let questions: [(service: String?, zh: String, en: String)] = [
        ("BIRTH-REG", "办生育服务卡要带什么材料？", "What do I need to bring for a birth-service card?"),
        ("HUKOU-MOVE", "户口迁移可以网上办吗？", "Can I move my household registration online?"),
        ("ID-RENEW", "身份证丢了补办要多久？", "How long does replacing a lost ID card take?"),
        ("RES-PERMIT", "居住证需要住满半年吗？", "Do I need six months' residence for a permit?"),
        ("MARRIAGE", "结婚登记需要预约吗？", "Do we need an appointment to register our marriage?"),
        ("SSC-CARD", "社保卡申领收费吗？", "Is there a fee for a social security card?"),
        ("HPF-WITHDRAW", "提取公积金要哪些证明？", "Which papers do I need to withdraw my housing fund?"),
        (nil, "周六大厅开门吗？", "Is the hall open on Saturdays?"),
    ]

    mutating func play(count: Int) throws {
        let store = run.store
        let clock = WallClock { [time = run.time] in time.now }
        let desk = ConsultationDesk(store: store, clock: clock)
        var asked: [(number: String, moment: Date)] = []
        for index in 0..<count {
            // Over the last week, more of them recent.
            let age = pow(Double.random(in: 0..<1, using: &random), 1.3) * 7 * 86_400
            var moment = run.nextOfficeTime(run.end.addingTimeInterval(-age), random: &random)
            if moment >= run.end { moment = run.end.addingTimeInterval(-900) }
            run.time.now = moment
            let english = random.chance(0.1)
            let pick = random.pick(Self.questions)
            let channel = random.pick([Channel.online, .online, .mobile, .mobile, .phone, .window, .mail])
            let service = pick.service.flatMap(store.service)
            let clerk = random.pick(clerks(service?.department ?? "PSB"))
            let onTheSpot = (channel == .phone || channel == .window) && random.chance(0.7)
            let question = Question(ref: channel == .online || channel == .mobile ? "portal-q-\(String(format: "%06d", index + 1))" : nil,
                                    channel: channel, askedAt: moment,
                                    askerName: english ? random.pick(DemoPeople.englishNames) : DemoPeople.chineseName(&random),
                                    askerPhone: DemoPeople.phone(&random), language: english ? .en : .zh,
                                    serviceCode: service?.code, department: service == nil ? "PSB" : nil,
                                    question: english ? pick.en : pick.zh,
                                    answeredOnTheSpot: onTheSpot ? (english ? "Answered at the window." : "已当场答复。") : nil)
            let consultation = try desk.ask(question, actor: clerk)
            if !onTheSpot { asked.append((consultation.number, moment)) }
        }
        for (number, moment) in asked {
            guard let record = try ConsultationRows.load(number: number, in: store.db), let due = record.marks?.dueAt else { continue }
            // This morning's questions are still waiting.
            if run.end.timeIntervalSince(moment) < 3 * 3600 { continue }
            let department = record.department
            let roll = Double.random(in: 0..<1, using: &random)
            // Answered within its hours, or after them; converted; closed; the rest left open.
            // Older than a day, nothing stays open: the few left unanswered were answered late.
            let stale = run.end.timeIntervalSince(moment) > 86_400 && roll >= 0.86
            let answerAt = roll < 0.6 ? moment.addingTimeInterval(due.timeIntervalSince(moment) * Double.random(in: 0.05..<0.9, using: &random))
                : roll < 0.72 || stale ? due.addingTimeInterval(Double.random(in: 3600..<(2 * 86_400), using: &random)) : nil
            let clerk = random.pick(clerks(department))
            if let answerAt, answerAt < run.end {
                run.time.now = answerAt
                try desk.answer(number: number, text: try desk.draft(number: number, actor: clerk), actor: clerk)
            } else if roll < 0.8, record.serviceCode != nil, moment.addingTimeInterval(4 * 3600) < run.end {
                run.time.now = moment.addingTimeInterval(4 * 3600)
                try desk.convert(number: number, actor: clerk)
            } else if roll < 0.86, moment.addingTimeInterval(3600) < run.end {
                run.time.now = moment.addingTimeInterval(3600)
                try desk.close(number: number, as: random.pick(ConsultationStatus.closings),
                               reason: record.language == .en ? "Answered in another consultation." : "已在其他咨询中答复。", actor: clerk)
            }
        }
        run.time.now = run.end
    }

    private func clerks(_ department: String) -> [String] {
        let logins = DemoPeople.staff.filter { $0.department == department && $0.role == .clerk }.map(\.login)
        return logins.isEmpty ? ["admin"] : logins
    }
}
