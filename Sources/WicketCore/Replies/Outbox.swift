import Foundation

/// Hands stored replies to the hall's delivery command (SMS, WeChat, mail gateways live outside
/// Wicket). The command gets one reply as JSON on stdin. Exit 0: sent. Exit 65 (EX_DATAERR):
/// permanent failure, a clerk must act. Anything else, or no answer in time: temporary, retried
/// later with growing pauses. Without a command, replies wait in the outbox (messages table).
public struct Outbox {
    public let store: CaseStore
    let clock: WallClock

    public init(store: CaseStore, clock: WallClock? = nil) {
        self.store = store
        self.clock = clock ?? store.clock
    }

    static let permanentFailureExit: Int32 = 65
    public static let maxAttempts = 12
    /// How long the delivery command has to answer one reply, unless told otherwise (`deliver --time-limit`).
    public static let defaultTimeLimit: TimeInterval = 30
    public static let timeLimitRange: ClosedRange<Int> = 1...600

    /// Whether `$WICKET_DELIVERY_COMMAND` counts. A privileged (setgid) process run by a clerk
    /// never takes a command from its caller's environment; `wicket deliver` refuses to run there at all.
    public var trustsEnvironment = !ProcessTrust.isPrivileged

    /// How long the command has to answer; after it, its whole process group is stopped (SIGTERM,
    /// then SIGKILL after a grace of 2 s) and the attempt is a temporary failure.
    public var timeLimit: TimeInterval = Outbox.defaultTimeLimit

    /// The configured command: `WICKET_DELIVERY_COMMAND`, else the database's `delivery_command` setting.
    /// Replies waiting for their first hand-over.
    public func queuedCount() throws -> Int {
        try store.db.scalarInt("SELECT count(*) FROM messages WHERE delivery_state = 'queued'") ?? 0
    }

    public var command: String? {
        // getenv, not ProcessInfo.environment: that copies the whole environment on every call.
        if trustsEnvironment, let raw = getenv("WICKET_DELIVERY_COMMAND"),
           case let fromEnvironment = String(cString: raw), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return (try? store.setting("delivery_command")) ?? nil
    }

    public struct Result: Equatable, Sendable {
        public var sent = 0
        public var failed = 0
        public var permanent = 0
    }

    /// Tries every reply that is due; never throws, since a failure is recorded on the reply itself.
    @discardableResult
    public func deliverDue(limit: Int = 50, shouldStop: () -> Bool = { false }) -> Result {
        var result = Result()
        guard let command else { return result }
        for _ in 0..<limit where !shouldStop() {
            guard let reply = try? claimNext() else { break }
            let outcome = run(command: command, payload: reply.payload, shouldStop: shouldStop)
            try? record(outcome, for: reply.id, attempts: reply.attempts, result: &result)
        }
        return result
    }

    /// `wicket deliver --watch`: delivers what is due, then waits for another process to commit
    /// (`PRAGMA data_version`, polled every `poll` seconds: a clerk queued a reply) or for the next
    /// retry to fall due, and again, until `shouldStop` (SIGTERM, SIGINT) says so. `onRound` sees
    /// each round that did something.
    public func watch(poll: TimeInterval = 0.5, shouldStop: () -> Bool, onRound: (Result) -> Void = { _ in }) throws {
        let db = store.db
        while !shouldStop() {
            let result = deliverDue(limit: 10_000, shouldStop: shouldStop)
            if result != Result() { onRound(result) }
            let seen = try db.dataVersion()
            let nextDue = try nextAttempt()
            // At least one pause a round, so a reply nothing can send (no command now) is no busy loop.
            while !shouldStop() {
                usleep(useconds_t(poll * 1_000_000))
                if try db.dataVersion() != seen { break }
                if let nextDue, clock.now >= nextDue { break }
            }
        }
    }

    /// When the earliest queued or failed reply falls due (a lease counts as its due time).
    func nextAttempt() throws -> Date? {
        try store.db.scalarString(
            "SELECT min(next_attempt_at) FROM messages WHERE delivery_state IN ('queued', 'failed')"
        ).flatMap(Timestamp.parse)
    }

    private struct ClaimedReply {
        let id: Int
        let attempts: Int
        let payload: Data
    }

