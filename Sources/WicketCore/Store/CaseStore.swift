import Foundation

/// A Wicket case database: the connection plus what every action needs at hand
/// (catalog, calendar, hall settings). The one way the TUI, the CLI and tests reach the data.
public final class CaseStore {
    public let db: Database
    public var path: String { db.path }
    public private(set) var catalog: Catalog
    public private(set) var calendar: WorkingCalendar
    public private(set) var hallTime: HallTime
    public private(set) var thresholds: WarningThresholds
    public let clock: WallClock

    /// Opens an existing Wicket database, migrating an older schema forward.
    public static func open(path: String, clock: WallClock = .system) throws -> CaseStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let db = try openDatabase(path: path, create: false)
        try Migrator.verifyAndMigrate(db)
        SharedFileAccess.keepCompanions(db)
        SharedFileAccess.adjustCompanions(of: path)
        return try CaseStore(db: db, clock: clock)
    }

    /// Creates a new database with the default catalog and calendar; `creator` becomes its first admin.
    public static func create(path: String, creator: String, clock: WallClock = .system,
                              catalog: Catalog = DefaultCatalog.catalog) throws -> CaseStore {
        if FileManager.default.fileExists(atPath: path),
           (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 > 0 {
            // Refuse before writing: this may be someone's live database, or not ours at all.
            let existing = try openDatabase(path: path, create: false)
            let identity = try Migrator.inspect(existing)
            if identity.applicationID == Schema.applicationID { throw StoreError.alreadyExists(path: path) }
            if identity.tableCount > 0 || identity.userVersion > 0 { throw StoreError.notWicket(path: path) }
        }
        let isNew = !FileManager.default.fileExists(atPath: path)
        let db = try openDatabase(path: path, create: true)
        try Migrator.verifyAndMigrate(db)
        // An empty file an admin prepared keeps the owner, group and mode they gave it.
        SharedFileAccess.keepCompanions(db)
        if isNew { SharedFileAccess.prepareNewDatabase(at: path) } else { SharedFileAccess.adjustCompanions(of: path) }
        let now = Timestamp.format(clock.now)
        try db.write {
            try db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('timezone', ?)", HallTime.defaultIdentifier)
            try db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('created_at', ?)", now)
            try CatalogWriter.write(catalog, into: db)
            try CalendarWriter.replace(with: try CalendarFile.parse(DefaultCalendar.text), in: db)
            try db.execute("""
                INSERT INTO users(login, display_name, role, department, active, created_at)
                VALUES (?, ?, 'admin', NULL, 1, ?)
                """, creator, creator, now)
        }
        return try CaseStore(db: db, clock: clock)
    }

    private static func openDatabase(path: String, create: Bool) throws -> Database {
        do {
            return try Database(path: path, create: create)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
    }

    private init(db: Database, clock: WallClock) throws {
        self.db = db
        self.clock = clock
        catalog = Catalog(departments: [], materials: [], services: [])
        calendar = WorkingCalendar()
        hallTime = HallTime(identifier: HallTime.defaultIdentifier)!
        thresholds = WarningThresholds()
        try reloadReferenceData()
    }

    /// Re-reads catalog, calendar and settings (after an admin changed them, perhaps elsewhere).
    public func reloadReferenceData() throws {
        try db.read {
            catalog = try CatalogReader.read(from: db)
            calendar = try CalendarWriter.read(from: db)
            let zone = try setting("timezone") ?? HallTime.defaultIdentifier
            hallTime = HallTime(identifier: zone) ?? HallTime(identifier: HallTime.defaultIdentifier)!
            thresholds = WarningThresholds(yellowPercent: Int(try setting("yellow_percent") ?? "") ?? 50,
                                           redPercent: Int(try setting("red_percent") ?? "") ?? 90)
        }
    }

    public func setting(_ key: String) throws -> String? {
        try db.scalarString("SELECT value FROM settings WHERE key = ?", key)
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        // A time zone change recounts every tally: a long write that waiting clerks are told about.
        guard key == "timezone" else { return try writeSetting(key, value) }
        try WriterActivity.during("time zone change", login: ProcessTrust.realLogin, in: db) { try writeSetting(key, value) }
    }

    private func writeSetting(_ key: String, _ value: String?) throws {
        try db.write {
            if let value {
                try db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", key, value)
            } else {
                try db.execute("DELETE FROM settings WHERE key = ?", key)
            }
            // The tallies count by hall day: another zone puts instants on other days.
            if key == "timezone" {
                try HallDayShifts.write(try HallDayShifts.zone(in: db), into: db)
                try Tallies.refill(db)
            }
        }
        try reloadReferenceData()
    }

    public var caseClock: CaseClock { CaseClock(calendar: calendar, thresholds: thresholds) }
    public var today: Day { hallTime.day(of: clock.now) }

    public func service(_ code: String) -> ServiceItem? { catalog.services.first { $0.code == code } }
    public func material(_ code: String) -> MaterialDefinition? { catalog.materials.first { $0.code == code } }
    public func department(_ code: String) -> Department? { catalog.departments.first { $0.code == code } }
}
