import Foundation
import XCTest
@testable import WicketCore

/// The history chain is keyed: each hash is HMAC-SHA-256 under a key kept in a file outside the
/// database. Someone who can write the database but has not the key (here: with the Database API
/// and raw SQL, as with the sqlite3 shell) cannot append an event or re-hash the chain so that
/// `wicket check` passes.
final class KeyedHistoryTests: XCTestCase {
    private var hall: TestHall!
    private var db: Database { hall.store.db }
    private var keyPath: String { hall.path + ".key" }

    override func setUpWithError() throws {
        hall = try TestHall()
        let first = try hall.submit().number
        let second = try hall.submit().number
        try hall.act(first, .accept)
        try hall.act(second, .requestMaterials)
        try hall.act(first, .startReview)
    }

    override func tearDown() { hall.remove() }

    private func problem(_ db: Database? = nil, file: StaticString = #filePath, line: UInt = #line) -> IntegrityCheck.Problem? {
        do {
            _ = try IntegrityCheck(db: db ?? self.db).run()
            XCTFail("check found nothing", file: file, line: line)
        } catch let problem as IntegrityCheck.Problem {
            return problem
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return nil
    }

    private func event(_ id: Int) throws -> HistoryChain.Event {
        HistoryChain.Event(row: try db.queryOne("SELECT \(HistoryChain.columns) FROM history WHERE id = ?", id)!)
    }

    /// Every hash of the history again, from event 1, with `hash` (the triggers lifted and put back).
    private func rehashChain(_ hash: (HistoryChain.Event) -> String) throws {
        try db.executeScript("DROP TRIGGER history_no_update; DROP TRIGGER history_no_delete;")
        var previous: String?
        for id in 1...(try db.scalarInt("SELECT max(id) FROM history")!) {
            var event = try event(id)
            event.previousHash = previous
            previous = hash(event)
            try db.execute("UPDATE history SET previous_hash = ?, hash = ? WHERE id = ?", event.previousHash, previous, id)
        }
        try db.executeScript(Schema.version3Triggers)
    }

    // MARK: HMAC

    private func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// RFC 4231, test cases 1–4, 6 and 7 (5 truncates the output, which Wicket never does).
    func testHMACMatchesRFC4231() {
        func mac(_ key: [UInt8], _ data: [UInt8]) -> String { HMACSHA256(key: key).hex(data) }
        XCTAssertEqual(mac([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8)),
                       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        XCTAssertEqual(mac(Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        XCTAssertEqual(mac([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50)),
                       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        XCTAssertEqual(mac(Array(1...25), [UInt8](repeating: 0xcd, count: 50)),
                       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        XCTAssertEqual(mac([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)),
                       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        XCTAssertEqual(mac([UInt8](repeating: 0xaa, count: 131), Array(("This is a test using a larger than block-size key and a "
                            + "larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.").utf8)),
                       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
        // One key, many messages: the precomputed inner and outer states are not used up.
        let reused = HMACSHA256(key: Array("Jefe".utf8))
        XCTAssertEqual(reused.hex(Array("what do ya want for nothing?".utf8)), reused.hex(Array("what do ya want for nothing?".utf8)))
    }

    // MARK: the key file

    func testCreateMakesAReadOnlyKeyBesideTheDatabase() throws {
        var info = stat()
        XCTAssertEqual(lstat(keyPath, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG)
        XCTAssertEqual(info.st_mode & 0o222, 0, "nobody may write the key")
        XCTAssertEqual(info.st_mode & 0o007, 0, "others may not read it")
        XCTAssertEqual(hall.store.historyKeyPath, keyPath)
        let text = try String(contentsOfFile: keyPath, encoding: .utf8)
        XCTAssertEqual(text.count, 65)
        XCTAssertTrue(text.hasSuffix("\n"))
        // Each event's hash is HMAC-SHA-256 of its content under the bytes in the file, as README says.
        let mac = HMACSHA256(key: bytes(String(text.dropLast())))
        for id in 1...5 {
            let event = try event(id)
            XCTAssertEqual(try db.scalarString("SELECT hash FROM history WHERE id = ?", id), mac.hex(HistoryChain.content(event)))
            XCTAssertNotEqual(try db.scalarString("SELECT hash FROM history WHERE id = ?", id), HistoryChain.unkeyedHash(event))
        }
        XCTAssertEqual(try IntegrityCheck(db: db).run().events, 5)
    }

    func testAKeyIsNeverReplaced() throws {
        let before = try String(contentsOfFile: keyPath, encoding: .utf8)
        XCTAssertThrowsError(try HistoryKey.create(path: keyPath, databasePath: hall.path)) {
            XCTAssertEqual($0 as? HistoryKeyError, .exists(path: keyPath))
        }
        XCTAssertEqual(try HistoryKey.loadOrCreate(path: keyPath, databasePath: hall.path).hex([1, 2, 3]),
                       try db.historyKey().hex([1, 2, 3]))
        XCTAssertEqual(try String(contentsOfFile: keyPath, encoding: .utf8), before)
        // Nothing is left behind under a temporary name.
        let left = try FileManager.default.contentsOfDirectory(atPath: hall.directory.path).filter { $0.contains(".key.new") }
        XCTAssertEqual(left, [])
    }

    /// A privileged (setgid) run refuses a key someone else could have put there or could rewrite.
    func testAPrivilegedRunRefusesAnUnsafeKeyFile() throws {
        XCTAssertNoThrow(try HistoryKey.load(path: keyPath, databasePath: hall.path, privileged: true))
        let link = hall.directory.appendingPathComponent("link.key").path
        XCTAssertEqual(symlink(keyPath, link), 0)
        XCTAssertNoThrow(try HistoryKey.load(path: link, databasePath: hall.path, privileged: false))
        XCTAssertThrowsError(try HistoryKey.load(path: link, databasePath: hall.path, privileged: true)) {
            XCTAssertEqual("\($0)", "the history key \(link) is refused: it is a symbolic link")
        }
        XCTAssertEqual(chmod(keyPath, 0o460), 0)
        XCTAssertThrowsError(try HistoryKey.load(path: keyPath, databasePath: hall.path, privileged: true)) {
            XCTAssertTrue("\($0)".contains("is refused: it is writable by its group or by others"), "\($0)")
            XCTAssertTrue(($0 as? HistoryKeyError)?.message(.zh).contains("可写") ?? false)
        }
        XCTAssertEqual(chmod(keyPath, 0o440), 0)
        if geteuid() == 0 {
            XCTAssertEqual(chown(keyPath, 12345, uid_t.max), 0)
            XCTAssertThrowsError(try HistoryKey.load(path: keyPath, databasePath: hall.path, privileged: true)) {
                XCTAssertTrue("\($0)".contains("owned by uid 12345, neither root nor the database's owner"), "\($0)")
            }
        }
    }

    /// A clerk's setgid run may not make the key (it would be the clerk's); root or the owner may.
    func testOnlyAnUnprivilegedRunOrRootMakesAKey() {
        XCTAssertTrue(HistoryKey.creationAllowed(privileged: false, effectiveUser: 1000))
        XCTAssertTrue(HistoryKey.creationAllowed(privileged: true, effectiveUser: 0))
        XCTAssertFalse(HistoryKey.creationAllowed(privileged: true, effectiveUser: 1000))
        let refusal = HistoryKeyError.creationRefused(path: "/srv/wicket/hall.db.key", databasePath: "/srv/wicket/hall.db")
        XCTAssertEqual(refusal.description, "the history key /srv/wicket/hall.db.key does not exist yet and a clerk's run may not create it: run `wicket check` (or any command) once as the owner of /srv/wicket/hall.db or as root")
        XCTAssertTrue(refusal.message(.zh).contains("wicket check"))
    }

    func testAMalformedKeyIsNamed() throws {
        let other = hall.directory.appendingPathComponent("bad.key").path
        try "not a key\n".write(toFile: other, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try HistoryKey.load(path: other, databasePath: hall.path)) {
            XCTAssertEqual($0 as? HistoryKeyError, .malformed(path: other))
        }
    }

    // MARK: attacks without the key

    /// Someone with write access to the file appends a well-formed event hashed the old way
    /// (plain SHA-256, chained to the real tail) and moves the case on to match it.
    func testAForgedEventHashedWithPlainSHA256IsNamed() throws {
        let tail = try HistoryChain.tail(in: db)!
        let caseID = try db.scalarInt("SELECT case_id FROM history WHERE id = 5")!
        let forged = HistoryChain.Event(id: tail.id + 1, subjectID: caseID, at: "2026-11-27T03:00:00Z", actor: "li",
                                        action: "approve", fromStatus: "in_review", toStatus: "approved", reason: "",
                                        details: "{\"on_time\":true}", version: 4, previousHash: tail.hash)
        try db.execute("INSERT INTO history(\(History.columns)) VALUES \(History.row)",
                       arguments: History.values(forged, hash: HistoryChain.unkeyedHash(forged)))
        try db.execute("UPDATE cases SET status = 'approved', version = 4 WHERE id = ?", caseID)
        let found = problem()
        XCTAssertEqual(found?.kind, .chain)
        XCTAssertEqual(found?.eventID, forged.id)
        XCTAssertTrue(found?.message.contains("history event #6") ?? false, found?.message ?? "")
        XCTAssertTrue(found?.message.contains("plain SHA-256 hash, not one keyed with the history key") ?? false,
                      found?.message ?? "")
    }

    /// The whole chain edited and re-hashed by the old rule: the first event gives it away.
    func testAChainRehashedWithPlainSHA256IsNamed() throws {
        try db.executeScript("DROP TRIGGER history_no_update;")
        try db.execute("UPDATE history SET actor = 'zhang' WHERE id = 3")
        try db.executeScript(Schema.historyNoUpdate)
        try rehashChain(HistoryChain.unkeyedHash)
        let found = problem()
        XCTAssertEqual(found?.kind, .chain)
        XCTAssertEqual(found?.eventID, 1)
        XCTAssertTrue(found?.message.contains("plain SHA-256") ?? false, found?.message ?? "")
    }

    func testAChainRehashedWithAnotherKeyIsNamed() throws {
        let stranger = HistoryKey(bytes: Array(repeating: 7, count: 32), path: "/elsewhere.key")
        try rehashChain { HistoryChain.hash($0, key: stranger) }
        // The applicant keys too (migration 15 derives them from the history key), as a forger would.
        try db.write { try Schema.fillApplicantKeys(db, key: { stranger }) }
        let found = problem()
        XCTAssertEqual(found?.eventID, 1)
        XCTAssertTrue(found?.message.contains("was changed after it was written, or hashed with another key") ?? false,
                      found?.message ?? "")
        // With that key given explicitly, the chain verifies: the key is what decides.
        XCTAssertEqual(try IntegrityCheck(db: db, key: stranger).run().events, 5)
    }

    /// A backup carries its key beside it, so the copy checks on its own.
    func testABackupIsCheckedWithItsCopyOfTheKey() throws {
        let copy = hall.directory.appendingPathComponent("copy.db").path
        _ = try DatabaseBackup.run(from: db, to: copy, overwrite: false)
        XCTAssertEqual(try String(contentsOfFile: copy + ".key", encoding: .utf8),
                       try String(contentsOfFile: keyPath, encoding: .utf8))
        var info = stat()
        XCTAssertEqual(stat(copy + ".key", &info), 0)
        XCTAssertEqual(info.st_mode & 0o222, 0)
        XCTAssertEqual(try IntegrityCheck(db: try CaseStore.open(path: copy).db).run().events, 5)
        _ = try DatabaseBackup.run(from: db, to: copy, overwrite: true)
        XCTAssertEqual(try IntegrityCheck(db: try CaseStore.open(path: copy).db).run().events, 5)
    }

    // MARK: a missing key

    func testWithoutItsKeyADatabaseReadsButNeitherWritesHistoryNorChecks() throws {
        let number = try db.scalarString("SELECT number FROM cases WHERE id = 1")!
        try FileManager.default.removeItem(atPath: keyPath)
        let store = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertEqual(try CaseRows.load(number: number, in: store.db)?.status, .inReview)
        XCTAssertEqual(try CaseQueries.list(CaseFilter(), in: store).count, 2)
        XCTAssertThrowsError(try Workflow(store: store).perform(ActionRequest(caseNumber: number, action: .note, actor: "li",
                                                                                text: "x"))) {
            XCTAssertEqual($0 as? HistoryKeyError, .missing(path: keyPath))
            XCTAssertTrue(ErrorText.message($0, .en).contains("the history key \(keyPath) is missing"), "\($0)")
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM history"), 5, "nothing half-written")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM notes"), 0)
        let application = Application(ref: "ref-without-key", serviceCode: "HUKOU-MOVE", channel: .online,
                                      submittedAt: hall.clock.now, applicantName: "王芳",
                                      applicantIDNumber: "440106199001181234", applicantPhone: "13800000000",
                                      summary: "户口迁移申请", materials: ["ID-CARD"], language: .zh)
        XCTAssertThrowsError(try Intake(store: store).register(application, actor: "admin")) {
            XCTAssertEqual($0 as? HistoryKeyError, .missing(path: keyPath))
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM cases"), 2)
        let found = problem(store.db)
        XCTAssertEqual(found?.kind, .key)
        XCTAssertTrue(found?.message.contains(keyPath) ?? false, found?.message ?? "")
        // Not quietly made again: a new key would disown the whole history.
        XCTAssertFalse(FileManager.default.fileExists(atPath: keyPath))
    }

    func testTheKeyMayLiveElsewhere() throws {
        let elsewhere = hall.directory.appendingPathComponent("etc-wicket.key").path
        let path = hall.directory.appendingPathComponent("other.db").path
        let store = try CaseStore.create(path: path, creator: "admin", clock: hall.clock.wallClock, keyPath: elsewhere)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".key"))
        XCTAssertEqual(store.historyKeyPath, elsewhere)
        XCTAssertEqual(try CaseStore.open(path: path, keyPath: elsewhere).historyKeyPath, elsewhere)
        XCTAssertThrowsError(try IntegrityCheck(db: try CaseStore.open(path: path).db).run()) {
            XCTAssertEqual(($0 as? IntegrityCheck.Problem)?.kind, .key)
        }
    }

    // MARK: migration 9 (keying the chain)

    /// Turns the hall's database back into what Wicket made before the key: plain SHA-256 chain,
    /// schema 8 (the one before keying), no key file.
    private func makeUnkeyed() throws {
        try rehashChain(HistoryChain.unkeyedHash)
        // Without what later migrations add (the writer activity record, the applicant's document).
        try db.executeScript("DROP TABLE IF EXISTS writer_activity;")
        try SchemaRewind.rewind(db, to: 8)
        try FileManager.default.removeItem(atPath: keyPath)
    }

    func testMigrationKeysAnOlderChainAndMakesTheKey() throws {
        try makeUnkeyed()
        let unkeyedHead = try db.scalarString("SELECT hash FROM history WHERE id = 5")
        let store = try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA user_version"), Schema.latestVersion)
        XCTAssertTrue(FileManager.default.fileExists(atPath: keyPath))
        let key = try store.db.historyKey()
        var previous: String?
        for row in try store.db.query("SELECT \(HistoryChain.columns) FROM history ORDER BY id") {
            let event = HistoryChain.Event(row: row)
            XCTAssertEqual(event.previousHash, previous)
            XCTAssertEqual(row.string("hash"), HistoryChain.hash(event, key: key))
            previous = row.string("hash")
        }
        XCTAssertNotEqual(previous, unkeyedHead)
        XCTAssertEqual(try IntegrityCheck(db: store.db).run().events, 5)
        XCTAssertThrowsError(try store.db.execute("UPDATE history SET reason = 'x' WHERE id = 1"), "append-only again")
        // New events continue the keyed chain.
        try Workflow(store: store).perform(ActionRequest(caseNumber: try hall.record(try db.scalarString(
            "SELECT number FROM cases WHERE id = 1")!).number, action: .note, actor: "li", text: "after the key"))
        XCTAssertEqual(try IntegrityCheck(db: store.db).run().events, 6)
    }

    /// Keying an edited history would bless the edit: the migration refuses and writes nothing.
    func testMigrationRefusesAnUnkeyedChainThatWasEdited() throws {
        try makeUnkeyed()
        try db.executeScript("DROP TRIGGER history_no_update;")
        try db.execute("UPDATE history SET actor = 'zhang' WHERE id = 3")
        try db.executeScript(Schema.historyNoUpdate)
        XCTAssertThrowsError(try CaseStore.open(path: hall.path, clock: hall.clock.wallClock)) {
            XCTAssertEqual($0 as? StoreError, .historyNotKeyable(path: hall.path, eventID: 3))
        }
        XCTAssertEqual(try db.scalarInt("PRAGMA user_version"), 8)
        XCTAssertEqual(try db.scalarString("SELECT hash FROM history WHERE id = 1"),
                       HistoryChain.unkeyedHash(try event(1)))
    }
}
