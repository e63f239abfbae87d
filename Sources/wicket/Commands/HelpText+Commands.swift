import WicketCore

/// Each command's `--help` in Chinese: the discussion and every option's line. A missing entry
/// falls back to English, and a test (a Chinese help run for every command) catches it.
extension HelpText {
    static let discussionsZh: [String: String] = [
        "init": "不会改动已存在的文件：无论是 Wicket 数据库、其他程序的数据库，还是根本不是数据库。",
        "demo": "不带 --db 时，演示数据库位于 ~/.local/share/wicket/demo.db，与正式数据库分开。",
        "certificates": """
            每行一份电子证照：type（材料代码）、id_number（持证人证件号；只保存其带密钥的散列）、
            number、issuer、valid_from、valid_until（YYYY-MM-DD），"revoked": true 表示已撤销。
            已有且相同的行不作改动；有变化的行予以更新。错误行以 `line N: 原因` 报告（退出码 1）。
            有效且未撤销的电子证照使该材料对持证人的案件“已有存档”：不再要求提交。
            """,
        "import": """
            每行一件申请；编号（ref）已登记的行不作改动，因此可以放心重复运行。
            错误行以 `line N: reason` 报告在标准错误上，其余照常导入（有错误行时退出码为 1）。
            证件号和电话号码会被核验：居民身份证号核验校验码和出生日期；其他证件以 applicant.id_type 注明
            （hk_macao_permit、taiwan_permit、passport、foreign_permanent_resident）。
            只有管理员和门户登录（`users add portal --role portal`）可以导入；其他人会被拒绝。
            """,
        "act": "操作：" + CaseAction.allCases.map(\.rawValue).joined(separator: " "),
        "report": "与看板（`wicket dashboard`）相同的数字，由同一段代码算出。",
        "dashboard": """
            全屏工作台，打开在看板上（在收件箱按 B 或 F3）。任何人改动案件时会自动刷新。
            在某个数字上按回车列出正是这些案件；Esc 返回。t / w / m / c：今天、本周、30 天、
            自定义时段；d：部门（主管；办事员只看本部门）。同样的数字以文本输出：`wicket report`；
            供脚本使用的画面：`wicket screen --view dashboard`。
            """,
        "deliver": """
            发送命令取自 $WICKET_DELIVERY_COMMAND 或 delivery_command 设置。它在标准输入上收到一条 JSON 格式的答复；
            退出码 0 表示已发送，65 表示永久失败，其他表示暂时失败（稍后重试）。
            它在自己的进程组中运行；超过时限仍无应答，或本进程被停止（SIGTERM、SIGINT、SIGHUP）时，
            整个进程组先收到 SIGTERM，2 秒后收到 SIGKILL，该答复稍后重试。
            操作只把答复放入队列；请以服务用户运行 `wicket deliver --watch`（README：systemd 单元示例）。
            """,
        "catalog": "`catalog export > c.json`，编辑后 `catalog load c.json`。新目录中未列出的事项将停用。",
        "calendar": """
            文件格式，每行一条：`日期[..日期] holiday|workday [名称]`，# 为注释，例如
              2027-10-01..2027-10-07  holiday  国庆节 National Day
              2027-10-09              workday  国庆节调休
            载入会替换日历，并相应调整在办案件的到期日。日历未覆盖的年份按法定节假日规则推算假日，
            标为暂定（不含调休上班日），直到载入该年的官方安排；列表中会标出这些日子。
            """,
        "templates": """
            文件格式：`[ACTION.zh]` 或 `[ACTION.en]` 标题行，之后到下一个标题前的文字为模板。
            占位符：{case_number} {applicant} {service} {missing_materials} {due_date} {reason} {department} {days}；未知占位符会被拒绝。
            """,
        "settings": SettingsCommand.keys.map { "  \($0.0)：\(SettingsCommand.keysZh[$0.0] ?? $0.1)" }.joined(separator: "\n"),
        "backup": """
            副本是数据库某一时刻的一致快照，经 PRAGMA integrity_check 检查，并先以临时文件名写入：
            PATH 要么是完整副本，要么保持原样。PATH 已存在时拒绝，除非加 --force。
            副本是普通 SQLite 文件；用 --db PATH 打开。
            """,
        "check": """
            运行 PRAGMA integrity_check 和 foreign_key_check，确认历史仍只可追加，沿链重新计算每条历史记录的
            SHA-256，并核对每件案件的状态和版本与其最后一条记录一致。在办案件的到期日落在节假日安排尚未载入的年份，
            或十二月时下一年的安排尚未载入，会给出警告（退出码不变）。一切正常时退出码为 0（并打印链头哈希：
            请保存，日后可证明历史未被改写）；否则退出码为 1，并指出发现的第一个问题。
            """,
        "check-host": """
            按 README“共享主机”一节检查：已安装的 wicket 属于 root 且对服务组 setgid；PREFIX/etc/wicket/wicket.conf
            属于 root 并指定业务厅数据库；其文件夹属于服务组，权限 2770；数据库、-wal/-shm 和历史密钥是该组的普通文件，
            其他人无任何权限；没有办事员是该组成员。每项发现一行；有任何问题时退出码为 1。
            """,
        "screen": """
            按键：字符代表其本身（中文亦可）；具名按键写在尖括号中：
            <Enter> <Esc> <Tab> <S-Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <BS> <Del>
            <Space> <F1>…<F12> <C-x>（Ctrl-x） <lt>（字面的 <）。
            """,
        "config": """
            设置依次取自：全局选项（--db、--theme、--lang、--ambiguous-width），否则环境变量（WICKET_DB、
            WICKET_THEME、WICKET_AMBIGUOUS_WIDTH、WICKET_DELIVERY_COMMAND；语言取 LC_ALL / LC_MESSAGES / LANG，
            但配置文件中的 lang 优先），否则配置文件 $XDG_CONFIG_HOME/wicket/config（~/.config/wicket/config；
            WICKET_CONFIG 可指定其他文件），否则默认值。文件由 `名称 = 值` 的行组成：
              db = /srv/wicket/hall.db
              theme = high-contrast
              lang = zh
              ambiguous-width = 2
              delivery-command = /usr/local/bin/send-sms
              key.accept = y
            NO_COLOR（非空）时总是使用 mono 主题。
            """,
    ]

