import Foundation
import WicketCore

enum ReportCommand {
    static let spec = CommandSpec(
        name: "report", arguments: [],
        summary: "The supervisor's numbers: backlog, deadlines, flow and satisfaction.",
        options: [
            .value("--period", "P", "today, week, 30d (default), Nd, or YYYY-MM-DD..YYYY-MM-DD"),
            .value("--dept", "CODE", "one department only (clerks: always their own)"),
            .flag("--json", "print JSON"),
            .flag("--csv", "print CSV: UTF-8 with a byte order mark (so spreadsheets read Chinese), section,key,value header"),
            .flag("--no-bom", "with --csv: leave out the byte order mark (for scripts)"),
        ],
        discussion: "The same figures as the dashboard (`wicket dashboard`), computed by the same code."
    ) { args, context in
        let period = try args.value("--period").map { text -> ReportPeriod in
            guard let period = ReportPeriod(text) else { throw UsageError(en: "bad --period '\(text)'",
                zh: "--period 取值有误：“\(text)”") }
            return period
        } ?? .days(30)
        if args.has("--json") && args.has("--csv") { throw UsageError(en: "choose one of --json and --csv",
            zh: "--json 和 --csv 只能选一个") }
        let store = try context.openStore()
        // Who is asking first: an unregistered or deactivated login learns nothing, not even which departments exist.
        let access = try context.access(store)
        if let dept = args.value("--dept"), store.department(dept) == nil {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "unknown department \(dept)",
                zh: "未知部门 \(dept)"))
        }
        let department = try access.department(requested: args.value("--dept"))
        let report = try ReportBuilder(store: store).build(period: period, department: department)
        let rows = report.rows
        // The consultations' figures for the same period and department (`ConsultationReport`).
        let consultations = try ConsultationReport.build(store: store, period: period, department: department)
        if args.has("--json") {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard var object = try JSONSerialization.jsonObject(with: try encoder.encode(report)) as? [String: Any] else { return 1 }
            object["consultations"] = ConsultCommand.reportShape(consultations)
            Output.json(object)
        } else if args.has("--csv") {
            // Excel takes a UTF-8 file without a byte order mark for the local code page (GBK in China).
            // Written as raw bytes: `Output.line` would show the invisible mark as a placeholder.
            if !args.has("--no-bom") { Output.raw("\u{FEFF}") }
            // Codes, ISO days and English keys in any language: scripts and spreadsheets read these.
            Output.line("section,key,value")
            for row in rows { Output.line([row.section.rawValue, row.key, row.value].map(csvField).joined(separator: ",")) }
            for row in ConsultCommand.csvRows(consultations) { Output.line(row.map(csvField).joined(separator: ",")) }
        } else {
            printText(rows, language: context.settings.language)
            Output.line("\n[" + ConsultText.reportSection.text(context.settings.language) + "]")
            ConsultCommand.printReport(consultations, language: context.settings.language)
        }
        return 0
    }

    /// Sections and lines in the reader's language, days written out; labels padded by display
    /// width, so Chinese labels line up too.
    static func printText(_ rows: [ReportRow], language: Language) {
        var section: ReportSection?
        for row in rows {
            if row.section != section {
                section = row.section
                Output.line("\n[\(row.section.label.text(language))]")
            }
            let label = Output.safe(row.label.text(language))
            let pad = String(repeating: " ", count: max(1, 34 - UntrustedText.width(label)))
            Output.line("  " + label + pad + Output.safe(row.shown.text(language)))
        }
    }

    /// RFC 4180: quote fields with commas, quotes or line breaks; a leading = + - @ is prefixed
    /// with ' so a spreadsheet never runs applicant text as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
