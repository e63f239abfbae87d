import WicketCore

/// Keys while a dialog is open: it has them all, and Esc always closes it without acting.
extension Update {
    func handleOverlay(_ key: Key, _ state: inout WorkstationState) -> [Effect] {
        guard let overlay = state.overlay else { return [] }
        if key == .escape {
            state.overlay = nil
            state.status = StatusMessage(text: UIText.cancelled.text(state.language), isError: false)
            return []
        }
        switch overlay {
        case .help(let offset):
            // The list scrolls on small screens; any other key closes it.
            switch key {
            case .down, .character("j"), .pageDown, .character(" "): state.overlay = .help(offset + (key == .down || key == .character("j") ? 1 : 10))
            case .up, .character("k"), .pageUp, .character("-"): state.overlay = .help(max(0, offset - (key == .up || key == .character("k") ? 1 : 10)))
            default: state.overlay = nil
            }
            return []
        case .prompt(var prompt):
            if var reasons = prompt.reasons, reasons.handle(key, input: &prompt.input, language: state.language) {
                prompt.reasons = reasons
                prompt.problem = nil
                state.overlay = .prompt(prompt)
                return []
            }
            guard key == .enter else {
                if prompt.input.handle(key) { prompt.problem = nil }
                state.overlay = .prompt(prompt)
                return []
            }
            return finishPrompt(prompt, &state)
        case .picker(var picker):
            switch key {
            case .down, .character("j"), .tab: picker.selected = min(picker.items.count - 1, picker.selected + 1)
            case .up, .character("k"), .backTab: picker.selected = max(0, picker.selected - 1)
            case .pageDown: picker.selected = min(picker.items.count - 1, picker.selected + 10)
            case .pageUp: picker.selected = max(0, picker.selected - 10)
            case .enter:
                state.overlay = nil
                guard picker.items.indices.contains(picker.selected) else { return [] }
                return choose(picker.items[picker.selected].choice, &state)
            case .character(let c):
                // In the action menu the action's own key runs it.
                if state.inbox.tab == .consultations, let action = ConsultationKey.allCases.first(where: { $0.key == c }),
                   picker.items.contains(where: { if case .consultation(action) = $0.choice { return true }; return false }) {
                    state.overlay = nil
                    return begin(action, &state)
                }
                if let action = state.keys.action(for: c),
                   picker.items.contains(where: { if case .action(action) = $0.choice { return true }; return false }) {
                    state.overlay = nil
                    return begin(action, &state)
                }
            default: break
            }
            state.overlay = .picker(picker)
            return []
        case .materials(var dialog):
            switch key {
            case .down, .character("j"), .tab: dialog.selected = min(dialog.items.count - 1, dialog.selected + 1)
            case .up, .character("k"), .backTab: dialog.selected = max(0, dialog.selected - 1)
            case .character(" ") where dialog.purpose == .supplement:
                guard dialog.items.indices.contains(dialog.selected) else { break }
                dialog.items[dialog.selected].request.toggle()
            case .enter where dialog.purpose == .supplement:
                let pending = ActionRequest(caseNumber: dialog.caseNumber, action: .supplement, actor: state.user.login,
                                            materials: dialog.items.filter(\.request).map(\.material.code),
                                            expectedVersion: dialog.version)
                state.overlay = .prompt(PromptState(title: UIText.promptSupplement.text(state.language), pending: pending,
                                                    field: .text))
                return []
            case .character(" "):
                guard dialog.items.indices.contains(dialog.selected) else { break }
                if dialog.items[dialog.selected].material.state.isOutstanding {
                    state.status = StatusMessage(text: UIText.materialsAlwaysListed.text(state.language), isError: true)
                } else {
                    dialog.items[dialog.selected].request.toggle()
                    state.overlay = .materials(dialog)
                    return [.previewMaterials]
                }
            case .enter, .ctrl("s"), .function(5):
                return [.submitMaterialsRequest]
            default: break
            }
            state.overlay = .materials(dialog)
            return []
        case .intake(var form):
            let effects = form.handle(key, catalog: catalog)
            state.overlay = .intake(form)
            return effects
        case .consult(let form):
            return handleConsultForm(key, form, &state)
        }
    }

    /// Enter answers the dialog; an answer it cannot take keeps it open with the problem shown
    /// inside, so nothing typed afterwards can run as a command.
    private func finishPrompt(_ prompt: PromptState, _ state: inout WorkstationState) -> [Effect] {
        var prompt = prompt
        var pending = prompt.pending
        let answer = prompt.input.text.trimmingCharacters(in: .whitespaces)
        let language = state.language
        func stay(_ problem: UIText) -> [Effect] {
            prompt.problem = problem.text(language)
            state.overlay = .prompt(prompt)
            return []
        }
        // Only the applicant's message with a supplement may be left empty.
        if answer.isEmpty && pending.action != .supplement {
            return stay(prompt.field == .days ? .promptNeedsDays : prompt.field == .reason ? .promptNeedsReason : .promptNeedsText)
        }
        switch prompt.field {
        case .reason:
            pending.reason = answer
            pending.reasonCode = prompt.reasons?.chosen?.code
        case .text: pending.text = answer.isEmpty ? nil : answer
        case .days:
            guard let days = Int(answer), days > 0 else { return stay(.promptNeedsDays) }
            pending.days = days
            state.overlay = .prompt(PromptState(title: UIText.promptExtendReason.text(language), pending: pending, field: .reason))
            return []
        }
        state.overlay = nil
        return [.perform(pending)]
    }

    private func choose(_ choice: PickerChoice, _ state: inout WorkstationState) -> [Effect] {
        switch choice {
        case .action(let action):
            return begin(action, &state)
        case .transferTo(let department):
            guard var pending = request(.transfer, state) else { return [] }
            pending.target = department
            state.overlay = .prompt(PromptState(title: UIText.promptTransferReason.text(state.language), pending: pending, field: .reason))
            return []
        case .assignTo(let login):
            guard var pending = request(.assign, state) else { return [] }
            pending.target = login
            return [.perform(pending)]
        case .template(let action):
            return [.fillTemplate(action)]
        case .filter(let filters):
            state.inbox.filters = filters
            state.inbox.selected = 0
            state.inbox.top = 0
            return [.loadTab, .followSelection]
        case .consultation(let action):
            return begin(action, &state)
        }
    }
}

import Foundation
