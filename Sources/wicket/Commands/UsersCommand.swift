import WicketCore

enum UsersCommand {
    static let spec = CommandSpec(
        name: "users", arguments: ["add|list", "LOGIN?"],
        summary: "Register users (admins only) or list them.",
        options: [
            .value("--name", "NAME", "add: display name (default: the login)"),
            .value("--role", "ROLE", "add: clerk (default), supervisor, admin, or portal (the online portal's login: imports only)"),
            .value("--dept", "CODE", "add: department (required for clerks)"),
            .flag("--inactive", "add: register as deactivated (or deactivate an existing user)"),
            .flag("--json", "list: print JSON"),
        ]
    ) { args, context in
        let store = try context.openStore()
        let admin = Administration(store: store)
        switch args.positionals[0] {
        case "list":
            let users = try admin.users()
            if args.has("--json") {
                Output.json(users.map {
                    ["login": $0.login, "name": $0.displayName, "role": $0.role.rawValue,
                     "department": $0.department as Any? ?? NSNullValue.null, "active": $0.active] as [String: Any]
                })
            } else {
                let l = context.settings.language
                var rows = [[Bilingual(en: "LOGIN", zh: "登录名"), Bilingual(en: "NAME", zh: "姓名"), Bilingual(en: "ROLE", zh: "角色"),
                             Bilingual(en: "DEPT", zh: "部门"), Bilingual(en: "ACTIVE", zh: "启用")].map { $0.text(l) }]
                // Roles as codes in English (what --role takes), as words in Chinese; --json keeps codes.
                rows += users.map { [$0.login, Output.safe($0.displayName), l.code($0.role.rawValue, $0.role.word), $0.department ?? "-",
                                     YesNo.text($0.active, l)] }
                Output.table(rows).forEach { Output.line($0) }
            }
            return 0
        case "add":
            guard args.positionals.count == 2 else { throw UsageError(en: "users add needs a LOGIN",
                zh: "users add 需要登录名 LOGIN") }
            try context.requireAdmin(store, for: Bilingual(en: "add users", zh: "添加用户"))
            let login = args.positionals[1]
            let roleText = args.value("--role") ?? "clerk"
            guard let role = Role(rawValue: roleText) else {
                throw UsageError(en: "unknown role '\(roleText)' (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))",
                    zh: "未知角色“\(roleText)”（\(Role.allCases.map(\.rawValue).joined(separator: "、"))）")
            }
            try admin.saveUser(User(login: login, displayName: args.value("--name") ?? login, role: role,
                                    department: args.value("--dept"), active: !args.has("--inactive")))
            Output.line(CLIText.userSaved.format(context.settings.language, login, role.rawValue + (args.value("--dept").map { ", \($0)" } ?? "")))
            return 0
        default:
            throw UsageError(en: "users takes add or list",
                zh: "users 后接 add 或 list")
        }
    }
}

import Foundation
enum NSNullValue { static let null = NSNull() }
