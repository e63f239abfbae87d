import WicketCore
import WicketTUI

enum ScreenCommand {
    static let spec = CommandSpec(
        name: "screen", arguments: [],
        summary: "Print what the workstation shows after some keys, as plain text (for scripts and tests).",
        options: [
            .value("--size", "WxH", "terminal size (default 100x30)"),
            .value("--keys", "KEYS", "keys to press first, e.g. 'jj<Enter>' (see below)"),
            .value("--view", "VIEW", "inbox (default) or dashboard (what `wicket dashboard` opens on)"),
        ],
        discussion: """
            KEYS: characters stand for themselves (Chinese too); named keys in angle brackets:
            <Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <BS> <Del>
            <Space> <F1>…<F12> <C-x> (Ctrl-x) <lt> (a literal <).
            """
    ) { args, context in
        var width = 100
        var height = 30
        if let size = args.value("--size") {
            let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
                throw UsageError(en: "--size takes WIDTHxHEIGHT, e.g. 80x24",
                    zh: "--size 取 宽x高，例如 80x24")
            }
            (width, height) = (parts[0], parts[1])
        }
        let view = args.value("--view") ?? "inbox"
        guard view == "inbox" || view == "dashboard" else {
            throw UsageError(en: "--view \(view): choose inbox or dashboard",
                zh: "--view \(view)：请选择 inbox 或 dashboard")
        }
        let keys: [Key]
        do {
            keys = try KeyScript.parse(args.value("--keys") ?? "")
        } catch let error as KeyScript.ParseError {
            throw UsageError(message: error.message)
        }
        let store = try context.openStore()
        Output.line(try ScreenCapture.capture(store: store, login: context.actingUser, width: width, height: height, keys: keys,
                                                 dashboard: view == "dashboard", options: context.screenOptions()))
        return 0
    }
}
