import Foundation
import XCTest
@testable import WicketCore

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var now: Date
    init(_ text: String) { now = Timestamp.parse(text)! }
    func set(_ text: String) { now = Timestamp.parse(text)! }
    var wallClock: WallClock { WallClock { self.now } }
}

/// A fresh database file in its own temporary folder, with a clerk per department used here,
/// a supervisor and an admin.
struct TestHall {
    let directory: URL
    let store: CaseStore
    let clock: TestClock
    var workflow: Workflow { Workflow(store: store) }

    init(now: String = "2026-11-27T10:00:00+08:00") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clock = TestClock(now)
        store = try CaseStore.create(path: directory.appendingPathComponent("hall.db").path, creator: "admin",
                                     clock: clock.wallClock)
        let admin = Administration(store: store)
        try admin.saveUser(User(login: "li", displayName: "李娜", role: .clerk, department: "PSB"))
        try admin.saveUser(User(login: "zhang", displayName: "张伟", role: .clerk, department: "PSB"))
        try admin.saveUser(User(login: "hp", displayName: "刘洋", role: .clerk, department: "HEALTH"))
        try admin.saveUser(User(login: "sup", displayName: "孙丽", role: .supervisor, department: nil))
    }

    var path: String { store.path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Registers an application; by default a household registration transfer (PSB, 5-day acceptance,
    /// 20-day limit) submitted at the clock's now with the ID card only.
    @discardableResult
    func submit(service: String = "HUKOU-MOVE", channel: Channel = .online, at: String? = nil,
                materials: [String] = ["ID-CARD"], name: String = "王芳", language: Language = .zh) throws -> CaseRecord {
        let application = Application(ref: "ref-\(UUID().uuidString)", serviceCode: service, channel: channel,
                                      submittedAt: at.flatMap(Timestamp.parse) ?? clock.now, applicantName: name,
                                      applicantIDNumber: "440106199001181234", applicantPhone: "13800000000",
                                      summary: "户口迁移申请", materials: materials, language: language)
        return try Intake(store: store).register(application, actor: "admin")
    }

    @discardableResult
    func act(_ number: String, _ action: CaseAction, as actor: String = "li",
             _ configure: (inout ActionRequest) -> Void = { _ in }) throws -> ActionOutcome {
        var request = ActionRequest(caseNumber: number, action: action, actor: actor)
        configure(&request)
        return try workflow.perform(request)
    }

    /// Everything an action can write, summed over the hall: a refusal leaves every figure as it was.
    func footprint() throws -> [String: Int] {
        var figures: [String: Int] = [:]
        for (name, sql) in [("history events", "SELECT count(*) FROM history"), ("case versions", "SELECT coalesce(sum(version), 0) FROM cases"),
                            ("replies", "SELECT count(*) FROM messages"), ("notes", "SELECT count(*) FROM notes"),
                            ("holders", "SELECT count(holder) FROM cases")] {
            figures[name] = try store.db.scalarInt(sql) ?? 0
        }
        return figures
    }

    func record(_ number: String) throws -> CaseRecord { try CaseRows.load(number: number, in: store.db)! }

    func historyCount(_ number: String) throws -> Int {
        try store.db.scalarInt("SELECT count(*) FROM history h JOIN cases c ON c.id = h.case_id WHERE c.number = ?", number)!
    }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertRefused<T>(_ expected: WorkflowError, file: StaticString = #filePath, line: UInt = #line,
                         _ body: () throws -> T) {
    do {
        _ = try body()
        XCTFail("expected refusal \(expected), but it went through", file: file, line: line)
    } catch let error as WorkflowError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}

/// Tests name an expected refusal by its English text (two `Bilingual`s are equal when their English is).
extension Bilingual: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self.init(en: value, zh: value)
    }
}

/// Tests that turn a hall back into an older schema undo the later migrations too.
enum SchemaRewind {
    /// Migration 16: the slot plan, the bookings and their ledger.
    static func undoAppointments(in db: Database) throws {
        for trigger in ["booking_history_no_update", "booking_history_no_delete"] { try db.execute("DROP TRIGGER \(trigger)") }
        for table in ["booking_history", "bookings", "appointment_closed", "appointment_capacity", "appointment_hours",
                      "appointment_group_services", "appointment_groups"] {
            try db.execute("DROP TABLE \(table)")
        }
    }

    /// Migration 15: consultations, their replies and their ledger (triggers go with their table).
    static func undoConsultations(in db: Database) throws {
        try db.executeScript("""
            DROP TABLE consultation_history;
            DROP TABLE consultation_replies;
            DROP TABLE consultations;
            """)
    }

    /// Migration 12: the failed-reply list, its triggers and the messages' handled columns.
    static func undoFailedReplies(in db: Database) throws {
        try db.executeScript("""
            DROP TRIGGER failed_reply_cases_insert;
            DROP TRIGGER failed_reply_cases_update;
            DROP TRIGGER failed_reply_cases_delete;
            DROP TRIGGER failed_reply_cases_department;
            DROP TABLE failed_reply_cases;
            ALTER TABLE messages DROP COLUMN handled_at;
            ALTER TABLE messages DROP COLUMN handled_by;
            ALTER TABLE messages DROP COLUMN handled_note;
            """)
    }

    /// Migration 11: the applicant's document type and the index on the ID number (and the later ones).
    /// Undoes the migrations after `version`, newest first, as far as tests need to go back
    /// (older ones are undone by the tests that need them), and sets the file's version.
    static func rewind(_ db: Database, to version: Int) throws {
        if version < 18 {
            // Migration 18: the applicant match key, and back to the index on the clear number.
            try db.executeScript("""
                DROP INDEX cases_by_applicant_key;
                ALTER TABLE cases DROP COLUMN applicant_key;
                DROP TABLE certificates;
                CREATE INDEX cases_by_applicant_id_number ON cases(applicant_id_number);
                """)
        }
        if version < 17 { try db.executeScript("DROP TABLE macros; DROP TABLE views; DROP TABLE notice_history; DROP TABLE notices;") }
        if version < 16 { try undoAppointments(in: db) }
        if version < 15 { try undoConsultations(in: db) }
        if version < 14 { try undoFailedReplies(in: db) }
        if version < 13 { try db.executeScript("DROP TABLE standard_reasons;") }
        // 12 (provisional holidays) made nothing to undo.
        if version < 11 {
            try db.executeScript("""
                DROP INDEX cases_by_applicant_id_number;
                ALTER TABLE cases DROP COLUMN applicant_id_type;
                """)
        }
        try db.execute("PRAGMA user_version = \(version)")
    }
}
