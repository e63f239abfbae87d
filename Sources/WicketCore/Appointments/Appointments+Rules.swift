import Foundation

/// The booking rules and the one way a booking changes.
extension Appointments {
    /// Who may book: clerks for their department's services, supervisors and admins for any, and
    /// the portal's login for online bookings (its import).
    func mayBook(_ actor: String, service code: String, channel: Channel) throws -> User {
        let access = try CaseAccess.check(actor, in: db)
        guard let service = store.service(code) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "unknown service '\(code)'", zh: "未知事项“\(code)”"))
        }
        if access.user.role == .portal, channel == .online || channel == .mobile { return access.user }
        try access.requireCases()
        guard access.maySee(caseDepartment: service.department) else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "\(code) belongs to \(service.department); clerks book their own department's services",
                zh: "\(code) 属于 \(service.department)；办事员只能预约本部门的事项"))
        }
        return access.user
    }

    /// The request with its numbers as stored (the applicants' rule), or the reason it is refused.
    func validated(_ request: BookingRequest) throws -> BookingRequest {
        var checked = request
        checked.personName = request.personName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !checked.personName.isEmpty else {
            throw WorkflowError.invalidArgument(Bilingual(en: "the person's name is empty", zh: "预约人姓名为空"))
        }
        do {
            checked.personIDNumber = try ApplicantIdentity.idNumber(request.personIDNumber, document: request.personDocument,
                                                                    today: store.hallTime.day(of: clock.now))
            checked.personPhone = try ApplicantIdentity.phone(request.personPhone)
        } catch {
            throw WorkflowError.invalidArgument(error.reason)
        }
        if checked.personIDNumber.isEmpty && checked.personPhone.isEmpty {
            throw WorkflowError.invalidArgument(Bilingual(en: "a booking needs the person's phone or ID number",
                                                          zh: "预约需要预约人的电话或证件号"))
        }
        return checked
    }

    /// The slot starting at `start` on `day` for `service`, if the plan has it and the booking
    /// window allows it: at least `minDaysAhead` days and at most `maxWorkingDaysAhead` working days ahead.
    func bookableSlot(service: String, day: Day, start: String, rules: BookingRules) throws -> Slot {
        let plan = try SlotPlanStore.read(from: db)
        guard let group = plan.group(serving: service) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "\(service) takes no appointments (no window group serves it)",
                                                          zh: "\(service) 不接受预约（没有窗口组办理该事项）"))
        }
        let today = store.hallTime.day(of: clock.now)
        let earliest = today.adding(days: rules.minDaysAhead)
        let latest = store.calendar.day(after: today, workingDays: rules.maxWorkingDaysAhead)
        guard day >= earliest, day <= latest else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "\(day) is outside the booking window: from \(earliest) to \(latest) (at least \(rules.minDaysAhead) day(s), at most \(rules.maxWorkingDaysAhead) working days ahead)",
                zh: "\(day) 不在可预约范围内：\(earliest) 至 \(latest)（至少提前 \(rules.minDaysAhead) 天，最多提前 \(rules.maxWorkingDaysAhead) 个工作日）"))
        }
        if let closure = plan.closure(on: day, calendar: store.calendar) { throw WorkflowError.invalidArgument(closure) }
        guard let minute = SlotPlanFile.minutes(start),
              let slot = plan.slots(on: day, calendar: store.calendar).first(where: { $0.group == group.code && $0.start == minute }) else {
            let starts = plan.slots(on: day, calendar: store.calendar).filter { $0.group == group.code }.map(\.startText)
            throw WorkflowError.invalidArgument(Bilingual(
                en: "no slot of \(group.code) starts at \(start) on \(day) (slots: \(starts.joined(separator: ", ")))",
                zh: "\(day) \(group.code) 没有 \(start) 开始的时段（时段：\(starts.joined(separator: "、"))）"))
        }
        return slot
    }

    /// Refuses a full slot. Inside the booking's write transaction: the count and the insert
    /// that follows it hold the one write lock together.
    func requirePlace(in slot: Slot) throws {
        let taken = try db.scalarInt("""
            SELECT count(*) FROM bookings WHERE slot_day = ? AND group_code = ? AND slot_start = ? AND status <> 'cancelled'
            """, slot.day.description, slot.group, slot.start) ?? 0
        guard taken < slot.capacity else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "the slot \(slot.day) \(slot.startText)-\(slot.endText) of \(slot.group) is full (\(slot.capacity) places)",
                zh: "\(slot.day) \(slot.startText)-\(slot.endText) \(slot.group) 时段已满（\(slot.capacity) 个名额）"))
        }
    }

    /// Cancelling and moving end `cancelHours` before the slot starts.
    func requireBeforeCutoff(_ booking: Booking, rules: BookingRules, now: Date, what: Bilingual) throws {
        let starts = store.hallTime.start(of: booking.day).addingTimeInterval(Double(booking.start * 60))
        guard now.addingTimeInterval(Double(rules.cancelHours * 3600)) <= starts else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "booking \(booking.number) can no longer be \(what.en): its slot starts at \(booking.day) \(booking.startText), less than \(rules.cancelHours) hours from now",
                zh: "预约 \(booking.number) 已不能\(what.zh)：时段 \(booking.day) \(booking.startText) 开始，距现在不足 \(rules.cancelHours) 小时"))
        }
    }

    /// The one way a booking changes: read it as the actor may see it, check version and status,
    /// apply `body` (which returns the new status and the event's details), write the row and one event.
    func change(_ number: String, actor: String, expectedVersion: Int?, from allowed: Set<Booking.Status>, action: String,
                reason: String = "",
                _ body: @escaping (Booking, BookingRules, Date) throws -> (Booking.Status, [String: Any])) throws -> Booking {
        try db.write {
            let access = try CaseAccess.check(actor, in: db)
            try access.requireCases()
            guard let booking = try load(number: number), access.maySee(caseDepartment: booking.department) else {
                throw Self.notFound(number)
            }
            if let expectedVersion, expectedVersion != booking.version {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "booking \(number) changed since you read it (your version \(expectedVersion), now \(booking.version)); look at it again and retry",
                    zh: "预约 \(number) 在您读取后已被改动（您的版本 \(expectedVersion)，现为 \(booking.version)）；请重新查看后再试"))
            }
            guard allowed.contains(booking.status) else {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "cannot \(action.replacingOccurrences(of: "_", with: "-")) booking \(number): it is \(booking.status.word.en)",
                    zh: "预约 \(number) 状态为“\(booking.status.word.zh)”，不能执行此操作"))
            }
            let now = clock.now
            let (status, extra) = try body(booking, try rules, now)
            let stamp = Timestamp.format(now)
            try db.execute("UPDATE bookings SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                           status.rawValue, stamp, booking.id, booking.version)
            var details = extra
            if let actedBy, actedBy != actor { details["acted_by"] = actedBy }
            try event(booking.id, action: action, from: booking.status, to: status, actor: access.user.login, at: stamp,
                      details: details, reason: reason, version: booking.version + 1)
            return try load(id: booking.id)!
        }
    }

    func event(_ id: Int, action: String, from: Booking.Status?, to: Booking.Status, actor: String, at stamp: String,
               details: [String: Any], reason: String = "", version: Int) throws {
        var details = details
        if let actedBy, actedBy != actor, details["acted_by"] == nil, actor != "wicket" { details["acted_by"] = actedBy }
        try History.append(to: .bookings, subjectID: id, at: stamp, actor: actor, action: action, from: from?.rawValue,
                           to: to.rawValue, reason: reason, details: details, version: version, in: db)
    }
}
