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
    /// in batches of 500) but hold the lock longer. On a quiet two-core machine (wicket-bench
    /// --only clerk, 2 Dec 2026) a batch of 500 held it 96–101 ms (median) and a clerk's act beside
    /// the import took p99 146–162 ms; a batch of 250 held it 43 ms and the clerk's act p99 was 91 ms,
    /// for ≈ 8% less import throughput. See README, "Waiting for the hall".
    public static let defaultBatchSize = 250
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

    public struct Duplicate: Equatable, Sendable {
        public let line: Int
        public let number: String
        public let of: [String]
        public func message(_ language: Language) -> String {
            language == .zh ? "line \(line): \(number) 已导入，可能与 \(of.joined(separator: "、")) 重复"
                : "line \(line): \(number) imported, possible duplicate of \(of.joined(separator: ", "))"
        }
    }

    /// The input could not be read (a folder, a device error): the import stops where it is.
    public struct ReadError: Error, Sendable {
        public let code: Int32
        public var reason: String { String(cString: strerror(code)) }
    }

    public struct Summary: Equatable, Sendable {
        public var imported = 0
        public var alreadyPresent = 0
        public var errors: [LineError] = []
        public var linesRead = 0
        /// Imported lines whose applicant already had an open case for the same service: still
        /// imported, never merged; the import names them.
        public var duplicates: [Duplicate] = []
    }

    /// Reads `handle` to its end. `progress` is called after each batch with lines read so far.
    public func run(from handle: FileHandle, progress: ((Summary) -> Void)? = nil) throws -> Summary {
        // Waiting clerks read who holds the hall from this record (LockWait), between and during batches.
        try WriterActivity.during("import", login: actor, in: store.db) { try runBatches(from: handle, progress: progress) }
    }

    private func runBatches(from handle: FileHandle, progress: ((Summary) -> Void)?) throws -> Summary {
        var summary = Summary()
        var reader = LineReader(handle: handle)
        var batch: [(Int, Result<ArraySlice<UInt8>, ImportLine.Failure>)] = []
        let intake = Intake(store: store)
        let window = SubmissionWindow(store: store)
        var bulk = BulkIntake(store: store, actor: actor)
        // Admins and the portal's login only (`CaseAccess`); anyone else is refused before a line is read.
        try CaseAccess.check(actor, in: store).requireImport()
        let restore = try Self.tuneForBulk(store.db)
        defer { restore() }
        func flush() throws {
            guard !batch.isEmpty else { return }
            // Parsed and checked against the catalog before the write lock is taken: clerks wait
            // only for the inserts. A bad line is reported and never half imported.
            var applications: [Application] = []
            var lineNumbers: [Int] = []
            var errors: [LineError] = []
            for (lineNumber, bytes) in batch {
                do {
                    let application = try ImportLine.parse(bytes.get(), window: window)
                    applications.append(try intake.validated(application))
                    lineNumbers.append(lineNumber)
                } catch let failure as ImportLine.Failure {
                    errors.append(LineError(line: lineNumber, reason: failure.reason))
                } catch let refusal as WorkflowError {
                    errors.append(LineError(line: lineNumber, reason: Bilingual(en: refusal.message(.en), zh: refusal.message(.zh))))
                }
            }
            let writeStart = Date()
            var lastIDBefore = 0
            let outcomes = try store.db.write {
                lastIDBefore = try store.db.scalarInt("SELECT coalesce(max(id), 0) FROM cases") ?? 0
                return try bulk.insert(applications)
            }
            onBatchWritten?(applications.count, Date().timeIntervalSince(writeStart))
            // Outside the lock, the import copies its own batch from the WAL into the file; otherwise
            // the next clerk's commit finds the WAL past 1,000 pages and does that copy and its fsync
            // on the clerk's key path (SQLite's automatic checkpoint runs in whoever commits).
            if checkpointsEachBatch { _ = try? store.db.execute("PRAGMA wal_checkpoint(PASSIVE)") }
            if outcomes.contains(true) {
                var lineOfRef: [String: Int] = [:]
                for (index, imported) in outcomes.enumerated() where imported {
                    if let ref = applications[index].ref { lineOfRef[ref] = lineNumbers[index] }
                }
                summary.duplicates += try Self.duplicates(after: lastIDBefore, lines: lineOfRef, in: store.db)
            }
            summary.imported += outcomes.filter { $0 }.count
            summary.alreadyPresent += outcomes.filter { !$0 }.count
            summary.errors += errors
            batch.removeAll(keepingCapacity: true)
            progress?(summary)
        }
        while let line = try reader.nextLine() {
            summary.linesRead += 1
            if case .success(let bytes) = line, bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            batch.append((summary.linesRead, line))
            if batch.count >= batchSize { try flush() }
        }
        try flush()
        return summary
    }
}

