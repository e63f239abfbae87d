import Foundation

/// One applicant's contacts with the hall, as far as the reader may see them: today their cases.
/// Consultations and bookings (issue 15, other branches) are meant to join as further lists of
/// this value, each with its own rows, so the detail pane and `wicket applicant show` list them
/// the same way.
public struct ApplicantRecord: Sendable, Equatable {
    /// Open cases, most urgent first (as the inbox orders them).
    public var openCases: [CaseSummary]
    /// The most recently closed cases, newest first, at most `closedLimit`.
    public var closedCases: [CaseSummary]
    /// Closed cases beyond those listed.
    public var moreClosed: Int

    public static let empty = ApplicantRecord(openCases: [], closedCases: [], moreClosed: 0)

    public var isEmpty: Bool { openCases.isEmpty && closedCases.isEmpty }
    /// Open then closed, in the order they are listed (and chosen by the detail's jump key).
    public var listed: [CaseSummary] { openCases + closedCases }
}

/// The cases of one applicant (`ApplicantMatcher`: the same ID number, else the same name and
/// phone), seen through `CaseAccess`: a clerk is shown only their own department's cases, so the
/// list tells nothing of cases they may not see.
public enum ApplicantQueries {
    /// How many closed cases are listed; the rest are counted.
    public static let closedLimit = 5
    /// Open cases listed at most (an applicant with hundreds open is a bulk filer: the rest are counted too).
    public static let openLimit = 50

    /// The other cases of the applicant of the case `number` (itself left out).
    public static func otherCases(of number: String, in store: CaseStore, for access: CaseAccess?) throws -> ApplicantRecord {
        try store.db.read {
            let record: CaseRecord
            if let access {
                record = try access.visibleCase(number, in: store.db)
            } else {
                guard let found = try CaseRows.load(number: number, in: store.db) else { throw WorkflowError.caseNotFound(number) }
                record = found
            }
            return try cases(ofCase: record.id, in: store, for: access)
        }
    }

    /// The other cases of the applicant of case `id`, inside the caller's read transaction.
    static func cases(ofCase id: Int, in store: CaseStore, for access: CaseAccess?) throws -> ApplicantRecord {
        guard let key = try store.db.queryOne("SELECT applicant_key FROM cases WHERE id = ?", id)?.optionalString("applicant_key")
        else { return .empty }
        return try cases(keys: [key], excluding: id, idNumber: nil, in: store, for: access)
    }

    /// Every case of the applicant with this full ID number (any document whose number it may be).
    public static func cases(idNumber: String, in store: CaseStore, for access: CaseAccess?) throws -> ApplicantRecord {
        let number = idNumber.trimmingCharacters(in: .whitespaces).uppercased()
        let matcher = try store.db.applicantMatcher()
        let keys = IdentityDocument.allCases.map { matcher.idKey(number, document: $0) }
        return try store.db.read { try cases(keys: keys, excluding: nil, idNumber: number, in: store, for: access) }
    }

    private static func cases(keys: [String], excluding id: Int?, idNumber: String?, in store: CaseStore,
                              for access: CaseAccess?) throws -> ApplicantRecord {
        var arguments: [DatabaseBindable] = [store.today.description]
        func parameter(_ value: DatabaseBindable) -> String {
            arguments.append(value)
            return "?\(arguments.count)"
        }
        var conditions = ["applicant_key IN (\(keys.map { parameter($0) }.joined(separator: ", ")))"]
        // A key is one applicant's save for a 2^-128 chance; the clear number settles even that.
        if let idNumber { conditions.append("upper(applicant_id_number) = \(parameter(idNumber))") }
        if let id { conditions.append("id <> \(parameter(id))") }
        if let department = access?.listDepartment { conditions.append("department = \(parameter(department))") }
        let columns = CaseQueries.summaryColumns + ", " + CaseQueries.failedReplyColumn("cases")
        let open = CaseStatus.open.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        let base = "SELECT \(columns) FROM cases WHERE \(conditions.joined(separator: " AND "))"
        let today = store.today
        let openRows = try store.db.query(
            "\(base) AND status IN (\(open)) ORDER BY \(CaseQueries.urgencyOrder) LIMIT \(openLimit)", arguments: arguments)
        let closedRows = try store.db.query(
            "\(base) AND status NOT IN (\(open)) ORDER BY closed_at DESC, id DESC LIMIT \(closedLimit)", arguments: arguments,
            allowingUnused: true)
        var moreClosed = 0
        if closedRows.count == closedLimit {
            let total = try store.db.scalarIntWithArguments(
                "SELECT count(*) FROM cases WHERE \(conditions.joined(separator: " AND ")) AND status NOT IN (\(open))",
                arguments) ?? 0
            moreClosed = total - closedLimit
        }
        return ApplicantRecord(openCases: openRows.map { CaseQueries.summary(from: $0, today: today) },
                               closedCases: closedRows.map { CaseQueries.summary(from: $0, today: today) },
                               moreClosed: moreClosed)
    }
}
