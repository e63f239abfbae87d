import WicketCore

enum ViewsCommand {
    static let spec = CommandSpec(
        name: "views", arguments: ["save|list|delete", "NAME?"],
        summary: "Save a named list filter (a view), list your views with their live counts, or delete one.",
        options: [.flag("--shared", "save: share with your department (supervisors and admins; of no department: the whole hall)")]
            + CaseFilterOptions.options + [.flag("--json", "list: print JSON (a list of view objects)")],
        discussion: """
            save NAME takes the filters of `wicket list`; `wicket list --view NAME` lists the view's cases,
            exactly those its count counts. Your own views come first, then those shared with you.
            """
    ) { args, context in
        let language = context.settings.language
        let login = context.actingUser
        let verb = args.positionals[0]
        if verb != "save" && (CaseFilterOptions.anyGiven(args) || args.has("--shared")) {
            throw UsageError(en: "filters and --shared are for views save", zh: "筛选条件和 --shared 只用于 views save")
        }
        // Read whole before the database is opened: a bad command line is a usage error (2).
        let filter = try CaseFilterOptions.filter(from: args)
        let store = try context.openStore()
        switch verb {
        case "save":
            guard args.positionals.count == 2 else { throw UsageError(en: "views save needs a NAME", zh: "views save 需要名称 NAME") }
            try ViewRows.save(name: args.positionals[1], filter: filter,
                              shared: args.has("--shared"), login: login, in: store)
            let count = try Self.count(try ViewRows.named(args.positionals[1], for: login, in: store), store: store, context: context)
            Output.line(CLIText.viewSaved.format(language, args.positionals[1], count))
        case "list":
            let views = try ViewRows.visible(to: login, in: store)
            let counts = try views.map { try Self.count($0, store: store, context: context) }
            if args.has("--json") {
                Output.json(zip(views, counts).map { JSONShapes.view($0, count: $1) })
                return 0
            }
            guard !views.isEmpty else {
                Output.line(CLIText.viewsNone.text(language))
                return 0
            }
            var rows = [header.map { $0.text(language) }]
            for (view, count) in zip(views, counts) {
                let scope = view.shared ? (view.department ?? CLIText.viewWholeHall.text(language)) : CLIText.viewPersonal.text(language)
                rows.append([Output.safe(view.name), String(count), Output.safe(view.owner), Output.safe(scope)])
            }
            Output.table(rows).forEach { Output.line($0) }
        case "delete":
            guard args.positionals.count == 2 else { throw UsageError(en: "views delete needs a NAME", zh: "views delete 需要名称 NAME") }
            try ViewRows.delete(args.positionals[1], login: login, in: store)
            Output.line(CLIText.viewDeleted.format(language, args.positionals[1]))
        default:
            throw UsageError(en: "views takes save, list or delete", zh: "views 后接 save、list 或 delete")
        }
        return 0
    }

    /// The filter a view lists for this user: its own, within what `CaseAccess` lets them see.
    static func filter(_ view: SavedView, store: CaseStore, context: CommandContext) throws -> CaseFilter {
        var filter = view.filter.caseFilter
        filter.department = try context.access(store).department(requested: filter.department)
        return filter
    }

    /// The view's live count: the very filter `list --view` lists.
    static func count(_ view: SavedView, store: CaseStore, context: CommandContext) throws -> Int {
        try CaseQueries.count(try filter(view, store: store, context: context), in: store)
    }

    static let header = [Bilingual(en: "VIEW", zh: "视图"), Bilingual(en: "CASES", zh: "案件数"), Bilingual(en: "OWNER", zh: "创建人"),
                         Bilingual(en: "SHARED WITH", zh: "共享范围")]
}
