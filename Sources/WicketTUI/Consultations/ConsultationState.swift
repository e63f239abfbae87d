import Foundation
import WicketCore

/// The Consultations tab: the open questions the user sees, most urgent first, and the one open
/// in the detail pane. Kept beside the cases' inbox rather than mixed into its rows: the two
/// lists page, sort and act differently.
public struct ConsultationPaneState: Sendable {
    public var rows: [Consultation] = []
    public var selected = 0
    public var top = 0
    /// Open consultations the user sees, and how many of them are late (red or overdue).
    public var total = 0
    public var late = 0
    /// The most urgent of the late ones, shown above the warning cases in the Warnings tab.
    public var lateRows: [Consultation] = []
    public var detail: ConsultationDetail?
    public var scroll = 0

    public var selectedRow: Consultation? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The number the keys act on: the open detail's while the detail has the focus, else the row's.
    func current(focus: PaneID) -> Consultation? {
        if focus != .inbox, let record = detail?.record { return record }
        return selectedRow ?? detail?.record
    }
}

/// What the consultation dialog (`e`, `x`) is doing: registering a question or closing one.
public enum ConsultFormPurpose: Sendable, Equatable {
    case register
    case close(number: String, version: Int)
}

/// The short registration form: channel, who, phone, service item by typing, the question and,
/// for a phone or window question, what was answered on the spot. Also the close dialog: how and why.
public struct ConsultFormState: Sendable {
    public var purpose: ConsultFormPurpose
    public var channel = Channel.phone
    /// Name, phone, service query, question, on-the-spot answer (register); reason (close: field 0).
    public var fields = [LineInput(), LineInput(), LineInput(), LineInput(), LineInput()]
    public var closing = ConsultationStatus.referred
    public var focus = 0
    public var error: String?

    public init(purpose: ConsultFormPurpose) { self.purpose = purpose }

    public enum Row: Equatable { case channel, field(Int), closing }

    public var rows: [Row] {
        switch purpose {
        case .register: return [.channel, .field(0), .field(1), .field(2), .field(3), .field(4)]
        case .close: return [.closing, .field(0)]
        }
    }

    static let fieldLabels: [UIText] = [.consultFormName, .consultFormPhone, .consultFormService, .consultFormQuestion,
                                        .consultFormOnTheSpot]

    /// The service item the typed text names: its exact code, else the first item whose code or
    /// name contains it; nil for no text (the question then belongs to the clerk's department).
    public func service(_ catalog: Catalog) -> ServiceItem? {
        let query = fields[2].text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !query.isEmpty else { return nil }
        if let exact = catalog.services.first(where: { $0.code.lowercased() == query }) { return exact }
        return catalog.services.first {
            $0.code.lowercased().contains(query) || $0.nameZh.contains(query) || $0.nameEn.lowercased().contains(query)
        }
    }

    public func question(_ catalog: Catalog, now: Date) -> Question {
        let answer = fields[4].text.trimmingCharacters(in: .whitespaces)
        return Question(channel: channel, askedAt: now, askerName: fields[0].text, askerPhone: fields[1].text,
                        serviceCode: service(catalog)?.code ?? (fields[2].text.isEmpty ? nil : fields[2].text),
                        question: fields[3].text,
                        answeredOnTheSpot: answer.isEmpty || !(channel == .phone || channel == .window) ? nil : answer)
    }

    mutating func handle(_ key: Key) -> [Effect] {
        let count = rows.count
        switch key {
        case .tab, .down: focus = (focus + 1) % count; return []
        case .backTab, .up: focus = (focus + count - 1) % count; return []
        case .ctrl("s"), .function(5): return [.submitConsultForm]
        default: break
        }
        switch rows[focus] {
        case .channel:
            let all = Channel.allCases
            let index = all.firstIndex(of: channel) ?? 0
            if key == .right || key == .character(" ") { channel = all[(index + 1) % all.count] }
            if key == .left { channel = all[(index + all.count - 1) % all.count] }
            if key == .enter { focus += 1 }
        case .closing:
            let all = ConsultationStatus.closings
            let index = all.firstIndex(of: closing) ?? 0
            if key == .right || key == .character(" ") { closing = all[(index + 1) % all.count] }
            if key == .left { closing = all[(index + all.count - 1) % all.count] }
            if key == .enter { focus += 1 }
        case .field(let index):
            if key == .enter {
                // Enter on the last row submits; elsewhere it moves on.
                if focus == count - 1 { return [.submitConsultForm] }
                focus += 1
            } else {
                _ = fields[index].handle(key)
            }
        }
        return []
    }
}

/// The Consultations tab's effects (`WorkstationEngine+Consultations`).
public enum ConsultationEffect: Sendable {
    /// The tab's rows and counts, keeping (or moving to) this consultation.
    case load(String?)
    case open(String)
    /// The reply pane, filled from the answer template.
    case draft(String)
    case answer
    case convert(String, version: Int)
    case openForm
    case submitForm
}

extension Effect {
    static var loadConsultations: Effect { .consultation(.load(nil)) }
    static func openConsultation(_ number: String) -> Effect { .consultation(.open(number)) }
    static func draftConsultationAnswer(_ number: String) -> Effect { .consultation(.draft(number)) }
    static var answerConsultation: Effect { .consultation(.answer) }
    static func convertConsultation(_ number: String, version: Int) -> Effect { .consultation(.convert(number, version: version)) }
    static var openConsultForm: Effect { .consultation(.openForm) }
    static var submitConsultForm: Effect { .consultation(.submitForm) }
}
