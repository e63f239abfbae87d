import Foundation

/// The portal's consultations in bulk: JSON Lines, a sibling of the applications' format
/// (README "Consultation import format"). Idempotent by `ref`: a line whose ref is registered
/// changes nothing. A bad line is named by its number and reason, the rest are registered.
public struct ConsultationImport {
    public let store: CaseStore
    public let actor: String
    static let batchSize = 250

    public init(store: CaseStore, actor: String) {
        self.store = store
        self.actor = actor
    }

    public func run(from handle: FileHandle) throws -> Importer.Summary {
        try WriterActivity.during("consultation import", login: actor, in: store.db) { try runBatches(from: handle) }
    }

    private func runBatches(from handle: FileHandle) throws -> Importer.Summary {
        let access = try CaseAccess.check(actor, in: store)
        try access.requireImport()
        var summary = Importer.Summary()
        var reader = LineReader(handle: handle)
        var batch: [(Int, Result<ArraySlice<UInt8>, ImportLine.Failure>)] = []
        let desk = ConsultationDesk(store: store)
        let window = SubmissionWindow(store: store)
        func flush() throws {
            guard !batch.isEmpty else { return }
            // One transaction a batch; a line is checked whole before anything of it is written.
            try store.db.write {
                for (lineNumber, bytes) in batch {
                    do {
                        let question = try Self.parse(bytes.get(), window: window)
                        if try desk.insert(question, actor: access.user, holding: false) == nil {
                            summary.alreadyPresent += 1
                        } else {
                            summary.imported += 1
                        }
                    } catch let failure as ImportLine.Failure {
                        summary.errors.append(Importer.LineError(line: lineNumber, reason: failure.reason))
                    } catch let refusal as WorkflowError {
                        summary.errors.append(Importer.LineError(line: lineNumber, reason: Bilingual(
                            en: refusal.message(.en), zh: refusal.message(.zh))))
                    }
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        while let line = try reader.nextLine() {
            summary.linesRead += 1
            if case .success(let bytes) = line, bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            batch.append((summary.linesRead, line))
            if batch.count >= Self.batchSize { try flush() }
        }
        try flush()
        return summary
    }

    typealias Failure = ImportLine.Failure

    /// One line: `ref`, `channel`, `asked_at`, `asker` {`name`, `phone`, `id_number`, `id_type`},
    /// `question`; optional `service`, `case`, `department`, `lang`.
    static func parse(_ bytes: ArraySlice<UInt8>, window: SubmissionWindow? = nil) throws -> Question {
        guard var text = String(validating: bytes, as: UTF8.self) else { throw Failure("not valid UTF-8", "不是有效的 UTF-8") }
        let fields: JSONLine.Value
        do {
            fields = try text.withUTF8 { try JSONLine.parse($0) }
        } catch {
            throw Failure("not JSON", "不是 JSON")
        }
        guard case .object = fields else { throw Failure("not a JSON object", "不是 JSON 对象") }
        if let repeated = fields.repeatedKey() {
            throw Failure("field \"\(repeated.prefix(80))\" appears more than once", "字段“\(repeated.prefix(80))”重复出现")
        }
        func string(_ key: String, in object: JSONLine.Value, required: Bool = true) throws -> String? {
            guard let value = object[key], value.isPresent else {
                if required { throw Failure("missing field \"\(key)\"", "缺少字段“\(key)”") }
                return nil
            }
            guard case .string(let text) = value else { throw Failure("field \"\(key)\" must be a string", "字段“\(key)”应为字符串") }
            guard text.utf8.count <= ImportLine.maxFieldBytes else {
                throw Failure("field \"\(key)\" is over 64 KiB (\(text.utf8.count) bytes)", "字段“\(key)”超过 64 KiB（\(text.utf8.count) 字节）")
            }
            if required && BlankText.isBlank(text) { throw Failure("field \"\(key)\" is empty", "字段“\(key)”为空") }
            return text
        }
        let ref = try string("ref", in: fields)!
        let channelText = try string("channel", in: fields)!
        guard let channel = Channel(rawValue: channelText) else {
            throw Failure("unknown channel \"\(channelText)\" (online, mobile, window, phone or mail)",
                          "未知渠道“\(channelText)”（online、mobile、window、phone 或 mail）")
        }
        let askedText = try string("asked_at", in: fields)!
        guard let askedAt = Timestamp.parse(askedText) else {
            throw Failure("bad date \"\(askedText)\" in asked_at (use RFC 3339, e.g. 2026-11-26T09:30:00+08:00)",
                          "asked_at 的日期“\(askedText)”有误（用 RFC 3339，如 2026-11-26T09:30:00+08:00）")
        }
        // As for applications: not before the hall's calendar starts, not more than a day ahead of its clock.
        try window?.check(askedAt, text: askedText, field: "asked_at")
        guard let asker = fields["asker"], case .object = asker else {
            throw fields["asker"] == nil ? Failure("missing field \"asker\"", "缺少字段“asker”")
                : Failure("field \"asker\" must be an object", "字段“asker”应为对象")
        }
        let documentText = try string("id_type", in: asker, required: false) ?? IdentityDocument.residentID.rawValue
        guard let document = IdentityDocument(rawValue: documentText) else {
            let known = IdentityDocument.allCases.map(\.rawValue)
            throw Failure("unknown id_type \"\(documentText)\" (\(known.joined(separator: ", ")))",
                          "未知证件类型“\(documentText)”（\(known.joined(separator: "、"))）")
        }
        let languageText = try string("lang", in: fields, required: false) ?? "zh"
        guard let language = Language(rawValue: languageText) else {
            throw Failure("unknown lang \"\(languageText)\" (zh or en)", "未知语言“\(languageText)”（zh 或 en）")
        }
        return Question(ref: ref, channel: channel, askedAt: askedAt, askerName: try string("name", in: asker)!,
                        askerPhone: try string("phone", in: asker, required: false) ?? "",
                        askerIDNumber: try string("id_number", in: asker, required: false) ?? "", askerDocument: document,
                        language: language, serviceCode: try string("service", in: fields, required: false),
                        caseNumber: try string("case", in: fields, required: false),
                        department: try string("department", in: fields, required: false),
                        question: try string("question", in: fields)!)
    }
}
