import Foundation

/// Moves the stored response instants of open consultations when what they were counted from
/// changes (the calendar, the zone, the thresholds, a channel's limit), in the caller's
/// transaction, as `OpenClocks` moves the cases' days. A clock's move is no change of the
/// consultation itself: no event, no new version.
enum ConsultationClocks {
    /// Returns how many open consultations moved.
    @discardableResult
    static func recompute(in db: Database) throws -> Int {
        func setting(_ key: String) throws -> String? { try db.scalarString("SELECT value FROM settings WHERE key = ?", key) }
        let hallTime = HallTime(identifier: try setting("timezone") ?? HallTime.defaultIdentifier)
            ?? HallTime(identifier: HallTime.defaultIdentifier)!
        let thresholds = WarningThresholds(yellowPercent: Int(try setting("yellow_percent") ?? "") ?? 50,
                                           redPercent: Int(try setting("red_percent") ?? "") ?? 90)
        let clock = ResponseClock(calendar: try CalendarWriter.read(from: db), hallTime: hallTime, thresholds: thresholds)
        var hours: [Channel: Int] = [:]
        for channel in Channel.allCases {
            hours[channel] = Int(try setting(ResponseClock.settingKey(channel)) ?? "").flatMap { $0 > 0 ? $0 : nil }
                ?? ResponseClock.defaultHours(channel)
        }
        var changes: [(id: Int, marks: ResponseMarks)] = []
        try db.forEachRow("SELECT id, channel, asked_at, yellow_at, red_at, due_at FROM consultations WHERE status = 'open'",
                          arguments: []) { row in
            guard let channel = Channel(rawValue: row.string("channel")),
                  let asked = Timestamp.parse(row.string("asked_at")) else { return }
            let marks = clock.marks(askedAt: asked, hours: hours[channel] ?? 24)
            let stored = [row.optionalString("yellow_at"), row.optionalString("red_at"), row.optionalString("due_at")]
            if stored != [marks.yellowAt, marks.redAt, marks.dueAt].map(Timestamp.format) { changes.append((row.int("id"), marks)) }
        }
        for change in changes {
            try db.execute("UPDATE consultations SET yellow_at = ?, red_at = ?, due_at = ? WHERE id = ?",
                           Timestamp.format(change.marks.yellowAt), Timestamp.format(change.marks.redAt),
                           Timestamp.format(change.marks.dueAt), change.id)
        }
        return changes.count
    }

    /// Whether a setting moves the consultations' clocks.
    static func moves(_ key: String) -> Bool {
        CaseStore.clockSettings.contains(key) || Channel.allCases.contains { ResponseClock.settingKey($0) == key }
    }
}
