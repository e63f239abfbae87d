/// The rows a new case starts with, computed once from its application: the case row, its
/// checklist and its `submit` event. A case typed in at a window (`Intake.register`) and one
/// imported in bulk (`BulkIntake`) are written from this one description, so they cannot differ.
struct NewCase {
    let id: Int
    let number: String
    let application: Application
    let service: ServiceItem
    /// The clerk who holds it from the start (a walk-in registered at their window), or nobody.
    let holder: String?
    /// When it was registered (the transaction's time), stored as `updated_at` and the event's `at`.
    let stamp: String
    let submitted: String
    let marks: ClockMarks
    /// The consultation it was turned from, if any.
    let consultation: String?
    /// Who the applicant is across cases (`ApplicantMatcher`), or nil with nothing to match on.
    let applicantKey: String?

    /// `receivedDay` is the hall day of `submittedAt`; `marks` the acceptance clock from it.
    init(id: Int, application: Application, service: ServiceItem, holder: String?, stamp: String, receivedDay: Day,
         consultation: String? = nil, marks: ClockMarks, matcher: ApplicantMatcher) {
        self.id = id
        number = Self.number(year: receivedDay.components.year, id: id)
        self.application = application
        self.service = service
        self.holder = holder
        self.stamp = stamp
        submitted = Timestamp.format(application.submittedAt)
        self.marks = marks
        self.consultation = consultation
        applicantKey = matcher.key(idNumber: application.applicantIDNumber, document: application.applicantDocument,
                                   name: application.applicantName, phone: application.applicantPhone)
    }

    /// The case table's columns, in the order of `caseValues`. Status and version are constants.
    static let caseColumns = """
        id, number, ref, service_code, department, channel, priority, status, applicant_name, \
        applicant_id_number, applicant_phone, lang, summary, details, submitted_at, received_at, \
        acceptance_due_on, limit_days, yellow_on, red_on, due_on, window_visit, version, updated_at, applicant_id_type, holder, applicant_key
        """
    static let caseRow = "(?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
    static let caseParameterCount = 25

    var caseValues: [DatabaseBindable] {
        [id, number, application.ref, service.code, service.department, application.channel.rawValue,
         application.priority.rawValue, application.applicantName, application.applicantIDNumber,
         application.applicantPhone, application.language.rawValue, application.summary, application.details,
         submitted, submitted, marks.dueOn.description, service.promisedLimitDays, marks.yellowOn.description,
         marks.redOn.description, marks.dueOn.description, application.channel == .window, stamp,
         application.applicantDocument.rawValue, holder, applicantKey]
    }

    /// The whole checklist of the service: what the applicant sent is submitted, the rest missing.
    var checklist: [(code: String, state: MaterialState)] {
        service.materials.map { code in (code, application.materials.contains(code) ? .submitted : .missing) }
    }

    /// The `submit` event's details, exactly as `History.json` writes this dictionary (keys
    /// sorted: channel, consultation, department, holder, materials, ref, submitted_at), but without building it: per
    /// imported case the dictionary of `Any` cost more than hashing the event. The department
    /// the case starts in is recorded so `wicket check` can replay where a case should be.
    var submitDetails: String {
        var out = "{\"channel\":"
        CompactJSON.string(application.channel.rawValue, into: &out)
        if let consultation {
            // The consultation it was turned from: the link back (`ConsultationDesk.convert`).
            out += ",\"consultation\":"
            CompactJSON.string(consultation, into: &out)
        }
        out += ",\"department\":"
        CompactJSON.string(service.department, into: &out)
        if let holder {
            // Who holds it from the start, so `wicket check` replays the holder (`IntegrityCheck`).
            out += ",\"holder\":"
            CompactJSON.string(holder, into: &out)
        }
        out += ",\"materials\":["
        for (index, code) in application.materials.enumerated() {
            if index > 0 { out += "," }
            CompactJSON.string(code, into: &out)
        }
        out += "]"
        if let ref = application.ref {
            out += ",\"ref\":"
            CompactJSON.string(ref, into: &out)
        }
        out += ",\"submitted_at\":"
        CompactJSON.string(submitted, into: &out)
        return out + "}"
    }

    /// A readable number: the hall year of receipt and the id, `2026-000042` (`%04d-%06d`).
    static func number(year: Int, id: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(id, 6)
    }
}
