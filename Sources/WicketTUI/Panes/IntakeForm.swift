import WicketCore

/// The walk-in form: an application made at the window, registered in one step.
public struct IntakeFormState: Sendable {
    public var serviceIndex = 0
    /// Applicant name, ID number, phone, summary.
    public var fields = [LineInput(), LineInput(), LineInput(), LineInput()]
    static let fieldLabels: [UIText] = [.intakeName, .intakeIDNumber, .intakePhone, .intakeSummary]
    public var received: Set<String> = []
    public var urgent = false
    public var english = false
    /// Row with the focus: 0 service, 1–4 fields, then one row per material, priority, language, register.
    public var focus = 0
    public var error: String?

    public init() {}

    public func materialRows(_ catalog: Catalog) -> [String] {
        catalog.services.indices.contains(serviceIndex) ? catalog.services[serviceIndex].materials : []
    }

    public func rowCount(_ catalog: Catalog) -> Int { 5 + materialRows(catalog).count + 3 }

    public enum Row: Equatable {
        case service, field(Int), material(String), priority, language, register
    }

    public func row(_ index: Int, _ catalog: Catalog) -> Row {
        let materials = materialRows(catalog)
        switch index {
        case 0: return .service
        case 1...4: return .field(index - 1)
        case let i where i < 5 + materials.count: return .material(materials[i - 5])
        case 5 + materials.count: return .priority
        case 6 + materials.count: return .language
        default: return .register
        }
    }

    public func application(_ catalog: Catalog, now: Date) -> Application? {
        guard catalog.services.indices.contains(serviceIndex) else { return nil }
        return Application(serviceCode: catalog.services[serviceIndex].code, channel: .window, submittedAt: now,
                           applicantName: fields[0].text, applicantIDNumber: fields[1].text, applicantPhone: fields[2].text,
                           summary: fields[3].text, materials: materialRows(catalog).filter { received.contains($0) },
                           priority: urgent ? .urgent : .normal, language: english ? .en : .zh)
    }

    mutating func handle(_ key: Key, catalog: Catalog) -> [Effect] {
        let rows = rowCount(catalog)
        switch key {
        case .tab, .down: focus = (focus + 1) % rows; return []
        case .backTab, .up: focus = (focus + rows - 1) % rows; return []
        case .ctrl("s"), .function(5): return [.registerIntake]
        default: break
        }
        switch row(focus, catalog) {
        case .service:
            if key == .right || key == .character(" ") || key == .character("l") {
                serviceIndex = (serviceIndex + 1) % max(1, catalog.services.count)
                received = []
            } else if key == .left || key == .character("h") {
                serviceIndex = (serviceIndex + catalog.services.count - 1) % max(1, catalog.services.count)
                received = []
            } else if key == .enter {
                focus += 1
            }
        case .field(let index):
            if key == .enter { focus += 1 } else { _ = fields[index].handle(key) }
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
