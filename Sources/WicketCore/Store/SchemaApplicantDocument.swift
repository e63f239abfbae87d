extension Schema {
    /// The applicant's identity document (`IdentityDocument`: resident ID card, passport, a Hong
    /// Kong/Macao or Taiwan permit …) beside its number, and an index on the number, so a search
    /// by a full ID number is one exact lookup (`CaseQueries.searchCondition`) — the number is never
    /// put into the trigram index. Cases registered before this knew only resident ID cards.
    static let applicantDocument = """
    ALTER TABLE cases ADD COLUMN applicant_id_type TEXT NOT NULL DEFAULT 'resident_id';
    CREATE INDEX cases_by_applicant_id_number ON cases(applicant_id_number);
    """
}
