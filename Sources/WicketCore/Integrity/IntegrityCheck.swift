import Foundation

/// `wicket check`: SQLite's own integrity and foreign-key checks, then the history chain (keyed:
/// each hash is an HMAC under the history key) and every case against what its history implies
/// (status, version, holder, department), the running cases' stored due days against a fresh
/// computation, then the dashboard's tallies against the cases. Stops at the
/// first problem and names it, so an operator knows where to look (the event, the case) rather
/// than only that something is wrong.
public struct IntegrityCheck {
    public let db: Database
    private let key: () throws -> HistoryKey

    /// Checks with the history key `CaseStore` loaded for `db`.
    public init(db: Database) {
        self.db = db
        key = { try db.historyKey() }
    }

    /// Checks with a key given explicitly (e.g. a backup's copy of the key).
    public init(db: Database, key: HistoryKey) {
        self.db = db
        self.key = { key }
    }

    public enum Kind: String, Sendable {
        case integrity, foreignKey = "foreign key", protection, key = "history key", chain,
             caseHistory = "case history", dueDays = "due days", tally, applicantKey = "applicant key"
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public let kind: Kind
        /// The first history event concerned, when the problem is in the history.
        public let eventID: Int?
        public let message: String
        /// The same problem in Chinese.
        public let messageZh: String
        public var description: String { "\(kind.rawValue): \(message)" }

        init(kind: Kind, eventID: Int?, message: Bilingual) {
            self.kind = kind
            self.eventID = eventID
            self.message = message.en
            messageZh = message.zh
        }

        /// What is wrong, in the reader's language.
        public func text(_ language: Language) -> String {
            language == .zh ? "\(kind.rawValue)：\(messageZh)" : description
        }
    }

    public struct Summary: Equatable, Sendable {
        public var cases = 0
        public var events = 0
        /// The hash of the last event: noted elsewhere, it shows later whether the history was rewritten.
        public var headHash: String?
    }

    /// Throws the first `Problem` found; one read transaction, so clerks working meanwhile
    /// cannot make a consistent file look inconsistent.
    public func run() throws -> Summary {
        do {
            return try db.read {
                try sqliteIntegrity()
                try foreignKeys()
                try appendOnlyTriggers()
                let key = try historyKey()
                var summary = try historyAndCases(key: key)
                for ledger in Ledger.others { summary.events += try records(of: ledger, key: key) }
                try applicantKeys(key: key)
                try tallies()
                return summary
            }
        } catch let error as DatabaseError where error.primaryCode == 11 /* SQLITE_CORRUPT */ || error.primaryCode == 26 {
            // Damage bad enough that SQLite stops reading is still an answer to "is the file sound?".
            throw Problem(kind: .integrity, eventID: nil, message: Bilingual(en: error.message, zh: error.message))
        }
    }

    private func historyKey() throws -> HistoryKey {
        do {
            return try key()
        } catch let error as HistoryKeyError {
            throw Problem(kind: .key, eventID: nil, message: error.text)
        }
    }

    /// Every case's applicant match key recomputed from its applicant (`ApplicantMatcher`): an
    /// edited ID number, or a key copied from another case, would join or split applicants.
    private func applicantKeys(key: HistoryKey) throws {
        let matcher = ApplicantMatcher(historyKey: key)
        var last = 0
        while true {
            let rows = try db.query("""
                SELECT id, number, applicant_id_number, applicant_id_type, applicant_name, applicant_phone, applicant_key
                FROM cases WHERE id > ? ORDER BY id LIMIT 20000
                """, last)
            guard let final = rows.last else { return }
            for row in rows {
                let document = IdentityDocument(rawValue: row.string("applicant_id_type")) ?? .residentID
                let expected = matcher.key(idNumber: row.string("applicant_id_number"), document: document,
                                           name: row.string("applicant_name"), phone: row.string("applicant_phone"))
                guard row.optionalString("applicant_key") == expected else {
                    let number = row.string("number")
                    throw Problem(kind: .applicantKey, eventID: nil, message: Bilingual(
                        en: "case \(number)'s applicant key does not match its applicant: the ID number, name or phone was changed around Wicket",
                        zh: "案件 \(number) 的申请人匹配键与其申请人不符：身份证号、姓名或电话被绕过 Wicket 修改"))
                }
            }
            last = final.int("id")
        }
    }

