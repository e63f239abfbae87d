import Foundation

/// Parses one JSON Lines application. Every rejection says which field and why.
enum ImportLine {
    static let maxFieldBytes = 64 * 1024

    struct Failure: Error {
        let reason: String
    }

    static func parse(_ bytes: ArraySlice<UInt8>) throws -> Application {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(reason: "not valid UTF-8")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw Failure(reason: "not JSON")
        }
        guard let fields = object as? [String: Any] else { throw Failure(reason: "not a JSON object") }

        func string(_ key: String, in dictionary: [String: Any], required: Bool = true) throws -> String? {
            guard let value = dictionary[key], !(value is NSNull) else {
                if required { throw Failure(reason: "missing field \"\(key)\"") }
                return nil
            }
            guard let text = value as? String else { throw Failure(reason: "field \"\(key)\" must be a string") }
            guard text.utf8.count <= maxFieldBytes else {
                throw Failure(reason: "field \"\(key)\" is over 64 KiB (\(text.utf8.count) bytes)")
            }
            if required && text.trimmingCharacters(in: .whitespaces).isEmpty {
                throw Failure(reason: "field \"\(key)\" is empty")
            }
            return text
        }

        let ref = try string("ref", in: fields)!
        let service = try string("service", in: fields)!
        let channelText = try string("channel", in: fields)!
        guard let channel = Channel(rawValue: channelText) else {
            throw Failure(reason: "unknown channel \"\(channelText)\" (online, mobile, window, phone or mail)")
        }
        let submittedText = try string("submitted_at", in: fields)!
        guard let submittedAt = Timestamp.parse(submittedText) else {
            throw Failure(reason: "bad date \"\(submittedText)\" in submitted_at (use RFC 3339, e.g. 2026-11-26T09:30:00+08:00)")
        }
        guard let applicant = fields["applicant"] as? [String: Any] else {
            throw Failure(reason: fields["applicant"] == nil ? "missing field \"applicant\"" : "field \"applicant\" must be an object")
        }
        let name = try string("name", in: applicant)!
        let idNumber = try string("id_number", in: applicant, required: false) ?? ""
        let phone = try string("phone", in: applicant, required: false) ?? ""
        let summary = try string("summary", in: fields, required: false) ?? ""
        let details = try string("details", in: fields, required: false) ?? ""
        var materials: [String] = []
        if let value = fields["materials"], !(value is NSNull) {
            guard let list = value as? [Any], let codes = list as? [String] else {
                throw Failure(reason: "field \"materials\" must be a list of material codes")
            }
            materials = codes
        }
        let priorityText = try string("priority", in: fields, required: false) ?? "normal"
        guard let priority = Priority(rawValue: priorityText) else {
            throw Failure(reason: "unknown priority \"\(priorityText)\" (normal or urgent)")
        }
        let languageText = try string("lang", in: fields, required: false) ?? "zh"
        guard let language = Language(rawValue: languageText) else {
            throw Failure(reason: "unknown lang \"\(languageText)\" (zh or en)")
        }
        return Application(ref: ref, serviceCode: service, channel: channel, submittedAt: submittedAt,
                           applicantName: name, applicantIDNumber: idNumber, applicantPhone: phone, summary: summary,
                           details: details, materials: materials, priority: priority, language: language)
    }
}
