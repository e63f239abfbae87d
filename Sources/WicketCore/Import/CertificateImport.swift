import Foundation

/// The certificate library's import (`wicket certificates import`): electronic certificates
/// (电子证照) as JSON Lines, one record a line:
///
///     {"type":"HUKOU-BOOK","id_number":"440106199001181234","number":"4401-2026-001","issuer":"广州市公安局",
///      "valid_from":"2026-01-01","valid_until":"2031-05-01"}
///
/// `type` is the material code the certificate stands for; `id_number` the holder's (kept only as
/// their applicant match key, `ApplicantMatcher`, never in clear); `"revoked": true` revokes one.
/// Idempotent by (type, number): a line already held as it stands changes nothing, a changed one
/// (new validity, revocation) updates the row. Bad lines are named by number; the rest go in, in
/// one transaction. Admins and portal logins only (`CaseAccess.requireImport`).
public struct CertificateImport {
    public struct Summary: Equatable, Sendable {
        public var added = 0
        public var updated = 0
        public var unchanged = 0
        public var errors: [Importer.LineError] = []
    }

    let store: CaseStore
    let actor: String

    public init(store: CaseStore, actor: String) {
        self.store = store
        self.actor = actor
    }

    public func run(text: String) throws -> Summary {
        try CaseAccess.check(actor, in: store).requireImport()
        let matcher = try store.db.applicantMatcher()
        var summary = Summary()
        var records: [(line: Int, record: Record)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            do {
                records.append((index + 1, try parse(trimmed, matcher: matcher)))
            } catch let reason as CertificateLineError {
                summary.errors.append(Importer.LineError(line: index + 1, reason: reason.reason))
            }
        }
        let stamp = Timestamp.format(store.clock.now)
        try store.db.write {
            for (_, record) in records {
                let existing = try store.db.queryOne("""
                    SELECT holder_key, issuer, valid_from, valid_until, revoked FROM certificates
                    WHERE material_code = ? AND number = ?
                    """, record.material, record.number)
                if let existing {
                    if existing.string("holder_key") == record.holderKey && existing.string("issuer") == record.issuer
                        && existing.string("valid_from") == record.validFrom && existing.string("valid_until") == record.validUntil
                        && (existing.int("revoked") != 0) == record.revoked {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                } else {
                    summary.added += 1
                }
                try store.db.execute("""
                    INSERT INTO certificates(material_code, number, holder_key, issuer, valid_from, valid_until, revoked, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(material_code, number) DO UPDATE SET holder_key = excluded.holder_key, issuer = excluded.issuer,
                        valid_from = excluded.valid_from, valid_until = excluded.valid_until, revoked = excluded.revoked,
                        updated_at = excluded.updated_at
                    """, record.material, record.number, record.holderKey, record.issuer, record.validFrom, record.validUntil,
                    record.revoked, stamp)
            }
        }
        return summary
    }

    struct Record {
        var material: String
        var number: String
        var holderKey: String
        var issuer: String
        var validFrom: String
        var validUntil: String
        var revoked: Bool
    }

    struct CertificateLineError: Error {
        let reason: Bilingual
    }

    private func parse(_ line: String, matcher: ApplicantMatcher) throws -> Record {
        func refuse(_ en: String, _ zh: String) -> CertificateLineError { CertificateLineError(reason: Bilingual(en: en, zh: zh)) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw refuse("not JSON", "不是 JSON")
        }
        func text(_ key: String, required: Bool = true) throws -> String {
            guard let value = object[key] else {
                if required { throw refuse("missing field \(key)", "缺少字段 \(key)") }
                return ""
            }
            guard let string = value as? String else { throw refuse("\(key) is not text", "\(key) 不是文本") }
            let trimmed = string.trimmingCharacters(in: .whitespaces)
            if required && trimmed.isEmpty { throw refuse("\(key) is empty", "\(key) 为空") }
            return trimmed
        }
        let material = try text("type")
        guard store.material(material) != nil else { throw refuse("unknown material \(material)", "未知材料 \(material)") }
        let typeText = try text("id_type", required: false)
        guard let document = IdentityDocument(rawValue: typeText.isEmpty ? "resident_id" : typeText) else {
            throw refuse("unknown id_type '\(typeText)'", "未知证件类型“\(typeText)”")
        }
        let rawNumber = try text("id_number")
        let idNumber: String
        do {
            idNumber = try ApplicantIdentity.idNumber(rawNumber, document: document, today: store.today)
        } catch {
            throw CertificateLineError(reason: error.reason)
        }
        let from = try text("valid_from"), until = try text("valid_until")
        guard let fromDay = Day(from) else { throw refuse("valid_from '\(from)' is not a day (YYYY-MM-DD)", "valid_from“\(from)”不是日期（YYYY-MM-DD）") }
        guard let untilDay = Day(until) else { throw refuse("valid_until '\(until)' is not a day (YYYY-MM-DD)", "valid_until“\(until)”不是日期（YYYY-MM-DD）") }
        guard fromDay <= untilDay else { throw refuse("valid_until is before valid_from", "valid_until 早于 valid_from") }
        var revoked = false
        if let value = object["revoked"] {
            guard let flag = value as? Bool else { throw refuse("revoked is not true or false", "revoked 不是 true 或 false") }
            revoked = flag
        }
        return Record(material: material, number: try text("number"), holderKey: matcher.idKey(idNumber, document: document),
                      issuer: try text("issuer", required: false), validFrom: fromDay.description, validUntil: untilDay.description,
                      revoked: revoked)
    }
}
