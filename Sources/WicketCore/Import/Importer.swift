import Foundation

/// Imports applications from JSON Lines. Good lines are imported even when others are bad;
/// commits happen in bounded batches, so a killed import leaves whole cases only and a re-run
/// (refs are unique) completes it.
public struct Importer {
    public let store: CaseStore
    public let actor: String
    public var batchSize = 500

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
        var summary = Summary()
        var reader = LineReader(handle: handle)
        var batch: [(Int, ArraySlice<UInt8>)] = []
        let intake = Intake(store: store)
        _ = try store.db.read { try Users.actor(actor, in: store.db) }
        func flush() throws {
            guard !batch.isEmpty else { return }
            try store.db.write {
                for (lineNumber, bytes) in batch {
                    do {
                        let application = try ImportLine.parse(bytes)
                        if try intake.insert(application, actor: actor) != nil {
                            summary.imported += 1
                        } else {
                            summary.alreadyPresent += 1
                        }
                    } catch let failure as ImportLine.Failure {
                        summary.errors.append(LineError(line: lineNumber, reason: failure.reason))
                    } catch let refusal as WorkflowError {
                        summary.errors.append(LineError(line: lineNumber, reason: Bilingual(en: refusal.message(.en), zh: refusal.message(.zh))))
                    }
                }
            }
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
