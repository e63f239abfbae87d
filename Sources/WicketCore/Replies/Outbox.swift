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
        try store.db.scalarInt("""
            SELECT (SELECT count(*) FROM messages WHERE delivery_state = 'queued')
                 + (SELECT count(*) FROM consultation_replies WHERE delivery_state = 'queued')
            """) ?? 0
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
            try? record(outcome, for: reply.id, in: reply.table, attempts: reply.attempts, result: &result)
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
            """
            SELECT min(t) FROM (SELECT min(next_attempt_at) AS t FROM messages WHERE delivery_state IN ('queued', 'failed')
                UNION ALL SELECT min(next_attempt_at) FROM consultation_replies WHERE delivery_state IN ('queued', 'failed'))
            """).flatMap(Timestamp.parse)
    }

    private struct ClaimedReply {
        /// `messages` (a case's reply) or `consultation_replies` (a consultation's answer).
        let table: String
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
            // Cases' replies and consultations' answers, oldest due first (`messages.case_id` is NOT
            // NULL, so a consultation's answer waits in a table of its own with the same delivery columns).
            guard let row = try db.queryOne("""
                SELECT 'messages' AS source, m.id AS id, m.attempts, m.channel, m.body, m.created_at, m.next_attempt_at AS due,
                    c.number, c.applicant_name AS name, c.applicant_phone AS phone, c.lang
                FROM messages m JOIN cases c ON c.id = m.case_id
                WHERE m.delivery_state IN ('queued', 'failed') AND m.next_attempt_at <= ?
                UNION ALL
                SELECT 'consultation_replies', r.id, r.attempts, r.channel, r.body, r.created_at, r.next_attempt_at,
                    q.number, q.asker_name, q.asker_phone, q.lang
                FROM consultation_replies r JOIN consultations q ON q.id = r.consultation_id
                WHERE r.delivery_state IN ('queued', 'failed') AND r.next_attempt_at <= ?
                ORDER BY due, id LIMIT 1
                """, now, now) else { return nil }
            let table = row.string("source")
            let lease = Timestamp.format(clock.now.addingTimeInterval(timeLimit * 4 + 60))
            try db.execute("UPDATE \(table) SET next_attempt_at = ? WHERE id = ?", lease, row.int("id"))
            let numberKey = table == "messages" ? "case_number" : "consultation_number"
            let payload: [String: Any] = [
                "id": row.int("id"), numberKey: row.string("number"), "channel": row.string("channel"),
                "to": ["name": row.string("name"), "phone": row.string("phone")],
                "language": row.string("lang"), "body": row.string("body"), "created_at": row.string("created_at"),
            ]
            let data = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])
            return ClaimedReply(table: table, id: row.int("id"), attempts: row.int("attempts"), payload: data)
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

    private func record(_ outcome: Outcome, for id: Int, in table: String, attempts: Int, result: inout Result) throws {
        let db = store.db
        let now = clock.now
        let tries = attempts + 1
        try db.write {
            switch outcome {
            case .sent:
                result.sent += 1
                try db.execute("""
                    UPDATE \(table) SET delivery_state = 'sent', attempts = ?, last_error = '', next_attempt_at = NULL,
                        delivered_at = ? WHERE id = ?
                    """, tries, Timestamp.format(now), id)
            case .temporary(let error) where tries < Self.maxAttempts:
                result.failed += 1
                let pause = Self.pause(afterTry: tries)
                // A case's reply a clerk marked handled while this try ran is not tried again.
                let next = table == "messages" ? "CASE WHEN handled_at IS NULL THEN ? END" : "?"
                try db.execute("""
                    UPDATE \(table) SET delivery_state = 'failed', attempts = ?, last_error = ?, next_attempt_at = \(next)
                    WHERE id = ?
                    """, tries, error, Timestamp.format(now.addingTimeInterval(pause)), id)
            case .stopped:
                result.failed += 1
                let pause = Self.pause(afterTry: min(tries, Self.maxAttempts))
                try db.execute("""
                    UPDATE \(table) SET delivery_state = 'failed', attempts = ?, last_error = ?, next_attempt_at = ?
                    WHERE id = ?
                    """, tries, Self.stoppedError, Timestamp.format(now.addingTimeInterval(pause)), id)
            case .temporary(let error), .permanent(let error):
                result.permanent += 1
                try db.execute("""
                    UPDATE \(table) SET delivery_state = 'failed_permanent', attempts = ?, last_error = ?,
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
