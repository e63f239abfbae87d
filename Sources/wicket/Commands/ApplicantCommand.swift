import Foundation
import WicketCore

/// `wicket applicant show ID-or-case`: one applicant's cases across the hall, as the detail
/// pane's applicant section shows them, limited to what the reader may see (`CaseAccess`).
enum ApplicantCommand {
    static let spec = CommandSpec(
        name: "applicant", arguments: ["show", "ID-or-CASE"],
        summary: "Show an applicant's cases: by a case of theirs or their ID number (numbers masked).",
        options: [
            .flag("--json", "print JSON"),
            .flag("--reveal", "with a CASE: show its applicant's full ID and phone numbers (recorded in that case's history)"),
        ]
    ) { args, context in
        guard args.positionals.count == 2, args.positionals[0] == "show" else {
            throw UsageError(en: "usage: wicket applicant show ID-or-CASE [--json] [--reveal]",
                             zh: "用法：wicket applicant show 证件号或案件编号 [--json] [--reveal]")
        }
        let store = try context.openStore()
        let access = try context.access(store)
        try access.requireCases()
        let target = args.positionals[1].trimmingCharacters(in: .whitespaces)
        let language = context.settings.language
        let view: ApplicantView
        if isCaseNumber(target) {
            let revealed = args.has("--reveal") ? try context.workflow(store).reveal(caseNumber: target, actor: context.actingUser) : nil
            let detail = try CaseDetail.load(number: target, in: store, for: access)
            let r = detail.record
            view = ApplicantView(name: r.applicantName,
                                 idNumber: r.applicantDocument.label(revealed?.idNumber ?? Masking.idNumber(r.applicantIDNumber), language),
                                 phone: revealed?.phone ?? Masking.phone(r.applicantPhone), ofCase: r.number,
                                 record: detail.applicant, revealed: revealed != nil)
        } else {
            if args.has("--reveal") {
                throw UsageError(en: "--reveal takes a case number (its reveal is recorded in that case's history)",
                                 zh: "--reveal 需要案件编号（查看记入该案件的历史）")
            }
            let record = try ApplicantQueries.cases(idNumber: target, in: store, for: access)
            view = ApplicantView(name: record.listed.first?.applicantName ?? "", idNumber: Masking.idNumber(target.uppercased()),
                                 phone: "", ofCase: nil, record: record, revealed: false)
        }
        if args.has("--json") {
            Output.json(view.json(store: store))
        } else {
            view.print(language)
        }
        return 0
    }

    /// A case number is the hall year and the id, `2026-000123`; anything else is an ID number.
    static func isCaseNumber(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

private struct ApplicantView {
    let name: String
    let idNumber: String
    let phone: String
    let ofCase: String?
    let record: ApplicantRecord
    let revealed: Bool

    func json(store: CaseStore) -> [String: Any] {
        [
            "applicant": ["name": name, "id_number": JSONShapes.orNull(idNumber), "phone": JSONShapes.orNull(phone)] as [String: Any],
            "case": ofCase as Any? ?? NSNull(), "revealed": revealed,
            "open_cases": record.openCases.map { JSONShapes.summary($0, store: store) },
            "closed_cases": record.closedCases.map { JSONShapes.summary($0, store: store) },
            "more_closed": record.moreClosed,
        ]
    }

    func print(_ l: Language) {
        let say = { (message: CLIText, values: [CustomStringConvertible]) in message.format(l, values: values) }
        Output.line(say(.applicantHeader, [Output.safe(name.isEmpty ? "-" : name), Output.safe(idNumber.isEmpty ? "-" : idNumber),
                                          Output.safe(phone.isEmpty ? "-" : phone)]) + (revealed ? say(.showRevealed, []) : ""))
        if let ofCase { Output.line(say(.applicantOfCase, [ofCase])) }
        for (title, cases) in [(CLIText.applicantOpenCases, record.openCases), (.applicantClosedCases, record.closedCases)] {
            Output.line("\n" + say(title, [cases.count]))
            guard !cases.isEmpty else {
                Output.line("  " + say(.showNone, []))
                continue
            }
            var rows: [[String]] = []
            for item in cases {
                rows.append([item.number, item.serviceCode, l.code(item.status.rawValue, item.status.word),
                             item.status.isTerminal ? "" : "\(item.level.mark) \(l.code(item.level.rawValue, item.level.word))",
                             item.department])
            }
            Output.table(rows).forEach { Output.line("  " + $0) }
        }
        if record.moreClosed > 0 { Output.line("  " + say(.applicantMoreClosed, [record.moreClosed])) }
    }
}
