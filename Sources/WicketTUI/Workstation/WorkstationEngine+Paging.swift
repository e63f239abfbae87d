import WicketCore

/// The inbox holds a window of its list, not the list: at a million cases a tab can hold tens
/// of thousands. The window moves by keyset pages (`CaseQueries.page`) when the selection
/// leaves it, and after every change it is read again from where it stood.
extension WorkstationEngine {
    /// Rows held at once: several screens, so paging through them needs no query.
    static let windowRows = 100
    /// Lists that cannot page (a dashboard figure, a running status) hold up to this many rows.
    static let unpagedRows = 500

    func windowFilter() -> CaseFilter {
        var filter = inboxFilter()
        filter.limit = CaseQueries.pages(filter) ? Self.windowRows : Self.unpagedRows
        return filter
    }

    /// Reads the window again: from the top of the list, or (`keepPlace`) from the first row
    /// on screen, so a change elsewhere neither moves the clerk nor drops the selection.
    func loadWindow(keepPlace: Bool, select number: String?) throws {
        let inbox = state.inbox
        let filter = windowFilter()
        var page: CasePage
        let sameList = inbox.rowsFilter == filter
        if keepPlace, sameList, inbox.moreBefore, inbox.rows.indices.contains(inbox.top) {
            page = try CaseQueries.page(filter, .after(inbox.rows[inbox.top].position, including: true), in: store)
            if page.rows.isEmpty { page = try CaseQueries.page(filter, .last, in: store) }
        } else {
            page = try CaseQueries.page(filter, in: store)
        }
        show(page, of: filter)
        if let number, let index = page.rows.firstIndex(where: { $0.number == number }) {
            state.inbox.selected = index
        } else {
            state.inbox.selected = max(0, min(inbox.selected, page.rows.count - 1))
        }
        if !sameList {
            state.inbox.selected = page.rows.firstIndex { $0.number == number } ?? 0
            state.inbox.top = 0
        } else if keepPlace && inbox.moreBefore {
            state.inbox.top = 0
        }
        try refreshMatches()
    }

    func pageInbox(_ move: InboxMove) throws {
        let inbox = state.inbox
        let filter = windowFilter()
        switch move {
        case .first:
            show(try CaseQueries.page(filter, in: store), of: filter)
            state.inbox.selected = 0
            state.inbox.top = 0
        case .last:
            let page = try CaseQueries.page(filter, .last, in: store)
            show(page, of: filter)
            state.inbox.selected = max(0, page.rows.count - 1)
            state.inbox.top = state.inbox.selected
        case .forward(let step):
            // The new window starts at the first row on screen, so nothing on screen jumps.
            guard inbox.rows.indices.contains(inbox.top) else { return }
            let page = try CaseQueries.page(filter, .after(inbox.rows[inbox.top].position, including: true), in: store)
            show(page, of: filter)
            state.inbox.moreBefore = inbox.moreBefore || inbox.top > 0
            state.inbox.selected = max(0, min(page.rows.count - 1, inbox.selected - inbox.top + step))
            state.inbox.top = 0
        case .backward(let step):
            // The new window ends at the last row on screen.
            let visible = max(1, Layout.inboxRowsVisible(state))
            let bottom = min(inbox.rows.count - 1, inbox.top + visible - 1)
            guard inbox.rows.indices.contains(bottom) else { return }
            let page = try CaseQueries.page(filter, .before(inbox.rows[bottom].position, including: true), in: store)
            show(page, of: filter)
            state.inbox.moreAfter = inbox.moreAfter || bottom < inbox.rows.count - 1
            let last = page.rows.count - 1
            state.inbox.selected = max(0, last - (bottom - inbox.selected) - step)
            state.inbox.top = max(0, last - (bottom - inbox.top))
        }
        try refreshMatches()
        try run(.followSelection)
    }

    private func show(_ page: CasePage, of filter: CaseFilter) {
        state.inbox.rowsFilter = filter
        state.inbox.rows = page.rows
        state.inbox.moreBefore = page.moreBefore
        state.inbox.moreAfter = page.moreAfter
    }

    /// The search's matches among the rows held, each row tested on its own.
    func refreshMatches() throws {
        let text = state.inbox.search
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            state.inbox.matches = []
            return
        }
        let ids = try CaseQueries.matches(text, among: state.inbox.rows.map(\.id), in: store)
        state.inbox.matches = Set(state.inbox.rows.filter { ids.contains($0.id) }.map(\.number))
    }

    /// n / N: the nearest match in the rows held; past them, the search list in inbox order
    /// from the selected row, wrapping around at the end.
    func stepMatch(forward: Bool) throws {
        let language = state.language
        guard !state.inbox.search.isEmpty else {
            state.status = StatusMessage(text: UIText.statusNoSearch.text(language), isError: true)
            return
        }
        let rows = state.inbox.rows, selected = state.inbox.selected
        let ahead = forward ? Array(rows.indices.filter { $0 > selected }) : rows.indices.filter { $0 < selected }.reversed()
        if let index = ahead.first(where: { state.inbox.matches.contains(rows[$0].number) }) {
            state.inbox.selected = index
            try run(.followSelection)
            return
        }
        var searched = inboxFilter()
        searched.search = state.inbox.search
        searched.limit = 1
        var target: CaseSummary?
        if let current = state.inbox.selectedCase, CaseQueries.pages(searched) {
            let beyond: PageRequest = forward ? .after(current.position, including: false)
                : .before(current.position, including: false)
            target = try CaseQueries.page(searched, beyond, in: store).rows.first
            if target == nil { target = try CaseQueries.page(searched, forward ? .first : .last, in: store).rows.first }
        } else {
            // The whole list is held: wrap around within it.
            let wrapped = forward ? Array(rows.indices) : rows.indices.reversed()
            target = wrapped.first { state.inbox.matches.contains(rows[$0].number) }.map { rows[$0] }
        }
        guard let target else {
            state.status = StatusMessage(text: UIText.statusNoMatch.text(language), isError: true)
            return
        }
        try select(target)
    }

    /// The list's first match when none is among the rows held; nothing changes if there is none (false).
    @discardableResult
    func firstMatchBeyondRows() throws -> Bool {
        var searched = inboxFilter()
        searched.search = state.inbox.search
        searched.limit = 1
        guard CaseQueries.pages(searched), let target = try CaseQueries.page(searched, in: store).rows.first else { return false }
        try select(target)
        return true
    }

    /// Selects a row of the list, moving the window to it if it is not held.
    private func select(_ target: CaseSummary) throws {
        let rows = state.inbox.rows
        if let index = rows.firstIndex(where: { $0.number == target.number }) {
            state.inbox.selected = index
        } else {
            let filter = windowFilter()
            show(try CaseQueries.page(filter, .after(target.position, including: true), in: store), of: filter)
            state.inbox.moreBefore = true
            state.inbox.selected = 0
            state.inbox.top = 0
            try refreshMatches()
        }
        try run(.followSelection)
    }

    /// The number of cases in the whole list, for the pane's title.
    func listTotal() throws -> Int {
        if let drillDown = state.inbox.filters.drillDown { return drillDown.count }
        if state.inbox.filters.isEmpty, let count = state.tabCounts[state.inbox.tab] { return count }
        return try CaseQueries.count(inboxFilter(), in: store)
    }
}
