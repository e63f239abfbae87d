import Foundation

/// The macros in force, in the database (migration 16): `macros load` replaces them all in one
/// transaction; the workstation and `act --macro` read them.
public enum MacroRows {
    static let table = """
    CREATE TABLE macros (
        name        TEXT PRIMARY KEY,
        position    INTEGER NOT NULL,          -- the file's order
        name_zh     TEXT NOT NULL,
        name_en     TEXT NOT NULL,
        action      TEXT NOT NULL,
        reason      TEXT,
        reason_code TEXT,
        missing     TEXT NOT NULL DEFAULT '',  -- material codes, comma-separated
        days        INTEGER,
        target      TEXT,                      -- assign: a login; transfer: a department
        template_zh TEXT,
        template_en TEXT,
        note        TEXT
    ) WITHOUT ROWID;
    """

    /// Replaces every macro with `macros` (admins only: the caller checks, as for templates).
    public static func replace(with macros: [Macro], in store: CaseStore) throws {
        try store.db.write {
            try store.db.execute("DELETE FROM macros")
            for (position, macro) in macros.enumerated() {
                try store.db.execute("""
                    INSERT INTO macros(name, position, name_zh, name_en, action, reason, reason_code, missing, days, target,
                                       template_zh, template_en, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, macro.name, position, macro.nameZh, macro.nameEn, macro.action.rawValue, macro.reason,
                    macro.reasonCode, macro.missing.joined(separator: ","), macro.days, macro.target,
                    macro.template[.zh]?.source, macro.template[.en]?.source, macro.note)
            }
        }
    }

    /// Every macro, in the file's order.
    public static func all(in store: CaseStore) throws -> [Macro] {
        try store.db.query("SELECT * FROM macros ORDER BY position").compactMap { row in
            guard let action = CaseAction(rawValue: row.string("action")) else { return nil }
            var macro = Macro(name: row.string("name"), nameZh: row.string("name_zh"), nameEn: row.string("name_en"),
                              action: action)
            macro.reason = row.optionalString("reason")
            macro.reasonCode = row.optionalString("reason_code")
            macro.missing = row.string("missing").split(separator: ",").map(String.init)
            macro.days = row.optionalInt("days")
            macro.target = row.optionalString("target")
            for language in Language.allCases {
                if let source = row.optionalString("template_\(language.rawValue)") {
                    macro.template[language] = try? ReplyTemplate(source)
                }
            }
            macro.note = row.optionalString("note")
            return macro
        }
    }

    /// The macro of this name, or a refusal naming the ones there are.
    public static func named(_ name: String, in store: CaseStore) throws -> Macro {
        let macros = try all(in: store)
        if let macro = macros.first(where: { $0.name == name }) { return macro }
        let names = macros.map(\.name)
        throw WorkflowError.invalidArgument(Bilingual(
            en: "no macro \(name) (\(names.isEmpty ? "none loaded: see wicket macros load" : names.joined(separator: ", ")))",
            zh: "没有宏 \(name)（\(names.isEmpty ? "尚未载入：见 wicket macros load" : names.joined(separator: "、"))）"))
    }
}
