import Foundation
import WicketCore

enum CalendarCommand {
    static let spec = CommandSpec(
        name: "calendar", arguments: ["list|load", "FILE?"],
        summary: "List the holidays and make-up working days, or load a calendar file (admins only).",
        discussion: """
            File format, one line each: `DAY[..DAY] holiday|workday [name]`, # comments, e.g.
              2027-10-01..2027-10-07  holiday  国庆节 National Day
              2027-10-09              workday  国庆节调休
            Loading replaces the calendar and moves the due days of open cases to match. A year the
            calendar does not cover gets China's statutory holidays computed by rule, marked provisional
            (no make-up working days), until its official schedule is loaded; `list` shows them marked.
            """
    ) { args, context in
        let store = try context.openStore()
        switch args.positionals[0] {
        case "list":
            let entries = try CalendarWriter.entries(in: store.db)
            let coverage = try CalendarCoverage.read(store)
            let l = context.settings.language
            let years = { (years: [Int]) in years.isEmpty ? "-" : l.list(years.map { l == .zh ? "\($0)年" : "\($0)" }) }
            Output.line(CLIText.calendarYears.format(l, years(coverage.officialYears), years(coverage.listedProvisionalYears)))
            // Days written out and the kind as a word in Chinese (the file format keeps holiday/workday).
            let kinds = ["holiday": Bilingual(en: "holiday", zh: "假日"), "workday": Bilingual(en: "workday", zh: "调休上班")]
            let official = entries.map { entry in
                let kind = entry.kind.rawValue
                return (entry.day, [DateText.day(entry.day, language: l), kinds[kind].map { l.code(kind, $0) } ?? kind,
                                    Output.safe(entry.name), ""])
            }
            // The computed days of the provisional years, marked: they stand in until the official schedule is loaded.
            let provisional = coverage.listedProvisionalYears.flatMap(StatutoryHolidays.holidays(in:)).map { holiday in
                (holiday.day, [DateText.day(holiday.day, language: l), l.code("holiday", kinds["holiday"]!),
                               holiday.name.text(l), ProvisionalWords.listMark.text(l)])
            }
            // In day order: a provisional year may lie between official ones.
            Output.table((official + provisional).sorted { $0.0 < $1.0 }.map(\.1)).forEach {
                // An official day's empty mark column would leave trailing blanks.
                Output.line(String($0.reversed().drop { $0 == " " }.reversed()))
            }
            // The hall-wide counts are for those who see every department (as the workstation's start
            // warning); the days themselves are anyone's, registered or not, as before.
            if (try? context.access(store))?.scope == .everyDepartment {
                for warning in coverage.warnings { Output.error(CLIText.warning.format(l, warning.text(l))) }
            }
        case "load":
            guard args.positionals.count == 2 else { throw UsageError(en: "calendar load needs a FILE",
                zh: "calendar load 需要文件 FILE") }
            try context.requireAdmin(store, for: Bilingual(en: "load a calendar", zh: "载入工作日历"))
            let path = args.positionals[1]
            guard let data = ProcessTrust.asCaller({ FileManager.default.contents(atPath: path) }),
                  let text = String(data: data, encoding: .utf8) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "cannot read \(path) as UTF-8 text",
                zh: "无法以 UTF-8 文本读取 \(path)"))
            }
            let entries: [CalendarEntry]
            do {
                entries = try CalendarFile.parse(text)
            } catch let error as CalendarFileError {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(path):\(error.line): \(error.reason.en)",
                zh: "\(path):\(error.line)：\(error.reason.zh)"))
            }
            let moved = try Administration(store: store).loadCalendar(entries)
            Output.line(CLIText.calendarLoaded.format(context.settings.language, entries.count, moved))
        default:
            throw UsageError(en: "calendar takes list or load",
                zh: "calendar 后接 list 或 load")
        }
        return 0
    }
}
