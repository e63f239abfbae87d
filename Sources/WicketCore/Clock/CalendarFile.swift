/// The plain calendar file an admin loads:
///
///     # comment
///     2026-10-01..2026-10-07  holiday  国庆节 National Day
///     2026-10-10              workday  国庆节调休 make-up day
///
/// One day or an inclusive range, a kind (`holiday` or `workday`), then an optional name.
public struct CalendarEntry: Equatable, Sendable {
    public enum Kind: String, Sendable { case holiday, workday }
    public let day: Day
    public let kind: Kind
    public let name: String
}

public struct CalendarFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public let line: Int
    /// Both languages, so `calendar load` can tell an admin in theirs.
    public let reason: Bilingual
    public var message: String { reason.en }
    public func message(_ language: Language) -> String { reason.text(language) }
    public var description: String { "line \(line): \(message)" }

    init(line: Int, en: String, zh: String) {
        self.line = line
        reason = Bilingual(en: en, zh: zh)
    }
}

public enum CalendarFile {
    /// A range longer than this is surely a typo (a year typed wrong), not a holiday.
    static let longestRange = 60

    public static func parse(_ text: String) throws -> [CalendarEntry] {
        var entries: [CalendarEntry] = []
        var seen: [Day: Int] = [:]
        // Split on any line break: a file saved on Windows has "\r\n", which Swift treats as one Character.
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count >= 2 else {
                throw CalendarFileError(line: lineNumber, en: "expected `DAY[..DAY] holiday|workday [name]`",
                                        zh: "格式应为 `日期[..日期] holiday|workday [名称]`")
            }
            let days = try parseDays(fields[0], line: lineNumber)
            guard let kind = CalendarEntry.Kind(rawValue: String(fields[1]).lowercased()) else {
                throw CalendarFileError(line: lineNumber, en: "unknown kind '\(fields[1])' (use holiday or workday)",
                                        zh: "未知类别“\(fields[1])”（用 holiday 或 workday）")
            }
            let name = fields.dropFirst(2).joined(separator: " ")
            for day in days {
                if let earlier = seen[day] {
                    throw CalendarFileError(line: lineNumber, en: "\(day) is already listed on line \(earlier)",
                                            zh: "\(day) 已在第 \(earlier) 行列出")
                }
                seen[day] = lineNumber
                entries.append(CalendarEntry(day: day, kind: kind, name: name))
            }
        }
        return entries
    }

    private static func parseDays(_ field: Substring, line: Int) throws -> [Day] {
        let ends = field.components(separatedBy: "..")
        guard ends.count <= 2, let first = Day(ends[0]) else {
            throw CalendarFileError(line: line, en: "bad day '\(field)' (use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)",
                                    zh: "日期“\(field)”有误（用 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD）")
        }
        guard ends.count == 2 else { return [first] }
        guard let last = Day(ends[1]) else {
            throw CalendarFileError(line: line, en: "bad day '\(ends[1])' (use YYYY-MM-DD)",
                                    zh: "日期“\(ends[1])”有误（用 YYYY-MM-DD）")
        }
        guard last >= first, last.ordinal - first.ordinal < longestRange else {
            throw CalendarFileError(line: line, en: "range \(field) is backwards or longer than \(longestRange) days",
                                    zh: "范围 \(field) 首尾颠倒或超过 \(longestRange) 天")
        }
        return (first.ordinal...last.ordinal).map(Day.init(ordinal:))
    }

    public static func calendar(from entries: [CalendarEntry]) -> WorkingCalendar {
        WorkingCalendar(official: Set(entries.filter { $0.kind == .holiday }.map(\.day)),
                        makeUpWorkdays: Set(entries.filter { $0.kind == .workday }.map(\.day)))
    }
}
