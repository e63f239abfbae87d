import WicketCore

/// The inbox tabs a clerk switches between with 1–7.
public enum InboxTab: Int, CaseIterable, Sendable {
    case mine, unassigned, awaitingMaterials, warnings, all
    /// Cases with a reply that failed and that no clerk has resent or marked handled, any status.
    case failedReplies
    /// Open consultations (咨询), not cases: their own rows and detail (Consultations/).
    case consultations

    public func title(_ language: Language) -> String {
        switch self {
        case .mine: return UIText.tabMine.text(language)
        case .unassigned: return UIText.tabUnassigned.text(language)
        case .awaitingMaterials: return UIText.tabAwaiting.text(language)
        case .warnings: return UIText.tabWarnings.text(language)
        case .all: return UIText.tabAll.text(language)
        case .failedReplies: return UIText.tabFailedReplies.text(language)
        case .consultations: return UIText.tabConsultations.text(language)
        }
    }
}

public enum PaneID: Sendable, Equatable {
    case inbox, detail, reply
}

/// Extra filters on top of a tab (`f`).
public struct InboxFilters: Sendable, Equatable {
    public var status: CaseStatus?
    public var serviceCode: String?
    public var channel: Channel?
    public var level: Level?
    /// From the dashboard: exactly the cases behind one figure (replaces the tab and the rest).
    public var drillDown: DrillDown?
    /// One applicant's cases, open and closed (`O`; replaces the tab and the rest, `Esc` goes back).
    public var applicant: ApplicantListing?

    public var isEmpty: Bool {
        status == nil && serviceCode == nil && channel == nil && level == nil && drillDown == nil && applicant == nil
    }

    /// For the inbox title: the clerk's words, not the stored codes.
    public func summary(_ language: Language) -> String {
        [status?.word.text(language), serviceCode, channel?.word.text(language), level?.word.text(language),
         drillDown?.summary(language), applicant?.summary(language)].compactMap { $0 }
            .joined(separator: " ")
    }
}

/// The inbox listing one applicant's cases: the case it was opened from, and the applicant's name.
public struct ApplicantListing: Sendable, Equatable {
    public var origin: String
    public var name: String

    public func summary(_ language: Language) -> String { UIText.applicantListing.format(language, name, origin) }
}

public struct InboxState: Sendable, Equatable {
    public var tab: InboxTab = .mine
    public var filters = InboxFilters()
    /// The rows held: a window of the list, moved by keyset pages as the selection leaves it.
    public var rows: [CaseSummary] = []
    public var moreBefore = false
    public var moreAfter = false
    /// The list the rows were read from: another tab, filter or drill-down starts from its top.
    public var rowsFilter: CaseFilter?
    /// How many cases the whole list has (the tab's count, a filter's or a drill-down's).
    public var total = 0
    public var selected = 0
    public var top = 0
    /// The incremental search text and the case numbers it matches within the tab.
    public var search = ""
    public var matches: Set<String> = []
    /// The case selected when the search began: a text that matches nothing goes back to it.
    public var searchOrigin: String?

    public var selectedCase: CaseSummary? { rows.indices.contains(selected) ? rows[selected] : nil }
}

public struct DetailState: Sendable {
    public var detail: CaseDetail?
    public var scroll = 0
    /// Which checklist item the number keys and `[`/`]` act on.
    public var materialCursor = 0
    /// Set when another terminal changed the open case; cleared when the clerk acts again.
    public var changedElsewhere = false
    /// The full numbers of the open case after `R` (recorded in its history); forgotten when
    /// another case is opened.
    public var revealed: RevealedApplicant?
    /// Other people who have the open case open in their workstation (display names).
    public var alsoOpenBy: [String] = []
}

public struct ReplyState: Sendable {
    public var caseNumber: String?
    public var editor = TextEditor()
    /// What the database holds, so only real edits are saved.
    public var savedText = ""
    public var top = 0
    /// Set instead of `caseNumber` while the pane holds the answer to this consultation.
    public var consultation: String?
}

/// A one-line question the workstation asks before an action (a reason, a note, days).
public struct PromptState: Sendable {
    public var title: String
    public var input = LineInput()
    public var pending: ActionRequest
    /// Which field of `pending` the answer fills.
    public var field: PromptField
    /// Why the last Enter was not taken (shown inside the dialog, which stays open).
    public var problem: String?
    /// The catalog's standard reasons for this action and case, when there are any.
    public var reasons: ReasonChoices?
}

public enum PromptField: Sendable {
    case reason, text, days
}

