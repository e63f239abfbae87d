/// The slot plan's tables (migration 13): written whole by `plan load`, read by every booking.
enum SlotPlanStore {
    static func read(from db: Database) throws -> SlotPlan {
        var plan = SlotPlan()
        var services: [String: [String]] = [:]
        for row in try db.query("SELECT service_code, group_code FROM appointment_group_services ORDER BY group_code, position") {
            services[row.string("group_code"), default: []].append(row.string("service_code"))
        }
        for row in try db.query("SELECT code, name FROM appointment_groups ORDER BY position") {
            let code = row.string("code")
            plan.groups.append(SlotPlan.Group(code: code, services: services[code] ?? [], name: row.string("name")))
        }
        var ranges: [String: [SlotPlan.Range]] = [:]
        var lengths: [String: Int] = [:]
        for row in try db.query("SELECT scope, opens, closes, slot_minutes FROM appointment_hours ORDER BY scope, opens") {
            let scope = row.string("scope")
            ranges[scope, default: []].append(SlotPlan.Range(opens: row.int("opens"), closes: row.int("closes")))
            lengths[scope] = row.int("slot_minutes")
        }
        for (scope, list) in ranges { plan.hours[scope] = SlotPlan.Hours(ranges: list, slotMinutes: lengths[scope] ?? 30) }
        for row in try db.query("SELECT scope, group_code, capacity FROM appointment_capacity") {
            plan.capacity[row.string("scope"), default: [:]][row.string("group_code")] = row.int("capacity")
        }
        for row in try db.query("SELECT day, reason FROM appointment_closed") {
            plan.closed[row.string("day")] = row.string("reason")
        }
        return plan
    }

    /// Replaces the plan, inside the caller's transaction. Bookings keep the slot they have.
    static func replace(with plan: SlotPlan, in db: Database) throws {
        for table in ["appointment_capacity", "appointment_hours", "appointment_closed", "appointment_group_services", "appointment_groups"] {
            try db.execute("DELETE FROM \(table)")
        }
        for (position, group) in plan.groups.enumerated() {
            try db.execute("INSERT INTO appointment_groups(code, name, position) VALUES (?, ?, ?)", group.code, group.name, position)
            for (index, service) in group.services.enumerated() {
                try db.execute("INSERT INTO appointment_group_services(service_code, group_code, position) VALUES (?, ?, ?)",
                               service, group.code, index)
            }
        }
        for (scope, hours) in plan.hours {
            for range in hours.ranges {
                try db.execute("INSERT INTO appointment_hours(scope, opens, closes, slot_minutes) VALUES (?, ?, ?, ?)",
                               scope, range.opens, range.closes, hours.slotMinutes)
            }
        }
        for (scope, groups) in plan.capacity {
            for (group, capacity) in groups {
                try db.execute("INSERT INTO appointment_capacity(scope, group_code, capacity) VALUES (?, ?, ?)", scope, group, capacity)
            }
        }
        for (day, reason) in plan.closed {
            try db.execute("INSERT INTO appointment_closed(day, reason) VALUES (?, ?)", day, reason)
        }
    }
}
