import WicketCore

/// The reply pane: letters are text; only a few control keys are commands.
extension Update {
    /// Nil hands the key on to the global keys (Tab, F1).
    func handleReply(_ key: Key, _ state: inout WorkstationState) -> [Effect]? {
        switch key {
        case .escape:
            state.focus = .detail
            return [.saveDraft]
        case .ctrl("s"), .function(5):
            return [.sendReply]
        case .ctrl("t"), .function(2):
            state.overlay = .picker(PickerState(title: UIText.pickerTemplate.text(state.language), items: TemplateSet.builtIn.actions.map {
                PickerItem(label: ActionKeys.label($0, state.language), choice: .template($0))
            }))
            return []
        case .tab, .backTab, .function(1), .ctrl("l"), .ctrl("c"):
            return nil
        default:
            guard state.reply.caseNumber != nil else { return nil }
            let width = max(1, Layout.replyTextWidth(state))
            if state.reply.editor.handle(key, width: width, measure: state.measure) { return [.saveDraft] }
            return []
        }
    }
}
