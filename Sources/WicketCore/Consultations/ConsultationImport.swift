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
        let fields = try ImportLine.object(bytes)
        func string(_ key: String, in object: JSONLine.Value, required: Bool = true) throws -> String? {
            try ImportLine.string(key, in: object, required: required)
        }
        let ref = try string("ref", in: fields)!
        let channel = try ImportLine.channel(try string("channel", in: fields)!)
        let askedText = try string("asked_at", in: fields)!
        let askedAt = try ImportLine.moment(askedText, field: "asked_at")
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
