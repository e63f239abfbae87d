/// `wicket check` for the ledgers of records other than cases (consultations, bookings): the same
/// append-only triggers, keyed chain and links as the cases' history, and each record against its
/// events — versions 1, 2, 3… from its first action, the record at its last event's version and
/// status. What the events imply beyond that is each kind's own business.
extension IntegrityCheck {
    /// Checks `ledger` and its records; returns how many events it holds.
    func records(of ledger: Ledger, key: HistoryKey) throws -> Int {
        let label = Bilingual(en: "\(ledger.subjectWord.en) event", zh: "\(ledger.subjectWord.zh)记录")
        for name in [ledger.noUpdateTrigger, ledger.noDeleteTrigger] {
            guard try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?", name) == 1 else {
                throw Problem(kind: .protection, eventID: nil, message: Bilingual(
                    en: "trigger \(name) is missing: the \(ledger.subjectWord.en) history is no longer append-only",
                    zh: "触发器 \(name) 缺失：\(ledger.subjectWord.zh)历史不再是只可追加的"))
            }
        }
        var previous: (id: Int, hash: String)?
        var trails: [Int: (version: Int, status: String, lastEventID: Int)] = [:]
        var events = 0
        try db.forEachRow("SELECT \(ledger.columns) FROM \(ledger.table) ORDER BY id", arguments: []) { row in
            let event = HistoryChain.Event(row: row, ledger: ledger)
            let name = Bilingual(en: "\(label.en) #\(event.id) (\(ledger.subjectWord.en) #\(event.subjectID), \(event.action) by \(event.actor) at \(event.at))",
                                 zh: "\(label.zh) #\(event.id)（\(ledger.subjectWord.zh) #\(event.subjectID)，\(event.actor) 于 \(event.at) 执行 \(event.action)）")
            guard let stored = row.optionalString("hash") else {
                throw Problem(kind: .chain, eventID: event.id, message: Bilingual(
                    en: "\(name.en) has no hash: it was written around Wicket", zh: "\(name.zh) 没有哈希：它是绕过 Wicket 写入的"))
            }
            try checkLink(event, after: previous, label: label)
            guard HistoryChain.hash(event, key: key, ledger: ledger) == stored else {
                throw Problem(kind: .chain, eventID: event.id, message: Bilingual(
                    en: "\(name.en) was changed after it was written, or hashed with another key: its content no longer matches its keyed hash",
                    zh: "\(name.zh) 写入后被改动，或用其他密钥计算了哈希：内容与带密钥的哈希不再相符"))
            }
            let expected = (trails[event.subjectID]?.version ?? 0) + 1
            guard event.version == expected else {
                throw Problem(kind: .caseHistory, eventID: event.id, message: Bilingual(
                    en: "\(name.en) has version \(event.version), expected \(expected): an event of this \(ledger.subjectWord.en) is missing or was added",
                    zh: "\(name.zh) 的版本为 \(event.version)，应为 \(expected)：该\(ledger.subjectWord.zh)有记录缺失或被添加"))
            }
            if expected == 1 && event.action != ledger.firstAction {
                throw Problem(kind: .caseHistory, eventID: event.id, message: Bilingual(
                    en: "\(name.en) is the \(ledger.subjectWord.en)'s first event but not its \(ledger.firstAction)",
                    zh: "\(name.zh) 是该\(ledger.subjectWord.zh)的第一条记录，但不是 \(ledger.firstAction)"))
            }
            trails[event.subjectID] = (event.version, event.toStatus, event.id)
            previous = (event.id, stored)
            events += 1
        }
        try db.forEachRow("SELECT id, version, status FROM \(ledger.subjectTable) ORDER BY id", arguments: []) { row in
            let id = row.int("id")
            let word = ledger.subjectWord
            guard let trail = trails[id] else {
                throw Problem(kind: .caseHistory, eventID: nil, message: Bilingual(
                    en: "\(word.en) #\(id) has no history", zh: "\(word.zh) #\(id) 没有历史记录"))
            }
            guard row.int("version") == trail.version, row.string("status") == trail.status else {
                throw Problem(kind: .caseHistory, eventID: trail.lastEventID, message: Bilingual(
                    en: "\(word.en) #\(id) is at version \(row.int("version")), \(row.string("status")), but its history ends at version \(trail.version), \(trail.status) (event #\(trail.lastEventID)): it was changed around Wicket",
                    zh: "\(word.zh) #\(id) 为版本 \(row.int("version"))、\(row.string("status"))，但其历史止于版本 \(trail.version)、\(trail.status)（记录 #\(trail.lastEventID)）：它被绕过 Wicket 改动"))
            }
        }
        return events
    }
}
