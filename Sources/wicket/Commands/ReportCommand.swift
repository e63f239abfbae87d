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
        if let dept = args.value("--dept"), store.department(dept) == nil {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "unknown department \(dept)",
                zh: "未知部门 \(dept)"))
        }
        guard let user = try Administration(store: store).user(context.actingUser) else {
            throw WorkflowError.unknownUser(context.actingUser)
        }
        let department = try ReportAccess.department(for: user, requested: args.value("--dept"))
        let report = try ReportBuilder(store: store).build(period: period, department: department)
        let table = ReportTable.rows(report)
        if args.has("--json") {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.jsonText(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else if args.has("--csv") {
            // Excel takes a UTF-8 file without a byte order mark for the local code page (GBK in China).
            // Written as raw bytes: `Output.line` would show the invisible mark as a placeholder.
            if !args.has("--no-bom") { FileHandle.standardOutput.write(Data("\u{FEFF}".utf8)) }
            Output.line("section,key,value")
            for row in table { Output.line(row.map(csvField).joined(separator: ",")) }
        } else {
            var section = ""
            for row in table {
                if row[0] != section {
                    section = row[0]
                    Output.line("\n[\(section)]")
                }
                Output.line("  " + Output.safe(row[1]).padding(toLength: 34, withPad: " ", startingAt: 0) + row[2])
            }
        }
        return 0
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

/// The report flattened to (section, key, value) rows: the CSV and the text view share it.
enum ReportTable {
    static func rows(_ r: Report) -> [[String]] {
        var rows: [[String]] = [
            ["period", "start", r.periodStart.description], ["period", "end", r.periodEnd.description],
            ["period", "department", r.department ?? "all"],
            ["backlog", "open", String(r.openTotal)],
        ]
        rows += r.byStatus.map { ["backlog by status", $0.key, String($0.count)] }
        rows += r.byService.map { ["backlog by service", $0.key, String($0.count)] }
        rows += r.byStatusAndService.map { ["backlog by status and service", "\($0.status)/\($0.service)", String($0.count)] }
        rows += r.byClerk.map { ["backlog by clerk", $0.key, String($0.count)] }
        rows += r.byChannel.map { ["backlog by channel", $0.key, String($0.count)] }
        rows += r.aging.map { ["aging (working days)", $0.key, String($0.count)] }
        rows += [
            ["deadlines", "overdue", String(r.overdue)], ["deadlines", "red", String(r.red)],
            ["deadlines", "yellow", String(r.yellow)], ["deadlines", "acceptance overdue", String(r.acceptanceOverdue)],
            ["deadlines", "awaiting materials", String(r.awaitingMaterials)],
            ["deadlines", "oldest awaiting materials", r.oldestAwaitingMaterials ?? ""],
            ["deadlines", "suspended", String(r.suspended)], ["deadlines", "oldest suspended", r.oldestSuspended ?? ""],
            ["flow", "intake", String(r.intake)],
            ["flow", "first response median hours", format(r.firstResponseMedianHours)],
            ["flow", "first response p90 hours", format(r.firstResponseP90Hours)],
            ["flow", "decided", String(r.decided)], ["flow", "decided on time", String(r.decidedOnTime)],
            ["flow", "on-time rate", format(r.onTimeRate)], ["flow", "completed", String(r.completed)],
            ["flow", "completed online", String(r.completedOnline)],
            ["flow", "online completion rate", format(r.onlineCompletionRate)],
            ["flow", "repeated materials requests", String(r.repeatedMaterialsRequests)],
            ["flow", "acceptance breaches", String(r.acceptanceBreaches)],
            ["flow", "extensions granted", String(r.extensionsGranted)],
        ]
        rows += r.rejectionsByReason.map { ["rejections by reason", $0.key, String($0.count)] }
        rows += r.intakePerDay.map { ["intake per day", $0.key, String($0.count)] }
        rows += r.completedPerDay.map { ["completed per day", $0.key, String($0.count)] }
        rows += [
            ["satisfaction", "good", String(r.ratingsGood)], ["satisfaction", "fair", String(r.ratingsFair)],
            ["satisfaction", "poor", String(r.ratingsPoor)],
            ["satisfaction", "poor without follow-up", String(r.poorWithoutFollowUp.count)],
        ]
        rows += r.poorWithoutFollowUp.map { ["follow-up queue", $0, "poor"] }
        return rows
    }

    static func format(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? ""
    }
}
