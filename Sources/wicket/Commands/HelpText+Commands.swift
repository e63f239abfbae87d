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
        "consult": """
            子命令：add list show draft answer close convert import report
            待答复的咨询按工作小时计时（设置 consult_hours_渠道；默认 24 即一个工作日，邮寄 72）。导入：每行一条咨询
            （README“咨询导入格式”）；编号（ref）已登记的行不作改动；错误行以 `line N: reason` 报告。管理员和门户登录可以导入。
            """,
        "act": "操作：" + CaseAction.allCases.map(\.rawValue).joined(separator: " ") + "\n"
            + "多件案件：每件各在自己的事务中执行，各有自己的历史记录和答复；被拒绝的案件不作任何改动，也不会撤销其他案件。\n"
            + "退出码 0：全部完成；1：有案件被拒绝。",
        "macros": """
            文件格式：`[名称]` 一行，然后是 `字段 = 值` 行；以 `#` 开头的行为注释。
            字段：\(MacroFile.fields.joined(separator: " "))（name.zh、name.en 和 action 必填）。
            载入会替换全部宏；有错误的行使整个文件被拒绝，并指出行号。
            执行：wicket act CASE[,CASE...] --macro 名称，或 wicket act --filter ... --macro 名称。
            """,
        "views": """
            save 名称 使用 `wicket list` 的筛选条件；`wicket list --view 名称` 列出该视图的案件，正是其数量所数的案件。
            先列您自己的视图，再列与您共享的视图。
            """,
        "escalate": """
            规则：案件时限转为红色预警时通知其部门的主管；超过到期日 N 个工作日（settings escalation_overdue_days，
            默认 \(Escalation.defaultOverdueDays)）时通知大厅负责人（无部门的主管和管理员）。须以主管或管理员身份运行。
            """,
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
        "appointments": """
            plan load 文件 | plan show       大厅的预约时段表（载入：管理员；格式见 README）
            book --service 事项 --day 日期 --start HH:MM --name 姓名 (--phone 电话 | --id-number 证件号)
            move 编号 --day 日期 --start HH:MM，cancel 编号 [--reason 原因]
            check-in 编号                    预约人已到场
            call [编号]                      叫号（默认叫时段已开始的下一位到场者）：预约的申请登记为由您经办的案件，并与预约关联
            finish 编号                      办理完毕
            list [--day 日期]，board [--day 日期]  当天的预约；看板按时段显示名额和等候时间
            import 文件|-                    门户的预约，JSON Lines，按 ref 幂等（管理员、门户登录）
            sweep                            记录已到期的爽约（list 和 board 也会记录）
            standing (--id-number 证件号 | --name 姓名 --phone 电话)
                                             统计期内的爽约次数，以及是否暂停网上预约
            规则（设置）：提前 booking_min_days_ahead 天至 booking_max_working_days 个工作日预约；时段开始前
            booking_cancel_hours 小时内不能取消；时段结束 booking_grace_minutes 分钟后未到记为爽约；
            no_show_window_days 天内爽约 no_show_limit 次，暂停网上预约 no_show_suspension_days 天。
            取下一件：时段已开始的预约到场者先于现场取号的案件。
            """,
    ]

    static let optionsZh: [String: String] = [
        "demo --cases": "新演示数据库的案件数（默认 2000）",
        "consult --channel": "add：渠道 online、mobile、window、phone 或 mail",
        "consult --name": "add：咨询人姓名",
        "consult --phone": "add：咨询人电话",
        "consult --id-number": "add：咨询人证件号（可不填）",
        "consult --id-type": "add：--id-number 的证件类型（默认 resident_id）",
        "consult --service": "add：所咨询的事项；convert：要申请的事项",
        "consult --case": "add：所咨询的案件",
        "consult --dept": "add：负责答复的部门（默认取事项或案件的部门）；list：只列该部门",
        "consult --lang": "add：答复所用语言（默认 zh）",
        "consult --question": "add：咨询内容",
        "consult --answered": "add：当场答复的电话或窗口咨询：答复的内容",
        "consult --text": "answer：答复内容",
        "consult --draft": "answer：以模板草稿答复（事项的全部材料清单、时限、收费和办理地点）",
        "consult --as-status": "close：referred（转办）、duplicate（重复）或 no_reply_needed（无需答复）",
        "consult --reason": "close：理由",
        "consult --version": "answer、close、convert：咨询已不是第 N 版时拒绝",
        "consult --all": "list：所有咨询，新的在前（默认：待答复的，最紧急的在前）",
        "consult --limit": "list：最多列出 N 条（默认 50）",
        "consult --json": "输出 JSON",
        "consult --period": "report：today、week、30d（默认）、Nd 或 YYYY-MM-DD..YYYY-MM-DD",
        "demo --fresh": "丢弃已有的演示数据库，重新生成",
        "list --limit": "最多 N 件（默认 50）",
        "list --json": "输出 JSON（案件对象列表）",
        "show --json": "输出 JSON",
        "show --reveal": "显示完整证件号和电话（主管、管理员、本部门办事员；查看记入历史）",
        "views --shared": "save：与本部门共享（主管和管理员；无部门者：全大厅）",
        "views --json": "list：输出 JSON（视图对象列表）",
        "list --view": "列出该视图的案件（不能再加其他筛选条件）",
        "notices --json": "输出 JSON（催办通知对象列表）",
        "chaser --channel": "申请人以何种方式询问：online、mobile、window、phone 或 mail（必填）",
        "chaser --text": "申请人所说或所问的内容",
        "chaser --json": "以 JSON 输出 {case, version, history_id, chasers}",
        "act --macro": "执行宏：宏的操作及其字段（每件案件一条历史记录），然后宏的备注（另一条记录）",
        "macros --json": "list：输出 JSON（宏对象列表）",
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
        "act --version": "案件版本已不是 N 时拒绝（一件案件；多件时写作 CASE@N）",
        "act --filter": "对下列列表筛选条件选出的每件案件执行（与 `wicket list` 列出的相同）",
        "act --dry-run": "不作任何改动：逐件说明操作将完成还是被拒绝，以及原因",
        "act --yes": "--filter：符合条件的案件超过 \(ActCommand.confirmAbove) 件时仍然执行",
        "act --json": "以 JSON 输出结果（多件案件：列表，每件一个对象）",
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
        "appointments --service": "book：事项",
        "appointments --day": "book、move：时段日期；list、board：显示哪一天（默认今天）",
        "appointments --start": "book、move：时段开始时间",
        "appointments --name": "book、standing：预约人姓名",
        "appointments --phone": "book、standing：预约人电话",
        "appointments --id-number": "book、standing：预约人证件号",
        "appointments --id-type": "book：--id-number 的证件类型（默认 resident_id）",
        "appointments --channel": "book：online、mobile、window、phone（默认）或 mail",
        "appointments --ref": "book：门户的编号（已有此编号的预约时直接返回该预约）",
        "appointments --reason": "cancel：原因",
        "appointments --version": "move、cancel：预约版本已不是 N 时拒绝",
        "appointments --json": "输出 JSON",
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
                let text = HelpText.optionsZh["\(name) \(option.name)"] ?? shared(option) ?? option.help
                lines.append("  " + left.padding(toLength: max(24, left.count + 2), withPad: " ", startingAt: 0) + text)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The Chinese line of a filter option declared once for several commands (`CaseFilterOptions`).
    private func shared(_ option: Option) -> String? {
        guard CaseFilterOptions.options.contains(where: { $0.name == option.name }) else { return nil }
        return CaseFilterOptions.helpZh[option.name]
    }
}
