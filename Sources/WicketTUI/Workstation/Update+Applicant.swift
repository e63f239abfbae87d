import WicketCore

/// `O`: the applicant's cases listed in the inbox (open first, then closed), and `Esc` back to the
/// list the clerk came from, on the case they came from. The list is an ordinary inbox list, so
/// moving, opening, the detail beside it and every action key work on it as anywhere.
extension Update {
    func listApplicantCases(_ state: inout WorkstationState) -> [Effect] {
        let language = state.language
        guard let number = state.currentCaseNumber else {
            state.status = StatusMessage(text: UIText.noCaseSelected.text(language), isError: true)
            return []
        }
        // What the detail shows was read with the case: no query on the key path to refuse.
        guard let detail = state.detail.detail, detail.record.number == number else {
            return [.openDetail(number)]
        }
        guard !detail.applicant.isEmpty else {
            state.status = StatusMessage(text: UIText.applicantNoOthers.format(language, number), isError: true)
            return []
        }
        if state.inbox.filters.applicant == nil { state.applicantReturn = state.inbox }
        state.inbox.filters = InboxFilters(applicant: ApplicantListing(origin: number, name: detail.record.applicantName))
        state.inbox.search = ""
        state.inbox.matches = []
        state.inbox.selected = 0
        state.inbox.top = 0
        state.focus = .inbox
        state.status = StatusMessage(text: UIText.applicantListed.format(language, number), isError: false)
        return [.loadTab, .followSelection]
    }

    func leaveApplicantCases(_ state: inout WorkstationState) -> [Effect] {
        state.inbox = state.applicantReturn ?? InboxState()
        state.applicantReturn = nil
        state.status = .none
        return [.loadTab, .followSelection]
    }
}
