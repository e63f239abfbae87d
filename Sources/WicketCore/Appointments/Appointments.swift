import Foundation

/// Appointments: the slot plan and the bookings. Each call that changes a booking is one write
/// transaction (`BEGIN IMMEDIATE`) with one event in `booking_history`; a refused call throws a
/// `WorkflowError` and changes nothing. Who sees which bookings is `CaseAccess`'s rule, by the
/// booked service's department.
public final class Appointments {
    public let store: CaseStore
    let clock: WallClock
    /// The person really acting when an admin works under another login (`--as`).
    public var actedBy: String?

    public init(store: CaseStore, clock: WallClock? = nil) {
        self.store = store
        self.clock = clock ?? store.clock
    }

    var db: Database { store.db }
    public var rules: BookingRules { get throws { try BookingRules.load(from: store) } }

    // MARK: the plan

    public func plan() throws -> SlotPlan { try db.read { try SlotPlanStore.read(from: db) } }

    /// Replaces the plan (admins). A service the catalog does not know is named at its line.
    public func loadPlan(_ plan: SlotPlan, actor: String) throws {
        try db.write {
            let user = try CaseAccess.check(actor, in: db).user
            guard user.role == .admin else {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "only an admin may load the slot plan (you are \(user.role.rawValue) \(actor))",
                    zh: "只有管理员可以载入预约时段表（您是\(user.role.word.zh) \(actor)）"))
            }
            for group in plan.groups {
                for service in group.services where store.service(service) == nil {
                    throw SlotPlanError(line: group.line, en: "unknown service '\(service)' (see `wicket catalog list`)",
                                        zh: "未知事项“\(service)”（见 `wicket catalog list`）")
                }
            }
            try SlotPlanStore.replace(with: plan, in: db)
        }
    }

    /// The slots of `day` the user may see, each with how many places are taken.
    public func slots(on day: Day, actor: String) throws -> [SlotState] {
        try db.read {
            let access = try CaseAccess.check(actor, in: db)
            let plan = try SlotPlanStore.read(from: db)
            let taken = try takenPlaces(on: day)
            return plan.slots(on: day, calendar: store.calendar).filter { slot in
                plan.groups.first { $0.code == slot.group }?.services.contains { service in
                    store.service(service).map { access.maySee(caseDepartment: $0.department) } ?? false
                } ?? false
            }.map { SlotState(slot: $0, taken: taken["\($0.group) \($0.start)"] ?? 0) }
        }
    }

    private func takenPlaces(on day: Day) throws -> [String: Int] {
        var taken: [String: Int] = [:]
        for row in try db.query("""
            SELECT group_code, slot_start, count(*) AS n FROM bookings
            WHERE slot_day = ? AND status <> 'cancelled' GROUP BY group_code, slot_start
            """, day.description) {
            taken["\(row.string("group_code")) \(row.int("slot_start"))"] = row.int("n")
        }
        return taken
    }

    // MARK: booking

    /// Books a place. The count of the slot's places and the insert happen under one write lock,
    /// so two clerks (or the portal and a clerk) can never both take the last place.
    @discardableResult
    public func book(_ request: BookingRequest, actor: String) throws -> Booking {
        try db.write {
            let user = try mayBook(actor, service: request.serviceCode, channel: request.channel)
            if let ref = request.ref, let existing = try load(ref: ref) { return existing }
            let checked = try validated(request)
            let rules = try self.rules
            let slot = try bookableSlot(service: checked.serviceCode, day: checked.day, start: checked.start, rules: rules)
            let key = Booking.personKey(name: checked.personName, phone: checked.personPhone, idNumber: checked.personIDNumber)
            if checked.channel == .online || checked.channel == .mobile {
                let standing = try standing(personKey: key, rules: rules)
                if let until = standing.suspendedUntil {
                    throw WorkflowError.invalidArgument(Bilingual(
                        en: "online booking is suspended for this person until \(until) (\(standing.noShows) no-shows in \(rules.noShowWindowDays) days); they may book by phone or at the hall",
                        zh: "此人 \(rules.noShowWindowDays) 天内爽约 \(standing.noShows) 次，网上预约暂停至 \(until)；可电话或到大厅预约"))
                }
            }
            if let other = try db.queryOne("""
                SELECT number, slot_day FROM bookings WHERE person_key = ? AND service_code = ? AND status = 'booked' LIMIT 1
                """, key, checked.serviceCode) {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "this person already has booking \(other.string("number")) for \(checked.serviceCode) on \(other.string("slot_day")); move it instead",
                    zh: "此人已有 \(other.string("slot_day")) 办理 \(checked.serviceCode) 的预约 \(other.string("number"))，请改约"))
            }
            try requirePlace(in: slot)
            let now = clock.now
            let stamp = Timestamp.format(now)
            let id = try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM bookings") ?? 1
            let number = String(format: "B%04d-%06d", store.hallTime.day(of: now).components.year, id)
            let service = store.service(checked.serviceCode)!
            try db.execute("""
                INSERT INTO bookings(id, number, ref, service_code, department, group_code, slot_day, slot_start, slot_end,
                    channel, person_name, person_phone, person_id_number, person_id_type, person_key, status, booked_at,
                    version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, 1, ?)
                """, arguments: [id, number, checked.ref, service.code, service.department, slot.group, slot.day.description,
                                 slot.start, slot.end, checked.channel.rawValue, checked.personName, checked.personPhone,
                                 checked.personIDNumber, checked.personDocument.rawValue, key, stamp, stamp])
            var details: [String: Any] = ["service": service.code, "day": slot.day.description, "start": slot.startText,
                                          "group": slot.group, "channel": checked.channel.rawValue]
            if let ref = checked.ref { details["ref"] = ref }
            try event(id, action: "book", from: nil, to: .booked, actor: user.login, at: stamp, details: details, version: 1)
            return try load(id: id)!
        }
    }

    /// Moves a booked place to another slot of the same service, under the same rules as booking.
    @discardableResult
    public func move(_ number: String, to day: Day, start: String, actor: String, expectedVersion: Int? = nil) throws -> Booking {
        try change(number, actor: actor, expectedVersion: expectedVersion, from: [.booked], action: "move") { booking, rules, now in
            try self.requireBeforeCutoff(booking, rules: rules, now: now, what: Bilingual(en: "moved", zh: "改约"))
            let slot = try self.bookableSlot(service: booking.serviceCode, day: day, start: start, rules: rules)
            guard slot.day != booking.day || slot.start != booking.start else {
                throw WorkflowError.invalidArgument(Bilingual(en: "booking \(number) is already in that slot",
                                                              zh: "预约 \(number) 已在该时段"))
            }
            try self.requirePlace(in: slot)
            try self.db.execute("UPDATE bookings SET slot_day = ?, slot_start = ?, slot_end = ?, group_code = ? WHERE id = ?",
                                slot.day.description, slot.start, slot.end, slot.group, booking.id)
            return (.booked, ["from": "\(booking.day) \(booking.startText)", "to": "\(slot.day) \(slot.startText)"])
        }
    }

    /// Cancels a booking, until `booking_cancel_hours` before its slot.
    @discardableResult
    public func cancel(_ number: String, actor: String, reason: String = "", expectedVersion: Int? = nil) throws -> Booking {
        try change(number, actor: actor, expectedVersion: expectedVersion, from: [.booked], action: "cancel", reason: reason) { booking, rules, now in
            try self.requireBeforeCutoff(booking, rules: rules, now: now, what: Bilingual(en: "cancelled", zh: "取消"))
            return (.cancelled, [:])
        }
    }

    /// The person is here: on the slot's day, before it has become a no-show.
    @discardableResult
    public func checkIn(_ number: String, actor: String) throws -> Booking {
        try change(number, actor: actor, expectedVersion: nil, from: [.booked], action: "check_in") { booking, _, now in
            let today = self.store.hallTime.day(of: now)
            guard booking.day == today else {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "booking \(number) is for \(booking.day), not today (\(today))",
                    zh: "预约 \(number) 的日期是 \(booking.day)，不是今天（\(today)）"))
            }
            try self.db.execute("UPDATE bookings SET arrived_at = ? WHERE id = ?", Timestamp.format(now), booking.id)
            return (.arrived, ["slot": "\(booking.startText)-\(booking.endText)"])
        }
    }

    /// Calls an arrived person to the clerk's window (`number`, or the next in line): the booked
    /// application opens as a new case held by the clerk, with the booking linked both ways
    /// (the case's `ref` is `booking:NUMBER`, the booking's `case_id` the case).
    @discardableResult
    public func call(_ number: String? = nil, actor: String) throws -> Booking {
        try db.write {
            guard let chosen = try number ?? nextArrival(actor: actor) else {
                throw WorkflowError.invalidArgument(Bilingual(en: "nobody booked is waiting whose slot has begun",
                                                              zh: "没有时段已开始的预约到场者在等候"))
            }
            return try change(chosen, actor: actor, expectedVersion: nil, from: [.arrived], action: "call") { booking, _, now in
                let application = Application(ref: "booking:\(booking.number)", serviceCode: booking.serviceCode, channel: .window,
                                              submittedAt: now, applicantName: booking.personName,
                                              applicantIDNumber: booking.personIDNumber, applicantDocument: booking.personDocument,
                                              applicantPhone: booking.personPhone,
                                              summary: "预约 \(booking.number) booking")
                guard let caseID = try Intake(store: self.store, clock: self.clock).insert(application, actor: actor, holder: actor) else {
                    throw WorkflowError.invalidArgument(Bilingual(en: "booking \(booking.number) already has its case",
                                                                  zh: "预约 \(booking.number) 已有对应案件"))
                }
                let caseNumber = try self.db.scalarString("SELECT number FROM cases WHERE id = ?", caseID) ?? ""
                try self.db.execute("UPDATE bookings SET called_at = ?, called_by = ?, case_id = ? WHERE id = ?",
                                    Timestamp.format(now), actor, caseID, booking.id)
                return (.serving, ["case": caseNumber])
            }
        }
    }

    /// The person was served.
    @discardableResult
    public func finish(_ number: String, actor: String) throws -> Booking {
        try change(number, actor: actor, expectedVersion: nil, from: [.serving], action: "finish") { booking, _, now in
            try self.db.execute("UPDATE bookings SET done_at = ? WHERE id = ?", Timestamp.format(now), booking.id)
            return (.done, [:])
        }
    }

    /// The next arrival in the actor's department whose slot has begun: earliest slot, then
    /// earliest arrival. Booked arrivals within their slot come before walk-ins (take next).
    public func nextArrival(actor: String) throws -> String? {
        let access = try CaseAccess.check(actor, in: db)
        let now = clock.now
        let today = store.hallTime.day(of: now)
        let minute = Int(now.timeIntervalSince(store.hallTime.start(of: today)) / 60)
        var sql = "SELECT number FROM bookings WHERE status = 'arrived' AND slot_day = ? AND slot_start <= ?"
        var arguments: [DatabaseBindable] = [today.description, minute]
        switch access.scope {
        case .everyDepartment: break
        case .department(let own):
            sql += " AND department = ?"
            arguments.append(own)
        case .nothing: return nil
        }
        return try db.query(sql + " ORDER BY slot_start, arrived_at, id LIMIT 1", arguments: arguments).first?.string("number")
    }

    // MARK: no-shows

    /// Records every booking whose slot ended more than the grace period ago without an arrival as a
    /// no-show, one event each. Idempotent: run by whatever comes next (a list, the board, `sweep`).
    /// Returns how many it recorded. Reads first, so a list with nothing to record takes no write lock.
    @discardableResult
    public func sweep(actor: String) throws -> Int {
        let due = try db.read { try dueNoShows() }
        guard !due.isEmpty else { return 0 }
        return try db.write {
            let user = try CaseAccess.check(actor, in: db).user
            let stamp = Timestamp.format(clock.now)
            var count = 0
            for id in try dueNoShows() {
                guard let booking = try load(id: id), booking.status == .booked else { continue }
                try db.execute("UPDATE bookings SET status = 'no_show', version = version + 1, updated_at = ? WHERE id = ?",
                               stamp, id)
                // The event's actor is the hall, not the clerk whose list happened to notice it.
                try event(id, action: "no_show", from: .booked, to: .noShow, actor: "wicket", at: stamp,
                          details: ["noticed_by": user.login, "grace_minutes": try rules.graceMinutes], version: booking.version + 1)
                count += 1
            }
            return count
        }
    }

    private func dueNoShows() throws -> [Int] {
        let now = clock.now
        let today = store.hallTime.day(of: now)
        let minute = Int(now.timeIntervalSince(store.hallTime.start(of: today)) / 60)
        let grace = try rules.graceMinutes
        return try db.query("""
            SELECT id FROM bookings WHERE status = 'booked' AND (slot_day < ?1 OR (slot_day = ?1 AND slot_end + ?2 <= ?3))
            ORDER BY id
            """, today.description, grace, minute).map { $0.int("id") }
    }

    /// A person's no-shows and whether their online booking is suspended (the portal reads this).
    public func standing(name: String, phone: String, idNumber: String) throws -> BookingStanding {
        try db.read { try standing(personKey: Booking.personKey(name: name, phone: phone, idNumber: idNumber), rules: try rules) }
    }

    func standing(personKey: String, rules: BookingRules) throws -> BookingStanding {
        let today = store.today
        let since = today.adding(days: -rules.noShowWindowDays)
        let days = try db.query("""
            SELECT slot_day FROM bookings WHERE person_key = ? AND status = 'no_show' AND slot_day > ? ORDER BY slot_day
            """, personKey, since.description).compactMap { Day($0.string("slot_day")) }
        // Suspended from the no-show that reached the limit (counting back over the window) for `suspensionDays`.
        guard rules.noShowLimit > 0, days.count >= rules.noShowLimit, let last = days.last else {
            return BookingStanding(noShows: days.count, windowDays: rules.noShowWindowDays, suspendedUntil: nil)
        }
        let until = last.adding(days: rules.suspensionDays)
        return BookingStanding(noShows: days.count, windowDays: rules.noShowWindowDays, suspendedUntil: until > today ? until : nil)
    }

    // MARK: reading

    /// The bookings of `day` the actor may see, by slot; no-shows due are recorded first.
    public func list(day: Day? = nil, actor: String, includeCancelled: Bool = true) throws -> [Booking] {
        do {
            try sweep(actor: actor)
        } catch StoreError.readOnly, is HistoryKeyError {
            // A hall made read-only, or one whose history key is missing, still shows its bookings:
            // the no-shows are recorded by the next run that may write.
        }
        return try db.read {
            let access = try CaseAccess.check(actor, in: db)
            try access.requireCases()
            var sql = "SELECT \(Booking.columns) FROM \(Booking.from) WHERE b.slot_day = ?"
            var arguments: [DatabaseBindable] = [(day ?? store.today).description]
            if let department = access.listDepartment {
                sql += " AND b.department = ?"
                arguments.append(department)
            }
            if !includeCancelled { sql += " AND b.status <> 'cancelled'" }
            return try db.query(sql + " ORDER BY b.slot_start, b.group_code, b.id", arguments: arguments).map(Booking.init(row:))
        }
    }

    /// A booking the actor may see, or refused exactly as a missing one.
    public func booking(_ number: String, actor: String) throws -> Booking {
        try db.read {
            let access = try CaseAccess.check(actor, in: db)
            guard let booking = try load(number: number), access.maySee(caseDepartment: booking.department) else {
                throw Self.notFound(number)
            }
            return booking
        }
    }

    func load(id: Int) throws -> Booking? {
        try db.queryOne("SELECT \(Booking.columns) FROM \(Booking.from) WHERE b.id = ?", id).map(Booking.init(row:))
    }

    func load(number: String) throws -> Booking? {
        try db.queryOne("SELECT \(Booking.columns) FROM \(Booking.from) WHERE b.number = ?", number).map(Booking.init(row:))
    }

    func load(ref: String) throws -> Booking? {
        try db.queryOne("SELECT \(Booking.columns) FROM \(Booking.from) WHERE b.ref = ?", ref).map(Booking.init(row:))
    }

    static func notFound(_ number: String) -> WorkflowError {
        .invalidArgument(Bilingual(en: "no booking \(number) that you may see", zh: "没有您可查看的预约 \(number)"))
    }
}

/// A slot and how many of its places are taken.
public struct SlotState: Equatable, Sendable {
    public let slot: Slot
    public let taken: Int
    public var free: Int { max(0, slot.capacity - taken) }
}
