import Foundation

/// Where an item of a checklist is already proven (State Council Decree 716, art. 7: what an
/// office can obtain by data sharing is not demanded again): verified in another case of the same
/// applicant, or a valid electronic certificate of theirs from the certificate library.
public enum OnFileSource: Sendable, Equatable {
    /// Verified in `caseNumber` on `verifiedAt`; `caseNumber` is nil for a case the reader may not see.
    case verified(caseNumber: String?, verifiedAt: String)
    case certificate(number: String, issuer: String, validUntil: String)

    /// As the checklist and the event's details name it.
    public func text(_ language: Language, hallTime: HallTime) -> String {
        switch self {
        case .verified(let number, let at):
            let day = Timestamp.parse(at).map { DateText.day(hallTime.day(of: $0), language: language) } ?? at
            if let number {
                return language == .zh ? "已在 \(number) 中核验（\(day)）" : "verified in \(number) on \(day)"
            }
            return language == .zh ? "已在其他部门的案件中核验（\(day)）" : "verified in another department's case on \(day)"
        case .certificate(let number, let issuer, let until):
            let shown = Masking.idNumber(number)
            let by = issuer.isEmpty ? "" : (language == .zh ? "，\(issuer)签发" : ", issued by \(issuer)")
            let to = Day(until).map { DateText.day($0, language: language) } ?? until
            return language == .zh ? "电子证照 \(shown)\(by)，有效期至 \(to)" : "certificate \(shown)\(by), valid to \(to)"
        }
    }

    /// For the history event's details: the source without the reader's language.
    var details: [String: Any] {
        switch self {
        case .verified(let number, let at):
            return ["kind": "verified", "case": number as Any? ?? NSNull(), "verified_at": at]
        case .certificate(let number, let issuer, let until):
            return ["kind": "certificate", "certificate": number, "issuer": issuer, "valid_until": until]
        }
    }
}

enum OnFile {
    /// The outstanding items (missing or defective) of case `caseID` that are on file, by code.
    /// A certificate is on file from its first to its last valid day unless revoked; a
    /// verification made in another case of the applicant stays on file.
    static func sources(caseID: Int, today: Day, access: CaseAccess?, in db: Database) throws -> [String: OnFileSource] {
        guard let key = try db.queryOne("SELECT applicant_key FROM cases WHERE id = ?", caseID)?.optionalString("applicant_key")
        else { return [:] }
        let outstanding = Set(try CaseMaterials.load(caseID: caseID, in: db).filter { $0.state.isOutstanding }.map(\.code))
        guard !outstanding.isEmpty else { return [:] }
        var found: [String: OnFileSource] = [:]
        // Certificates first: they carry their own validity and are what the law names.
        for row in try db.query("""
            SELECT material_code, number, issuer, valid_until FROM certificates
            WHERE holder_key = ? AND revoked = 0 AND valid_from <= ? AND valid_until >= ?
            ORDER BY valid_until DESC
            """, key, today.description, today.description) {
            let code = row.string("material_code")
            guard outstanding.contains(code), found[code] == nil else { continue }
            found[code] = .certificate(number: row.string("number"), issuer: row.string("issuer"), validUntil: row.string("valid_until"))
        }
        for row in try db.query("""
            SELECT cm.material_code, cm.updated_at, c.number, c.department FROM cases c
            JOIN case_materials cm ON cm.case_id = c.id
            WHERE c.applicant_key = ? AND c.id <> ? AND cm.state = 'verified'
            ORDER BY cm.updated_at DESC
            """, key, caseID) {
            let code = row.string("material_code")
            guard outstanding.contains(code), found[code] == nil else { continue }
            let visible = access?.maySee(caseDepartment: row.string("department")) ?? true
            found[code] = .verified(caseNumber: visible ? row.string("number") : nil, verifiedAt: row.string("updated_at"))
        }
        return found
    }
}
