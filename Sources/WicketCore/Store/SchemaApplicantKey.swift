extension Schema {
    /// Migration 15: the applicant match key of every case (`ApplicantMatcher`), and its index.
    /// The index on the clear ID number (migration 11) goes: a full ID number typed in a search is
    /// found through the keyed hash (`CaseQueries.searchCondition`), so no index of the file keeps
    /// the hall's ID numbers sorted in clear.
    /// With it, the certificate library (`Certificates`): electronic certificates by their holder's
    /// match key (the ID number is not kept), one row per (material, certificate number).
    static let applicantKeyColumn = """
    ALTER TABLE cases ADD COLUMN applicant_key TEXT;
    CREATE TABLE certificates (
        material_code TEXT NOT NULL REFERENCES materials(code),
        number        TEXT NOT NULL,
        holder_key    TEXT NOT NULL,
        issuer        TEXT NOT NULL DEFAULT '',
        valid_from    TEXT NOT NULL,
        valid_until   TEXT NOT NULL,
        revoked       INTEGER NOT NULL DEFAULT 0,
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (material_code, number)
    ) WITHOUT ROWID;
    CREATE INDEX certificates_by_holder ON certificates(holder_key, material_code);
    """

    static let applicantKeyIndex = """
    DROP INDEX IF EXISTS cases_by_applicant_id_number;
    CREATE INDEX IF NOT EXISTS cases_by_applicant_key ON cases(applicant_key) WHERE applicant_key IS NOT NULL;
    """

    /// Fills the keys of existing cases, `batch` at a time (bounded memory at a million cases),
    /// inside the migration's one transaction, then builds the index once, over the filled
    /// column (cheaper than keeping it while filling). No trigger watches `applicant_key`.
    static func fillApplicantKeys(_ db: Database, key: () throws -> HistoryKey, batch: Int = 20_000) throws {
        if try db.scalarInt("SELECT count(*) FROM (SELECT 1 FROM cases LIMIT 1)") ?? 0 > 0 {
            let matcher = ApplicantMatcher(historyKey: try key())
            var last = 0
            while true {
                let rows = try db.query("""
                    SELECT id, applicant_id_number, applicant_id_type, applicant_name, applicant_phone
                    FROM cases WHERE id > ? ORDER BY id LIMIT ?
                    """, last, batch)
                guard let final = rows.last else { break }
                for row in rows {
                    let document = IdentityDocument(rawValue: row.string("applicant_id_type")) ?? .residentID
                    let value = matcher.key(idNumber: row.string("applicant_id_number"), document: document,
                                            name: row.string("applicant_name"), phone: row.string("applicant_phone"))
                    if let value { try db.execute("UPDATE cases SET applicant_key = ? WHERE id = ?", value, row.int("id")) }
                }
                last = final.int("id")
            }
        }
        try db.executeScript(applicantKeyIndex)
    }
}
