import WicketCore

/// The walk-in form: an application made at the window, registered in one step.
///
/// The service item is found by typing part of its name (Chinese or English) or its code: the
/// matches are listed under the row as they are typed, ↑/↓ choose among them, Tab or Enter takes
/// the highlighted one. The applicant's document type (`IdentityDocument`) is chosen with ←/→; the
/// ID and phone numbers are checked by the core when the form is registered (`Intake.validated`),
/// and a refusal is shown inside the form.
public struct IntakeFormState: Sendable {
    /// What the clerk typed to find the service item.
    public var serviceQuery = LineInput()
    /// The highlighted match while the service row has the focus.
    public var serviceChoice = 0
    /// The chosen service item; nil until one is chosen (there is no default: a walk-in registered
    /// for the first item of the catalog by mistake is a case for the wrong office).
    public var serviceCode: String?
    /// Applicant name, ID number, phone, summary.
    public var fields = [LineInput(), LineInput(), LineInput(), LineInput()]
    static let fieldLabels: [UIText] = [.intakeName, .intakeIDNumber, .intakePhone, .intakeSummary]
    /// The document the ID number belongs to (`IdentityDocument.allCases`), a resident ID card by default.
    public var document = IdentityDocument.residentID
    public var received: Set<String> = []
    public var urgent = false
    public var english = false
    /// Row with the focus: see `Row`.
    public var focus = 0
    public var error: String?

    /// How many matches the list under the service row shows at most.
    static let visibleMatches = 6

    public init() {}

    public func service(_ catalog: Catalog) -> ServiceItem? {
        serviceCode.flatMap { code in catalog.services.first { $0.code == code } }
    }

    /// The active service items whose code or name (Chinese or English) contains the query, in
    /// catalog order; all of them for an empty query. Case does not matter.
    public func matches(_ catalog: Catalog) -> [ServiceItem] {
        let query = serviceQuery.text.trimmingCharacters(in: .whitespaces).lowercased()
        return catalog.services.filter { service in
            (query.isEmpty || service.code.lowercased().contains(query)
                || service.nameZh.contains(query) || service.nameEn.lowercased().contains(query))
        }
    }

    public func materialRows(_ catalog: Catalog) -> [String] {
        service(catalog)?.materials ?? []
    }

    /// Rows before the materials: service, name, document type, ID number, phone, summary.
    static let leadingRows = 6

    public func rowCount(_ catalog: Catalog) -> Int { Self.leadingRows + materialRows(catalog).count + 3 }

    public enum Row: Equatable {
        case service, field(Int), document, material(String), priority, language, register
    }

    public func row(_ index: Int, _ catalog: Catalog) -> Row {
        let materials = materialRows(catalog)
        let first = Self.leadingRows
        switch index {
        case 0: return .service
        case 1: return .field(0)
        case 2: return .document
        case 3...5: return .field(index - 2)
        case let i where i < first + materials.count: return .material(materials[i - first])
        case first + materials.count: return .priority
        case first + 1 + materials.count: return .language
        default: return .register
        }
    }

    /// The application as typed, or nil while no service item is chosen.
    public func application(_ catalog: Catalog, now: Date) -> Application? {
        guard let service = service(catalog) else { return nil }
        return Application(serviceCode: service.code, channel: .window, submittedAt: now,
                           applicantName: fields[0].text, applicantIDNumber: fields[1].text, applicantDocument: document,
                           applicantPhone: fields[2].text, summary: fields[3].text,
                           materials: materialRows(catalog).filter { received.contains($0) },
                           priority: urgent ? .urgent : .normal, language: english ? .en : .zh)
    }

    /// Takes the highlighted match (if any) as the service item.
    private mutating func chooseHighlightedService(_ catalog: Catalog) {
        let found = matches(catalog)
        guard found.indices.contains(serviceChoice) else { return }
        if serviceCode != found[serviceChoice].code { received = [] }
        serviceCode = found[serviceChoice].code
        serviceQuery = LineInput()
        serviceChoice = 0
    }

    mutating func handle(_ key: Key, catalog: Catalog) -> [Effect] {
        if row(focus, catalog) == .service {
            switch key {
            case .down:
                serviceChoice = min(serviceChoice + 1, max(0, matches(catalog).count - 1))
                return []
            case .up:
                serviceChoice = max(0, serviceChoice - 1)
                return []
            case .tab, .enter:
                // What was typed chooses the highlighted match; nothing typed, nothing chosen (no default).
                if !serviceQuery.text.isEmpty { chooseHighlightedService(catalog) }
                focus = 1
                return []
            case .ctrl("s"), .function(5):
                if !serviceQuery.text.isEmpty { chooseHighlightedService(catalog) }
                return [.registerIntake]
            case .backTab:
                break
            default:
                if serviceQuery.handle(key) { serviceChoice = 0 }
                return []
            }
        }
        let rows = rowCount(catalog)
        switch key {
        case .tab, .down: focus = (focus + 1) % rows; return []
        case .backTab, .up: focus = (focus + rows - 1) % rows; return []
        case .ctrl("s"), .function(5): return [.registerIntake]
        default: break
        }
        switch row(focus, catalog) {
        case .service:
            break
        case .field(let index):
            if key == .enter { focus += 1 } else { _ = fields[index].handle(key) }
        case .document:
            let all = IdentityDocument.allCases
            let index = all.firstIndex(of: document) ?? 0
            if key == .right || key == .character(" ") || key == .character("l") {
                document = all[(index + 1) % all.count]
            } else if key == .left || key == .character("h") {
                document = all[(index + all.count - 1) % all.count]
            } else if key == .enter {
                focus += 1
            }
        case .material(let code):
            if key == .character(" ") || key == .enter {
                if received.contains(code) { received.remove(code) } else { received.insert(code) }
            }
        case .priority:
            if key == .character(" ") || key == .enter { urgent.toggle() }
        case .language:
            if key == .character(" ") || key == .enter { english.toggle() }
        case .register:
            if key == .enter { return [.registerIntake] }
        }
        return []
    }
}

import Foundation
