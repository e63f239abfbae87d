extension Ledger {
    /// Consultations' history: one event per change, chained like the cases' (`wicket check`).
    public static let consultations = Ledger(table: "consultation_history", subjectTable: "consultations",
                                             subjectColumn: "consultation_id",
                                             subjectWord: Bilingual(en: "consultation", zh: "咨询"),
                                             formatTag: "wicket-consultation-history-1", firstAction: "ask")
}
