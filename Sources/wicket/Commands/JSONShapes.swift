import Foundation
import WicketCore

/// The documented, stable JSON of the command line (README "JSON output"). Keys are snake_case;
/// absent values are null, never missing.
enum JSONShapes {
    static func summary(_ item: CaseSummary, store: CaseStore) -> [String: Any] {
        [
            "number": item.number, "status": item.status.rawValue, "level": item.level.rawValue,
            "service": item.serviceCode, "department": item.department, "applicant": item.applicantName,
            "id_number": orNull(Masking.idNumber(item.applicantIDNumber)), "channel": item.channel.rawValue,
            "priority": item.priority.rawValue, "submitted_at": item.submittedAt,
            "due_on": item.dueOn?.description ?? NSNull(), "holder": item.holder ?? NSNull(), "version": item.version,
            "failed_reply": item.failedReply?.rawValue ?? NSNull(),
        ]
    }

    /// `revealed`: the full numbers released (and recorded) by `show --reveal`; masked otherwise.
    static func detail(_ detail: CaseDetail, revealed: RevealedApplicant? = nil) -> [String: Any] {
        let r = detail.record
        let clock = detail.clock
        return [
            "number": r.number, "ref": r.ref ?? NSNull(), "status": r.status.rawValue, "version": r.version,
            "service": r.serviceCode, "department": r.department, "channel": r.channel.rawValue,
            "priority": r.priority.rawValue, "lang": r.language.rawValue, "holder": r.holder ?? NSNull(),
            "applicant": ["name": r.applicantName,
                          "id_number": orNull(revealed?.idNumber ?? Masking.idNumber(r.applicantIDNumber)),
                          "id_type": r.applicantDocument.rawValue,
                          "phone": orNull(revealed?.phone ?? Masking.phone(r.applicantPhone))],
            "summary": orNull(r.summary), "details": orNull(r.details), "submitted_at": r.submittedAt, "received_at": r.receivedAt,
            "first_response_at": r.firstResponseAt ?? NSNull(), "accepted_at": r.acceptedAt ?? NSNull(),
            "decided_at": r.decidedAt ?? NSNull(), "closed_at": r.closedAt ?? NSNull(),
            "clock": [
                "phase": clock.phase ?? NSNull(), "level": clock.level.rawValue,
                "due_on": clock.dueOn?.description ?? NSNull(), "due_provisional": clock.dueProvisional,
                "limit_days": clock.limitDays,
                "days_used": clock.daysUsed, "days_left": clock.daysLeft, "paused": clock.paused,
                "paused_days": clock.pausedDays, "extension_days": clock.extensionDays,
                "acceptance_due_on": clock.acceptanceDueOn?.description ?? NSNull(),
                "acceptance_breached": clock.acceptanceBreached,
            ] as [String: Any],
            "possible_duplicate_of": detail.possibleDuplicates,
            "materials": detail.materials.map {
                ["code": $0.code, "state": $0.state.rawValue, "reason": orNull($0.reason),
                 "on_file": detail.onFile[$0.code].map { onFile($0) as Any } ?? NSNull()] as [String: Any]
            },
            "messages": detail.messages.map {
                ["id": $0.id, "direction": $0.direction, "channel": $0.channel, "author": $0.author, "body": $0.body,
                 "created_at": $0.createdAt, "delivery_state": $0.deliveryState?.rawValue ?? NSNull(),
                 "attempts": $0.attempts, "last_error": orNull($0.lastError), "next_attempt_at": $0.nextAttemptAt ?? NSNull(),
                 "handled_at": $0.handledAt ?? NSNull(), "handled_by": $0.handledBy ?? NSNull(),
                 "handled_note": $0.handledNote ?? NSNull()] as [String: Any]
            },
            "notes": detail.notes.map { ["id": $0.id, "author": $0.author, "body": $0.body, "created_at": $0.createdAt] },
            "history": detail.history.map {
                ["id": $0.id, "at": $0.at, "actor": $0.actor, "action": $0.action, "from": $0.from ?? NSNull(),
                 "to": $0.to, "reason": orNull($0.reason), "details": jsonObject($0.details), "version": $0.version] as [String: Any]
            },
            "ratings": detail.ratings.map {
                ["rating": $0.rating.rawValue, "comment": orNull($0.comment), "rated_at": $0.ratedAt,
                 "follow_up": $0.followUp ?? NSNull()] as [String: Any]
            },
        ]
    }

