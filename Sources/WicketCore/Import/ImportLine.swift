import Foundation

/// Parses one JSON Lines application. Every rejection says which field and why.
enum ImportLine {
    static let maxFieldBytes = 64 * 1024
    /// The longest line read: room for every field at `maxFieldBytes`, even written with escapes.
    /// A longer line is refused without being held in memory (see `LineReader`).
    static let maxLineBytes = 1 << 20

    static let lineTooLong = Failure("line is over 1 MiB (the limit for one application); skipped",
                                     "该行超过 1 MiB（一件申请的上限），已跳过")

    /// Both languages at once: the CLI prints the reason in the user's language when it reports the line.
    struct Failure: Error {
        let reason: Bilingual
        init(_ en: String, _ zh: String) { reason = Bilingual(en: en, zh: zh) }
    }

    /// One line as a JSON object: valid UTF-8, JSON, an object, no key twice. Shared by every
    /// JSON Lines import (applications, consultations), so a line is refused in the same words.
    static func object(_ bytes: ArraySlice<UInt8>) throws -> JSONLine.Value {
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw Failure("not valid UTF-8", "不是有效的 UTF-8")
        }
        let fields: JSONLine.Value
        do {
            fields = try text.withUTF8 { try JSONLine.parse($0) }
        } catch {
            throw Failure("not JSON", "不是 JSON")
        }
        guard case .object = fields else { throw Failure("not a JSON object", "不是 JSON 对象") }
        // JSON leaves a repeated key to the reader; a line that says two things is refused, not guessed at.
        if let repeated = fields.repeatedKey() {
            let shown = repeated.count > 80 ? String(repeated.prefix(80)) + "…" : repeated
            throw Failure("field \"\(shown)\" appears more than once", "字段“\(shown)”重复出现")
        }
        return fields
    }

    /// A text field: present unless optional, a string, at most `maxFieldBytes`, not blank if required.
    static func string(_ key: String, in object: JSONLine.Value, required: Bool = true) throws -> String? {
        guard let value = object[key], value.isPresent else {
            if required { throw Failure("missing field \"\(key)\"", "缺少字段“\(key)”") }
            return nil
        }
        guard case .string(let text) = value else { throw Failure("field \"\(key)\" must be a string", "字段“\(key)”应为字符串") }
        guard text.utf8.count <= maxFieldBytes else {
            throw Failure("field \"\(key)\" is over 64 KiB (\(text.utf8.count) bytes)",
                          "字段“\(key)”超过 64 KiB（\(text.utf8.count) 字节）")
        }
        if required && BlankText.isBlank(text) {
            throw Failure("field \"\(key)\" is empty", "字段“\(key)”为空")
        }
        return text
    }

    static func channel(_ text: String) throws -> Channel {
        guard let channel = Channel(rawValue: text) else {
            throw Failure("unknown channel \"\(text)\" (online, mobile, window, phone or mail)",
                          "未知渠道“\(text)”（online、mobile、window、phone 或 mail）")
        }
        return channel
    }

    /// An RFC 3339 moment in `field`.
    static func moment(_ text: String, field: String) throws -> Date {
        guard let date = Timestamp.parse(text) else {
            throw Failure("bad date \"\(text)\" in \(field) (use RFC 3339, e.g. 2026-11-26T09:30:00+08:00)",
                          "\(field) 的日期“\(text)”有误（用 RFC 3339，如 2026-11-26T09:30:00+08:00）")
        }
        return date
    }

    /// `window`, when given, refuses a `submitted_at` outside it (see `SubmissionWindow`).
    static func parse(_ bytes: ArraySlice<UInt8>, window: SubmissionWindow? = nil) throws -> Application {
        let fields = try object(bytes)

        let ref = try string("ref", in: fields)!
        let service = try string("service", in: fields)!
        let channel = try channel(try string("channel", in: fields)!)
        let submittedText = try string("submitted_at", in: fields)!
        let submittedAt = try moment(submittedText, field: "submitted_at")
        try window?.check(submittedAt, text: submittedText)
        guard let applicant = fields["applicant"], case .object = applicant else {
            throw fields["applicant"] == nil ? Failure("missing field \"applicant\"", "缺少字段“applicant”")
                : Failure("field \"applicant\" must be an object", "字段“applicant”应为对象")
        }
        let name = try string("name", in: applicant)!
        let idNumber = try string("id_number", in: applicant, required: false) ?? ""
        let documentText = try string("id_type", in: applicant, required: false) ?? IdentityDocument.residentID.rawValue
        guard let document = IdentityDocument(rawValue: documentText) else {
            let known = IdentityDocument.allCases.map(\.rawValue)
            throw Failure("unknown id_type \"\(documentText)\" (\(known.joined(separator: ", ")))",
                          "未知证件类型“\(documentText)”（\(known.joined(separator: "、"))）")
        }
        let phone = try string("phone", in: applicant, required: false) ?? ""
        let summary = try string("summary", in: fields, required: false) ?? ""
        let details = try string("details", in: fields, required: false) ?? ""
        var materials: [String] = []
        if let value = fields["materials"], value.isPresent {
            guard case .array(let list) = value, let codes = list.stringsOnly else {
                throw Failure("field \"materials\" must be a list of material codes", "字段“materials”应为材料代码列表")
            }
            materials = codes
        }
        let priorityText = try string("priority", in: fields, required: false) ?? "normal"
        guard let priority = Priority(rawValue: priorityText) else {
            throw Failure("unknown priority \"\(priorityText)\" (normal or urgent)", "未知优先级“\(priorityText)”（normal 或 urgent）")
        }
        let languageText = try string("lang", in: fields, required: false) ?? "zh"
        guard let language = Language(rawValue: languageText) else {
            throw Failure("unknown lang \"\(languageText)\" (zh or en)", "未知语言“\(languageText)”（zh 或 en）")
        }
        return Application(ref: ref, serviceCode: service, channel: channel, submittedAt: submittedAt,
                           applicantName: name, applicantIDNumber: idNumber, applicantDocument: document, applicantPhone: phone, summary: summary,
                           details: details, materials: materials, priority: priority, language: language)
    }
}

extension JSONLine.Value {
    /// The first key an object repeats, at any depth, as a path (`applicant.name`); nil when none does.
    func repeatedKey() -> String? {
        switch self {
        case .object(let fields):
            if fields.count <= 16 {
                // A portal line holds a dozen keys: comparing pairs is quicker than hashing them.
                for (index, field) in fields.enumerated() where fields[..<index].contains(where: { $0.key == field.key }) {
                    return field.key
                }
            } else {
                var seen = Set<String>()
                for field in fields where !seen.insert(field.key).inserted { return field.key }
            }
            for field in fields {
                if let inner = field.value.repeatedKey() { return field.key + "." + inner }
            }
            return nil
        case .array(let items):
            for item in items {
                if let inner = item.repeatedKey() { return inner }
            }
            return nil
        default:
            return nil
        }
    }

    /// JSON null counts as absent, as it did when `NSNull` did.
    var isPresent: Bool {
        if case .null = self { return false }
        return true
    }
}

private extension Array where Element == JSONLine.Value {
    /// Every item a string, or nil.
    var stringsOnly: [String]? {
        var strings: [String] = []
        strings.reserveCapacity(count)
        for item in self {
            guard case .string(let text) = item else { return nil }
            strings.append(text)
        }
        return strings
    }
}
