import Foundation

/// One booked time at a window for one service item.
public struct Booking: Equatable, Sendable {
    public enum Status: String, CaseIterable, Sendable {
        case booked, cancelled, arrived, serving, done
        case noShow = "no_show"

        public var word: Bilingual {
            switch self {
            case .booked: return Bilingual(en: "booked", zh: "已预约")
            case .cancelled: return Bilingual(en: "cancelled", zh: "已取消")
            case .arrived: return Bilingual(en: "arrived", zh: "已到")
            case .serving: return Bilingual(en: "serving", zh: "办理中")
            case .done: return Bilingual(en: "done", zh: "已办结")
            case .noShow: return Bilingual(en: "no-show", zh: "爽约")
            }
        }
    }

    public let id: Int
    public let number: String
    public let ref: String?
    public let serviceCode: String
    public let department: String
    public let group: String
    public let day: Day
    public let start: Int
    public let end: Int
    public let channel: Channel
    public let personName: String
    public let personPhone: String
    public let personIDNumber: String
    public let personDocument: IdentityDocument
    public let status: Status
    public let bookedAt: String
    public let arrivedAt: String?
    public let calledAt: String?
    public let calledBy: String?
    public let doneAt: String?
    public let caseID: Int?
    public let caseNumber: String?
    public let version: Int

    public var startText: String { SlotPlanFile.clock(start) }
    public var endText: String { SlotPlanFile.clock(end) }

    static let columns = """
        b.id, b.number, b.ref, b.service_code, b.department, b.group_code, b.slot_day, b.slot_start, b.slot_end, b.channel,
        b.person_name, b.person_phone, b.person_id_number, b.person_id_type, b.status, b.booked_at, b.arrived_at,
        b.called_at, b.called_by, b.done_at, b.case_id, c.number AS case_number, b.version
        """
    static let from = "bookings b LEFT JOIN cases c ON c.id = b.case_id"

    init(row: Row) {
        id = row.int("id")
        number = row.string("number")
        ref = row.optionalString("ref")
        serviceCode = row.string("service_code")
        department = row.string("department")
        group = row.string("group_code")
        day = Day(row.string("slot_day")) ?? Day(ordinal: 0)
        start = row.int("slot_start")
        end = row.int("slot_end")
        channel = Channel(rawValue: row.string("channel")) ?? .window
        personName = row.string("person_name")
        personPhone = row.string("person_phone")
        personIDNumber = row.string("person_id_number")
        personDocument = IdentityDocument(rawValue: row.string("person_id_type")) ?? .residentID
        status = Status(rawValue: row.string("status")) ?? .booked
        bookedAt = row.string("booked_at")
        arrivedAt = row.optionalString("arrived_at")
        calledAt = row.optionalString("called_at")
        calledBy = row.optionalString("called_by")
        doneAt = row.optionalString("done_at")
        caseID = row.optionalInt("case_id")
        caseNumber = row.optionalString("case_number")
        version = row.int("version")
    }

    /// The person's bookings are counted together by this key: the ID number, else name and phone
    /// (the domain's "one person, many contacts").
    static func personKey(name: String, phone: String, idNumber: String) -> String {
        idNumber.isEmpty ? "name:\(name)|phone:\(phone)" : "id:\(idNumber)"
    }
}

/// A booking asked for: from the portal (import), by phone or at the window.
public struct BookingRequest: Sendable, Equatable {
    public var ref: String?
    public var serviceCode: String
    public var day: Day
    /// `HH:MM`, the slot's start.
    public var start: String
    public var channel: Channel
    public var personName: String
    public var personPhone: String
    public var personIDNumber: String
    public var personDocument: IdentityDocument

    public init(ref: String? = nil, serviceCode: String, day: Day, start: String, channel: Channel, personName: String,
                personPhone: String = "", personIDNumber: String = "", personDocument: IdentityDocument = .residentID) {
        self.ref = ref
        self.serviceCode = serviceCode
        self.day = day
        self.start = start
        self.channel = channel
        self.personName = personName
        self.personPhone = personPhone
        self.personIDNumber = personIDNumber
        self.personDocument = personDocument
    }
}

/// The booking rules, hall settings with the defaults of practice.
public struct BookingRules: Equatable, Sendable {
    /// Book at least this many calendar days ahead (1: tomorrow at the earliest).
    public var minDaysAhead = 1
    /// …and at most this many working days ahead.
    public var maxWorkingDaysAhead = 5
    /// Cancel (or move) until this many hours before the slot starts.
    public var cancelHours = 2
    /// A booking without arrival becomes a no-show this many minutes after its slot ends.
    public var graceMinutes = 15
    /// This many no-shows within `noShowWindowDays`…
    public var noShowLimit = 3
    public var noShowWindowDays = 90
    /// …suspend online booking for this many days after the last of them.
    public var suspensionDays = 30

    /// The settings' names and the rule each sets, for `settings` and the README.
    public static let settingKeys: [(key: String, help: Bilingual)] = [
        ("booking_min_days_ahead", Bilingual(en: "book at least this many days ahead (default 1)", zh: "至少提前多少天预约（默认 1）")),
        ("booking_max_working_days", Bilingual(en: "book at most this many working days ahead (default 5)", zh: "最多提前多少个工作日预约（默认 5）")),
        ("booking_cancel_hours", Bilingual(en: "cancel or move a booking until this many hours before its slot (default 2)", zh: "时段开始前多少小时内不能再取消或改约（默认 2）")),
        ("booking_grace_minutes", Bilingual(en: "minutes after a slot ends before a booking without arrival is a no-show (default 15)", zh: "时段结束多少分钟后未到者记为爽约（默认 15）")),
        ("no_show_limit", Bilingual(en: "no-shows within no_show_window_days that suspend online booking (default 3)", zh: "在 no_show_window_days 天内爽约多少次即暂停网上预约（默认 3）")),
        ("no_show_window_days", Bilingual(en: "days over which no-shows are counted (default 90)", zh: "爽约次数的统计天数（默认 90）")),
        ("no_show_suspension_days", Bilingual(en: "days online booking stays suspended after the last no-show (default 30)", zh: "最后一次爽约后暂停网上预约的天数（默认 30）")),
    ]

    public init() {}

    static func load(from store: CaseStore) throws -> BookingRules {
        var rules = BookingRules()
        func value(_ key: String, _ keyPath: WritableKeyPath<BookingRules, Int>) throws {
            if let text = try store.setting(key), let number = Int(text), number >= 0 { rules[keyPath: keyPath] = number }
        }
        try value("booking_min_days_ahead", \.minDaysAhead)
        try value("booking_max_working_days", \.maxWorkingDaysAhead)
        try value("booking_cancel_hours", \.cancelHours)
        try value("booking_grace_minutes", \.graceMinutes)
        try value("no_show_limit", \.noShowLimit)
        try value("no_show_window_days", \.noShowWindowDays)
        try value("no_show_suspension_days", \.suspensionDays)
        return rules
    }
}

/// Whether a person may book online: `wicket appointments standing … --json` for the portal.
public struct BookingStanding: Equatable, Sendable {
    public let noShows: Int
    public let windowDays: Int
    public let suspendedUntil: Day?
    public var suspended: Bool { suspendedUntil != nil }
}
