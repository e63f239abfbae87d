import Foundation
import WicketCore

/// The benchmark's databases: made once per size through the real workflow (the demo generator,
/// seeded, so every machine gets the same cases) and reused by later runs.
enum Fixture {
    /// The moment every benchmark runs at, so levels and due days are the same on every run.
    static let now = "2026-11-27T10:00:00+08:00"
    static var clock: WallClock { .fixed(Timestamp.parse(now)!) }
    static let clerk = "bench"
    static let supervisor = "sun.li"

    static func path(cases: Int, folder: String) -> String { "\(folder)/cases-\(cases).db" }

    /// Makes the database unless it is there already; returns its path.
    static func ensure(cases: Int, folder: String) throws -> String {
        let path = path(cases: cases, folder: folder)
        if FileManager.default.fileExists(atPath: path) {
            // A fixture made by an older Wicket is migrated here, once, not inside a timed run.
            let store = try CaseStore.open(path: path, clock: clock)
            try ensureConsultations(store, count: cases / 5)
            try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return path
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let partial = path + ".partial"
        for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        let start = Clock.now()
        FileHandle.standardError.write(Data("making \(cases) cases in \(path) (once) …\n".utf8))
        let store = try CaseStore.create(path: partial, creator: "admin", clock: clock)
        // Demo data: `--as` the demo's clerks and supervisor is allowed, as in `wicket demo`.
        try store.setSetting("demo", "1")
        var generator = DemoGenerator(store: store, demoLogin: clerk, caseCount: cases)
        // Over about two years a hall's backlog is a small share of all it ever received.
        generator.spanDays = max(40, cases / 1400)
        try generator.run { done in
            if done % 50_000 == 0 { FileHandle.standardError.write(Data("  \(done) cases\n".utf8)) }
        }
        try ensureConsultations(store, count: cases / 5)
        try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try store.db.execute("ANALYZE")
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        // The history key goes with its database (HistoryKey.defaultPath: the path + ".key").
        try? FileManager.default.removeItem(atPath: path + ".key")
        try FileManager.default.moveItem(atPath: partial + ".key", toPath: path + ".key")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        FileHandle.standardError.write(Data(String(format: "  done in %.0f s\n", (Clock.now() - start) / 1000).utf8))
        return path
    }

    /// A scratch copy for operations that change the database, so the fixture stays as made.
    static func workingCopy(of path: String) throws -> String {
        let copy = path.replacingOccurrences(of: ".db", with: "-work.db")
        for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + ".key", toPath: copy + ".key")
        return copy
    }

    /// Applications as the portal sends them, for the import measurement.
    /// One consultation for every five cases (200,000 beside a million), through the real import
    /// and desk: asked over the fixture's span, all but the last few hundred answered, so the
    /// Consultations tab holds what a hall's would. Topped up once on a fixture made before.
    static func ensureConsultations(_ store: CaseStore, count: Int) throws {
        let have = try store.db.scalarInt("SELECT count(*) FROM consultations WHERE ref LIKE 'bench-q-%'") ?? 0
        guard have < count else { return }
        FileHandle.standardError.write(Data("making \(count - have) consultations (once) …\n".utf8))
        let services = ["HUKOU-MOVE", "ID-RENEW", "RES-PERMIT", "BIRTH-REG", "SSC-CARD", "FOOD-LIC", "HPF-WITHDRAW", "MARRIAGE"]
        let channels = ["online", "mobile", "online", "phone", "mail"]
        let end = clock.now
        var data = Data()
        for index in have..<count {
            // Spread back over two years, the newest last.
            let asked = Timestamp.format(end.addingTimeInterval(-Double(count - index) * 63_072_000 / Double(count) - 600))
            let line = #"{"ref":"bench-q-\#(index)","channel":"\#(channels[index % channels.count])","asked_at":"\#(asked)","asker":{"name":"咨询人\#(index % 997)","phone":"139\#(10_000_000 + index % 9_000_000)"},"service":"\#(services[index % services.count])","question":"请问办理需要哪些材料？第\#(index)号"}"#
            data.append(Data((line + "\n").utf8))
        }
        let file = NSTemporaryDirectory() + "wicket-bench-consultations-\(getpid()).jsonl"
        try data.write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard let handle = FileHandle(forReadingAtPath: file) else { return }
        _ = try ConsultationImport(store: store, actor: "admin").run(from: handle)
        // Answered by the department's clerks (supervisor `sun.li` sees all), all but the newest 300.
        let desk = ConsultationDesk(store: store)
        let open = try store.db.query("SELECT number FROM consultations WHERE status = 'open' AND ref LIKE 'bench-q-%' ORDER BY id")
            .map { $0.string(at: 0) }.dropLast(300)
        for batch in stride(from: 0, to: open.count, by: 2_000) {
            try store.db.write {
                for number in open[(open.startIndex + batch)..<min(open.endIndex, open.startIndex + batch + 2_000)] {
                    try desk.answer(number: number, text: "请携带身份证和户口簿到窗口办理。", actor: supervisor)
                }
            }
        }
    }

    static func importLines(_ count: Int) -> Data {
        var data = Data()
        let services = ["HUKOU-MOVE", "ID-RENEW", "RES-PERMIT", "BIRTH-REG", "SSC-CARD", "FOOD-LIC", "HPF-WITHDRAW"]
        let names = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊", "赵敏", "黄涛", "周杰", "吴霞"]
        for index in 0..<count {
            // A valid resident ID number (import refuses others): a sequence number and its check character.
            let body = "44010619900101" + String(String(1000 + index % 1000).dropFirst())
            let idNumber = body + String(ApplicantIdentity.checkCharacter(for: body)!)
            let line = #"{"ref":"bench-\#(index)","service":"\#(services[index % services.count])","channel":"online","submitted_at":"2026-11-2\#(index % 7 + 1)T09:\#(10 + index % 50):00+08:00","applicant":{"name":"\#(names[index % names.count])\#(index % 97)","id_number":"\#(idNumber)","phone":"138\#(10_000_000 + index)"},"summary":"申请办理业务第\#(index)号","details":"材料已在网上提交，请尽快审核。","materials":[],"priority":"normal"}"#
            data.append(Data((line + "\n").utf8))
        }
        return data
    }
}