/// A list to choose from: departments, clerks, templates, filters, actions.
public struct PickerState: Sendable {
    public var title: String
    public var items: [PickerItem]
    public var selected = 0
}

public struct PickerItem: Sendable {
    public var label: String
    public var choice: PickerChoice
}

public enum PickerChoice: Sendable {
    case action(CaseAction)
    case transferTo(String)
    case assignTo(String)
    case template(CaseAction)
    case filter(InboxFilters)
    case consultation(ConsultationKey)
}

/// The request-materials dialog: the checklist with each item to ask for, and the notice it makes.
/// For a supplement: the outstanding items, each ticked when it came in.
public struct MaterialsDialogState: Sendable {
    public enum Purpose: Sendable { case request, supplement }
    public var purpose = Purpose.request
    public var caseNumber: String
    public var version: Int
    public var items: [MaterialChoice]
    public var selected = 0
    public var preview = ""
    public var previewError: String?
}

public struct MaterialChoice: Sendable {
    public var material: CaseMaterial
    public var name: String
    /// Whether the notice asks for it; outstanding items are always asked for.
    public var request: Bool
}

public enum Overlay: Sendable {
    /// The key list, scrolled by this many lines.
    case help(Int)
    case prompt(PromptState)
    case picker(PickerState)
    case materials(MaterialsDialogState)
    case intake(IntakeFormState)
    /// Registering or closing a consultation.
    case consult(ConsultFormState)
}

/// The case the keys acted on in a drawn frame; nil inside when the frame showed none.
public struct CaseOnScreen: Sendable, Equatable {
    public var number: String?
    public init(number: String?) { self.number = number }
}

public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public static let none = StatusMessage(text: "", isError: false)
}

/// Everything the screen shows; `render` draws it and `update` changes it.
public struct WorkstationState: Sendable {
    public var width: Int
    public var height: Int
    /// How the terminal counts columns (ambiguous-width 1 or 2). The reply editor moves its cursor
    /// and the reply pane draws with this same measure, so the cursor sits where the text is.
    public var measure = DisplayWidth.standard
    public var user: User
    public var databaseName: String
    public var focus: PaneID = .inbox
    public var inbox = InboxState()
    public var consultations = ConsultationPaneState()
    public var detail = DetailState()
    public var reply = ReplyState()
    public var overlay: Overlay?
    /// Non-nil while the clerk types a `/` search.
    public var searchInput: LineInput?
    public var status = StatusMessage.none
    /// The case the clerk was looking at when another terminal's change took it off the screen
    /// and put another in its place. The next key cannot have been meant for the new case, so an
    /// action key is refused once (named in the refusal); any key clears it.
    public var shownCaseLeft: String?
    /// What the last frame drawn showed as the case the keys act on (`WorkstationEngine.frameDrawn`).
    /// An action key acts only on a case that was on screen before the key was read: a key typed
    /// ahead while the clerk's own action moved the list acts on nothing. Nil where nothing draws
    /// frames (a benchmark feeding keys); the terminal draws before it reads the first key.
    public var caseOnScreen: CaseOnScreen?
    /// Set when an action key was refused because its case was not the one seen: whatever was
    /// typed after it (a reason, more keys) was typed for that key, and the terminal drops it.
    public var unseenKeyRefused = false
    public var workload: (open: Int, warnings: Int) = (0, 0)
    public var tabCounts: [InboxTab: Int] = [:]
    /// The supervisor dashboard, when open (B / F3, or `wicket dashboard`).
    public var dashboard: DashboardState?
    /// Today's appointment board, when open (Y / F4).
    public var board: BoardState?
    /// The inbox as it was before `O` listed one applicant's cases: `Esc` comes back to it.
    public var applicantReturn: InboxState?
    public var shouldQuit = false
    /// The action keys, as the clerk's config file may have rebound them.
    public var keys = KeyBindings.standard
    /// The language of everything the workstation says (`--lang`, the config file, the locale).
    public var language = Language.en

    public init(width: Int, height: Int, user: User, databaseName: String) {
        self.width = width
        self.height = height
        self.user = user
        self.databaseName = databaseName
    }

    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// The number of the case the clerk is looking at: the open detail, else the selected row.
    public var currentCaseNumber: String? {
        if focus != .inbox, let detail = detail.detail { return detail.record.number }
        return inbox.selectedCase?.number ?? detail.detail?.record.number
    }

    /// The version the clerk saw of the current case, so a stale action is refused.
    public var seenVersion: Int? {
        guard let number = currentCaseNumber else { return nil }
        if let record = detail.detail?.record, record.number == number { return record.version }
        return inbox.rows.first { $0.number == number }?.version
    }
}
