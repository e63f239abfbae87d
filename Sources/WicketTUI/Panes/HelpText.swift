/// Every key of every pane, as `?` shows it. Kept beside the key handling's own tables.
enum HelpText {
    static let global: [(String, String)] = [
        ("Tab / Shift-Tab", "next / previous pane 切换窗格"),
        ("? / F1", "this help 帮助"),
        ("Q / Ctrl-C", "quit 退出"),
        ("Esc / q", "back 返回"),
        ("Ctrl-L", "redraw 重绘"),
        ("T", "take next: claim the most urgent unassigned case 领取下一件"),
        ("i", "walk-in intake form 窗口登记"),
        ("/", "search (Chinese too) 搜索; n / N next / previous match"),
        ("f", "filter by level, status, channel, service 筛选"),
        (".", "action menu 操作菜单"),
        ("B / F3", "supervisor dashboard 看板"),
    ]

    static let dashboard: [(String, String)] = [
        ("← → h l", "previous / next figure 上一项 / 下一项"),
        ("↑ ↓ j k", "figure on the line above / below 上下"),
        ("Tab Shift-Tab PgDn PgUp", "next / previous panel (and page) 面板"),
        ("g G Home End", "first / last figure 首 / 末"),
        ("Enter", "list exactly the cases behind the figure 查看案件; Esc there comes back"),
        ("t w m", "period: today, this week, 30 days 今日 / 本周 / 30天"),
        ("c", "custom period YYYY-MM-DD..YYYY-MM-DD 自定义期间"),
        ("d D", "next / previous department (supervisors) 切换部门"),
        ("Esc q B F3", "back to the inbox 返回"),
        ("? / F1, Ctrl-L, Q", "this help, redraw, quit"),
        ("", ""),
        ("marks", "X overdue 逾期 · !! red · ! yellow · = paused 暂停 · · none"),
        ("figures", "refresh by themselves when anyone changes a case 自动刷新"),
    ]

    static let inbox: [(String, String)] = [
        ("j k ↑ ↓", "move 移动"),
        ("PgDn Space / PgUp -", "page 翻页"),
        ("g G Home End", "first / last 首 / 末"),
        ("Enter", "open the case 打开"),
        ("1 2 3 4 5", "tabs: mine, unassigned, awaiting, warnings, all 标签"),
    ]

    static let detail: [(String, String)] = [
        ("j k ↑ ↓ PgUp PgDn g G", "scroll 滚动"),
        ("1-9 [ ]", "choose a checklist item 选择材料"),
        ("V S M F", "mark it verified, received, missing, defective 核验 / 已收 / 缺 / 不符"),
        ("R", "reveal the full ID and phone numbers (recorded in the history) 显示完整号码"),
        ("Enter", "go to the reply pane 回复"),
    ]

    static let reply: [(String, String)] = [
        ("letters, Enter", "text and new lines (letters are never commands here) 文字"),
        ("← → ↑ ↓ Home End", "move the cursor 光标"),
        ("Backspace Delete", "delete one character 删除"),
        ("Ctrl-A Ctrl-E Ctrl-K Ctrl-U", "line start / end, delete to end / start"),
        ("Ctrl-T / F2", "fill from a template 模板"),
        ("Ctrl-S / F5", "send the reply 发送"),
        ("Esc", "back; the draft is kept 草稿保留"),
    ]

    static func lines(for focus: PaneID, keys: KeyBindings) -> [(String, String)] {
        var lines: [(String, String)]
        switch focus {
        case .inbox: lines = inbox
        case .detail: lines = detail
        case .reply: lines = reply
        }
        if focus != .reply {
            lines += keys.bindings.map { (String($0.key), ActionKeys.label($0.action)) }
        }
        return lines + [("", "")] + global
    }
}
