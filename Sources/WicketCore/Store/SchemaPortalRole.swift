extension Schema {
    /// The `users.role` check as version 1 wrote it, and as it reads once the portal role is allowed.
    static let rolesCheck = "CHECK (role IN ('clerk', 'supervisor', 'admin'))"
    static let rolesCheckWithPortal = "CHECK (role IN ('clerk', 'supervisor', 'admin', 'portal'))"

    /// Lets `users.role` be `portal` (the online portal's service login, see `CaseAccess`).
    ///
    /// SQLite cannot alter a CHECK constraint, and rebuilding `users` would need foreign keys
    /// off (cases, drafts and presence refer to it), which a migration, run in a transaction,
    /// cannot switch. Widening the list of allowed values changes no stored row, so this takes
    /// the procedure sqlite.org documents for such changes ("Making Other Kinds Of Table Schema
    /// Changes", lang_altertable.html): rewrite the table's SQL in `sqlite_schema` and bump
    /// `schema_version`, in the migration's transaction. Every existing row already satisfies the
    /// wider check; `PRAGMA integrity_check` stays clean.
    static func allowPortalRole(_ db: Database) throws {
        let sql = try db.scalarString("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'users'") ?? ""
        if sql.contains(rolesCheckWithPortal) { return }
        guard sql.contains(rolesCheck) else {
            throw DatabaseError(code: 1 /* SQLITE_ERROR */, message: "cannot allow the portal role: the users table's role check is not the one version 1 wrote")
        }
        let schemaVersion = try db.scalarInt("PRAGMA schema_version") ?? 0
        try db.execute("PRAGMA writable_schema = ON")
        do {
            try db.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'users'",
                           sql.replacingOccurrences(of: rolesCheck, with: rolesCheckWithPortal))
            try db.execute("PRAGMA schema_version = \(schemaVersion + 1)")
        } catch {
            try? db.execute("PRAGMA writable_schema = OFF")
            throw error
        }
        try db.execute("PRAGMA writable_schema = OFF")
    }
}
