import WicketCore

/// `wicket help` in Chinese: the overview and each command's one-line summary. (English lives
/// beside each command; a test checks every command has its Chinese line.)
enum HelpText {
    static let summariesZh: [String: String] = [
        "init": "创建数据库（含默认事项目录和工作日历）；您成为第一位管理员。",
        "demo": "创建（若不存在）含逼真案件的演示数据库并打开。",
        "import": "从 JSON Lines 文件（或 - 表示标准输入）导入申请。",
        "consult": "咨询：登记、列出、查看、起草、答复、结束、转为申请、导入、统计。",
        "list": "列出案件，最紧急的在前（除非 --status 另有指定，只列在办案件）。",
        "show": "查看案件：申请人、时限、材料、消息、备注和完整历史。",
        "applicant": "查看申请人的案件：按其某一案件或证件号（号码遮盖显示）。",
        "certificates": "从电子证照库导入电子证照（JSON Lines；仅管理员和门户登录）。",
        "act": "对案件执行操作（一个事务，一条历史记录），或对多件案件逐件执行。",
        "next": "领取下一件：认领本部门最紧急的未分配案件。",
        "report": "主管的数字：积压、时限、流量和满意度。",
        "dashboard": "打开主管看板：积压、时限、流量和满意度，实时更新。",
        "deliver": "立即把所有到期答复交给发送命令（重试暂停期已过的失败答复）。",
        "users": "登记用户（仅管理员）或列出用户。",
        "catalog": "查看事项目录、导出为 JSON 或载入新目录（仅管理员）。",
        "calendar": "列出节假日和调休工作日，或载入日历文件（仅管理员）。",
        "templates": "查看现行答复模板，或从文件载入覆盖模板（仅管理员）。",
        "macros": "列出宏（带字段和备注的具名操作），或从文件载入（仅管理员）。",
        "views": "保存具名的列表筛选（视图），列出您的视图及其实时数量，或删除视图。",
        "escalate": "发出当前应发的催办通知（供 cron 使用；无论多少进程运行，每条规则每件案件只发一次）。",
        "notices": "发给您的催办通知（待确认的在前），或确认其中一条。",
        "chaser": "登记申请人的催办：询问案件进展的电话或消息（一条历史记录）。",
        "settings": "查看或修改大厅设置（修改需管理员）。",
        "backup": "在办事员继续工作时把数据库复制到 PATH（SQLite 在线备份）。",
        "check": "检查数据库：完整性、外键、历史链、案件与历史是否一致。",
        "check-host": "检查共享主机的设置：setgid 程序、主机设置、业务厅文件夹、文件、密钥和服务组。",
        "screen": "以纯文本打印按下若干键后工作台的画面（供脚本和测试使用）。",
        "config": "打印生效的用户设置及每项的来源。",
        "help": "显示 Wicket 或某个命令的帮助。",
        "version": "打印 Wicket 的版本。",
        "appointments": "预约：时段表、预约、签到和今日看板。",
    ]

    static func summary(_ spec: CommandSpec, _ language: Language) -> String {
        language == .zh ? summariesZh[spec.name] ?? spec.summary : spec.summary
    }

    static let overviewZh = """
        Wicket：政务服务大厅分拣申请、答复申请人的工作台。

        用法：wicket [全局选项] [命令 [选项]]

        不带命令时，wicket 打开该数据库的工作台。

        全局选项：
          --db PATH     案件数据库（否则 $WICKET_DB，否则 ~/.local/share/wicket/wicket.db）
          --as LOGIN    以另一位已登记用户的身份操作（否则为您的登录名）
          --theme NAME|PATH     颜色和属性（否则 $WICKET_THEME、配置文件、default）；
                                default、light、high-contrast、mono；NO_COLOR 强制 mono
          --lang zh|en          界面语言（否则配置文件，否则 LC_ALL / LC_MESSAGES / LANG）
          --ambiguous-width 1|2 终端把歧义宽度字符画成双宽时用 2（ASCII 边框）
        设置也可写在 ~/.config/wicket/config：见 `wicket config --help`。

        命令：
        """

    static let overviewEn = """
        Wicket: the service hall's workstation for triaging applications and answering applicants.

        usage: wicket [global options] [COMMAND [options]]

        Without a command, wicket opens the workstation on the database.

        global options:
          --db PATH     the case database (else $WICKET_DB, else ~/.local/share/wicket/wicket.db)
          --as LOGIN    act as another registered user (else your login name)
          --theme NAME|PATH     colours and attributes (else $WICKET_THEME, the config file, default);
                                default, light, high-contrast, mono; NO_COLOR forces mono
          --lang zh|en          the language (else the config file, else LC_ALL / LC_MESSAGES / LANG)
          --ambiguous-width 1|2 2 where the terminal draws ambiguous characters wide (ASCII borders)
        Settings may also live in ~/.config/wicket/config: see `wicket config --help`.

        commands:
        """
}
