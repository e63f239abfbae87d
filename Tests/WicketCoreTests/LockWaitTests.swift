import XCTest
@testable import WicketCore

/// Issue 11: a clerk never sees "database is locked". A writer waits for another's write lock as
/// long as it takes (within `LockWait.limit`), is told after about a second who holds the hall, and
/// a give-up names the holder.
final class LockWaitTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    private final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var waits: [HallBusy] = []
        func add(_ busy: HallBusy) { lock.withLock { waits.append(busy) } }
        var all: [HallBusy] { lock.withLock { waits } }
    }

    /// Another connection plays a long import: its record is committed, then it holds the write
    /// lock for `seconds`. Returns once the lock is taken.
    private func holdTheHall(for seconds: Double) -> Thread {
        let path = hall.path
        let taken = DispatchSemaphore(value: 0)
        let holder = Thread {
            let store = try! CaseStore.open(path: path)
            try! WriterActivity.during("import", login: "admin", in: store.db) {
                try store.db.write {
                    try store.db.execute("UPDATE settings SET value = value WHERE key = 'timezone'")
                    taken.signal()
                    usleep(useconds_t(seconds * 1_000_000))
                }
            }
        }
        holder.start()
        taken.wait()
        return holder
    }

    /// Before: SQLite's 10 s busy timeout, then `database error: database is locked`.
    func testAnActionWaitsOutALongWriterAndIsToldWhoItIs() throws {
        let number = try hall.submit().number
        let seen = Seen()
        hall.store.db.lockWait.observer = { seen.add($0) }
        let holder = holdTheHall(for: 11)
        let started = Date()
        let outcome = try hall.act(number, .accept)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 10, "the action did not wait for the holder")
        XCTAssertEqual(outcome.to, .accepted)
        let first = try XCTUnwrap(seen.all.first, "nobody was told about the wait")
        XCTAssertGreaterThanOrEqual(first.waited, 1)
        XCTAssertEqual(first.holder?.what, "import")
        XCTAssertEqual(first.holder?.login, "admin")
        XCTAssertEqual(first.holder?.pid, getpid())
        XCTAssertTrue(first.waitingLine.en.hasPrefix("waiting for the hall: import by admin (pid \(getpid())) since "),
                      first.waitingLine.en)
        XCTAssertGreaterThanOrEqual(seen.all.count, 2, "the wait is told again every few seconds")
        while !holder.isFinished { usleep(10_000) }
        XCTAssertTrue(try WriterActivity.current(in: hall.store.db).isEmpty, "the record is removed after the work")
    }

    func testGivingUpNamesTheHolderAndChangesNothing() throws {
        let number = try hall.submit().number
        let before = try hall.footprint()
        hall.store.db.lockWait.limit = 1.5
        let holder = holdTheHall(for: 3)
        XCTAssertThrowsError(try hall.act(number, .accept)) { error in
            XCTAssertTrue(error is HallBusyError, "\(error)")
            let text = ErrorText.message(error, .en)
            XCTAssertTrue(text.hasPrefix("the hall is busy: import by admin (pid \(getpid())) has held it since "), text)
            XCTAssertFalse(text.contains("locked"), text)
            XCTAssertTrue(ErrorText.message(error, .zh).contains("admin 的import"))
        }
        while !holder.isFinished { usleep(10_000) }
        XCTAssertEqual(try hall.record(number).status, .submitted)
        XCTAssertEqual(try hall.footprint(), before, "no version, history event, reply or note was written")
    }

    func testARecordLeftByAKilledProcessIsIgnored() throws {
        try hall.store.db.write {
            try hall.store.db.execute("INSERT INTO writer_activity(pid, login, what, since) VALUES (?, 'admin', 'import', ?)",
                                      Int(Int32.max - 1), Timestamp.format(Date()))
        }
        XCTAssertTrue(try WriterActivity.current(in: hall.store.db).isEmpty)
        _ = try WriterActivity.during("calendar load", login: "admin", in: hall.store.db) {
            XCTAssertEqual(try WriterActivity.current(in: hall.store.db).map(\.what), ["calendar load"])
        }
        XCTAssertEqual(try hall.store.db.scalarInt("SELECT count(*) FROM writer_activity"), 0, "the dead one is swept")
    }
}
