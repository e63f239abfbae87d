import Foundation

/// Imports applications from JSON Lines. Good lines are imported even when others are bad;
/// commits happen in bounded batches, so a killed import leaves whole cases only and a re-run
/// (refs are unique) completes it.
public struct Importer {
    public let store: CaseStore
    public let actor: String
    /// Cases per transaction, and so how long a clerk's action may wait for the import: the
    /// import lets go of the write lock after each batch (and parses the next one outside it), and a
    /// waiting clerk's busy handler takes it then. Bigger batches are cheaper (each commit rewrites
    /// the index pages it touched: 100,000 lines took 8.1 s of CPU in batches of 2,000 against 10.0 s
    /// in batches of 500) but hold the lock longer: 2,000 held it ≈ 0.1 s. See README, "Waiting for the hall".
    public static let defaultBatchSize = 500
    public var batchSize = Importer.defaultBatchSize
    /// Copy each batch from the WAL into the file after its commit (below); off only to measure without.
    public var checkpointsEachBatch = true
    /// Sees how long each batch held the write lock (the benchmark's lock-hold figures).
    public var onBatchWritten: ((_ cases: Int, _ seconds: TimeInterval) -> Void)?

    public init(store: CaseStore, actor: String) {
        self.store = store
        self.actor = actor
    }

    public struct LineError: Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: Bilingual
        public var description: String { message(.en) }
        /// `line N:` stays the same in both languages, so a script can find the line; the reason is the reader's.
        public func message(_ language: Language) -> String { "line \(line): \(reason.text(language))" }
    }

    public struct Summary: Equatable, Sendable {
        public var imported = 0
        public var alreadyPresent = 0
        public var errors: [LineError] = []
        public var linesRead = 0
    }

    /// Reads `handle` to its end. `progress` is called after each batch with lines read so far.
    public func run(from handle: FileHandle, progress: ((Summary) -> Void)? = nil) throws -> Summary {
        // Waiting clerks read who holds the hall from this record (LockWait), between and during batches.
        try WriterActivity.during("import", login: actor, in: store.db) { try runBatches(from: handle, progress: progress) }
    }

    private func runBatches(from handle: FileHandle, progress: ((Summary) -> Void)?) throws -> Summary {
        var summary = Summary()
        var reader = LineReader(handle: handle)
        var batch: [(Int, ArraySlice<UInt8>)] = []
        let intake = Intake(store: store)
        var bulk = BulkIntake(store: store, actor: actor)
        _ = try store.db.read { try Users.actor(actor, in: store.db) }
        let restore = try Self.tuneForBulk(store.db)
        defer { restore() }
        func flush() throws {
            guard !batch.isEmpty else { return }
            // Parsed and checked against the catalog before the write lock is taken: clerks wait
            // only for the inserts. A bad line is reported and never half imported.
            var applications: [Application] = []
            var errors: [LineError] = []
            for (lineNumber, bytes) in batch {
                do {
                    let application = try ImportLine.parse(bytes)
                    try intake.validate(application)
                    applications.append(application)
                } catch let failure as ImportLine.Failure {
                    errors.append(LineError(line: lineNumber, reason: failure.reason))
                } catch let refusal as WorkflowError {
                    errors.append(LineError(line: lineNumber, reason: Bilingual(en: refusal.message(.en), zh: refusal.message(.zh))))
                }
            }
            let writeStart = Date()
            let outcomes = try store.db.write { try bulk.insert(applications) }
            onBatchWritten?(applications.count, Date().timeIntervalSince(writeStart))
            // Outside the lock, the import copies its own batch from the WAL into the file; otherwise
            // the next clerk's commit finds the WAL past 1,000 pages and does that copy and its fsync
            // on the clerk's key path (SQLite's automatic checkpoint runs in whoever commits).
            if checkpointsEachBatch { _ = try? store.db.execute("PRAGMA wal_checkpoint(PASSIVE)") }
            summary.imported += outcomes.filter { $0 }.count
            summary.alreadyPresent += outcomes.filter { !$0 }.count
            summary.errors += errors
            batch.removeAll(keepingCapacity: true)
            progress?(summary)
        }
        while let line = try reader.nextLine() {
            summary.linesRead += 1
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            batch.append((summary.linesRead, line))
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        return summary
    }
}

extension Importer {
    /// For the import's duration, on this connection only: a 16 MiB page cache (SQLite's default
    /// 2 MiB re-read the cases indexes' pages from the file for every batch) and a checkpoint
    /// every 10,000 WAL pages instead of 1,000 (each checkpoint copies and syncs pages the next
    /// batch dirties again). Both are put back afterwards; the schema and the file are unchanged.
    static func tuneForBulk(_ db: Database) throws -> () -> Void {
        let cacheSize = try db.scalarInt("PRAGMA cache_size") ?? -2000
        let checkpoint = try db.scalarInt("PRAGMA wal_autocheckpoint") ?? 1000
        try db.execute("PRAGMA cache_size = -16384")
        try db.execute("PRAGMA wal_autocheckpoint = 10000")
        return {
            try? db.execute("PRAGMA cache_size = \(cacheSize)")
            try? db.execute("PRAGMA wal_autocheckpoint = \(checkpoint)")
        }
    }
}

/// Splits a byte stream into lines without decoding it, so invalid UTF-8 is reported per line.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 10) {
                var line = buffer[start..<newline]
                start = newline + 1
                if line.last == 13 { line = line.dropLast() }
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            let chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            if chunk.isEmpty { finished = true }
            buffer.removeFirst(start)
            start = 0
            buffer.append(contentsOf: chunk)
        }
    }
}
