import WicketCore

enum CheckCommand {
    static let spec = CommandSpec(
        name: "check", arguments: [],
        summary: "Check the database: integrity, foreign keys, the history chain, cases against their history.",
        discussion: """
            Runs PRAGMA integrity_check and foreign_key_check, makes sure the history is still append-only,
            recomputes every history event's HMAC-SHA-256 along the chain with the history key (the file
            DATABASE.key), compares each case's status, version, holder and department with what its
            history implies, and each running case's warning and due days with the calendar. Warns (exit
            status unchanged) when open cases are due in a year whose holiday schedule is not loaded, or in
            December when next year's is not. Exit 0 when all is well (the head hash is printed: keep it to prove
            later that the history was not rewritten); exit 1 with the first problem found, named.
            """
    ) { _, context in
        let store = try context.openStore()
        // On the hall, the whole history is the admins' and root's to check: a clerk's run would
        // count (and on failure name) other departments' events.
        if context.isHallRun, !ProcessTrust.isRoot {
            try context.requireAdmin(store, for: Bilingual(en: "check the hall's database", zh: "检查业务厅数据库"))
        }
        let language = context.settings.language
        // Not a fault in the file: due days that may still move. A warning whatever the result.
        for warning in try CalendarCoverage.read(store).warnings {
            Output.error(CLIText.warning.format(language, warning.text(language)))
        }
        do {
            let summary = try IntegrityCheck(db: store.db).run()
            Output.line(CLIText.checkOK.format(language, summary.events, summary.cases))
            Output.line(CLIText.checkHead.format(language, summary.headHash ?? CLIText.checkNoEvents.text(language)))
            return 0
        } catch let problem as IntegrityCheck.Problem {
            Output.error(CLIText.checkFailed.format(context.settings.language, problem.text(context.settings.language)))
            return 1
        }
    }
}
