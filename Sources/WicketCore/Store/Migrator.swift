import Foundation

/// Checks that a file is Wicket's before anything is written, then brings its schema up to date.
enum Migrator {
    /// Reads identity without writing: a file that is not SQLite fails here, untouched.
    static func inspect(_ db: Database) throws -> (applicationID: Int32, userVersion: Int, tableCount: Int) {
        do {
            let appID = Int32(truncatingIfNeeded: try db.scalarInt("PRAGMA application_id") ?? 0)
            let version = try db.scalarInt("PRAGMA user_version") ?? 0
            let tables = try db.scalarInt("SELECT count(*) FROM sqlite_schema") ?? 0
            return (appID, version, tables)
        } catch let error as DatabaseError where error.primaryCode == 26 /* SQLITE_NOTADB */ {
            throw StoreError.notSQLite(path: db.path)
        }
    }

    /// `historyKey` finds or makes the history key for a migration that needs it (migration 9
    /// on a file that already has events); without one such a migration fails with `.notLoaded`.
    static func verifyAndMigrate(_ db: Database, upTo target: Int = Schema.latestVersion,
                                 historyKey: (() throws -> HistoryKey)? = nil) throws {
        let identity = try inspect(db)
        let isEmpty = identity.tableCount == 0 && identity.userVersion == 0
        if !isEmpty && identity.applicationID != Schema.applicationID {
            throw StoreError.notWicket(path: db.path)
        }
        if identity.userVersion > Schema.latestVersion {
            throw StoreError.newerSchema(path: db.path, found: identity.userVersion, known: Schema.latestVersion)
        }
        try db.configureForSharing()
        let pending = Schema.migrations.filter { $0.version > identity.userVersion && $0.version <= target }
        guard !pending.isEmpty else { return }
        // Recorded once the schema has the table (migrations after 10); before that it just runs.
        try WriterActivity.during("schema migration", login: ProcessTrust.realLogin, in: db) {
            try migrate(db, pending, historyKey: historyKey)
        }
    }

    private static func migrate(_ db: Database, _ pending: [Migration], historyKey: (() throws -> HistoryKey)?) throws {
        for migration in pending {
            try db.write {
                // Another clerk's process may have migrated while we waited for the write lock.
                guard (try db.scalarInt("PRAGMA user_version") ?? 0) < migration.version else { return }
                try db.executeScript(migration.sql)
                try migration.code?(db)
                try migration.keyed?(db) {
                    guard let historyKey else { throw HistoryKeyError.notLoaded }
                    return try historyKey()
                }
                try db.execute("PRAGMA application_id = \(Schema.applicationID)")
                try db.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }
}