    private func sqliteIntegrity() throws {
        let rows = try db.query("PRAGMA integrity_check")
        let first = rows.first?.string(at: 0) ?? "no answer"
        guard first == "ok" else { throw Problem(kind: .integrity, eventID: nil, message: Bilingual(en: first, zh: first)) }
    }

    private func foreignKeys() throws {
        guard let row = try db.query("PRAGMA foreign_key_check").first else { return }
        throw Problem(kind: .foreignKey, eventID: nil,
                      message: Bilingual(en: "\(row.string(at: 0)) row \(row.string(at: 1)) refers to a missing \(row.string(at: 2)) row",
                                zh: "\(row.string(at: 0)) 的第 \(row.string(at: 1)) 行引用了不存在的 \(row.string(at: 2)) 行"))
    }

    private func appendOnlyTriggers() throws {
        for name in ["history_no_update", "history_no_delete"] {
            guard try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?", name) == 1 else {
                throw Problem(kind: .protection, eventID: nil,
                              message: Bilingual(en: "trigger \(name) is missing: the history is no longer append-only",
                                        zh: "触发器 \(name) 缺失：历史不再是只可追加的"))
            }
        }
    }

    /// The dashboard's tallies against a fresh count of the cases, history and ratings.
    private func tallies() throws {
        let zone = try HallDayShifts.zone(in: db)
        guard try HallDayShifts.matches(zone, in: db) else {
            throw Problem(kind: .tally, eventID: nil, message: Bilingual(
                en: "the tallies count days in another time zone than the hall's \(zone.identifier): the setting was changed around Wicket (set it again with wicket settings)",
                zh: "统计表按与大厅时区 \(zone.identifier) 不同的时区计日：该设置被绕过 Wicket 修改（请用 wicket settings 重新设置）"))
        }
        guard let drift = try Tallies.firstDrift(in: db) else { return }
        throw Problem(kind: .tally, eventID: nil, message: drift.inTally
            ? Bilingual(en: "\(drift.table) holds \(drift.row), which a fresh count of the cases does not give: the tally drifted",
                        zh: "\(drift.table) 中有 \(drift.row)，重新统计案件得不到该行：统计已偏离")
            : Bilingual(en: "a fresh count of the cases gives \(drift.row), which \(drift.table) lacks: the tally drifted",
                        zh: "重新统计案件得到 \(drift.row)，而 \(drift.table) 中没有：统计已偏离"))
    }

    /// What the history says about one case so far.
    private struct CaseTrail {
        var version: Int
        var status: String
        var lastEventID: Int
        /// Who holds the case after its last event, and the event that made it so.
        var holder: String?
        var holderEventID: Int
        /// The department its submission or last transfer put it in (nil: the history does not
        /// say: submissions recorded no department before schema 8).
        var department: String?
        var departmentEventID: Int?
    }

    /// Replays one event's effect on who holds the case and where it is (Workflow+Apply: claim,
    /// release, assign, transfer, take next, and any action that claims an unheld case).
    private func replay(_ event: HistoryChain.Event, into trail: inout CaseTrail) throws {
        func details() -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(event.details.utf8))) as? [String: Any] ?? [:]
        }
        switch event.action {
        case CaseAction.submitEvent:
            // A walk-in is held from its submission by the clerk who registered it (`NewCase`).
            trail.holder = event.details.contains("\"holder\":") ? details()["holder"] as? String : nil
            trail.holderEventID = event.id
            trail.department = Self.submittedDepartment(event.details) ?? details()["department"] as? String
            trail.departmentEventID = event.id
        case CaseAction.claim.rawValue:
            trail.holder = event.actor
            trail.holderEventID = event.id
        case CaseAction.release.rawValue:
            trail.holder = nil
            trail.holderEventID = event.id
        case CaseAction.assign.rawValue:
            trail.holder = details()["to_holder"] as? String
            trail.holderEventID = event.id
        case CaseAction.transfer.rawValue:
            let moved = details()
            if let known = trail.department, let from = moved["from_department"] as? String, from != known,
               let since = trail.departmentEventID {
                throw Problem(kind: .caseHistory, eventID: event.id, message: Bilingual(
                    en: "history event #\(event.id) transfers the case from \(from), but its history (event #\(since)) had it in \(known): the case was moved around Wicket before",
                    zh: "历史记录 #\(event.id) 将案件从 \(from) 转出，但其历史（记录 #\(since)）表明它属于 \(known)：案件此前被绕过 Wicket 移动"))
            }
            trail.holder = nil
            trail.holderEventID = event.id
            trail.department = moved["to_department"] as? String
            trail.departmentEventID = event.id
        default:
            if event.details.contains("\"claimed\":true"), details()["claimed"] as? Bool == true {
                trail.holder = event.actor
                trail.holderEventID = event.id
            }
        }
    }

    /// The department in a submission's details as `NewCase.submitDetails` writes them (after
    /// `"channel"`), read without a JSON parser: every case has one. Nil when absent or escaped
    /// (then the parser decides).
    static func submittedDepartment(_ details: String) -> String? {
        let utf8 = details.utf8
        let marker = Array(",\"department\":\"".utf8)
        guard let start = utf8.firstRange(of: marker)?.upperBound else { return nil }
        guard let end = utf8[start...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
              utf8[end] == UInt8(ascii: "\"") else { return nil }
        return String(utf8[start..<end])
    }

    private func historyAndCases(key: HistoryKey) throws -> Summary {
        var numbers: [Int: String] = [:]
        try db.forEachRow("SELECT id, number FROM cases", arguments: []) { numbers[$0.int("id")] = $0.string("number") }
        func name(_ event: HistoryChain.Event) -> String {
            "history event #\(event.id) (case \(numbers[event.subjectID] ?? "#\(event.subjectID)"), \(event.action) by \(event.actor) at \(event.at))"
        }
        func nameZh(_ event: HistoryChain.Event) -> String {
            "历史记录 #\(event.id)（案件 \(numbers[event.subjectID] ?? "#\(event.subjectID)")，\(event.actor) 于 \(event.at) 执行 \(event.action)）"
        }
        var summary = Summary()
        var previous: (id: Int, hash: String)?
        var trails: [Int: CaseTrail] = [:]
        try db.forEachRow("SELECT \(HistoryChain.columns) FROM history ORDER BY id", arguments: []) { row in
            let event = HistoryChain.Event(row: row)
            guard let stored = row.optionalString("hash") else {
                throw Problem(kind: .chain, eventID: event.id, message: Bilingual(en: "\(name(event)) has no hash: it was written around Wicket",
                                        zh: "\(nameZh(event)) 没有哈希：它是绕过 Wicket 写入的"))
            }
            try checkLink(event, after: previous)
            guard HistoryChain.hash(event, key: key) == stored else {
                if HistoryChain.unkeyedHash(event) == stored {
                    throw Problem(kind: .chain, eventID: event.id, message: Bilingual(
                        en: "\(name(event)) carries a plain SHA-256 hash, not one keyed with the history key: it was forged (or the chain re-hashed) around Wicket by someone without the key",
                        zh: "\(nameZh(event)) 的哈希是未加密钥的 SHA-256，而不是用历史密钥计算的：它是不持有密钥的人绕过 Wicket 伪造的（或整条链被重新计算）"))
                }
                throw Problem(kind: .chain, eventID: event.id,
                              message: Bilingual(en: "\(name(event)) was changed after it was written, or hashed with another key: its content no longer matches its keyed hash",
                                        zh: "\(nameZh(event)) 写入后被改动，或用其他密钥计算了哈希：内容与带密钥的哈希不再相符"))
            }
            let expected = (trails[event.subjectID]?.version ?? 0) + 1
            guard event.version == expected else {
                throw Problem(kind: .caseHistory, eventID: event.id,
                              message: Bilingual(en: "\(name(event)) has version \(event.version), expected \(expected): an event of this case is missing or was added",
                                        zh: "\(nameZh(event)) 的版本为 \(event.version)，应为 \(expected)：该案件有记录缺失或被添加"))
            }
            if expected == 1 && event.action != CaseAction.submitEvent {
                throw Problem(kind: .caseHistory, eventID: event.id,
                              message: Bilingual(en: "\(name(event)) is the case's first event but not its submission",
                                        zh: "\(nameZh(event)) 是该案件的第一条记录，但不是提交记录"))
            }
            var trail = trails[event.subjectID]
                ?? CaseTrail(version: 0, status: "", lastEventID: 0, holder: nil, holderEventID: event.id)
            trail.version = event.version
            trail.status = event.toStatus
            trail.lastEventID = event.id
            try replay(event, into: &trail)
            trails[event.subjectID] = trail
            previous = (event.id, stored)
            summary.events += 1
        }
        summary.headHash = previous?.hash
        let clocks = try OpenClocks.read(from: db)
        try db.forEachRow("SELECT id, number, version, holder, department, \(OpenClocks.columns) FROM cases ORDER BY id",
                          arguments: []) { row in
            let number = row.string("number")
            guard let trail = trails[row.int("id")] else {
                throw Problem(kind: .caseHistory, eventID: nil, message: Bilingual(en: "case \(number) has no history",
                                        zh: "案件 \(number) 没有历史"))
            }
            let version = row.int("version")
            if trail.version < version {
                throw Problem(kind: .caseHistory, eventID: nil,
                              message: Bilingual(en: "case \(number) is at version \(version) but its history ends at version \(trail.version) (event #\(trail.lastEventID)): later events were deleted, or the case was changed around Wicket",
                                        zh: "案件 \(number) 的版本为 \(version)，但其历史止于版本 \(trail.version)（记录 #\(trail.lastEventID)）：后续记录被删除，或案件被绕过 Wicket 改动"))
            }
            if trail.version > version {
                throw Problem(kind: .caseHistory, eventID: trail.lastEventID,
                              message: Bilingual(en: "history event #\(trail.lastEventID) gives case \(number) version \(trail.version), but the case is at version \(version): the event was added around Wicket",
                                        zh: "历史记录 #\(trail.lastEventID) 记案件 \(number) 为版本 \(trail.version)，但案件为版本 \(version)：该记录是绕过 Wicket 添加的"))
            }
            guard trail.status == row.string("status") else {
                throw Problem(kind: .caseHistory, eventID: nil,
                              message: Bilingual(en: "case \(number) is \(row.string("status")) but its last event says \(trail.status): the case was changed around Wicket",
                                        zh: "案件 \(number) 的状态为 \(row.string("status"))，但最后一条记录为 \(trail.status)：案件被绕过 Wicket 改动"))
            }
            try compareHolderAndDepartment(row, number: number, trail: trail)
            try compareDueDays(row, number: number, clocks: clocks)
            summary.cases += 1
        }
        return summary
    }

    private func compareHolderAndDepartment(_ row: Row, number: String, trail: CaseTrail) throws {
        let holder = row.optionalString("holder")
        if holder != trail.holder {
            let held = holder ?? "nobody", implied = trail.holder ?? "nobody"
            let heldZh = holder ?? "无人", impliedZh = trail.holder ?? "无人"
            throw Problem(kind: .caseHistory, eventID: trail.holderEventID, message: Bilingual(
                en: "case \(number) is held by \(held) but its history (event #\(trail.holderEventID)) leaves it with \(implied): the case was changed around Wicket",
                zh: "案件 \(number) 由 \(heldZh) 持有，但其历史（记录 #\(trail.holderEventID)）表明应由 \(impliedZh) 持有：案件被绕过 Wicket 改动"))
        }
        let department = row.string("department")
        if let implied = trail.department, let eventID = trail.departmentEventID, implied != department {
            throw Problem(kind: .caseHistory, eventID: eventID, message: Bilingual(
                en: "case \(number) is in department \(department) but its history (event #\(eventID)) puts it in \(implied): the case was changed around Wicket",
                zh: "案件 \(number) 属于部门 \(department)，但其历史（记录 #\(eventID)）表明应属于 \(implied)：案件被绕过 Wicket 改动"))
        }
    }

    /// A running case's stored days against the calendar and settings as they are now; a paused
    /// or closed case's days must be empty.
    private func compareDueDays(_ row: Row, number: String, clocks: OpenClocks) throws {
        // A paused or closed case keeps no days (README: NULL while paused or closed).
        let running = ["submitted", "accepted", "in_review", "approved"].contains(row.string("status"))
        guard let expected = clocks.expected(row) ?? (running ? nil : OpenClocks.Expected(marks: nil)) else { return }
        let acceptance = row.string("status") == CaseStatus.submitted.rawValue
        guard !OpenClocks.matches(row, expected, acceptance: acceptance) else { return }
        func days(_ yellow: String?, _ red: String?, _ due: String?, _ acceptanceDue: String?) -> String {
            "yellow \(yellow ?? "-"), red \(red ?? "-"), due \(due ?? "-")"
                + (acceptance ? ", acceptance due \(acceptanceDue ?? "-")" : "")
        }
        let stored = days(row.optionalString("yellow_on"), row.optionalString("red_on"), row.optionalString("due_on"),
                          row.optionalString("acceptance_due_on"))
        let marks = expected.marks
        let fresh = days(marks?.yellowOn.description, marks?.redOn.description, marks?.dueOn.description,
                         expected.acceptanceDueOn?.description)
        throw Problem(kind: .dueDays, eventID: nil, message: Bilingual(
            en: "case \(number) has stale due days: it holds \(stored), but the calendar and settings give \(fresh) (a calendar or setting change did not reach it, or the case was changed around Wicket)",
            zh: "案件 \(number) 的到期日已过时：存的是 \(stored)，按工作日历与设置应为 \(fresh)（日历或设置的修改未作用到它，或案件被绕过 Wicket 改动）"))
    }

    /// An event must name the hash of the event before it; which one is to blame depends on
    /// whether ids are missing in between.
    func checkLink(_ event: HistoryChain.Event, after previous: (id: Int, hash: String)?,
                   label: Bilingual = Bilingual(en: "history event", zh: "历史记录")) throws {
        guard let previous else {
            guard event.previousHash == nil, event.id == 1 else {
                throw Problem(kind: .chain, eventID: 1,
                              message: Bilingual(en: "\(label.en)s #1…#\(event.id - 1) are missing: the start was deleted",
                                        zh: "\(label.zh) #1…#\(event.id - 1) 缺失：开头被删除"))
            }
            return
        }
        guard event.previousHash != previous.hash else { return }
        if event.id > previous.id + 1 {
            let range = event.id == previous.id + 2 ? "#\(previous.id + 1) is" : "#\(previous.id + 1)…#\(event.id - 1) are"
            let rangeZh = event.id == previous.id + 2 ? "#\(previous.id + 1)" : "#\(previous.id + 1)…#\(event.id - 1)"
            throw Problem(kind: .chain, eventID: previous.id + 1,
                          message: Bilingual(en: "\(label.en) \(range) missing: deleted", zh: "\(label.zh) \(rangeZh) 缺失：已被删除"))
        }
        throw Problem(kind: .chain, eventID: previous.id,
                      message: Bilingual(en: "\(label.en) #\(previous.id) was changed (and re-hashed), or #\(event.id) was inserted: #\(event.id) records a different hash for the event before it",
                                zh: "\(label.zh) #\(previous.id) 被改动（并重新计算了哈希），或 #\(event.id) 是插入的：#\(event.id) 记录的前一条哈希与之不符"))
    }
}