extension Importer {
    /// The batch's cases (ids after `lastID`, by their refs) that have an open case of the same
    /// applicant for the same service registered before them: one query per batch, over the id
    /// range, each case looking back through the applicant index (`+status`: never a scan of the
    /// open cases by status), three at most. Cases others registered meanwhile carry no ref of the batch.
    /// Per case of the batch, the (at most three, newest first) open cases of its applicant for the
    /// same service registered before it, as `number,number`; NULL when there is none.
    static let duplicatesQuery = """
        SELECT c.ref AS ref, c.number AS number, (
            SELECT group_concat(number, ',') FROM (
                SELECT d.number FROM cases d
                WHERE d.applicant_key = c.applicant_key AND d.id < c.id AND d.service_code = c.service_code
                  AND +d.status IN (\(CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))
                ORDER BY d.id DESC LIMIT 3)) AS earlier
        FROM cases c WHERE c.id > ? AND c.ref IS NOT NULL AND c.applicant_key IS NOT NULL ORDER BY c.id
        """

    static func duplicates(after lastID: Int, lines: [String: Int], in db: Database) throws -> [Duplicate] {
        try db.query(duplicatesQuery, lastID).compactMap { row in
            guard let earlier = row.optionalString("earlier"), let line = lines[row.string("ref")] else { return nil }
            return Duplicate(line: line, number: row.string("number"), of: earlier.split(separator: ",").map(String.init).reversed())
        }
    }

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
/// A line longer than `limit` is never held whole: once that many bytes have passed without a
/// newline, the rest of the line is read and dropped chunk by chunk, and the line comes back as
/// `ImportLine.lineTooLong`; the next call goes on with the next line.
struct LineReader {
    let handle: FileHandle
    let limit: Int
    private static let chunkSize = 1 << 16
    private var buffer: [UInt8] = []
    private var start = 0
    /// How many bytes from `start` are known to hold no newline (a long line is not searched again
    /// from its start each time a chunk arrives).
    private var searched = 0
    private var finished = false
    /// Where each read lands before it is appended (or, for a line being dropped, searched and forgotten).
    private var chunk = [UInt8](repeating: 0, count: LineReader.chunkSize)

    init(handle: FileHandle, limit: Int = ImportLine.maxLineBytes) {
        self.handle = handle
        self.limit = limit
    }

    mutating func nextLine() throws -> Result<ArraySlice<UInt8>, ImportLine.Failure>? {
        while true {
            if let newline = Self.newline(in: buffer, from: start + searched) {
                var line = buffer[start..<newline]
                start = newline + 1
                searched = 0
                if line.last == 13 { line = line.dropLast() }
                return line.count <= limit ? .success(line) : .failure(ImportLine.lineTooLong)
            }
            searched = buffer.count - start
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                searched = 0
                return line.count <= limit ? .success(line) : .failure(ImportLine.lineTooLong)
            }
            // Over the limit even if a CR LF ends it next: drop it.
            if searched > limit + 1 {
                try skipRestOfLine()
                return .failure(ImportLine.lineTooLong)
            }
            buffer.removeFirst(start)
            start = 0
            let count = try read()
            if count == 0 { finished = true }
            chunk.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// Reads on past the next newline, keeping only what follows it.
    private mutating func skipRestOfLine() throws {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        searched = 0
        while true {
            let count = try read()
            if count == 0 {
                finished = true
                return
            }
            if let newline = Self.newline(in: chunk[..<count], from: 0) {
                chunk.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[(newline + 1)..<count])) }
                return
            }
        }
    }

    /// The index of the first newline in `bytes` at or after `from`.
    private static func newline(in bytes: some ContiguousBytes, from: Int) -> Int? {
        bytes.withUnsafeBytes { raw in
            guard from < raw.count, let found = memchr(raw.baseAddress! + from, 10, raw.count - from) else { return nil }
            return raw.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Fills `chunk` from the input: how many bytes came, 0 at its end.
    private mutating func read() throws -> Int {
        let descriptor = handle.fileDescriptor
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if count >= 0 { return count }
            if errno != EINTR { throw Importer.ReadError(code: errno) }
        }
    }
}
