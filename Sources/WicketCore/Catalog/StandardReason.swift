/// A standard reason for refusing or stopping a case (不予受理、不予许可的法定理由): the words a
/// clerk picks instead of typing, so that the supervisor's figures count the same reason as one
/// row ("rejections by reason") however each clerk would have worded it.
///
/// Hall-wide reasons have no `service`; a service item may add its own on top. A code is unique
/// per action across the hall, since the figures group by it. The clerk may still edit the words
/// (they go into the notice); the code stays with the event (`details.reason_code`).
public struct StandardReason: Sendable, Equatable, Codable {
    /// `reject`, `deny`, `suspend` or `withdraw` (the actions that ask for a reason).
    public let action: String
    public let code: String
    public let nameZh: String
    public let nameEn: String
    /// A service item code when the reason is that item's own; nil for the whole hall.
    public let service: String?

    public init(action: CaseAction, code: String, nameZh: String, nameEn: String, service: String? = nil) {
        self.action = action.rawValue
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.service = service
    }

    public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
    public var name: Bilingual { Bilingual(en: nameEn, zh: nameZh) }

    /// The actions a catalog may give standard reasons for.
    public static let actions: [CaseAction] = [.reject, .deny, .suspend, .withdraw]

    /// A code is letters, digits and hyphens (like service and material codes): it is written on
    /// the command line and into the figures' keys, where "(other)" stands for free text.
    public static func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 40 && code.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }

    /// The key of the event details that carries the code, and the SQL that reads it from a
    /// history row called `event` ('' when the reason was free text). The figures' tally and their
    /// drill-down both use this one expression, so they group alike.
    public static let detailsKey = "reason_code"
    static func codeSQL(_ event: String) -> String { "coalesce(json_extract(\(event).details, '$.\(detailsKey)'), '')" }
}

extension Catalog {
    /// The standard reasons a clerk may choose for `action` on a case of `service`: the hall's,
    /// then the item's own.
    public func reasons(for action: CaseAction, service: String?) -> [StandardReason] {
        reasons.filter { $0.action == action.rawValue && ($0.service == nil || $0.service == service) }
    }
}
