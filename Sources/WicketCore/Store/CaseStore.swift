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

    /// Where the history key is: `keyPath`, by default `<path>.key` (`HistoryKey.defaultPath`).
    public var historyKeyPath: String { db.historyKeyPathValue }

    /// Opens an existing Wicket database, migrating an older schema forward. Only `create` makes a
    /// hall: a missing or empty file is refused, never silently made into a new, empty hall. The
    /// history key is read from `keyPath` (default: beside the database); a missing key leaves
    /// reading working, while writing history and `check` fail naming the key file. Keying an
    /// older database's history makes the key if there is none, where `HistoryKey.create` may.
    public static func open(path: String, clock: WallClock = .system, keyPath: String? = nil) throws -> CaseStore {
        let file = SharedFileAccess.resolved(path)
        var info = stat()
        guard lstat(file, &info) == 0 else { throw StoreError.missing(path: path) }
        try SharedFileAccess.refuseUnsafeFiles(at: file)
        let keyPath = keyPath ?? HistoryKey.defaultPath(forDatabase: file)
        let db = try openDatabase(path: file, create: false)
        let identity = try Migrator.inspect(db)
        if identity.tableCount == 0 && identity.userVersion == 0 { throw StoreError.empty(path: path) }
        try Migrator.verifyAndMigrate(db) { try HistoryKey.loadOrCreate(path: keyPath, databasePath: file) }
        SharedFileAccess.keepCompanions(db)
        db.attachHistoryKey(path: keyPath, databasePath: file)
        return try CaseStore(db: db, clock: clock)
    }

    /// Creates a new database with the default catalog and calendar; `creator` becomes its first admin.
    /// The history key is made at `keyPath` (default `<path>.key`), or kept if one is there.
    public static func create(path: String, creator: String, clock: WallClock = .system,
                              catalog: Catalog = DefaultCatalog.catalog, keyPath: String? = nil) throws -> CaseStore {
        let file = SharedFileAccess.resolved(path)
        try SharedFileAccess.refuseUnsafeFiles(at: file)
        let keyPath = keyPath ?? HistoryKey.defaultPath(forDatabase: file)
        var info = stat()
        let exists = lstat(file, &info) == 0
        if exists, info.st_size > 0 {
            // Refuse before writing: this may be someone's live database, or not ours at all.
            let existing = try openDatabase(path: file, create: false)
            let identity = try Migrator.inspect(existing)
            if identity.applicationID == Schema.applicationID { throw StoreError.alreadyExists(path: path) }
            if identity.tableCount > 0 || identity.userVersion > 0 { throw StoreError.notWicket(path: path) }
        }
        // Refused before the database is made: a database without its key could not be used.
        if !HistoryKey.creationAllowed() && !FileManager.default.fileExists(atPath: keyPath) {
            throw HistoryKeyError.creationRefused(path: keyPath, databasePath: path)
        }
        // An empty file an admin prepared keeps the owner, group and mode they gave it; a new one
        // is made by us, with its group and mode set on our own descriptor.
        if !exists { try SharedFileAccess.createDatabaseFile(at: file) }
        let db = try openDatabase(path: file, create: false)
        try Migrator.verifyAndMigrate(db)
        SharedFileAccess.keepCompanions(db)
        // After the file got its group and mode: the key follows them.
        _ = try HistoryKey.loadOrCreate(path: keyPath, databasePath: file)
        db.attachHistoryKey(path: keyPath, databasePath: file)
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

    /// Settings that move the stored warning and due days of running cases.
    static let clockSettings: Set<String> = ["timezone", "yellow_percent", "red_percent", "delivery_limit_days"]

    /// Changes a setting; one that moves due days (zone, thresholds, delivery limit) moves them in
    /// the same transaction. Returns how many cases' days moved. Such a change is a long write at a
    /// million cases: waiting clerks are told who holds the hall.
    @discardableResult
    public func setSetting(_ key: String, _ value: String?) throws -> Int {
        guard ConsultationClocks.moves(key) else { return try writeSetting(key, value) }
        return try WriterActivity.during(key == "timezone" ? "time zone change" : "\(key) change",
                                         login: ProcessTrust.realLogin, in: db) { try writeSetting(key, value) }
    }

    private func writeSetting(_ key: String, _ value: String?) throws -> Int {
        let moved = try db.write {
            if let value {
                try db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", key, value)
            } else {
                try db.execute("DELETE FROM settings WHERE key = ?", key)
            }
            if key == "yellow_percent" || key == "red_percent" { try Self.checkThresholds(in: db) }
            // The tallies count by hall day: another zone puts instants on other days.
            if key == "timezone" {
                try HallDayShifts.write(try HallDayShifts.zone(in: db), into: db)
                try Tallies.refill(db)
            }
            // The consultations' response clocks count over the same calendar, zone and thresholds.
            if ConsultationClocks.moves(key) { try ConsultationClocks.recompute(in: db) }
            guard Self.clockSettings.contains(key) else { return 0 }
            return try OpenClocks.read(from: db, today: today).recompute(in: db)
        }
        try reloadReferenceData()
        return moved
    }

    /// Red comes after yellow: thresholds that say otherwise are refused (the write is rolled back),
    /// whichever of the two was set or unset (an unset one counts at its default).
    static func checkThresholds(in db: Database) throws {
        let yellow = Int(try db.scalarString("SELECT value FROM settings WHERE key = 'yellow_percent'") ?? "") ?? 50
        let red = Int(try db.scalarString("SELECT value FROM settings WHERE key = 'red_percent'") ?? "") ?? 90
        guard red > yellow else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "red_percent (\(red)) must be above yellow_percent (\(yellow)): the red warning comes after the yellow one; nothing was changed",
                zh: "red_percent（\(red)）必须大于 yellow_percent（\(yellow)）：红色预警在黄色之后；未作任何修改"))
        }
    }

    /// Every case the hall holds, open or closed.
    public func caseCount() throws -> Int { try db.scalarInt("SELECT count(*) FROM cases") ?? 0 }

    public var caseClock: CaseClock { CaseClock(calendar: calendar, thresholds: thresholds) }
    public var today: Day { hallTime.day(of: clock.now) }

    public func service(_ code: String) -> ServiceItem? { catalog.services.first { $0.code == code } }
    public func material(_ code: String) -> MaterialDefinition? { catalog.materials.first { $0.code == code } }
    public func department(_ code: String) -> Department? { catalog.departments.first { $0.code == code } }
}