    static func outcome(_ outcome: ActionOutcome) -> [String: Any] {
        [
            "case": outcome.caseNumber, "action": outcome.action.rawValue, "from": outcome.from.rawValue,
            "to": outcome.to.rawValue, "version": outcome.version, "history_id": outcome.historyEventID,
            "reply_id": outcome.replyID ?? NSNull(), "holder": outcome.holder ?? NSNull(), "warnings": outcome.warnings,
        ]
    }

    /// One case of `act` on many: `result` is done, would_be_done (a dry run: nothing kept, so
    /// `history_id` and `reply_id` are null) or refused (`refusal` a code, `reason` in English, the
    /// case's fields null). Every object has every key, so a script reads them alike.
    static func caseResult(_ result: CaseResult, action: CaseAction) -> [String: Any] {
        switch result.outcome {
        case .done(let done):
            return outcome(done).merging(["result": "done", "refusal": NSNull(), "reason": NSNull()]) { $1 }
        case .wouldBeDone(let rehearsed):
            return outcome(rehearsed).merging(["result": "would_be_done", "history_id": NSNull(), "reply_id": NSNull(),
                                               "refusal": NSNull(), "reason": NSNull()]) { $1 }
        case .refused(let code, let reason):
            return ["case": result.caseNumber, "action": action.rawValue, "result": "refused", "refusal": code,
                    "reason": reason.en, "from": NSNull(), "to": NSNull(), "version": NSNull(), "history_id": NSNull(),
                    "reply_id": NSNull(), "holder": NSNull(), "warnings": [String]()]
        }
    }

    static func macro(_ macro: Macro) -> [String: Any] {
        [
            "name": macro.name, "name_zh": macro.nameZh, "name_en": macro.nameEn, "action": macro.action.rawValue,
            "reason": macro.reason ?? NSNull(), "reason_code": macro.reasonCode ?? NSNull(), "missing": macro.missing,
            "days": macro.days ?? NSNull(), "to": macro.target ?? NSNull(),
            "template_zh": macro.template[.zh]?.source ?? NSNull(), "template_en": macro.template[.en]?.source ?? NSNull(),
            "note": macro.note ?? NSNull(),
        ]
    }

    /// A macro on one case: the action's object (`caseResult`) with `note`, the note's own
    /// result object, or null (no note, or the action refused).
    static func macroResult(_ result: MacroResult, macro: Macro) -> [String: Any] {
        var object = caseResult(result.action, action: macro.action)
        object["macro"] = macro.name
        object["note"] = result.note.map { caseResult($0, action: .note) } ?? NSNull()
        return object
    }

    static func view(_ view: SavedView, count: Int) -> [String: Any] {
        [
            "name": view.name, "owner": view.owner, "shared": view.shared, "department": view.department ?? NSNull(),
            "count": count, "filter": jsonObject(String(decoding: (try? JSONEncoder().encode(view.filter)) ?? Data(), as: UTF8.self)),
        ]
    }

    static func notice(_ notice: Notice) -> [String: Any] {
        [
            "id": notice.id, "rule": notice.rule.rawValue, "case": notice.caseNumber, "department": notice.department ?? NSNull(),
            "status": notice.status, "raised_at": notice.raisedAt, "acknowledged_by": notice.acknowledgedBy ?? NSNull(),
            "version": notice.version,
        ]
    }

    /// Text Wicket has none of (no phone given, no reason needed, no error yet) is null, as the README
    /// promises, never an empty string a script would have to tell apart from a value.
    /// Where an outstanding item is already proven: `{kind: verified, case, verified_at}` or
    /// `{kind: certificate, certificate, issuer, valid_until}`.
    static func onFile(_ source: OnFileSource) -> [String: Any] {
        switch source {
        case .verified(let number, let at):
            return ["kind": "verified", "case": number as Any? ?? NSNull(), "verified_at": at]
        case .certificate(let number, let issuer, let until):
            return ["kind": "certificate", "certificate": Masking.idNumber(number), "issuer": issuer, "valid_until": until]
        }
    }

    static func orNull(_ text: String) -> Any { text.isEmpty ? NSNull() : text }

    static func jsonObject(_ text: String) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? [String: Any]()
    }
}
