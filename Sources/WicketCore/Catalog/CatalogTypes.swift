/// One office of the hall.
public struct Department: Sendable, Equatable, Codable {
    public let code: String
    public let nameZh: String
    public let nameEn: String
    public init(code: String, nameZh: String, nameEn: String) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
    }
}

/// One kind of document an applicant may have to bring.
public struct MaterialDefinition: Sendable, Equatable, Codable {
    public let code: String
    public let nameZh: String
    public let nameEn: String
    public init(code: String, nameZh: String, nameEn: String) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
    }
    public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
}

/// One kind of public service (domain.md "service item").
public struct ServiceItem: Sendable, Equatable, Codable {
    public let code: String
    public let nameZh: String
    public let nameEn: String
    public let department: String
    /// Working days for the first answer (accept, request materials or reject).
    public let acceptanceLimitDays: Int
    /// The law's limit from acceptance to decision.
    public let legalLimitDays: Int
    /// The hall's promise, at most the legal limit; the clock and warnings use this one.
    public let promisedLimitDays: Int
    public let extensionMaxDays: Int
    public let fullyOnline: Bool
    public let fee: String
    public let materials: [String]

    public init(code: String, nameZh: String, nameEn: String, department: String, acceptanceLimitDays: Int = 5,
                legalLimitDays: Int = 20, promisedLimitDays: Int? = nil, extensionMaxDays: Int = 10,
                fullyOnline: Bool, fee: String, materials: [String]) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.department = department
        self.acceptanceLimitDays = acceptanceLimitDays
        self.legalLimitDays = legalLimitDays
        self.promisedLimitDays = promisedLimitDays ?? legalLimitDays
        self.extensionMaxDays = extensionMaxDays
        self.fullyOnline = fullyOnline
        self.fee = fee
        self.materials = materials
    }

    public func name(_ language: Language) -> String { language == .zh ? nameZh : nameEn }
}

public struct Catalog: Sendable, Equatable, Codable {
    public var departments: [Department]
    public var materials: [MaterialDefinition]
    public var services: [ServiceItem]
    /// Standard reasons for reject, deny, suspend and withdraw (`StandardReason`).
    public var reasons: [StandardReason]
    public init(departments: [Department], materials: [MaterialDefinition], services: [ServiceItem],
                reasons: [StandardReason] = []) {
        self.departments = departments
        self.materials = materials
        self.services = services
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey { case departments, materials, services, reasons }

    /// A catalog file from before standard reasons has none: it keeps the hall's as they are.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        departments = try container.decode([Department].self, forKey: .departments)
        materials = try container.decode([MaterialDefinition].self, forKey: .materials)
        services = try container.decode([ServiceItem].self, forKey: .services)
        reasonsGiven = container.contains(.reasons)
        reasons = try container.decodeIfPresent([StandardReason].self, forKey: .reasons) ?? []
    }

    /// Whether a loaded file said anything about reasons (absent: the hall's stay as they are).
    public internal(set) var reasonsGiven = true

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(departments, forKey: .departments)
        try container.encode(materials, forKey: .materials)
        try container.encode(services, forKey: .services)
        try container.encode(reasons, forKey: .reasons)
    }

    public static func == (lhs: Catalog, rhs: Catalog) -> Bool {
        lhs.departments == rhs.departments && lhs.materials == rhs.materials && lhs.services == rhs.services
            && lhs.reasons == rhs.reasons
    }
}
