/// What a clerk does about a reply that could not be delivered (README "Failed replies"). Both
/// are actions like any other: one transaction, one history event, the case's version up by one,
/// allowed to whoever may act on the case; the triggers of `FailedReplyCases` take the case off
/// the failed list in the same transaction.
extension Workflow {
    func settleFailedReply(_ request: ActionRequest, actor: User, context: ActionContext, change: inout CaseChange) throws {
        let record = change.record
        let failed = try failedReply(request.messageID, of: record, for: request.action)
        change.details["message_id"] = failed.id
        change.details["delivery_state"] = failed.state.rawValue
        change.details["attempts"] = failed.attempts
        if !failed.lastError.isEmpty { change.details["last_error"] = failed.lastError }
        switch request.action {
        case .resendReply:
            // Tries are counted afresh: the reply gets the whole retry schedule again (the tries
            // before and their last error stay in this event's details).
            try db.execute("""
                UPDATE messages SET delivery_state = 'queued', attempts = 0, last_error = '', next_attempt_at = ?,
                    handled_at = NULL, handled_by = NULL, handled_note = NULL WHERE id = ?
                """, context.stamp, failed.id)
        default:
            try db.execute("""
                UPDATE messages SET next_attempt_at = NULL, handled_at = ?, handled_by = ?, handled_note = ? WHERE id = ?
                """, context.stamp, actor.login, change.reason, failed.id)
        }
    }

    private struct FailedReply {
        let id: Int
        let state: DeliveryState
        let attempts: Int
        let lastError: String
    }

    /// The failed reply `id` of this case, or the case's only unresolved one when no id is given.
    /// A resend may also answer a failure marked handled (the clerk tries again after all);
    /// marking handled needs one nobody has dealt with.
    private func failedReply(_ id: Int?, of record: CaseRecord, for action: CaseAction) throws -> FailedReply {
        let number = record.number
        guard let id else {
            let open = try db.query("""
                SELECT id FROM messages WHERE case_id = ? AND \(FailedReplyCases.unresolved("messages")) ORDER BY id
                """, record.id).map { $0.int(at: 0) }
            switch open.count {
            case 0:
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "case \(number) has no failed reply waiting for a clerk",
                    zh: "案件 \(number) 没有待处理的发送失败答复"))
            case 1:
                return try failedReply(open[0], of: record, for: action)
            default:
                let list = open.map(String.init).joined(separator: ", ")
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "case \(number) has \(open.count) failed replies (\(list)); say which with --message ID",
                    zh: "案件 \(number) 有 \(open.count) 条发送失败的答复（\(list)），请用 --message ID 指明"))
            }
        }
        guard let row = try db.queryOne("""
            SELECT id, direction, delivery_state, attempts, last_error, handled_at FROM messages WHERE id = ? AND case_id = ?
            """, id, record.id), row.string("direction") == "outbound",
              let state = row.optionalString("delivery_state").flatMap(DeliveryState.init(rawValue:)) else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "case \(number) has no reply \(id)", zh: "案件 \(number) 没有编号为 \(id) 的答复"))
        }
        guard state == .failed || state == .failedPermanent else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "reply \(id) of case \(number) is \(state.rawValue), not failed: there is nothing to resend or handle",
                zh: "案件 \(number) 的答复 \(id) 状态为“\(state.word.zh)”，并未发送失败，无需重发或处理"))
        }
        if row.optionalString("handled_at") != nil && action != .resendReply {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "reply \(id) of case \(number) is already marked handled", zh: "案件 \(number) 的答复 \(id) 已标记为另行处理"))
        }
        return FailedReply(id: id, state: state, attempts: row.int("attempts"), lastError: row.string("last_error"))
    }}
