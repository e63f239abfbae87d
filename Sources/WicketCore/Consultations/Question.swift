import Foundation

/// A question as it arrives: typed in at a window or on the phone, from the command line, or a
/// line of the portal's consultation import.
public struct Question: Sendable, Equatable {
    public var ref: String?
    public var channel: Channel
    public var askedAt: Date
    public var askerName: String
    public var askerPhone: String
    public var askerIDNumber: String
    public var askerDocument: IdentityDocument
    public var language: Language
    /// The service item asked about, if known.
    public var serviceCode: String?
    /// The case asked about ("is my case moving?"), if any.
    public var caseNumber: String?
    /// The department to answer, when neither a service item nor a case says it.
    public var department: String?
    public var question: String
    /// A phone or window question answered on the spot: registered as answered in the same step.
    public var answeredOnTheSpot: String?

    public init(ref: String? = nil, channel: Channel, askedAt: Date, askerName: String, askerPhone: String = "",
                askerIDNumber: String = "", askerDocument: IdentityDocument = .residentID, language: Language = .zh,
                serviceCode: String? = nil, caseNumber: String? = nil, department: String? = nil, question: String,
                answeredOnTheSpot: String? = nil) {
        self.ref = ref
        self.channel = channel
        self.askedAt = askedAt
        self.askerName = askerName
        self.askerPhone = askerPhone
        self.askerIDNumber = askerIDNumber
        self.askerDocument = askerDocument
        self.language = language
        self.serviceCode = serviceCode
        self.caseNumber = caseNumber
        self.department = department
        self.question = question
        self.answeredOnTheSpot = answeredOnTheSpot
    }
}
