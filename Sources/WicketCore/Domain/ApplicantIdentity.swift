import Foundation

/// The document an applicant identifies themselves with. A mainland resident ID card is the
/// default; the others are chosen explicitly (the walk-in form's document row, an import line's
/// `applicant.id_type`), so a number that is not a resident ID is never let through by accident.
public enum IdentityDocument: String, CaseIterable, Sendable, Codable {
    /// 居民身份证: also the residence permits of Hong Kong, Macao and Taiwan residents (居住证),
    /// which carry an 18-character number with the same check character.
    case residentID = "resident_id"
    /// 港澳居民来往内地通行证 (the "home return permit"): H or M and 8 digits (10 on older cards).
    case hkMacaoPermit = "hk_macao_permit"
    /// 台湾居民来往大陆通行证: 8 digits (10 on older cards).
    case taiwanPermit = "taiwan_permit"
    /// 护照: any country's; 5 to 17 letters and digits.
    case passport = "passport"
    /// 外国人永久居留身份证: 18 characters starting with 9 and the resident ID's check character
    /// (since 2023), or 3 letters and 12 digits (older cards).
    case foreignPermanentResident = "foreign_permanent_resident"

    /// The number as lists and the detail show it: with the document's name unless it is a
    /// resident ID card, the usual case (`E******78 (passport)`).
    public func label(_ number: String, _ language: Language) -> String {
        self == .residentID || number.isEmpty ? number : language == .zh ? "\(number)（\(name.zh)）" : "\(number) (\(name.en))"
    }

    public var name: Bilingual {
        switch self {
        case .residentID: return Bilingual(en: "resident ID card", zh: "居民身份证")
        case .hkMacaoPermit: return Bilingual(en: "Hong Kong/Macao permit", zh: "港澳居民来往内地通行证")
        case .taiwanPermit: return Bilingual(en: "Taiwan permit", zh: "台湾居民来往大陆通行证")
        case .passport: return Bilingual(en: "passport", zh: "护照")
        case .foreignPermanentResident: return Bilingual(en: "foreign permanent residence ID", zh: "外国人永久居留身份证")
        }
    }
}

/// The rules for an applicant's ID and phone numbers, in one place: the walk-in form and
/// `wicket import` both register through `Intake.validate`, which applies them.
public enum ApplicantIdentity {
    /// The GB 11643 weights of the first 17 characters, and the check characters by sum mod 11.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters = Array("10X98765432")

    /// The check character (ISO 7064 MOD 11-2) for the first 17 digits; nil if they are not 17 digits.
    public static func checkCharacter(for body: some StringProtocol) -> Character? {
        let digits = body.compactMap(\.wholeNumberValue)
        guard body.count == 17, digits.count == 17, body.allSatisfy(\.isASCII) else { return nil }
        return checkCharacters[zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    /// A full resident ID number as searched for: 17 ASCII digits and a digit or X (any case),
    /// upper-cased. Its check character is not tested, so a case imported before the rule is
    /// still found by the number it was registered with.
    public static func searchableIDNumber(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard trimmed.count == 18, trimmed.allSatisfy(\.isASCII),
              trimmed.dropLast().allSatisfy(\.isNumber), trimmed.last!.isNumber || trimmed.last == "X" else { return nil }
        return trimmed
    }

    /// The number as it is stored (trimmed; a resident ID's `x` upper-cased), or the reason it is
    /// refused. An empty number is allowed: the number is optional. `today` bounds the birth date.
    public static func idNumber(_ text: String, document: IdentityDocument, today: Day) throws(IdentityRefusal) -> String {
        let number = text.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty else { return "" }
        let ascii = number.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        switch document {
        case .residentID:
            return try residentID(number, today: today, kind: document)
        case .hkMacaoPermit:
            let upper = number.uppercased()
            guard ascii, let first = upper.first, first == "H" || first == "M",
                  [9, 11].contains(upper.count), upper.dropFirst().allSatisfy(\.isNumber) else {
                throw IdentityRefusal(en: "'\(number)' is not a Hong Kong/Macao permit number (H or M and 8 or 10 digits, e.g. H12345678)",
                                      zh: "“\(number)”不是港澳居民来往内地通行证号码（H 或 M 加 8 位或 10 位数字，如 H12345678）")
            }
            return upper
        case .taiwanPermit:
            guard ascii, [8, 10].contains(number.count), number.allSatisfy(\.isNumber) else {
                throw IdentityRefusal(en: "'\(number)' is not a Taiwan permit number (8 or 10 digits)",
                                      zh: "“\(number)”不是台湾居民来往大陆通行证号码（8 位或 10 位数字）")
            }
            return number
        case .passport:
            guard ascii, (5...17).contains(number.count) else {
                throw IdentityRefusal(en: "'\(number)' is not a passport number (5 to 17 letters and digits, no spaces)",
                                      zh: "“\(number)”不是护照号码（5 至 17 位字母和数字，不含空格）")
            }
            return number.uppercased()
        case .foreignPermanentResident:
            let upper = number.uppercased()
            if upper.count == 15, upper.prefix(3).allSatisfy({ $0.isASCII && $0.isLetter }),
               upper.dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }) {
                return upper
            }
            guard upper.first == "9", upper.count == 18 else {
                throw IdentityRefusal(en: "'\(number)' is not a foreign permanent residence ID number (18 characters starting with 9, or 3 letters and 12 digits)",
                                      zh: "“\(number)”不是外国人永久居留身份证号码（以 9 开头的 18 位，或 3 个字母加 12 位数字）")
            }
            return try residentID(upper, today: today, kind: document)
        }
    }

