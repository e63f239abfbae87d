import Foundation

/// Bookings from the portal, one JSON object a line:
///
///     {"ref":"portal-b-000123","service":"HUKOU-MOVE","day":"2026-11-30","start":"09:00","channel":"online",
///      "person":{"name":"王芳","phone":"13800000000","id_number":"440106199001181234","id_type":"resident_id"}}
///
/// A line whose `ref` is already booked changes nothing, so a re-run is safe; a bad line is named
/// by its number and the reason, and the good ones are booked (each in its own transaction, under
/// the same rules as a clerk's booking: window, capacity, suspension).
extension Appointments {
    public struct ImportSummary: Equatable, Sendable {
        public var booked = 0
        public var alreadyPresent = 0
        public var errors: [Importer.LineError] = []
    }

    public func importBookings(_ text: String, actor: String) throws -> ImportSummary {
        let access = try CaseAccess.check(actor, in: store)
        guard access.mayImport else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "only an admin or a portal login may import bookings (you are \(access.user.role.rawValue) \(actor)); nothing was imported",
                zh: "只有管理员或门户登录可以导入预约（您是\(access.user.role.word.zh) \(actor)）；未导入任何内容"))
        }
        var summary = ImportSummary()
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                let request = try Self.request(from: String(line))
                if let ref = request.ref, try db.read({ try load(ref: ref) }) != nil {
                    summary.alreadyPresent += 1
                    continue
                }
                try book(request, actor: actor)
                summary.booked += 1
            } catch let refusal as WorkflowError {
                guard case .invalidArgument(let reason) = refusal else { throw refusal }
                summary.errors.append(Importer.LineError(line: offset + 1, reason: reason))
            }
        }
        return summary
    }

    static func request(from line: String) throws -> BookingRequest {
        guard let data = line.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WorkflowError.invalidArgument(Bilingual(en: "not a JSON object", zh: "不是 JSON 对象"))
        }
        func text(_ key: String, in object: [String: Any], required: Bool = true) throws -> String {
            if let value = object[key] as? String { return value }
            guard !required, object[key] == nil || object[key] is NSNull else {
                throw WorkflowError.invalidArgument(object[key] == nil
                    ? Bilingual(en: "missing field '\(key)'", zh: "缺少字段“\(key)”")
                    : Bilingual(en: "field '\(key)' must be a string", zh: "字段“\(key)”须为字符串"))
            }
            return ""
        }
        let ref = try text("ref", in: object)
        guard !ref.isEmpty else { throw WorkflowError.invalidArgument(Bilingual(en: "empty ref", zh: "ref 为空")) }
        let dayText = try text("day", in: object)
        guard let day = Day(dayText) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "bad day '\(dayText)' (use YYYY-MM-DD)", zh: "日期“\(dayText)”有误（用 YYYY-MM-DD）"))
        }
        let channelText = try text("channel", in: object)
        guard let channel = Channel(rawValue: channelText) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "unknown channel '\(channelText)'", zh: "未知渠道“\(channelText)”"))
        }
        guard let person = object["person"] as? [String: Any] else {
            throw WorkflowError.invalidArgument(Bilingual(en: "missing object 'person'", zh: "缺少对象“person”"))
        }
        let typeText = try text("id_type", in: person, required: false)
        guard let document = typeText.isEmpty ? .residentID : IdentityDocument(rawValue: typeText) else {
            throw WorkflowError.invalidArgument(Bilingual(en: "unknown id_type '\(typeText)'", zh: "未知证件类型“\(typeText)”"))
        }
        return BookingRequest(ref: ref, serviceCode: try text("service", in: object), day: day, start: try text("start", in: object),
                              channel: channel, personName: try text("name", in: person),
                              personPhone: try text("phone", in: person, required: false),
                              personIDNumber: try text("id_number", in: person, required: false), personDocument: document)
    }
}
