/// What a macro did to one case: its action, and its note when it has one and the action was done.
public struct MacroResult: Sendable, Equatable {
    public let action: CaseResult
    /// nil: the macro has no note, or its action was refused (then no note is added).
    public let note: CaseResult?

    public var caseNumber: String { action.caseNumber }
    public var isRefused: Bool { action.isRefused || note?.isRefused == true }
}

extension Workflow {
    /// A macro on one case or many. "One core call = one transaction = one history event" holds
    /// by making a macro two calls per case: its action (`performEach`'s path: own transaction,
    /// version check, event and reply from the macro's template with the case's placeholders),
    /// then, only if that was done, its note as a `note` action of its own. A refused action
    /// leaves the case untouched and adds no note. A dry run rehearses both in one transaction
    /// and rolls it back, so the note is judged on the case as the action leaves it.
    public func performMacro(_ macro: Macro, on targets: [CaseTarget], actor: String, dryRun: Bool = false) -> [MacroResult] {
        var seen = Set<String>()
        var results: [MacroResult] = []
        for target in targets where seen.insert(target.number).inserted {
            var action = macro.request(actor: actor)
            action.caseNumber = target.number
            action.expectedVersion = target.version
            var note = macro.noteRequest(actor: actor)
            note?.caseNumber = target.number
            if dryRun {
                results.append(rehearseMacro(action, note: note))
                continue
            }
            let done = performEach(action, on: [CaseTarget(target.number, version: target.version)])[0]
            guard !done.isRefused, let note else {
                results.append(MacroResult(action: done, note: nil))
                continue
            }
            results.append(MacroResult(action: done, note: performEach(note, on: [CaseTarget(target.number)])[0]))
        }
        return results
    }

    private func rehearseMacro(_ action: ActionRequest, note: ActionRequest?) -> MacroResult {
        var outcomes: (ActionOutcome?, CaseResult?) = (nil, nil)
        do {
            try db.write { () throws -> Void in
                outcomes.0 = try performInTransaction(action)
                if let note {
                    do {
                        // A savepoint: a refused note rolls back alone, as a real one would.
                        let rehearsed = try db.write { try performInTransaction(note) }
                        outcomes.1 = CaseResult(caseNumber: action.caseNumber, outcome: .wouldBeDone(rehearsed))
                    } catch {
                        outcomes.1 = CaseResult(caseNumber: action.caseNumber, outcome: Self.refusal(error))
                    }
                }
                throw MacroRollback()
            }
        } catch is MacroRollback {
        } catch {
            return MacroResult(action: CaseResult(caseNumber: action.caseNumber, outcome: Self.refusal(error)), note: nil)
        }
        let outcome = outcomes.0!
        return MacroResult(action: CaseResult(caseNumber: outcome.caseNumber, outcome: .wouldBeDone(outcome)), note: outcomes.1)
    }

    static func refusal(_ error: any Error) -> CaseResult.Outcome {
        .refused(code: (error as? WorkflowError)?.code ?? "error",
                 reason: Bilingual(en: ErrorText.message(error, .en), zh: ErrorText.message(error, .zh)))
    }
}

/// Thrown at the end of a rehearsed macro so its transaction rolls back.
private struct MacroRollback: Error {}
