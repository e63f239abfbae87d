import XCTest
@testable import WicketCore

/// Register, answer, close and convert: one transaction and one chained event each, versions
/// counted, the one access rule, and the answer delivered like any reply.
final class ConsultationTests: XCTestCase {
    var hall: TestHall!
    var desk: ConsultationDesk { ConsultationDesk(store: hall.store) }
    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    func ask(_ service: String? = "BIRTH-REG", channel: Channel = .online, by actor: String = "hp",
             ref: String? = nil, onTheSpot: String? = nil) throws -> Consultation {
        try desk.ask(Question(ref: ref, channel: channel, askedAt: hall.clock.now, askerName: "陈静", askerPhone: "13800000000",
                              askerIDNumber: "440106199001181234", serviceCode: service,
                              question: "办生育服务卡要带什么？", answeredOnTheSpot: onTheSpot), actor: actor)
    }

    func events(_ c: Consultation) throws -> [Row] {
        try hall.store.db.query("SELECT action, from_status, to_status, version, reason, details FROM consultation_history WHERE consultation_id = ? ORDER BY id", c.id)
    }

    func testRegisteringOpensAClockAndOneEvent() throws {
        let c = try ask()
        XCTAssertEqual(c.number, "Z2026-000001")
        XCTAssertEqual(c.status, .open)
        XCTAssertEqual(c.department, "HEALTH")
        XCTAssertEqual(c.version, 1)
        XCTAssertEqual(c.holder, "hp")
        // Friday 10:00 online: one working day, Monday 10:00.
        XCTAssertEqual(c.marks?.dueAt, Timestamp.parse("2026-11-30T10:00:00+08:00"))
        XCTAssertEqual(try events(c).map { $0.string("action") }, ["ask"])
        XCTAssertEqual(try IntegrityCheck(db: hall.store.db).run().events, 1)
    }

    func testAPhoneQuestionAnsweredOnTheSpotIsOneStep() throws {
        let c = try ask(channel: .phone, onTheSpot: "带身份证和户口簿。")
        XCTAssertEqual(c.status, .answered)
        XCTAssertEqual(c.answeredOnTime, true)
        XCTAssertEqual(c.answer, "带身份证和户口簿。")
        let history = try events(c)
        XCTAssertEqual(history.count, 1)
        XCTAssertEqual(history[0].string("to_status"), "answered")
        XCTAssertTrue(history[0].string("details").contains("\"on_the_spot\":true"))
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM consultation_replies"), 0, "said in person: nothing to deliver")
        XCTAssertThrowsError(try ask(channel: .online, onTheSpot: "x"), "an online question cannot be answered on the spot")
    }

    func testTheDraftIsTheWholeOneTimeNotice() throws {
        let c = try ask()
        let draft = try desk.draft(number: c.number, actor: "hp")
        for words in ["陈静您好", "生育登记", c.number, "1. 居民身份证", "2. 配偶居民身份证", "3. 居民户口簿", "4. 结婚证",
                      "承诺 1 个工作日内办结", "免费 free", "卫生健康委员会窗口"] {
            XCTAssertTrue(draft.contains(words), "\(words) in \(draft)")
        }
    }

    func testAnswerQueuesAReplyAndIsDeliveredLikeAnyReply() throws {
        let c = try ask()
        let out = hall.directory.appendingPathComponent("sent.json").path
        try hall.store.setSetting("delivery_command", "cat > '\(out)'")
        let answered = try desk.answer(number: c.number, text: try desk.draft(number: c.number, actor: "hp"), actor: "hp",
                                       expectedVersion: 1)
        XCTAssertEqual(answered.consultation.status, .answered)
        XCTAssertEqual(answered.consultation.version, 2)
        XCTAssertEqual(answered.consultation.answeredOnTime, true)
        XCTAssertEqual(try events(c).map { $0.string("action") }, ["ask", "answer"])
        XCTAssertEqual(try Outbox(store: hall.store).queuedCount(), 1)
        let result = Outbox(store: hall.store).deliverDue()
        XCTAssertEqual(result.sent, 1)
        let state = try hall.store.db.scalarString("SELECT delivery_state FROM consultation_replies WHERE id = ?", answered.replyID)
        XCTAssertEqual(state, "sent")
        let payload = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        XCTAssertEqual(payload["consultation_number"] as? String, c.number)
        XCTAssertNil(payload["case_number"])
        XCTAssertEqual((payload["to"] as? [String: String])?["phone"], "13800000000")
        // Answered twice? The second is refused and changes nothing.
        XCTAssertThrowsError(try desk.answer(number: c.number, text: "again", actor: "hp"))
        XCTAssertEqual(try events(c).count, 2)
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }

    func testALateAnswerIsRecordedLate() throws {
        let c = try ask()
        hall.clock.set("2026-11-30T10:00:01+08:00")
        XCTAssertEqual(try desk.answer(number: c.number, text: "请带身份证。", actor: "hp").consultation.answeredOnTime, false)
    }

    func testAStaleVersionIsRefusedAndChangesNothing() throws {
        let c = try ask()
        _ = try desk.close(number: c.number, as: .duplicate, reason: "与 Z2026-000002 相同", actor: "hp")
        XCTAssertThrowsError(try desk.answer(number: c.number, text: "x", actor: "hp", expectedVersion: 1)) { error in
            XCTAssertTrue("\(error)".contains("changed since you read it"), "\(error)")
        }
    }

    func testCloseNeedsAReasonAndEndsTheClock() throws {
        let c = try ask()
        XCTAssertThrowsError(try desk.close(number: c.number, as: .referred, reason: " ", actor: "hp"))
        XCTAssertThrowsError(try desk.close(number: c.number, as: .answered, reason: "x", actor: "hp"))
        let closed = try desk.close(number: c.number, as: .referred, reason: "转民政局", actor: "hp")
        XCTAssertEqual(closed.status, .referred)
        XCTAssertEqual(closed.closedReason, "转民政局")
        XCTAssertEqual(closed.level(at: hall.clock.now), Level.none)
        XCTAssertEqual(try events(c).last?.string("reason"), "转民政局")
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }

    func testConvertingMakesACaseLinkedBothWays() throws {
        let c = try ask()
        _ = try desk.answer(number: c.number, text: "请带齐材料来窗口。", actor: "hp")
        let converted = try desk.convert(number: c.number, actor: "hp")
        let record = converted.caseRecord
        XCTAssertEqual(record.serviceCode, "BIRTH-REG")
        XCTAssertEqual(record.applicantName, "陈静")
        XCTAssertEqual(record.applicantPhone, "13800000000")
        XCTAssertEqual(record.applicantIDNumber, "440106199001181234")
        XCTAssertEqual(record.holder, "hp")
        XCTAssertEqual(converted.consultation.status, .converted)
        XCTAssertEqual(converted.consultation.convertedCaseNumber, record.number)
        XCTAssertEqual(converted.consultation.version, 3)
        let submit = try hall.store.db.scalarString("SELECT details FROM history WHERE case_id = ? AND action = 'submit'", record.id)
        XCTAssertTrue(submit?.contains("\"consultation\":\"\(c.number)\"") == true, submit ?? "")
        XCTAssertTrue(try events(c).last!.string("details").contains(record.number))
        XCTAssertThrowsError(try desk.convert(number: c.number, actor: "hp"), "converted once only")
        let summary = try IntegrityCheck(db: hall.store.db).run()
        XCTAssertEqual(summary.cases, 1)
    }

    func testAQuestionWithoutAServiceNeedsOneToConvert() throws {
        let c = try ask(nil, by: "li")
        XCTAssertEqual(c.department, "PSB", "a clerk's own department when nothing else says it")
        XCTAssertThrowsError(try desk.convert(number: c.number, actor: "li"))
        XCTAssertEqual(try desk.convert(number: c.number, serviceCode: "HUKOU-MOVE", actor: "li").caseRecord.serviceCode, "HUKOU-MOVE")
    }

    func testClerksSeeTheirDepartmentsConsultationsSupervisorsAll() throws {
        let health = try ask()
        let psb = try ask("HUKOU-MOVE", by: "li")
        let li = try CaseAccess.check("li", in: hall.store)
        let hp = try CaseAccess.check("hp", in: hall.store)
        let sup = try CaseAccess.check("sup", in: hall.store)
        XCTAssertEqual(try ConsultationQueries.open(in: hall.store, for: li).map(\.number), [psb.number])
        XCTAssertEqual(try ConsultationQueries.open(in: hall.store, for: hp).map(\.number), [health.number])
        XCTAssertEqual(try ConsultationQueries.open(in: hall.store, for: sup).count, 2)
        // Another department's consultation is, for a clerk, one that does not exist.
        XCTAssertThrowsError(try ConsultationQueries.detail(number: health.number, in: hall.store, for: li)) { error in
            XCTAssertTrue("\(error)".contains("no consultation \(health.number) that you may see"), "\(error)")
        }
        XCTAssertThrowsError(try desk.answer(number: health.number, text: "x", actor: "li"))
        XCTAssertNoThrow(try desk.answer(number: health.number, text: "x", actor: "sup"))
    }

