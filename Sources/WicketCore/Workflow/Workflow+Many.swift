/// One case of a list an action is applied to, with the version the person saw (nil: no check).
public struct CaseTarget: Sendable, Hashable {
    public let number: String
    public let version: Int?

    public init(_ number: String, version: Int? = nil) {
        self.number = number
        self.version = version
    }
}

/// What happened to one case of a list.
public struct CaseResult: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// Done: written, with its own history event (and reply).
        case done(ActionOutcome)
        /// A dry run: the action went through on this case and was rolled back; the outcome's
        /// history and reply numbers were never kept.
        case wouldBeDone(ActionOutcome)
        /// Refused: nothing of this case changed. `code` names the kind for scripts
        /// (`WorkflowError.code`), `reason` says why in both languages.
        case refused(code: String, reason: Bilingual)
    }

    public let caseNumber: String
    public let outcome: Outcome

    public var isRefused: Bool {
        if case .refused = outcome { return true }
        return false
    }
}

extension Workflow {
    /// One action on many cases (the inbox's marked cases, `wicket act CASE,CASE…` or `--filter`).
    ///
    /// Each case is its own `perform`: its own transaction, version check, history event and
    /// reply from the template with its own placeholders, so "one core call = one transaction = one
    /// history event" holds per case and a refusal of one never undoes another. A case is either
    /// wholly done or untouched. The same number twice is acted on once.
    ///
    /// A dry run takes the very same path and rolls each case back at the end of its transaction,
    /// so "would be done / refused and why" is decided by the rule of the real run, not a copy
    /// (a real run later may still differ if someone acts on a case in between).
    public func performEach(_ request: ActionRequest, on targets: [CaseTarget], dryRun: Bool = false) -> [CaseResult] {
        var seen = Set<String>()
        var results: [CaseResult] = []
        for target in targets where seen.insert(target.number).inserted {
            var one = request
            one.caseNumber = target.number
            one.expectedVersion = target.version
            do {
                let outcome = dryRun ? try rehearse(one) : try perform(one)
                results.append(CaseResult(caseNumber: outcome.caseNumber, outcome: dryRun ? .wouldBeDone(outcome) : .done(outcome)))
            } catch {
                results.append(CaseResult(caseNumber: target.number, outcome: Self.refusal(error)))
            }
        }
        return results
    }

    /// The action as `perform` does it, rolled back at the end of its transaction; a refusal is
    /// thrown as by `perform`.
    private func rehearse(_ request: ActionRequest) throws -> ActionOutcome {
        var outcome: ActionOutcome?
        do {
            try db.write { () throws -> Void in
                outcome = try performInTransaction(request)
                throw DryRunRollback()
            }
        } catch is DryRunRollback {}
        return outcome!
    }
}

/// Thrown at the end of a rehearsed action so its transaction rolls back.
private struct DryRunRollback: Error {}

extension WorkflowError {
    /// A stable name for the kind of refusal (JSON, scripts); the words are `message`.
    public var code: String {
        switch self {
        case .caseNotFound: return "not_found"
        case .notAllowed: return "not_allowed"
        case .reasonRequired: return "reason_required"
        case .notHolder: return "not_holder"
        case .staleVersion: return "stale_version"
        case .unknownUser: return "unknown_user"
        case .inactiveUser: return "inactive_user"
        case .supervisorOnly: return "supervisor_only"
        case .otherDepartment: return "other_department"
        case .invalidArgument: return "invalid_argument"
        case .nothingToRequest: return "nothing_to_request"
        case .alreadyExtended: return "already_extended"
        case .alreadyHeld: return "already_held"
        case .notHeld: return "not_held"
        case .noCaseToTake: return "no_case_to_take"
        }
    }
}
