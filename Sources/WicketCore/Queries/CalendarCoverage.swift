/// Which years the hall's calendar knows officially, and what depends on the provisional ones:
/// open cases due in a year whose holiday schedule is not loaded, and, in December, a next year
/// not loaded yet. Read by `wicket check`, `calendar list` and the workstation of an admin or a
/// supervisor at start; each says so as a warning (nothing is wrong yet, but due days may move).
public struct CalendarCoverage: Sendable, Equatable {
    /// Years whose official schedule is loaded, ascending.
    public let officialYears: [Int]
    /// Open cases with a due day in a provisional year, by year (only years from this one on).
    public let dueInProvisionalYears: [Int: Int]
    /// Next year, when today is in December and its schedule is not loaded.
    public let nextYearMissing: Int?
    /// The hall's year today.
    public let thisYear: Int

    public static func read(_ store: CaseStore) throws -> CalendarCoverage {
        let calendar = store.calendar
        let today = store.today
        let thisYear = today.components.year
        // Due days before this year are past: an overdue case stays overdue whatever the schedule
        // says. From the first provisional year on: the index range read is the cases due there,
        // not the whole hall's running cases (`cases_running`, ordered by due day).
        let firstProvisional = (thisYear...(thisYear + 200)).first { calendar.isProvisional(year: $0) } ?? thisYear
        let counts = try store.db.read {
            try store.db.query("""
                SELECT substr(due_on, 1, 4) AS year, count(*) AS n FROM cases
                WHERE due_on IS NOT NULL AND due_on >= ? GROUP BY year ORDER BY year
                """, "\(firstProvisional)-01-01")
        }
        var due: [Int: Int] = [:]
        for row in counts {
            guard let year = Int(row.string("year")), calendar.isProvisional(year: year) else { continue }
            due[year] = row.int("n")
        }
        let nextYear = thisYear + 1
        let missing = today.components.month == 12 && calendar.isProvisional(year: nextYear) ? nextYear : nil
        return CalendarCoverage(officialYears: (calendar.officialYears ?? []).sorted(), dueInProvisionalYears: due,
                                nextYearMissing: missing, thisYear: thisYear)
    }

    /// The provisional years `calendar list` shows: from this year to the year after the last
    /// official one (next year at least), and any later year an open case is due in.
    public var listedProvisionalYears: [Int] {
        let last = max(thisYear + 1, (officialYears.last ?? thisYear) + 1)
        let years = Set((thisYear...last).filter { !officialYears.contains($0) }).union(dueInProvisionalYears.keys)
        return years.sorted()
    }

    /// The warnings to show, in order: cases due in provisional years first, then a missing next year.
    public var warnings: [Bilingual] {
        var result = dueInProvisionalYears.sorted { $0.key < $1.key }.map { year, count in
            Bilingual(en: "\(count) open case\(count == 1 ? " is" : "s are") due in \(year), whose holiday schedule is not loaded: "
                          + "those due days are provisional until an admin loads the official \(year) calendar",
                      zh: "\(count) 件在办案件的到期日在\(year)年，该年节假日安排尚未载入：到期日为暂定，"
                          + "待管理员载入\(year)年的官方日历")
        }
        if let year = nextYearMissing, dueInProvisionalYears[year] == nil {
            result.append(Bilingual(en: "the \(year) holiday schedule is not loaded yet: due days in \(year) are provisional",
                                    zh: "\(year)年的节假日安排尚未载入：\(year)年的到期日为暂定"))
        }
        return result
    }
}
