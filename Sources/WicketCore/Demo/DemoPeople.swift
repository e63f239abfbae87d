/// Applicants and clerks for the demo: plausible names, valid-looking ID numbers and phones.
enum DemoPeople {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let givenNames = ["芳", "伟", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
                             "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "建国", "志强", "海燕",
                             "晓明", "思远", "欣怡", "子涵", "浩然", "雨桐", "梓萱", "宇轩", "诗涵", "一诺", "俊杰", "佳怡"]
    static let englishNames = ["John Smith", "Maria Garcia", "David Miller", "Anna Müller", "Kenji Sato", "Olga Ivanova",
                               "Pierre Dubois", "Sarah O'Connor", "Lucas Silva", "Emma Johansson", "Ahmed Khan",
                               "Nguyen Thi Lan", "Kim Min-jun", "James Brown", "Sofia Rossi"]
    /// Area codes of real prefectures (Guangzhou, Beijing, Shanghai, Chengdu, Wuhan, Hangzhou).
    static let areaCodes = ["440106", "110105", "310115", "510107", "420106", "330106"]

    static func chineseName(_ random: inout SeededRandom) -> String {
        random.pick(surnames) + random.pick(givenNames)
    }

    /// An 18-digit resident ID number with a correct ISO 7064 check character.
    static func idNumber(_ random: inout SeededRandom) -> String {
        let year = Int.random(in: 1950...2004, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        let sequence = Int.random(in: 0...999, using: &random)
        var body = random.pick(areaCodes)
        body += String(format: "%04d%02d%02d%03d", year, month, day, sequence)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + Int(String($1.0))! * $1.1 }
        let checks = Array("10X98765432")
        return body + String(checks[sum % 11])
    }

    static func phone(_ random: inout SeededRandom) -> String {
        let prefixes = ["138", "139", "137", "135", "150", "158", "186", "188", "177", "199"]
        return random.pick(prefixes) + String(format: "%08d", Int.random(in: 0...99_999_999, using: &random))
    }

    /// Demo clerks, one or more per department, plus a supervisor and an admin.
    static let staff: [User] = [
        User(login: "zhang.wei", displayName: "张伟", role: .clerk, department: "PSB"),
        User(login: "li.na", displayName: "李娜", role: .clerk, department: "PSB"),
        User(login: "wang.fang", displayName: "王芳", role: .clerk, department: "CIVIL"),
        User(login: "liu.yang", displayName: "刘洋", role: .clerk, department: "HEALTH"),
        User(login: "chen.jing", displayName: "陈静", role: .clerk, department: "SAMR"),
        User(login: "yang.lei", displayName: "杨磊", role: .clerk, department: "SAMR"),
        User(login: "zhao.min", displayName: "赵敏", role: .clerk, department: "HRSS"),
        User(login: "huang.tao", displayName: "黄涛", role: .clerk, department: "TRAFFIC"),
        User(login: "zhou.jie", displayName: "周杰", role: .clerk, department: "REALTY"),
        User(login: "wu.xia", displayName: "吴霞", role: .clerk, department: "HPF"),
        User(login: "sun.li", displayName: "孙丽", role: .supervisor, department: nil),
        User(login: "admin", displayName: "系统管理员 Administrator", role: .admin, department: nil),
    ]
}
