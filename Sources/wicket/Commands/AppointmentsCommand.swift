import Foundation
import WicketCore

/// `wicket appointments …`: the slot plan, bookings (book, move, cancel), arrival (check-in,
/// call, finish), today's board, the portal's import and a person's standing.
enum AppointmentsCommand {
    static let verbs = ["plan", "book", "move", "cancel", "check-in", "call", "finish", "list", "board", "import", "sweep", "standing"]

    static let spec = CommandSpec(
        name: "appointments", arguments: ["plan|book|move|cancel|check-in|call|finish|list|board|import|sweep|standing", "ARG?", "ARG?"],
        summary: "Appointments: the slot plan, bookings, check-in and today's board.",
        options: [
            .value("--service", "CODE", "book: the service item"),
            .value("--day", "DAY", "book, move: the slot's day; list, board: the day shown (default today)"),
            .value("--start", "HH:MM", "book, move: the slot's start"),
            .value("--name", "NAME", "book, standing: the person's name"),
            .value("--phone", "PHONE", "book, standing: the person's phone"),
            .value("--id-number", "ID", "book, standing: the person's ID number"),
            .value("--id-type", "TYPE", "book: the document of --id-number (default resident_id)"),
            .value("--channel", "C", "book: online, mobile, window, phone (default) or mail"),
            .value("--ref", "REF", "book: the portal's reference (a booking with it already is returned)"),
            .value("--reason", "TEXT", "cancel: why"),
            .value("--version", "N", "move, cancel: refuse if the booking is no longer at version N"),
            .flag("--json", "print JSON"),
        ],
        discussion: """
            plan load FILE | plan show       the hall's slot plan (load: admins; format in the README)
            book --service S --day D --start HH:MM --name N (--phone P | --id-number X)
            move NUMBER --day D --start HH:MM, cancel NUMBER [--reason R]
            check-in NUMBER                  the person is here
            call [NUMBER]                    call an arrival (by default the next whose slot has begun): the
                                             booked application opens as a case you hold, linked to the booking
            finish NUMBER                    served
            list [--day D], board [--day D]  the day's bookings; the board by slot with places and waits
            import FILE|-                    the portal's bookings, JSON Lines, idempotent by ref (admins, portal)
            sweep                            record the no-shows that are due (a list and the board do it too)
            standing (--id-number X | --name N --phone P)
                                             no-shows in the window and whether online booking is suspended
            Rules (settings): book from booking_min_days_ahead days to booking_max_working_days working days
            ahead; cancel until booking_cancel_hours before; no-show booking_grace_minutes after the slot;
            no_show_limit no-shows in no_show_window_days days suspend online booking for no_show_suspension_days.
            Take next: a booked arrival whose slot has begun is called before any walk-in case.
            """
    ) { args, context in
        let verb = args.positionals[0]
        guard verbs.contains(verb) else {
            throw UsageError(en: "appointments takes \(verbs.joined(separator: ", "))", zh: "appointments 后接 \(verbs.joined(separator: "、"))")
        }
        let language = context.settings.language
        // The input first: a wrong path is said before the database is opened (as `import`).
        var input: String?
        if verb == "import" || (verb == "plan" && args.positionals.count > 1 && args.positionals[1] == "load") {
            let path = verb == "import" ? args.positionals.dropFirst().first : args.positionals.dropFirst(2).first
            guard let path else { throw UsageError(en: "\(verb) needs a FILE", zh: "\(verb) 需要文件 FILE") }
            input = try readText(path)
        }
        let store = try context.openStore()
        let appointments = Appointments(store: store)
        appointments.actedBy = context.actedBy
        let actor = context.actingUser
        let json = args.has("--json")
        func number() throws -> String {
            guard args.positionals.count >= 2 else {
                throw UsageError(en: "appointments \(verb) needs a booking NUMBER", zh: "appointments \(verb) 需要预约编号")
            }
            return args.positionals[1]
        }
        func show(_ booking: Booking) {
            if json { Output.json(AppointmentsOutput.json(booking, store: store)) } else {
                Output.line(AppointmentsOutput.line(booking, store: store, language: language))
            }
        }
        switch verb {
        case "plan":
            let what = args.positionals.count > 1 ? args.positionals[1] : "show"
            if what == "load" {
                let path = args.positionals[2]
                let plan: SlotPlan
                do {
                    plan = try SlotPlanFile.parse(input ?? "")
                    try appointments.loadPlan(plan, actor: actor)
                } catch let error as SlotPlanError {
                    throw WorkflowError.invalidArgument(Bilingual(en: "\(path):\(error.line): \(error.reason.en)",
                                                                  zh: "\(path):\(error.line)：\(error.reason.zh)"))
                }
                Output.line(AppointmentsOutput.planLoaded(plan, language))
            } else if what == "show" {
                let plan = try appointments.plan()
                Output.line(plan.isEmpty ? AppointmentsOutput.noPlan.text(language) : plan.text)
            } else {
                throw UsageError(en: "appointments plan takes load FILE or show", zh: "appointments plan 后接 load 文件 或 show")
            }
        case "book":
            guard let service = args.value("--service"), let dayText = args.value("--day"), let start = args.value("--start"),
                  let name = args.value("--name") else {
                throw UsageError(en: "book needs --service, --day, --start and --name", zh: "book 需要 --service、--day、--start 和 --name")
            }
            let request = BookingRequest(ref: args.value("--ref"), serviceCode: service, day: try day(dayText), start: start,
                                         channel: try channel(args.value("--channel") ?? "phone"), personName: name,
                                         personPhone: args.value("--phone") ?? "", personIDNumber: args.value("--id-number") ?? "",
                                         personDocument: try document(args.value("--id-type")))
            show(try appointments.book(request, actor: actor))
        case "move":
            guard let dayText = args.value("--day"), let start = args.value("--start") else {
                throw UsageError(en: "move needs --day and --start", zh: "move 需要 --day 和 --start")
            }
            show(try appointments.move(try number(), to: try day(dayText), start: start, actor: actor,
                                       expectedVersion: try args.int("--version")))
        case "cancel":
            show(try appointments.cancel(try number(), actor: actor, reason: args.value("--reason") ?? "",
                                         expectedVersion: try args.int("--version")))
        case "check-in":
            show(try appointments.checkIn(try number(), actor: actor))
        case "call":
            show(try appointments.call(args.positionals.count > 1 ? args.positionals[1] : nil, actor: actor))
        case "finish":
            show(try appointments.finish(try number(), actor: actor))
        case "list":
            let bookings = try appointments.list(day: try args.value("--day").map(day), actor: actor)
            if json {
                Output.json(bookings.map { AppointmentsOutput.json($0, store: store) })
            } else if bookings.isEmpty {
                Output.line(AppointmentsOutput.noBookings.text(language))
            } else {
                Output.table(AppointmentsOutput.table(bookings, store: store, language: language)).forEach { Output.line($0) }
            }
        case "board":
            let board = try AppointmentBoard.read(appointments, day: try args.value("--day").map(day), actor: actor)
            if json { Output.json(AppointmentsOutput.json(board, store: store)) } else {
                AppointmentsOutput.lines(board, store: store, language: language).forEach { Output.line($0) }
            }
        case "import":
            let summary = try appointments.importBookings(input ?? "", actor: actor)
            for error in summary.errors { Output.error(error.message(language)) }
            Output.line(AppointmentsOutput.imported(summary, language))
            return summary.errors.isEmpty ? 0 : 1
        case "sweep":
            Output.line(AppointmentsOutput.swept(try appointments.sweep(actor: actor), language))
        case "standing":
            guard args.value("--id-number") != nil || (args.value("--name") != nil && args.value("--phone") != nil) else {
                throw UsageError(en: "standing needs --id-number, or --name and --phone", zh: "standing 需要 --id-number，或 --name 和 --phone")
            }
            // Any registered login (the portal's included) may ask; the answer names no booking.
            _ = try context.access(store)
            let standing = try appointments.standing(name: args.value("--name") ?? "", phone: args.value("--phone") ?? "",
                                                     idNumber: args.value("--id-number") ?? "")
            if json { Output.json(AppointmentsOutput.json(standing)) } else {
                Output.line(AppointmentsOutput.line(standing, language))
            }
        default:
            break
        }
        return 0
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(text) else { throw UsageError(en: "bad day '\(text)' (use YYYY-MM-DD)", zh: "日期“\(text)”有误（用 YYYY-MM-DD）") }
        return day
    }

    static func channel(_ text: String) throws -> Channel {
        guard let channel = Channel(rawValue: text) else { throw UsageError(en: "unknown channel '\(text)'", zh: "未知渠道“\(text)”") }
        return channel
    }

    static func document(_ text: String?) throws -> IdentityDocument {
        guard let text else { return .residentID }
        guard let document = IdentityDocument(rawValue: text) else {
            throw UsageError(en: "unknown --id-type '\(text)' (\(IdentityDocument.allCases.map(\.rawValue).joined(separator: ", ")))",
                             zh: "未知证件类型“\(text)”（\(IdentityDocument.allCases.map(\.rawValue).joined(separator: "、"))）")
        }
        return document
    }

    /// A file (or `-`, stdin) read as the caller, as UTF-8 text.
    static func readText(_ path: String) throws -> String {
        let data: Data? = ProcessTrust.asCaller {
            path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        }
        guard let data, let text = String(data: data, encoding: .utf8) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "cannot read \(path) as UTF-8 text", zh: "无法以 UTF-8 文本读取 \(path)"))
        }
        return text
    }
}