    static let optionsZh: [String: String] = [
        "demo --cases": "新演示数据库的案件数（默认 2000）",
        "demo --fresh": "丢弃已有的演示数据库，重新生成",
        "list --status": "只列这些状态（例如 submitted,awaiting_materials）",
        "list --service": "只列该事项",
        "list --dept": "只列该部门",
        "list --channel": "只列该渠道（online、mobile、window、phone、mail）",
        "list --clerk": "只列该办事员经办的案件",
        "list --unassigned": "只列无人经办的案件",
        "list --failed-replies": "只列有发送失败、尚无人重发或处理的答复的案件（任何状态）",
        "list --level": "只列该预警等级：yellow、red、overdue（或 normal、paused）",
        "list --search": "编号、ref、申请人、摘要或详情中含有 TEXT 的案件",
        "list --limit": "最多 N 件（默认 50）",
        "list --json": "输出 JSON（案件对象列表）",
        "show --json": "输出 JSON",
        "show --reveal": "显示完整证件号和电话（主管、管理员、本部门办事员；查看记入历史）",
        "applicant --json": "输出 JSON",
        "applicant --reveal": "给出案件编号时：显示其申请人的完整证件号和电话（记入该案件的历史）",
        "act --reason": "理由（reject、deny、suspend、extend、withdraw、transfer 必填；handled-reply：如何另行告知）",
        "act --reason-code": "目录中的标准理由代码（reject、deny、suspend、withdraw；见 catalog export）；不写 --reason 时以其文字为理由",
        "act --message": "resend-reply / handled-reply：发送失败的答复编号（见 show；默认为唯一的一条）",
        "act --missing": "request-materials：同时把这些材料标为缺少",
        "act --materials": "supplement：收到的材料；material：要设置的材料",
        "act --state": "material：missing、submitted、verified 或 defective（配合 --reason）",
        "act --to": "assign：办事员；transfer：部门",
        "act --days": "extend：工作日数",
        "act --text": "note / reply 的文字；其他操作时替换答复模板",
        "act --rating": "rate：good、fair 或 poor",
        "act --window": "deliver / supplement：申请人到窗口办理",
        "act --online": "deliver：未经窗口交付",
        "act --version": "案件版本已不是 N 时拒绝",
        "act --json": "以 JSON 输出结果",
        "deliver --watch": "持续运行：发送后等待新答复或下次重试（直到 SIGTERM/SIGINT）",
        "deliver --time-limit": "发送命令处理一条答复的时限（默认 30 秒，1 到 600）",
        "next --json": "以 JSON 输出结果",
        "report --period": "today、week、30d（默认）、Nd 或 YYYY-MM-DD..YYYY-MM-DD",
        "report --dept": "只看一个部门（办事员：总是本部门）",
        "report --json": "输出 JSON",
        "report --csv": "输出 CSV：带字节顺序标记的 UTF-8（电子表格可读中文），表头 section,key,value",
        "report --no-bom": "配合 --csv：不加字节顺序标记（供脚本使用）",
        "users --name": "add：显示名（默认为登录名）",
        "users --role": "add：clerk（默认）、supervisor、admin 或 portal（网上办事大厅的登录：只能导入）",
        "users --dept": "add：部门（办事员必填）",
        "users --inactive": "add：登记为已停用（或停用已有用户）",
        "users --json": "list：输出 JSON",
        "catalog --json": "list：输出 JSON",
        "backup --force": "PATH 已存在时替换",
        "screen --size": "终端大小（默认 100x30）",
        "screen --keys": "先按下的键，例如 'jj<Enter>'（见下）",
        "screen --view": "inbox（默认）或 dashboard（`wicket dashboard` 打开的画面）",
    ]
}

extension CommandSpec {
    /// `--help` in the user's language.
    func help(_ language: Language) -> String {
        guard language == .zh else { return help }
        var lines = ["用法：\(usage)", "", HelpText.summary(self, language)]
        let discussion = HelpText.discussionsZh[name] ?? discussion
        if !discussion.isEmpty { lines += ["", discussion] }
        if !options.isEmpty {
            lines += ["", "选项："]
            for option in options {
                let left = option.valueName.map { "\(option.name) \($0)" } ?? option.name
                let text = HelpText.optionsZh["\(name) \(option.name)"] ?? option.help
                lines.append("  " + left.padding(toLength: max(24, left.count + 2), withPad: " ", startingAt: 0) + text)
            }
        }
        return lines.joined(separator: "\n")
    }
}
