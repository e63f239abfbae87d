import Foundation

/// What admins change: users, the catalog, the calendar and reply templates. Each is one
/// transaction; a bad file changes nothing.
public struct Administration {
    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    public func users() throws -> [User] {
        try store.db.query("SELECT login FROM users ORDER BY login").compactMap {
            try Users.load($0.string("login"), in: store.db)
        }
    }

    public func user(_ login: String) throws -> User? { try Users.load(login, in: store.db) }

    /// Adds a user, or updates one with the same login.
    public func saveUser(_ user: User) throws {
        guard !user.login.isEmpty, !user.login.contains(where: { $0.isWhitespace }) else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "a login is one word without spaces",
                zh: "登录名是一个不含空格的词"))
        }
        if let department = user.department, store.department(department) == nil {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "unknown department \(department) (one of: \(store.catalog.departments.map(\.code).joined(separator: ", ")))",
                zh: "未知部门 \(department)（可选：\(store.catalog.departments.map(\.code).joined(separator: "、"))）"))
        }
        if user.role == .clerk && user.department == nil {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "a clerk needs a department (--dept CODE)",
                zh: "办事员需要所属部门（--dept 代码）"))
        }
        try store.db.write {
            // The last active admin cannot be demoted or deactivated: nobody could register users,
            // load a catalog or fix a mistake afterwards (and the first admin is whoever ran init).
            if !(user.role == .admin && user.active),
               try store.db.scalarInt("SELECT count(*) FROM users WHERE login = ? AND role = 'admin' AND active = 1", user.login) == 1,
               try store.db.scalarInt("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1") == 1 {
                throw WorkflowError.invalidArgument(Bilingual(
                    en: "\(user.login) is the last active admin; register another admin first (users add LOGIN --role admin)",
                    zh: "\(user.login) 是最后一位在职管理员；请先登记另一位管理员（users add 登录名 --role admin）"))
            }
            try store.db.execute("""
                INSERT INTO users(login, display_name, role, department, active, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(login) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
                    department = excluded.department, active = excluded.active
                """, user.login, user.displayName, user.role.rawValue, user.department, user.active,
                Timestamp.format(store.clock.now))
        }
    }

    /// Loads a catalog (JSON: departments, materials, services) and checks it hangs together.
    public func loadCatalog(_ catalog: Catalog) throws {
        let departments = Set(catalog.departments.map(\.code)).union(store.catalog.departments.map(\.code))
        let materials = Set(catalog.materials.map(\.code)).union(store.catalog.materials.map(\.code))
        for item in catalog.services {
            guard departments.contains(item.department) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "service \(item.code): unknown department \(item.department)",
                zh: "事项 \(item.code)：未知部门 \(item.department)"))
            }
            for code in item.materials where !materials.contains(code) {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "service \(item.code): unknown material \(code)",
                zh: "事项 \(item.code)：未知材料 \(code)"))
            }
            guard item.acceptanceLimitDays >= 1, item.promisedLimitDays >= 1, item.legalLimitDays >= 1 else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "service \(item.code): limits must be at least 1 working day",
                zh: "事项 \(item.code)：时限至少为 1 个工作日"))
            }
        }
        try checkReasons(catalog)
        try store.db.write { try CatalogWriter.write(catalog, into: store.db) }
        try store.reloadReferenceData()
    }

    /// Each standard reason names an action that takes one, a well-formed code unique for its
    /// action (the figures group by it), both names, and an item of the catalog when it has one.
    private func checkReasons(_ catalog: Catalog) throws {
        let services = Set(catalog.services.map(\.code))
        var seen = Set<String>()
        for reason in catalog.reasons {
            let what = Bilingual(en: "reason \(reason.code)", zh: "理由 \(reason.code)")
            func refuse(_ en: String, _ zh: String) -> WorkflowError {
                WorkflowError.invalidArgument(Bilingual(en: "\(what.en): \(en)", zh: "\(what.zh)：\(zh)"))
            }
            guard let action = CaseAction(rawValue: reason.action), StandardReason.actions.contains(action) else {
                throw refuse("action must be one of \(StandardReason.actions.map(\.rawValue).joined(separator: ", "))",
                             "操作须为 \(StandardReason.actions.map(\.rawValue).joined(separator: "、")) 之一")
            }
            guard StandardReason.isValidCode(reason.code) else {
                throw refuse("a code is letters, digits and hyphens", "代码只能由字母、数字和连字符组成")
            }
            guard seen.insert("\(reason.action) \(reason.code)").inserted else {
                throw refuse("given twice for \(reason.action)", "在“\(action.word.zh)”下重复")
            }
            guard !reason.nameZh.trimmingCharacters(in: .whitespaces).isEmpty,
                  !reason.nameEn.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw refuse("needs name_zh and name_en", "需要中文和英文名称（name_zh、name_en）")
            }
            if let service = reason.service, !services.contains(service) {
                throw refuse("unknown service \(service)", "未知事项 \(service)")
            }
        }
    }

    /// Replaces the calendar and moves every open case's warning and due days to match it, in
    /// one transaction: no moment (and no crash) leaves the new calendar with the old days. Waiting
    /// clerks are told who holds the hall meanwhile.
    public func loadCalendar(_ entries: [CalendarEntry], by login: String = ProcessTrust.realLogin) throws -> Int {
        let db = store.db
        let moved = try WriterActivity.during("calendar load", login: login, in: db) {
            try db.write {
                try CalendarWriter.replace(with: entries, in: db)
                try ConsultationClocks.recompute(in: db)
                return try OpenClocks.read(from: db, today: store.today).recompute(in: db)
            }
        }
        try store.reloadReferenceData()
        return moved
    }

    /// Recomputes stored marks from each case's own clock fields; returns how many cases moved.
    public func recomputeOpenClocks() throws -> Int {
        try OpenClocks(store: store).recompute(in: store.db)
    }

    public func loadTemplates(_ templates: [(CaseAction, Language, ReplyTemplate)]) throws {
        try store.db.write {
            for (action, language, template) in templates {
                try store.db.execute("INSERT OR REPLACE INTO templates(action, lang, body) VALUES (?, ?, ?)",
                                     action.rawValue, language.rawValue, template.source)
            }
        }
    }

    public func templates() throws -> TemplateSet { try TemplateSet.load(from: store.db) }

    /// The consultations' answer templates (`ConsultationNotice.sections`), stored beside the cases'.
    public func loadConsultationTemplates(_ templates: [(String, Language, ReplyTemplate)]) throws {
        try store.db.write {
            for (section, language, template) in templates {
                try store.db.execute("INSERT OR REPLACE INTO templates(action, lang, body) VALUES (?, ?, ?)",
                                     section, language.rawValue, template.source)
            }
        }
    }

    /// The consultations' answer templates in force, section by section.
    public func consultationTemplates() throws -> [(String, Language, ReplyTemplate)] {
        try store.db.read {
            try ConsultationNotice.sections.flatMap { section in
                try Language.allCases.map { (section, $0, try ConsultationNotice.template(section, language: $0, in: store.db)) }
            }
        }
    }
}