    /// 18 characters: a 6-digit area, the birth date `YYYYMMDD`, a 3-digit sequence and the check character.
    private static func residentID(_ number: String, today: Day, kind: IdentityDocument) throws(IdentityRefusal) -> String {
        let upper = number.uppercased()
        let what = kind.name
        guard upper.count == 18, upper.allSatisfy(\.isASCII), upper.dropLast().allSatisfy(\.isNumber),
              upper.last!.isNumber || upper.last == "X" else {
            throw IdentityRefusal(
                en: "the ID number '\(number)' has \(number.count) characters; a \(what.en) number has 18: 17 digits and a digit or X"
                    + (kind == .residentID ? " (for a passport or a permit, choose its document type)" : ""),
                zh: "身份证号“\(number)”有 \(number.count) 位；\(what.zh)号码应为 18 位：17 位数字加一位数字或 X"
                    + (kind == .residentID ? "（护照或通行证请选择相应的证件类型）" : ""))
        }
        let characters = Array(upper)
        let birth = String(characters[6..<14])
        let year = Int(birth.prefix(4))!, month = Int(birth.dropFirst(4).prefix(2))!, dayOfMonth = Int(birth.suffix(2))!
        guard year >= 1900, let born = Day(year: year, month: month, day: dayOfMonth), born <= today else {
            throw IdentityRefusal(
                en: "the ID number '\(number)' holds the birth date \(birth), which is not a real date up to today",
                zh: "身份证号“\(number)”中的出生日期 \(birth) 不是今天以前的真实日期")
        }
        guard checkCharacter(for: upper.prefix(17)) == characters[17] else {
            throw IdentityRefusal(
                en: "the ID number '\(number)' fails its check digit (the last character): a character is mistyped",
                zh: "身份证号“\(number)”的校验码（最后一位）不符：有一位输错了")
        }
        return upper
    }

    /// The phone number as stored (trimmed), or the reason it is refused. Mainland mobiles are
    /// 11 digits starting with 1; landlines an area code (0 and 2 or 3 digits) and 7 or 8 digits.
    /// Spaces, hyphens, parentheses and a leading +86 are allowed between them. Empty is allowed.
    public static func phone(_ text: String) throws(IdentityRefusal) -> String {
        let phone = text.trimmingCharacters(in: .whitespaces)
        guard !phone.isEmpty else { return "" }
        var digits = phone.filter { !" -()".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        let allDigits = !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
        if allDigits, digits.count == 11, digits.first == "1", let second = digits.dropFirst().first, second >= "3" {
            return phone
        }
        if allDigits, digits.first == "0", digits.dropFirst().first != "0", (10...12).contains(digits.count) {
            return phone
        }
        throw IdentityRefusal(
            en: "'\(phone)' is not a phone number: a mobile has 11 digits starting with 1 (13812345678), a landline its area code and number (020-12345678)",
            zh: "“\(phone)”不是电话号码：手机号为 1 开头的 11 位数字（13812345678），固定电话为区号加号码（020-12345678）")
    }
}

/// Why an ID or phone number was refused, in both languages.
public struct IdentityRefusal: Error, Sendable, Equatable {
    public let reason: Bilingual
    init(en: String, zh: String) { reason = Bilingual(en: en, zh: zh) }
}
