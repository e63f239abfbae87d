/// Writes and reads the catalog tables. Loading a catalog upserts: items that cases refer to are
/// never deleted, only marked inactive when a new catalog leaves them out.
enum CatalogWriter {
    static func write(_ catalog: Catalog, into db: Database) throws {
        for department in catalog.departments {
            try db.execute("""
                INSERT INTO departments(code, name_zh, name_en) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en
                """, department.code, department.nameZh, department.nameEn)
        }
        for material in catalog.materials {
            try db.execute("""
                INSERT INTO materials(code, name_zh, name_en) VALUES (?, ?, ?)
                ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en
                """, material.code, material.nameZh, material.nameEn)
        }
        try db.execute("UPDATE service_items SET active = 0")
        for item in catalog.services {
            try db.execute("""
                INSERT INTO service_items(code, name_zh, name_en, department, acceptance_limit_days, legal_limit_days,
                    promised_limit_days, extension_max_days, fully_online, fee, active)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                    department = excluded.department, acceptance_limit_days = excluded.acceptance_limit_days,
                    legal_limit_days = excluded.legal_limit_days, promised_limit_days = excluded.promised_limit_days,
                    extension_max_days = excluded.extension_max_days, fully_online = excluded.fully_online,
                    fee = excluded.fee, active = 1
                """, item.code, item.nameZh, item.nameEn, item.department, item.acceptanceLimitDays, item.legalLimitDays,
                item.promisedLimitDays, item.extensionMaxDays, item.fullyOnline, item.fee)
            try db.execute("DELETE FROM service_materials WHERE service_code = ?", item.code)
            for (position, material) in item.materials.enumerated() {
                try db.execute("INSERT INTO service_materials(service_code, material_code, position) VALUES (?, ?, ?)",
                               item.code, material, position)
            }
        }
        if catalog.reasonsGiven { try writeReasons(catalog.reasons, into: db) }
    }

    /// Reasons a new catalog leaves out stay as inactive rows: events keep their codes, and the
    /// figures still name them.
    static func writeReasons(_ reasons: [StandardReason], into db: Database) throws {
        try db.execute("UPDATE standard_reasons SET active = 0")
        for (position, reason) in reasons.enumerated() {
            try db.execute("""
                INSERT INTO standard_reasons(action, code, service_code, name_zh, name_en, position, active)
                VALUES (?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT(action, code) DO UPDATE SET service_code = excluded.service_code, name_zh = excluded.name_zh,
                    name_en = excluded.name_en, position = excluded.position, active = 1
                """, reason.action, reason.code, reason.service ?? "", reason.nameZh, reason.nameEn, position)
        }
    }
}

enum CatalogReader {
    static func read(from db: Database) throws -> Catalog {
        let departments = try db.query("SELECT code, name_zh, name_en FROM departments ORDER BY code").map {
            Department(code: $0.string("code"), nameZh: $0.string("name_zh"), nameEn: $0.string("name_en"))
        }
        let materials = try db.query("SELECT code, name_zh, name_en FROM materials ORDER BY code").map {
            MaterialDefinition(code: $0.string("code"), nameZh: $0.string("name_zh"), nameEn: $0.string("name_en"))
        }
        var checklist: [String: [String]] = [:]
        for row in try db.query("SELECT service_code, material_code FROM service_materials ORDER BY service_code, position") {
            checklist[row.string("service_code"), default: []].append(row.string("material_code"))
        }
        let services = try db.query("SELECT * FROM service_items WHERE active = 1 ORDER BY code").map { row in
            ServiceItem(code: row.string("code"), nameZh: row.string("name_zh"), nameEn: row.string("name_en"),
                        department: row.string("department"), acceptanceLimitDays: row.int("acceptance_limit_days"),
                        legalLimitDays: row.int("legal_limit_days"), promisedLimitDays: row.int("promised_limit_days"),
                        extensionMaxDays: row.int("extension_max_days"), fullyOnline: row.bool("fully_online"),
                        fee: row.string("fee"), materials: checklist[row.string("code")] ?? [])
        }
        let reasons = try db.query("""
            SELECT action, code, service_code, name_zh, name_en FROM standard_reasons WHERE active = 1 ORDER BY position
            """).compactMap { row -> StandardReason? in
            guard let action = CaseAction(rawValue: row.string("action")) else { return nil }
            let service = row.string("service_code")
            return StandardReason(action: action, code: row.string("code"), nameZh: row.string("name_zh"),
                                  nameEn: row.string("name_en"), service: service.isEmpty ? nil : service)
        }
        return Catalog(departments: departments, materials: materials, services: services, reasons: reasons)
    }

    /// The names of `action`'s standard reasons by code, those a later catalog left out included:
    /// the figures name every code their events carry.
    static func reasonNames(_ action: CaseAction, in db: Database) throws -> [String: Bilingual] {
        var names: [String: Bilingual] = [:]
        for row in try db.query("SELECT code, name_zh, name_en FROM standard_reasons WHERE action = ?", arguments: [action.rawValue]) {
            names[row.string("code")] = Bilingual(en: row.string("name_en"), zh: row.string("name_zh"))
        }
        return names
    }
}

public enum CalendarWriter {
    public static func replace(with entries: [CalendarEntry], in db: Database) throws {
        try db.execute("DELETE FROM calendar_days")
        for entry in entries {
            try db.execute("INSERT INTO calendar_days(day, kind, name) VALUES (?, ?, ?)",
                           entry.day.description, entry.kind.rawValue, entry.name)
        }
    }

    /// The calendar's days in order, as `calendar list` shows them.
    public static func entries(in db: Database) throws -> [CalendarEntry] {
        try db.query("SELECT day, kind, name FROM calendar_days ORDER BY day").compactMap { row in
            guard let day = Day(row.string("day")), let kind = CalendarEntry.Kind(rawValue: row.string("kind")) else { return nil }
            return CalendarEntry(day: day, kind: kind, name: row.string("name"))
        }
    }

    static func read(from db: Database) throws -> WorkingCalendar {
        var holidays = Set<Day>()
        var workdays = Set<Day>()
        for row in try db.query("SELECT day, kind FROM calendar_days") {
            guard let day = Day(row.string("day")) else { continue }
            if row.string("kind") == "holiday" { holidays.insert(day) } else { workdays.insert(day) }
        }
        return WorkingCalendar(official: holidays, makeUpWorkdays: workdays)
    }
}
