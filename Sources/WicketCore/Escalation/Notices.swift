import Foundation

/// Chasing notices (催办 / 督办): records with their own state (open → acknowledged) and their own
/// keyed history (`Ledger.notices`), raised by the escalation rules (`Escalation`).
public enum NoticeRule: String, CaseIterable, Sendable, Codable {
    /// The case's clock turned red (or later overdue): its department's supervisors are told.
    case red
    /// The case is `escalation_overdue_days` working days past its due day: the hall's head is told
    /// (supervisors and admins of no department).
    case overdue

    public var word: Bilingual {
        switch self {
        case .red: return Bilingual(en: "turned red", zh: "已转红色预警")
        case .overdue: return Bilingual(en: "overdue (supervision)", zh: "逾期督办")
        }
    }
}

public struct Notice: Sendable, Equatable {
    public let id: Int
    public let rule: NoticeRule
    public let caseNumber: String
    /// The department whose supervisors it reaches (red); nil: the hall's head (overdue).
    public let department: String?
    public let status: String
    public let raisedAt: String
    public let acknowledgedBy: String?
    public let version: Int
}

extension Ledger {
    /// Chasing notices: raised, then acknowledged by the person they reach.
    public static let notices = Ledger(table: "notice_history", subjectTable: "notices", subjectColumn: "notice_id",
                                       subjectWord: Bilingual(en: "notice", zh: "催办通知"),
                                       formatTag: "wicket-notice-history-1", firstAction: "raise")
}

public enum NoticeRows {
    static let table = """
    CREATE TABLE notices (
        id              INTEGER PRIMARY KEY,
        version         INTEGER NOT NULL,
        status          TEXT NOT NULL,          -- open, acknowledged
        rule            TEXT NOT NULL,          -- red, overdue
        case_id         INTEGER NOT NULL REFERENCES cases(id),
        department      TEXT,                   -- red: the department whose supervisors it reaches; overdue: NULL (the head)
        raised_at       TEXT NOT NULL,
        acknowledged_at TEXT,
        acknowledged_by TEXT,
        UNIQUE (rule, case_id)                  -- once per rule and case, however many runners
    );
    """ + "\n" + Ledger.notices.schema

    /// The notices `login` is the person concerned by: supervisors those of their department (red)
    /// and, with no department, the head's (overdue) and every red one; admins every notice.
    public static func visible(to login: String, openOnly: Bool = false, in store: CaseStore) throws -> [Notice] {
        let user = try CaseAccess.check(login, in: store).user
        guard user.role.canOverride else { return [] }
        let everything = user.role == .admin || user.department == nil
        let rows = try store.db.query("""
            SELECT n.id, n.rule, c.number, n.department, n.status, n.raised_at, n.acknowledged_by, n.version
            FROM notices n JOIN cases c ON c.id = n.case_id
            WHERE (?1 OR n.department = ?2) AND (NOT ?3 OR n.status = 'open')
            ORDER BY n.status = 'acknowledged', n.id
            """, everything, user.department, openOnly)
        return rows.compactMap { row in
            guard let rule = NoticeRule(rawValue: row.string("rule")) else { return nil }
            return Notice(id: row.int("id"), rule: rule, caseNumber: row.string("number"),
                          department: row.optionalString("department"), status: row.string("status"),
                          raisedAt: row.string("raised_at"), acknowledgedBy: row.optionalString("acknowledged_by"),
                          version: row.int("version"))
        }
    }

    /// The person concerned acknowledges a notice: one transaction, one event in its history.
    public static func acknowledge(_ id: Int, login: String, in store: CaseStore) throws {
        let stamp = Timestamp.format(store.clock.now)
        try store.db.write {
            guard let notice = try visible(to: login, in: store).first(where: { $0.id == id }) else {
                throw WorkflowError.invalidArgument(Bilingual(en: "no notice \(id) for you", zh: "没有发给您的催办通知 \(id)"))
            }
            guard notice.status == "open" else {
                throw WorkflowError.invalidArgument(Bilingual(en: "notice \(id) is already acknowledged",
                                                              zh: "催办通知 \(id) 已确认"))
            }
            try store.db.execute("""
                UPDATE notices SET status = 'acknowledged', version = version + 1, acknowledged_at = ?, acknowledged_by = ?
                WHERE id = ? AND version = ?
                """, stamp, login, id, notice.version)
            try History.append(to: .notices, subjectID: id, at: stamp, actor: login, action: "acknowledge", from: "open",
                               to: "acknowledged", reason: "", details: [String: Any](), version: notice.version + 1,
                               in: store.db)
        }
    }
}

/// The escalation rules, run by `wicket escalate` (cron) and any open workstation's polling loop:
/// each notice is raised exactly once per rule and case however many processes run them — one write
/// transaction (`BEGIN IMMEDIATE`) and the `UNIQUE (rule, case_id)` a second runner's insert skips.
public enum Escalation {
    /// Working days past the due day that raise the overdue notice to the head (`settings set
    /// escalation_overdue_days N`).
    public static let defaultOverdueDays = 3

    /// Raises the notices due now; returns how many this run raised (others may have raised the rest).
    @discardableResult
    public static func run(by login: String, in store: CaseStore) throws -> Int {
        let user = try CaseAccess.check(login, in: store).user
        guard user.role.canOverride else {
            throw WorkflowError.invalidArgument(Bilingual(en: "escalation runs as a supervisor or admin",
                                                          zh: "升级规则须以主管或管理员身份运行"))
        }
        let days = Int(try store.setting("escalation_overdue_days") ?? "") ?? defaultOverdueDays
        let today = store.today
        let stamp = Timestamp.format(store.clock.now)
        return try store.db.write {
            var raised = 0
            func raise(_ rule: NoticeRule, caseID: Int, department: String?, details: [String: Any]) throws {
                try store.db.execute("""
                    INSERT INTO notices(version, status, rule, case_id, department, raised_at) VALUES (1, 'open', ?, ?, ?, ?)
                    ON CONFLICT(rule, case_id) DO NOTHING
                    """, rule.rawValue, caseID, department, stamp)
                guard store.db.changes == 1 else { return }
                try History.append(to: .notices, subjectID: store.db.lastInsertRowID, at: stamp, actor: login,
                                   action: "raise", from: nil, to: "open", reason: "", details: details, version: 1,
                                   in: store.db)
                raised += 1
            }
            // Running clocks only (`due_on` is NULL while paused or closed), through their partial index.
            let red = try store.db.query("""
                SELECT id, number, department, due_on FROM cases
                WHERE due_on IS NOT NULL AND red_on <= ?1
                  AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.case_id = cases.id AND n.rule = 'red')
                """, today.description)
            for row in red {
                try raise(.red, caseID: row.int("id"), department: row.string("department"),
                          details: ["case": row.string("number"), "rule": "red"])
            }
            let overdue = try store.db.query("""
                SELECT id, number, due_on FROM cases
                WHERE due_on IS NOT NULL AND due_on < ?1
                  AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.case_id = cases.id AND n.rule = 'overdue')
                """, today.description)
            for row in overdue {
                guard let due = Day(row.string("due_on")),
                      store.calendar.workingDays(after: due, through: today) >= days else { continue }
                try raise(.overdue, caseID: row.int("id"), department: nil,
                          details: ["case": row.string("number"), "rule": "overdue", "days": days])
            }
            return raised
        }
    }
}
