import XCTest
@testable import WicketCore

/// Issue 12, "failed replies are nearly invisible": the cases with a failed reply nobody has dealt
/// with are kept by triggers (`FailedReplyCases`), listed, counted and drilled into, and a clerk
/// resends or marks one handled, each as one action with one history event.
final class FailedRepliesTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private var db: Database { hall.store.db }

    /// Replies due now go to a command that exits with `status` (0 sent, 65 permanent, else temporary).
    @discardableResult
    private func deliver(exit status: Int32) throws -> Outbox.Result {
        try hall.store.setSetting("delivery_command", "exit \(status)")
        return Outbox(store: hall.store).deliverDue(limit: 1_000)
    }

    /// A PSB case accepted by li, its acceptance notice failed with `status`; returns (number, reply id).
    private func failedCase(exit status: Int32 = 65) throws -> (String, Int) {
        let number = try hall.submit().number
        let reply = try hall.act(number, .accept).replyID!
        try deliver(exit: status)
        return (number, reply)
    }

    private func message(_ id: Int) throws -> Row {
        try db.queryOne("SELECT * FROM messages WHERE id = ?", id)!
    }

    private func stored() throws -> [[String]] {
        try db.query("SELECT case_id, department, permanent, retrying FROM failed_reply_cases ORDER BY case_id")
            .map { row in (0..<4).map { row.string(at: $0) } }
    }

    /// Counted straight from the messages, the slow way the table exists to avoid.
    private func freshCount() throws -> [[String]] {
        var byCase: [Int: (department: String, permanent: Int, retrying: Int)] = [:]
        for row in try db.query("""
            SELECT m.case_id, c.department, m.delivery_state, m.handled_at, m.direction FROM messages m
            JOIN cases c ON c.id = m.case_id ORDER BY m.case_id
            """) {
            guard row.string("direction") == "outbound", row.optionalString("handled_at") == nil else { continue }
            let state = row.optionalString("delivery_state")
            guard state == "failed" || state == "failed_permanent" else { continue }
            var entry = byCase[row.int("case_id")] ?? (row.string("department"), 0, 0)
            if state == "failed" { entry.retrying += 1 } else { entry.permanent += 1 }
            byCase[row.int("case_id")] = entry
        }
        return byCase.keys.sorted().map { id in
            let entry = byCase[id]!
            return [String(id), entry.department, String(entry.permanent), String(entry.retrying)]
        }
    }

    func testTheFailedListFollowsRandomDeliveriesResendsAndHandlesExactly() throws {
        var random = SeededRandom(seed: 12)
        var numbers: [String] = []
        let clerks = ["PSB": "li", "HEALTH": "hp"]
        for step in 0..<160 {
            let roll = Int.random(in: 0..<100, using: &random)
            switch roll {
            case 0..<20:
                let service = Bool.random(using: &random) ? "HUKOU-MOVE" : "BIRTH-REG"
                let record = try hall.submit(service: service)
                numbers.append(record.number)
                try hall.act(record.number, .accept, as: clerks[record.department] ?? "sup")
            case 20..<30 where !numbers.isEmpty:
                let number = numbers[Int.random(in: 0..<numbers.count, using: &random)]
                _ = try? hall.act(number, .reply, as: "sup") { $0.text = "第 \(step) 条答复" }
            case 30..<55:
                try deliver(exit: [0, 3, 65, 75][Int.random(in: 0..<4, using: &random)])
            case 55..<70:
                let open = try db.query("""
                    SELECT c.number, m.id FROM messages m JOIN cases c ON c.id = m.case_id
                    WHERE m.delivery_state IN ('failed', 'failed_permanent') ORDER BY m.id
                    """)
                guard !open.isEmpty else { continue }
                let pick = open[Int.random(in: 0..<open.count, using: &random)]
                let action: CaseAction = Bool.random(using: &random) ? .resendReply : .replyHandled
                _ = try? hall.act(pick.string(at: 0), action, as: "sup") {
                    $0.messageID = pick.int(at: 1)
                    $0.reason = "电话已告知"
                }
            case 70..<78 where !numbers.isEmpty:
                // A transfer moves the case, and its failed reply, to another department's list.
                let number = numbers[Int.random(in: 0..<numbers.count, using: &random)]
                _ = try? hall.act(number, .transfer, as: "sup") {
                    $0.target = ["PSB", "HEALTH"].randomElement(using: &random)
                    $0.reason = "转办"
                }
            default:
                // Time passes: temporary failures fall due again.
                hall.clock.now = hall.clock.now.addingTimeInterval(Double(Int.random(in: 60...4000, using: &random)))
            }
            XCTAssertEqual(try stored(), try freshCount(), "after step \(step)")
        }
        XCTAssertFalse(try stored().isEmpty, "the run made some failures")
        XCTAssertNil(try Tallies.firstDrift(in: db))
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        // The tab's count is its list's count, for the whole hall and for one department.
        for department in [nil, "PSB", "HEALTH"] {
            var filter = CaseFilter(department: department)
            filter.failedReplies = .any
            let counts = try InboxTabCounts.read(for: "li", department: department, in: hall.store)
            XCTAssertEqual(counts.failedReplies, try CaseQueries.count(filter, in: hall.store), department ?? "all")
            XCTAssertEqual(counts.failedReplies, try freshCount().filter { department == nil || $0[1] == department }.count)
        }
    }

    /// A hall from before migration 12 gets the list filled from the failures it already has.
    func testMigrationFillsTheListFromExistingFailures() throws {
        let (number, _) = try failedCase(exit: 65)
        try db.write {
            try SchemaRewind.rewind(db, to: 13)
        }
        let reopened = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertEqual(try reopened.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertEqual(try reopened.db.scalarInt("SELECT permanent FROM failed_reply_cases"), 1)
        XCTAssertEqual(try CaseQueries.list({ var f = CaseFilter(); f.failedReplies = .any; return f }(), in: reopened)
                        .map(\.number), [number])
        XCTAssertNil(try Tallies.firstDrift(in: reopened.db))
    }

    /// The comparison has teeth: without its update trigger, the next failure leaves the list behind.
    func testAMissingTriggerShowsAsDrift() throws {
        try db.execute("DROP TRIGGER failed_reply_cases_update")
        _ = try failedCase()
        XCTAssertNotEqual(try stored(), try freshCount())
        XCTAssertNotNil(try Tallies.firstDrift(in: db))
    }

    func testCheckNoticesAFailedListThatDrifted() throws {
        _ = try failedCase()
        XCTAssertNoThrow(try IntegrityCheck(db: db).run())
        try db.execute("UPDATE failed_reply_cases SET permanent = 2")
        XCTAssertThrowsError(try IntegrityCheck(db: db).run()) { error in
            XCTAssertEqual((error as? IntegrityCheck.Problem)?.kind, .tally, "\(error)")
            XCTAssertTrue("\(error)".contains("failed_reply_cases"), "\(error)")
        }
    }

    func testResendQueuesTheReplyAgainWithAFreshCountOfTries() throws {
        let (number, reply) = try failedCase(exit: 65)
        let version = try hall.record(number).version
        let events = try hall.historyCount(number)
        let outcome = try hall.act(number, .resendReply) { $0.messageID = reply }
        XCTAssertEqual(outcome.version, version + 1)
        XCTAssertEqual(try hall.historyCount(number), events + 1)
        XCTAssertNil(outcome.replyID, "no second reply is stored: the failed one goes again")
        let row = try message(reply)
        XCTAssertEqual(row.string("delivery_state"), "queued")
        XCTAssertEqual(row.int("attempts"), 0)
        XCTAssertEqual(row.string("next_attempt_at"), Timestamp.format(hall.clock.now))
        XCTAssertTrue(try stored().isEmpty)
        let event = try db.queryOne("SELECT * FROM history WHERE id = ?", outcome.historyEventID)!
        XCTAssertEqual(event.string("action"), "resend-reply")
        XCTAssertEqual(event.string("actor"), "li")
        let details = event.string("details")
        XCTAssertTrue(details.contains("\"message_id\":\(reply)") && details.contains("\"delivery_state\":\"failed_permanent\"")
                      && details.contains("\"last_error\":\"exit 65\""), details)
        // The gateway is back: it goes out.
        XCTAssertEqual(try deliver(exit: 0).sent, 1)
        XCTAssertEqual(try message(reply).string("delivery_state"), "sent")
        XCTAssertEqual(try message(reply).int("attempts"), 1)
    }

    func testHandledStopsTheRetriesAndKeepsTheNote() throws {
        let (number, reply) = try failedCase(exit: 3)
        XCTAssertEqual(try stored().first?[3], "1", "retrying")
        XCTAssertRefused(.reasonRequired(.replyHandled)) { try hall.act(number, .replyHandled) }
        let outcome = try hall.act(number, .replyHandled) { $0.reason = "已电话告知申请人" }
        let row = try message(reply)
        XCTAssertEqual(row.string("delivery_state"), "failed", "the delivery's own record stays true")
        XCTAssertEqual(row.string("handled_by"), "li")
        XCTAssertEqual(row.string("handled_note"), "已电话告知申请人")
        XCTAssertNil(row.optionalString("next_attempt_at"))
        XCTAssertTrue(try stored().isEmpty)
        let event = try db.queryOne("SELECT action, reason FROM history WHERE id = ?", outcome.historyEventID)!
        XCTAssertEqual(event.string("action"), "handled-reply")
        XCTAssertEqual(event.string("reason"), "已电话告知申请人")
        // No retry any more, however long the clock runs.
        hall.clock.now = hall.clock.now.addingTimeInterval(7 * 86_400)
        XCTAssertEqual(try deliver(exit: 0), Outbox.Result())
        let detail = try CaseDetail.load(number: number, in: hall.store)
        XCTAssertEqual(DeliveryText.describe(detail.messages[0], hallTime: hall.store.hallTime, today: hall.store.today)?.en,
                       "failed — handled by li on 27 Nov 2026 10:00: 已电话告知申请人")
    }

    func testTheDetailSaysHowAFailureStands() throws {
        let (number, _) = try failedCase(exit: 3)
        var detail = try CaseDetail.load(number: number, in: hall.store)
        func words() -> Bilingual? {
            DeliveryText.describe(detail.messages[0], hallTime: hall.store.hallTime, today: hall.store.today)
        }
        XCTAssertEqual(words()?.en, "failed — retrying (1/12), next 10:01: exit 3")
        XCTAssertEqual(words()?.zh, "发送失败，重试中（1/12），下次 10:01：exit 3")
        hall.clock.now = hall.clock.now.addingTimeInterval(120)
        try deliver(exit: 65)
        detail = try CaseDetail.load(number: number, in: hall.store)
        XCTAssertEqual(words()?.en, "failed permanently: exit 65")
        XCTAssertEqual(words()?.zh, "发送失败，不再重试：exit 65")
    }

    func testRefusalsChangeNothing() throws {
        let (number, reply) = try failedCase()
        let fine = try hall.submit().number
        let fineReply = try hall.act(fine, .accept, as: "zhang").replyID!
        let version = try hall.record(number).version
        // The case holds one; zhang may not act on li's case, and HEALTH's clerk does not see it.
        XCTAssertRefused(.notHolder(case: number, holder: "li")) {
            try hall.act(number, .resendReply, as: "zhang") { $0.messageID = reply }
        }
        XCTAssertRefused(.caseNotFound(number)) { try hall.act(number, .resendReply, as: "hp") { $0.messageID = reply } }
        // A reply of another case, or one that is only queued.
        XCTAssertRefused(.invalidArgument("case \(number) has no reply \(fineReply)")) {
            try hall.act(number, .resendReply) { $0.messageID = fineReply }
        }
        XCTAssertRefused(.invalidArgument(
            "reply \(fineReply) of case \(fine) is queued, not failed: there is nothing to resend or handle")) {
            try hall.act(fine, .resendReply, as: "zhang") { $0.messageID = fineReply }
        }
        XCTAssertRefused(.invalidArgument("case \(fine) has no failed reply waiting for a clerk")) {
            try hall.act(fine, .replyHandled, as: "zhang") { $0.reason = "x" }
        }
        XCTAssertEqual(try hall.record(number).version, version)
        // Handled once; a second time is refused, a resend may still try again.
        try hall.act(number, .replyHandled) { $0.reason = "已告知" }
        XCTAssertRefused(.invalidArgument("reply \(reply) of case \(number) is already marked handled")) {
            try hall.act(number, .replyHandled) { $0.messageID = reply; $0.reason = "again" }
        }
        try hall.act(number, .resendReply) { $0.messageID = reply }
        XCTAssertEqual(try message(reply).string("delivery_state"), "queued")
        XCTAssertNil(try message(reply).optionalString("handled_at"))
        // Two failed replies: without an id the core asks which.
        try hall.act(number, .reply) { $0.text = "补充说明" }
        try deliver(exit: 65)
        XCTAssertThrowsError(try hall.act(number, .resendReply)) { error in
            XCTAssertTrue("\(error)".contains("has 2 failed replies"), "\(error)")
        }
    }

    func testFiguresEqualTheirDrillDownsAndClosedCasesCount() throws {
        let (permanent, _) = try failedCase(exit: 65)
        // A rejection notice that never arrived: the case is closed, its failure still needs a clerk.
        let rejected = try hall.submit(service: "BIRTH-REG").number
        try hall.act(rejected, .reject, as: "hp") { $0.reason = "不属于本机关职责" }
        try deliver(exit: 65)
        let (retrying, _) = try failedCase(exit: 3)
        let period = ReportPeriod.days(30)
        for department in [nil, "PSB", "HEALTH"] {
            let report = try ReportBuilder(store: hall.store).build(period: period, department: department)
            let scope = ReportScope(store: hall.store, period: period, department: department)
            for (figure, count) in report.figures {
                XCTAssertEqual(try CaseQueries.list(scope.filter(for: figure), in: hall.store).count, count,
                               "\(figure) in \(department ?? "all")")
            }
        }
        let report = try ReportBuilder(store: hall.store).build(period: period)
        XCTAssertEqual(report.failedRepliesPermanent, 2)
        XCTAssertEqual(report.failedRepliesRetrying, 1)
        let scope = ReportScope(store: hall.store, period: period, department: nil)
        let listed = try CaseQueries.list(scope.filter(for: .failedRepliesPermanent), in: hall.store)
        XCTAssertEqual(Set(listed.map(\.number)), [permanent, rejected])
        XCTAssertEqual(listed.map(\.failedReply), [.permanent, .permanent])
        XCTAssertEqual(try CaseQueries.list(scope.filter(for: .failedRepliesRetrying), in: hall.store).map(\.number), [retrying])
        XCTAssertTrue(report.rows.contains { $0.key == "failed replies permanent" && $0.value == "2" })
        // The inbox rows carry the mark; a case without a failure has none.
        let all = try CaseQueries.list(CaseFilter(statuses: CaseStatus.allCases), in: hall.store)
        XCTAssertEqual(all.first { $0.number == retrying }?.failedReply, .retrying)
        XCTAssertEqual(all.filter { $0.failedReply == nil }.count, 0)
    }

    func testTheFailedListPagesLikeTheOtherTabs() throws {
        var failed: [String] = []
        for index in 0..<23 {
            let record = try hall.submit()
            // Open and closed cases alike: every third notice is a rejection's.
            if index % 3 == 0 {
                try hall.act(record.number, .reject) { $0.reason = "不属于本机关职责" }
            } else {
                try hall.act(record.number, .accept)
            }
            failed.append(record.number)
        }
        _ = try hall.submit()   // one without a reply at all
        try deliver(exit: 65)
        var filter = CaseFilter(limit: 5)
        filter.failedReplies = .any
        XCTAssertTrue(CaseQueries.pages(filter))
        var seen: [String] = []
        var page = try CaseQueries.page(filter, in: hall.store)
        seen += page.rows.map(\.number)
        while page.moreAfter, let last = page.rows.last {
            page = try CaseQueries.page(filter, .after(last.position, including: false), in: hall.store)
            seen += page.rows.map(\.number)
        }
        var whole = filter
        whole.limit = 1_000
        XCTAssertEqual(seen, try CaseQueries.list(whole, in: hall.store).map(\.number))
        XCTAssertEqual(Set(seen), Set(failed))
        // And back from the end.
        var back: [String] = []
        page = try CaseQueries.page(filter, .last, in: hall.store)
        back = page.rows.map(\.number) + back
        while page.moreBefore, let first = page.rows.first {
            page = try CaseQueries.page(filter, .before(first.position, including: false), in: hall.store)
            back = page.rows.map(\.number) + back
        }
        XCTAssertEqual(back, seen)
    }
}
