import Foundation
import WicketCore

/// What `wicket appointments` prints: lines and tables in the user's language, and the stable
/// JSON (snake_case keys, null for absent values, personal numbers masked).
enum AppointmentsOutput {
    static let noPlan = Bilingual(en: "no slot plan is loaded (an admin loads one with `wicket appointments plan load FILE`)",
                                  zh: "尚未载入预约时段表（管理员用 `wicket appointments plan load 文件` 载入）")
    static let noBookings = Bilingual(en: "no bookings that day", zh: "当天没有预约")

    static func orNull(_ text: String) -> Any { text.isEmpty ? NSNull() : text }

    static func json(_ booking: Booking, store: CaseStore, waitMinutes: Int? = nil) -> [String: Any] {
        [
            "number": booking.number, "ref": booking.ref ?? NSNull(), "status": booking.status.rawValue,
            "service": booking.serviceCode, "department": booking.department, "group": booking.group,
            "day": booking.day.description, "start": booking.startText, "end": booking.endText, "channel": booking.channel.rawValue,
            "person": ["name": booking.personName, "phone": orNull(Masking.phone(booking.personPhone)),
                       "id_number": orNull(Masking.idNumber(booking.personIDNumber)), "id_type": booking.personDocument.rawValue],
            "booked_at": booking.bookedAt, "arrived_at": booking.arrivedAt ?? NSNull(), "called_at": booking.calledAt ?? NSNull(),
            "called_by": booking.calledBy ?? NSNull(), "done_at": booking.doneAt ?? NSNull(),
            "case": booking.caseNumber ?? NSNull(), "wait_minutes": waitMinutes ?? NSNull(), "version": booking.version,
        ]
    }

    static func line(_ booking: Booking, store: CaseStore, language l: Language) -> String {
        var text = "\(booking.number)  \(l.code(booking.status.rawValue, booking.status.word))  \(booking.serviceCode)  " +
            "\(DateText.day(booking.day, language: l)) \(booking.startText)-\(booking.endText)  \(Output.safe(booking.personName))"
        if let number = booking.caseNumber { text += l == .zh ? "  案件 \(number)" : "  case \(number)" }
        return text
    }

    static let header = [
        Bilingual(en: "NUMBER", zh: "编号"), Bilingual(en: "SLOT", zh: "时段"), Bilingual(en: "STATUS", zh: "状态"),
        Bilingual(en: "SERVICE", zh: "事项"), Bilingual(en: "PERSON", zh: "预约人"), Bilingual(en: "PHONE", zh: "电话"),
        Bilingual(en: "CHANNEL", zh: "渠道"), Bilingual(en: "CASE", zh: "案件"),
    ]

    static func table(_ bookings: [Booking], store: CaseStore, language l: Language) -> [[String]] {
        [header.map { $0.text(l) }] + bookings.map { booking in
            [booking.number, "\(booking.startText)-\(booking.endText)", l.code(booking.status.rawValue, booking.status.word),
             booking.serviceCode, Output.safe(booking.personName), Masking.phone(booking.personPhone).isEmpty ? "-" : Output.safe(Masking.phone(booking.personPhone)),
             l.code(booking.channel.rawValue, booking.channel.word), booking.caseNumber ?? "-"]
        }
    }

    static func json(_ board: AppointmentBoard, store: CaseStore) -> [String: Any] {
        let now = store.clock.now
        return [
            "day": board.day.description,
            "counts": Dictionary(uniqueKeysWithValues: Booking.Status.allCases.filter { $0 != .cancelled }
                .map { ($0.rawValue, board.count($0)) }),
            "slots": board.rows.map { row in
                ["group": row.slot.group, "start": row.slot.startText, "end": row.slot.endText, "capacity": row.slot.capacity,
                 "taken": row.taken,
                 "bookings": row.bookings.map { json($0, store: store, waitMinutes: board.waitMinutes($0, now: now)) }] as [String: Any]
            },
            "unplanned": board.unplanned.map { json($0, store: store, waitMinutes: board.waitMinutes($0, now: now)) },
        ]
    }

    /// The board as text: a line of counts, then each slot with its places and its bookings.
    static func lines(_ board: AppointmentBoard, store: CaseStore, language l: Language) -> [String] {
        let now = store.clock.now
        let counts = [Booking.Status.booked, .arrived, .serving, .done, .noShow]
            .map { "\(l.code($0.rawValue, $0.word)) \(board.count($0))" }.joined(separator: l == .zh ? "，" : ", ")
        var lines = [DateText.day(board.day, language: l) + "  " + counts]
        if board.rows.isEmpty && board.unplanned.isEmpty {
            lines.append(l == .zh ? "当天没有时段" : "no slots that day")
            return lines
        }
        for row in board.rows where !row.bookings.isEmpty || !board.isToday || row.slot.end > board.minute {
            lines.append("\(row.slot.startText)-\(row.slot.endText)  \(row.slot.group)  \(row.taken)/\(row.slot.capacity)")
            for booking in row.bookings {
                let wait = board.waitMinutes(booking, now: now).map { l == .zh ? "  等候 \($0) 分钟" : "  waited \($0) min" } ?? ""
                lines.append("    \(booking.number)  \(l.code(booking.status.rawValue, booking.status.word))  " +
                             "\(booking.serviceCode)  \(Output.safe(booking.personName))\(wait)")
            }
        }
        return lines
    }

    static func json(_ standing: BookingStanding) -> [String: Any] {
        ["no_shows": standing.noShows, "window_days": standing.windowDays, "online_booking_suspended": standing.suspended,
         "suspended_until": standing.suspendedUntil?.description ?? NSNull()]
    }

    static func line(_ standing: BookingStanding, _ l: Language) -> String {
        if let until = standing.suspendedUntil {
            return l == .zh ? "\(standing.windowDays) 天内爽约 \(standing.noShows) 次；网上预约暂停至 \(DateText.day(until, language: l))"
                : "\(standing.noShows) no-shows in \(standing.windowDays) days; online booking suspended until \(DateText.day(until, language: l))"
        }
        return l == .zh ? "\(standing.windowDays) 天内爽约 \(standing.noShows) 次；可以网上预约"
            : "\(standing.noShows) no-shows in \(standing.windowDays) days; may book online"
    }

    static func planLoaded(_ plan: SlotPlan, _ l: Language) -> String {
        l == .zh ? "已载入预约时段表：\(plan.groups.count) 个窗口组，\(plan.hours.count) 组开放时间，\(plan.closed.count) 个闭厅日"
            : "loaded the slot plan: \(plan.groups.count) window groups, \(plan.hours.count) opening-hour scopes, \(plan.closed.count) closed days"
    }

    static func imported(_ summary: Appointments.ImportSummary, _ l: Language) -> String {
        l == .zh ? "已导入 \(summary.booked) 个预约；\(summary.alreadyPresent) 个已存在；\(summary.errors.count) 行有误"
            : "booked \(summary.booked); \(summary.alreadyPresent) already present; \(summary.errors.count) bad lines"
    }

    static func swept(_ count: Int, _ l: Language) -> String {
        l == .zh ? "记录爽约 \(count) 个" : "recorded \(count) no-shows"
    }
}
