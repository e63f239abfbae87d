/// Showing a clerk what an action would do before it is done.
extension Workflow {
    private struct PreviewRollback: Error {
        let outcome: ActionOutcome
        let reply: String?
    }

    /// Runs the action inside a transaction that is then rolled back, so the preview is exactly
    /// what the real action would store (the one-time notice, due dates) and nothing changes.
    public func preview(_ request: ActionRequest) throws -> (outcome: ActionOutcome, reply: String?) {
        do {
            try db.write {
                let outcome = try performInTransaction(request)
                let reply = try outcome.replyID.flatMap { try db.scalarString("SELECT body FROM messages WHERE id = ?", $0) }
                throw PreviewRollback(outcome: outcome, reply: reply)
            }
        } catch let preview as PreviewRollback {
            return (preview.outcome, preview.reply)
        }
        preconditionFailure("preview transaction was not rolled back")
    }

    /// A reply template filled in for a case as it stands now (for the reply pane's picker).
    public func fillTemplate(_ action: CaseAction, caseNumber: String) throws -> String {
        guard let record = try CaseRows.load(number: caseNumber, in: db) else { throw WorkflowError.caseNotFound(caseNumber) }
        let templates = try TemplateSet.load(from: db)
        guard let template = templates.template(for: action, language: record.language) else { return "" }
        var change = CaseChange(record: record, reason: "")
        let checklist = try CaseMaterials.load(caseID: record.id, in: db).filter { $0.state.isOutstanding }
        change.placeholders[.missingMaterials] = checklist.enumerated().map { index, item in
            "\(index + 1). " + (store.material(item.code)?.name(record.language) ?? item.code)
                + (item.reason.isEmpty ? "" : record.language == .zh ? "（\(item.reason)）" : " (\(item.reason))")
        }.joined(separator: "\n")
        change.placeholders[.days] = String(record.extensionDays)
        return try notice(template, change)
    }
}
