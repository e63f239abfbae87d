/// What the hall offers for booking: window groups and their service items, opening hours and
/// slot length per weekday (and per day, as exceptions), capacity per slot per group, closed days.
/// Scopes are weekday words (`mon` … `sun`), `makeup` or a day (`2026-12-24`).
public struct SlotPlan: Equatable, Sendable {
    public struct Group: Equatable, Sendable {
        public let code: String
        public let services: [String]
        public let name: String
        /// The file's line (0 when read from the database), to name an unknown service at load time.
        public var line: Int = 0

        /// The same group whether read from a file or from the database.
        public static func == (a: Group, b: Group) -> Bool {
            (a.code, a.services, a.name) == (b.code, b.services, b.name)
        }
    }

    public struct Range: Equatable, Sendable, CustomStringConvertible {
        public let opens: Int
        public let closes: Int
        public var description: String { SlotPlanFile.clock(opens) + "-" + SlotPlanFile.clock(closes) }
    }

    public struct Hours: Equatable, Sendable {
        public let ranges: [Range]
        public let slotMinutes: Int
    }

    public var groups: [Group] = []
    public var hours: [String: Hours] = [:]
    /// scope → group → people per slot.
    public var capacity: [String: [String: Int]] = [:]
    /// day → reason.
    public var closed: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { groups.isEmpty && hours.isEmpty }

    public func group(serving service: String) -> Group? {
        groups.first { $0.services.contains(service) }
    }

    /// The weekday scope a day falls under: its weekday, or `makeup` for a weekend day the
    /// calendar makes a working day (Monday's lines if the plan has no `makeup` ones).
    func weekdayScope(_ day: Day, calendar: WorkingCalendar) -> String {
        if day.isWeekend && calendar.isWorkingDay(day) {
            return hours[SlotPlanFile.makeUp] != nil ? SlotPlanFile.makeUp : "mon"
        }
        return SlotPlanFile.weekdays[day.weekday - 1]
    }

    /// Why the hall takes no bookings on `day`, or nil when it is open.
    public func closure(on day: Day, calendar: WorkingCalendar) -> Bilingual? {
        let key = day.description
        if hours[key] != nil { return nil }
        if let reason = closed[key] {
            return Bilingual(en: "the hall is closed on \(day)" + (reason.isEmpty ? "" : " (\(reason))"),
                             zh: "\(day) 闭厅" + (reason.isEmpty ? "" : "（\(reason)）"))
        }
        if calendar.closesHall(day) {
            return Bilingual(en: "\(day) is a holiday: the hall is closed", zh: "\(day) 是节假日，大厅不开放")
        }
        if hours[weekdayScope(day, calendar: calendar)] == nil {
            return Bilingual(en: "the hall takes no appointments on \(day)", zh: "\(day) 大厅不接受预约")
        }
        return nil
    }

    /// The slots of `day`, every group's, in order of start then group.
    public func slots(on day: Day, calendar: WorkingCalendar) -> [Slot] {
        guard closure(on: day, calendar: calendar) == nil else { return [] }
        let key = day.description
        let weekday = weekdayScope(day, calendar: calendar)
        guard let hours = hours[key] ?? hours[weekday] else { return [] }
        var slots: [Slot] = []
        for range in hours.ranges {
            var start = range.opens
            while start + hours.slotMinutes <= range.closes {
                for group in groups {
                    let capacity = self.capacity[key]?[group.code] ?? self.capacity[weekday]?[group.code] ?? 0
                    if capacity > 0 {
                        slots.append(Slot(day: day, start: start, end: start + hours.slotMinutes, group: group.code, capacity: capacity))
                    }
                }
                start += hours.slotMinutes
            }
        }
        return slots
    }

    /// The plan written back in the file format `SlotPlanFile.parse` reads (one line per scope).
    public var text: String {
        var lines: [String] = []
        for group in groups {
            lines.append("group     \(group.code)  \(group.services.joined(separator: ","))" + (group.name.isEmpty ? "" : "  \(group.name)"))
        }
        let order = SlotPlanFile.weekdays + [SlotPlanFile.makeUp]
        let scopes = Set(hours.keys).union(capacity.keys).sorted { a, b in
            (order.firstIndex(of: a) ?? order.count, a) < (order.firstIndex(of: b) ?? order.count, b)
        }
        for scope in scopes {
            if let hours = hours[scope] {
                lines.append("hours     \(scope)  \(hours.ranges.map(\.description).joined(separator: ","))  \(hours.slotMinutes)")
            }
            for (group, count) in (capacity[scope] ?? [:]).sorted(by: { $0.key < $1.key }) {
                lines.append("capacity  \(scope)  \(group)  \(count)")
            }
        }
        for (day, reason) in closed.sorted(by: { $0.key < $1.key }) {
            lines.append("closed    \(day)" + (reason.isEmpty ? "" : "  \(reason)"))
        }
        return lines.joined(separator: "\n")
    }
}

/// One slot of one group on one day: `[start, end)` in minutes of the hall day.
public struct Slot: Equatable, Sendable {
    public let day: Day
    public let start: Int
    public let end: Int
    public let group: String
    public let capacity: Int

    public var startText: String { SlotPlanFile.clock(start) }
    public var endText: String { SlotPlanFile.clock(end) }
}

extension WorkingCalendar {
    /// A public holiday (loaded, or computed for a provisional year) on any day of the week: the
    /// hall is closed, weekend service included. A make-up working day is never one.
    func closesHall(_ day: Day) -> Bool {
        if makeUpWorkdays.contains(day) { return false }
        if holidays.contains(day) { return true }
        if isProvisional(day) && StatutoryHolidays.isHoliday(day) { return true }
        return !day.isWeekend && !isWorkingDay(day)
    }
}
