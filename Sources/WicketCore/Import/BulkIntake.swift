import Foundation

/// Registers a batch of validated applications inside the caller's write transaction, with the
/// same rows `Intake.insert` writes one by one (both build them from `NewCase`), but in a few
/// multi-row statements per table, the history chain hashed in memory from its tail, and the
/// clock computed once per day of receipt.
struct BulkIntake {
    let store: CaseStore
    let actor: String
    /// Acceptance marks by (day of receipt, limit): a portal file holds a few days' applications.
    private var marks: [MarksKey: ClockMarks] = [:]
    private struct MarksKey: Hashable {
        let day: Day
        let limitDays: Int
    }
    private let caseClock: CaseClock

    init(store: CaseStore, actor: String) {
        self.store = store
        self.actor = actor
        caseClock = store.caseClock
    }

    /// One outcome per application, in order: true when registered, false when its ref already was
    /// (in the database or earlier in this batch), so a re-run of an import changes nothing.
    mutating func insert(_ applications: [Application]) throws -> [Bool] {
        let db = store.db
        var outcomes: [Bool] = []
        outcomes.reserveCapacity(applications.count)
        var refs = Set<String>()
        var fresh: [Application] = []
        for application in applications {
            if let ref = application.ref {
                let known = try db.scalarInt("SELECT id FROM cases WHERE ref = ?", ref) != nil
                guard !known, refs.insert(ref).inserted else {
                    outcomes.append(false)
                    continue
                }
            }
            outcomes.append(true)
            fresh.append(application)
        }
        guard !fresh.isEmpty else { return outcomes }

        let stamp = Timestamp.format(store.clock.now)
        var id = (try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM cases")) ?? 1
        let firstID = id
        let key = try db.historyKey()
        let matcher = try db.applicantMatcher()
        let tail = try HistoryChain.tail(in: db)
        var eventID = (tail?.id ?? 0) + 1
        var previousHash = tail?.hash
        var caseValues: [DatabaseBindable] = []
        caseValues.reserveCapacity(fresh.count * NewCase.caseParameterCount)
        var materialValues: [DatabaseBindable] = []
        var historyValues: [DatabaseBindable] = []
        historyValues.reserveCapacity(fresh.count * 12)
        for application in fresh {
            let service = store.service(application.serviceCode)!
            let receivedDay = store.hallTime.day(of: application.submittedAt)
            let new = NewCase(id: id, application: application, service: service, holder: nil, stamp: stamp,
                              receivedDay: receivedDay, marks: acceptanceMarks(receivedDay, service.acceptanceLimitDays),
                              matcher: matcher)
            caseValues += new.caseValues
            for (code, state) in new.checklist {
                materialValues += [id, code, state.rawValue, "", stamp] as [DatabaseBindable]
            }
            let event = HistoryChain.Event(id: eventID, subjectID: id, at: stamp, actor: actor, action: CaseAction.submitEvent,
                                           fromStatus: nil, toStatus: CaseStatus.submitted.rawValue, reason: "",
                                           details: new.submitDetails, version: 1, previousHash: previousHash)
            let hash = HistoryChain.hash(event, key: key)
            historyValues += History.values(event, hash: hash)
            previousHash = hash
            id += 1
            eventID += 1
        }
        let ids = firstID...(id - 1)
        try BulkTallies.batch(in: db) {
            try db.insertRows("INSERT INTO cases(\(NewCase.caseColumns))", row: NewCase.caseRow,
                              parametersPerRow: NewCase.caseParameterCount, values: caseValues)
            try db.insertRows("INSERT INTO case_materials(case_id, material_code, state, reason, updated_at)",
                              row: "(?, ?, ?, ?, ?)", parametersPerRow: 5, values: materialValues)
            try db.insertRows("INSERT INTO history(\(History.columns))", row: History.row, parametersPerRow: 12,
                              values: historyValues)
            return ids
        }
        return outcomes
    }

    private mutating func acceptanceMarks(_ day: Day, _ limitDays: Int) -> ClockMarks {
        let key = MarksKey(day: day, limitDays: limitDays)
        if let known = marks[key] { return known }
        let computed = caseClock.marks(start: day, limitDays: limitDays, pausedDays: 0)
        marks[key] = computed
        return computed
    }
}

/// The instants an imported application may be dated: from the first day of the hall calendar's
/// first year (a fixed floor when no calendar is loaded) to one day after the hall's clock. A
/// date outside is a portal's mistake (`9999-12-31`, `0001-01-01`, a clock a year off); such a
/// line is refused on its own, and no far-off day ever reaches the clocks or the tallies (whose
/// hall day of `9999-12-31T23:00:00Z` would be past year 9999, which SQLite's `date()` cannot name).
struct SubmissionWindow {
    /// Used when the calendar holds no day at all.
    static let floor = Day(year: 2000, month: 1, day: 1)!
    /// The earliest hall day allowed, and the instant it starts (compared per line: no zone lookup).
    let firstDay: Day
    let earliest: Date
    /// The latest instant allowed, and the clock's reading it was computed from.
    let latest: Date
    let now: Date
    let hallTime: HallTime

    init(store: CaseStore) {
        let calendar = store.calendar
        if let first = calendar.holidays.union(calendar.makeUpWorkdays).min() {
            firstDay = Day(year: first.components.year, month: 1, day: 1)!
        } else {
            firstDay = Self.floor
        }
        earliest = store.hallTime.start(of: firstDay)
        now = store.clock.now
        latest = now.addingTimeInterval(86_400)
        hallTime = store.hallTime
    }

    /// `text` is the line's own spelling of `date`, for the message (a day past 9999 has no other).
    /// `field`: the line's name for the date (`asked_at` on a consultation's line).
    func check(_ date: Date, text: String, field: String = "submitted_at") throws {
        if date < earliest {
            throw ImportLine.Failure(
                "date \"\(text)\" in \(field) is before the hall's calendar starts (\(firstDay))",
                "\(field) 的日期“\(text)”早于本厅日历的起始日（\(firstDay)）")
        }
        if date > latest {
            throw ImportLine.Failure(
                "date \"\(text)\" in \(field) is more than a day after the hall's clock (\(hallTime.display(now)))",
                "\(field) 的日期“\(text)”比本厅时钟（\(hallTime.display(now))）晚一天以上")
        }
    }
}
