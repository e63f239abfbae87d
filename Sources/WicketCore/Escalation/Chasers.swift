/// An applicant's chaser (催办): a call or message asking how their case is doing. Recorded on the
/// case as one history event (`chaser`, status unchanged, the version raised like a note's), so it
/// shows in the case's history and is counted.
extension Workflow {
    public static let chaserEvent = "chaser"

    @discardableResult
    public func recordChaser(caseNumber: String, channel: Channel, text: String, actor login: String) throws -> ChaserOutcome {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= Self.textLimit else {
            throw WorkflowError.invalidArgument(Bilingual(en: "the text is \(text.count) characters; at most \(Self.textLimit)",
                                                          zh: "正文有 \(text.count) 个字符；最多 \(Self.textLimit) 个"))
        }
        return try db.write {
            let access = try CaseAccess.check(login, in: db)
            try access.requireCases()
            var record = try access.visibleCase(caseNumber, in: db)
            let before = record.version
            record.version += 1
            record.updatedAt = Timestamp.format(clock.now)
            try CaseRows.save(record, expectedVersion: before, in: db)
            var details: [String: Any] = ["channel": channel.rawValue]
            if !text.isEmpty { details["text"] = text }
            if let actedBy, actedBy != login { details["acted_by"] = actedBy }
            let eventID = try History.append(caseID: record.id, at: record.updatedAt, actor: access.user.login,
                                             action: Self.chaserEvent, from: record.status, to: record.status, reason: "",
                                             details: details, version: record.version, in: db)
            let onCase = try db.scalarIntWithArguments("SELECT count(*) FROM history WHERE case_id = ? AND action = ?",
                                                        [record.id, Self.chaserEvent]) ?? 0
            return ChaserOutcome(caseNumber: record.number, version: record.version, historyEventID: eventID, onCase: onCase)
        }
    }
}

public struct ChaserOutcome: Sendable, Equatable {
    public let caseNumber: String
    public let version: Int
    public let historyEventID: Int
    /// Chasers this case has received, this one included.
    public let onCase: Int
}

public enum ChaserCount {
    /// Chasers received on the cases of `department` (nil: every department): the figure behind
    /// "chasers received", counted from the cases' history.
    public static func received(department: String?, in store: CaseStore) throws -> Int {
        try store.db.scalarIntWithArguments("""
            SELECT count(*) FROM history h JOIN cases c ON c.id = h.case_id
            WHERE h.action = ? AND (? IS NULL OR c.department = ?)
            """, [Workflow.chaserEvent, department, department]) ?? 0
    }
}
