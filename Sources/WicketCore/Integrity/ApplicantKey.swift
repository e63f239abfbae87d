/// Tells which cases belong to one applicant without keeping ID numbers in clear in an index.
///
/// Each case stores `applicant_key`: a keyed hash (HMAC-SHA-256, cut to 128 bits) of the
/// applicant's document type and ID number, or, where the case has no ID number, of their name
/// and phone. The key is derived from the hall's history key (`HistoryKey`, a file outside the
/// database that only the hall's program reads) with a label of its own, so a match key is never
/// a history hash and no second secret has to be kept and backed up. Whoever reads the database
/// file alone can neither compute the key of a number nor test a guessed number against it.
///
/// Rules: the same ID number (of the same document) is one applicant, whatever the name or phone
/// say; a case without an ID number matches on the same name and phone; a case with neither has
/// no key and matches nothing. Two different ID numbers are never one applicant, even with the
/// same name and phone, because a case with a number is keyed by the number alone.
public struct ApplicantMatcher: Sendable {
    private let mac: HMACSHA256
    /// Hex digits kept of the MAC: 128 bits, far beyond any collision among a hall's applicants.
    static let keyLength = 32

    public init(historyKey: HistoryKey) {
        mac = HMACSHA256(key: historyKey.mac.authenticate(Array("wicket applicant match v1".utf8)))
    }

    /// The match key of a case's applicant, or nil when there is nothing to match on.
    public func key(idNumber: String, document: IdentityDocument, name: String, phone: String) -> String? {
        let number = idNumber.trimmingCharacters(in: .whitespaces).uppercased()
        if !number.isEmpty { return idKey(number, document: document) }
        let person = name.filter { !$0.isWhitespace }
        let digits = Self.phoneDigits(phone)
        guard !person.isEmpty, !digits.isEmpty else { return nil }
        return hash("name-phone\u{0}\(person)\u{0}\(digits)")
    }

    /// The key of an ID number of `document`, upper-cased as cases store it.
    public func idKey(_ number: String, document: IdentityDocument) -> String {
        hash("id\u{0}\(document.rawValue)\u{0}\(number.uppercased())")
    }

    /// The keys a full ID number typed in a search may be stored under: an 18-character number is
    /// a resident ID card's or a foreign permanent residence ID's.
    public func searchKeys(_ number: String) -> [String] {
        [idKey(number, document: .residentID), idKey(number, document: .foreignPermanentResident)]
    }

    /// A phone as digits only, without the country code: `+86 138-1234-5678` is `13812345678`.
    static func phoneDigits(_ phone: String) -> String {
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return digits.count == 13 && digits.hasPrefix("86") ? String(digits.dropFirst(2)) : digits
    }

    private func hash(_ text: String) -> String {
        String(mac.hex(Array(text.utf8)).prefix(Self.keyLength))
    }
}