    func testTheOpenListIsInUrgencyOrderAndPagesByKeyset() throws {
        var numbers: [String] = []
        for (hour, channel) in [("09", Channel.mail), ("10", .online), ("11", .online)] {
            hall.clock.set("2026-11-27T\(hour):00:00+08:00")
            numbers.append(try ask(channel: channel).number)
        }
        let sup = try CaseAccess.check("sup", in: hall.store)
        let all = try ConsultationQueries.open(in: hall.store, for: sup)
        XCTAssertEqual(all.map(\.number), [numbers[1], numbers[2], numbers[0]], "mail has three working days")
        let first = try ConsultationQueries.open(in: hall.store, for: sup, limit: 2)
        let cursor = ConsultationQueries.Cursor(dueAt: Timestamp.format(first[1].marks!.dueAt), id: first[1].id)
        XCTAssertEqual(try ConsultationQueries.open(in: hall.store, for: sup, after: cursor).map(\.number), [numbers[0]])
    }

    func testAChangeAroundWicketIsCaughtByCheck() throws {
        let c = try ask()
        try hall.store.db.execute("UPDATE consultations SET status = 'answered' WHERE id = ?", c.id)
        XCTAssertThrowsError(try IntegrityCheck(db: hall.store.db).run()) { error in
            XCTAssertTrue("\(error)".contains("consultation #\(c.id) is at version 1, answered"), "\(error)")
        }
    }

    func testTheReportCountsTheCohortAndTheWorkingHoursToTheFirstAnswer() throws {
        // Friday 10:00: three questions; one answered the same day at 12:00 (2 working hours),
        // one on Monday at 12:00 (past its due 10:00: late; 26 working hours), one turned into a case.
        let quick = try ask(channel: .online)
        let slow = try ask(channel: .mobile)
        let converted = try ask(channel: .online)
        hall.clock.set("2026-11-27T12:00:00+08:00")
        try desk.answer(number: quick.number, text: "a", actor: "hp")
        try desk.convert(number: converted.number, actor: "hp")
        hall.clock.set("2026-11-30T12:00:00+08:00")
        try desk.answer(number: slow.number, text: "b", actor: "hp")
        let psbClerk = try ask("HUKOU-MOVE", by: "li")
        _ = psbClerk
        let report = try ConsultationReport.build(store: hall.store, period: .days(30), department: "HEALTH")
        XCTAssertEqual(report.total.received, 3)
        XCTAssertEqual(report.total.answered, 2)
        XCTAssertEqual(report.total.answeredOnTime, 1)
        XCTAssertEqual(report.total.late, 1)
        XCTAssertEqual(report.total.converted, 1)
        XCTAssertEqual(report.byChannel.map(\.key), ["online", "mobile"])
        XCTAssertEqual(report.byChannel.first?.received, 2)
        XCTAssertEqual(report.firstAnswerMedianHours, 2)
        XCTAssertEqual(report.firstAnswerP90Hours, 26)
        XCTAssertEqual(try ConsultationReport.build(store: hall.store, period: .days(30)).total.received, 4)
    }

    /// The demo's week of questions: every ending a newcomer should see, through the real desk.
    func testTheDemoHasConsultationsInEveryStateAndChecksClean() throws {
        try hall.store.setSetting("demo", "1")
        try DemoGenerator(store: hall.store, demoLogin: "demo", caseCount: 120).run()
        let statuses = Set(try hall.store.db.query("SELECT DISTINCT status FROM consultations").map { $0.string(at: 0) })
        for status in ["open", "answered", "converted"] { XCTAssertTrue(statuses.contains(status), "\(statuses)") }
        XCTAssertGreaterThan(try hall.store.db.scalarInt("SELECT count(*) FROM consultations WHERE answered_on_time = 0") ?? 0, 0,
                             "some answered late")
        XCTAssertGreaterThan(try hall.store.db.scalarInt("SELECT count(*) FROM consultation_replies") ?? 0, 0)
        XCTAssertNoThrow(try IntegrityCheck(db: hall.store.db).run())
    }
}