    /// Takes the oldest due reply under the write lock and leases it for a while, so two clerks'
    /// processes never send the same reply twice at once.
    private func claimNext() throws -> ClaimedReply? {
        let db = store.db
        let now = Timestamp.format(clock.now)
        return try db.write {
            guard let row = try db.queryOne("""
                SELECT m.id, m.attempts, m.channel, m.body, m.created_at, c.number, c.applicant_name, c.applicant_phone, c.lang
                FROM messages m JOIN cases c ON c.id = m.case_id
                WHERE m.delivery_state IN ('queued', 'failed') AND m.next_attempt_at <= ?
                ORDER BY m.next_attempt_at, m.id LIMIT 1
                """, now) else { return nil }
            let lease = Timestamp.format(clock.now.addingTimeInterval(timeLimit * 4 + 60))
            try db.execute("UPDATE messages SET next_attempt_at = ? WHERE id = ?", lease, row.int("id"))
            let payload: [String: Any] = [
                "id": row.int("id"), "case_number": row.string("number"), "channel": row.string("channel"),
                "to": ["name": row.string("applicant_name"), "phone": row.string("applicant_phone")],
                "language": row.string("lang"), "body": row.string("body"), "created_at": row.string("created_at"),
            ]
            let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])
            return ClaimedReply(id: row.int("id"), attempts: row.int("attempts"), payload: data)
        }
    }

    enum Outcome: Equatable {
        case sent
        case temporary(String)
        case permanent(String)
        /// The service was stopped while the command ran: not the command's fault, so never the
        /// attempt that makes a reply fail for good.
        case stopped
    }

    /// 1, 2, 4 … minutes, at most an hour between tries.
    static func pause(afterTry tries: Int) -> TimeInterval { min(3600.0, 60.0 * pow(2.0, Double(tries - 1))) }

    static let stoppedError = "stopped: the delivery service was stopped"

    private func record(_ outcome: Outcome, for id: Int, attempts: Int, result: inout Result) throws {
        let db = store.db
        let now = clock.now
        let tries = attempts + 1
        try db.write {
            switch outcome {
            case .sent:
                result.sent += 1
                try db.execute("""
                    UPDATE messages SET delivery_state = 'sent', attempts = ?, last_error = '', next_attempt_at = NULL,
                        delivered_at = ? WHERE id = ?
                    """, tries, Timestamp.format(now), id)
            case .temporary(let error) where tries < Self.maxAttempts:
                result.failed += 1
                let pause = Self.pause(afterTry: tries)
                try db.execute("""
                    UPDATE messages SET delivery_state = 'failed', attempts = ?, last_error = ?,
                        next_attempt_at = CASE WHEN handled_at IS NULL THEN ? END
                    WHERE id = ?
                    """, tries, error, Timestamp.format(now.addingTimeInterval(pause)), id)
            case .stopped:
                result.failed += 1
                let pause = Self.pause(afterTry: min(tries, Self.maxAttempts))
                try db.execute("""
                    UPDATE messages SET delivery_state = 'failed', attempts = ?, last_error = ?, next_attempt_at = ?
                    WHERE id = ?
                    """, tries, Self.stoppedError, Timestamp.format(now.addingTimeInterval(pause)), id)
            case .temporary(let error), .permanent(let error):
                result.permanent += 1
                try db.execute("""
                    UPDATE messages SET delivery_state = 'failed_permanent', attempts = ?, last_error = ?,
                        next_attempt_at = NULL WHERE id = ?
                    """, tries, error, id)
            }
        }
    }

    private func run(command: String, payload: Data, shouldStop: () -> Bool) -> Outcome {
        let process = DeliveryProcess(command: command, timeLimit: timeLimit)
        switch process.run(payload: payload, shouldStop: shouldStop) {
        case .exited(0, _): return .sent
        case .exited(Self.permanentFailureExit, let errorOutput):
            return .permanent("exit \(Self.permanentFailureExit)" + (errorOutput.isEmpty ? "" : ": \(errorOutput)"))
        case .exited(let status, let errorOutput): return .temporary("exit \(status)" + (errorOutput.isEmpty ? "" : ": \(errorOutput)"))
        case .signalled(let signal): return .temporary("ended by signal \(signal)")
        case .timedOut: return .temporary("delivery command gave no answer within \(Self.seconds(timeLimit)) s")
        case .stopped: return .stopped
        case .failed(let message): return .temporary(message)
        }
    }

    /// "30", or "1.5" for a limit that is not whole.
    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? String(Int(interval)) : String(interval)
    }
}
