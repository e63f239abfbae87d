import WicketCore

/// The catalog's standard reasons in a reason dialog (reject, deny, suspend, withdraw), found by
/// typing, as the intake finds its service item: what is typed filters the list (Chinese, English
/// or the code), `↓` `↑` highlight a row, `Tab` (or `Enter` on a highlighted row) takes it. Taking
/// one fills the reason with its words in the clerk's language, which stay editable, and keeps
/// its code for the event, so the figures count it. Nothing is chosen until the clerk chooses:
/// `Enter` on the text as typed sends it as free text ("other reasons").
public struct ReasonChoices: Sendable {
    public let offered: [StandardReason]
    /// The highlighted row of `rows(for:)`; nil while the clerk is typing.
    public var highlighted: Int?
    /// The reason taken; kept while its words are edited, let go when they are cleared.
    public var chosen: StandardReason?

    public init(offered: [StandardReason]) { self.offered = offered }

    /// How many standard reasons the list shows at most (the free-text row comes after them).
    static let visibleRows = 6

    /// The standard reasons whose code or name contains `query` (case does not matter), in
    /// catalog order; all of them for an empty query.
    public func matches(_ query: String) -> [StandardReason] {
        let query = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !query.isEmpty else { return offered }
        return offered.filter {
            $0.code.lowercased().contains(query) || $0.nameZh.contains(query) || $0.nameEn.lowercased().contains(query)
        }
    }

    /// The rows under the text: the matches, then "other reason (the words as typed)".
    func rowCount(_ query: String) -> Int { matches(query).count + 1 }

    /// Takes a key of the reason dialog; false for `Enter` when no row is highlighted (the dialog
    /// then sends the text as it stands).
    mutating func handle(_ key: Key, input: inout LineInput, language: Language) -> Bool {
        let rows = chosen == nil ? rowCount(input.text) : 0
        switch key {
        case .down:
            if rows > 0 { highlighted = min((highlighted ?? -1) + 1, rows - 1) }
        case .up:
            if let row = highlighted { highlighted = row == 0 ? nil : row - 1 }
        case .tab:
            if rows > 0 { take(highlighted ?? 0, input: &input, language: language) }
        case .enter:
            guard chosen == nil, let row = highlighted else { return false }
            take(row, input: &input, language: language)
        default:
            if input.handle(key) {
                highlighted = nil
                if input.text.trimmingCharacters(in: .whitespaces).isEmpty { chosen = nil }
            }
        }
        return true
    }

    private mutating func take(_ row: Int, input: inout LineInput, language: Language) {
        let found = matches(input.text)
        highlighted = nil
        // The last row: no standard reason; the clerk's own words.
        guard found.indices.contains(row) else { return }
        chosen = found[row]
        input = LineInput(found[row].name(language))
    }
}
