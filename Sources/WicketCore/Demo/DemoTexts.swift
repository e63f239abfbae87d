/// What applicants write, per service, in Chinese and English.
enum DemoTexts {
    static let summaries: [String: (zh: [String], en: [String])] = [
        "BIRTH-REG": (["申请办理一孩生育登记", "二孩生育登记，已上传结婚证", "网上申请生育服务登记"],
                      ["Birth registration for our first child", "Registering the birth of our second child"]),
        "HUKOU-MOVE": (["投靠子女户口迁入", "购房落户，申请户口迁移", "大学毕业生户口迁回原籍"],
                       ["Moving household registration to join my children", "Registration transfer after buying a flat"]),
        "ID-RENEW": (["身份证到期换领", "身份证遗失补领，急需乘机", "身份证损坏申请换领"],
                     ["ID card expired, renewal", "Lost my ID card, need a replacement urgently"]),
        "RES-PERMIT": (["首次申领居住证", "居住证签注续期", "随迁子女入学需办理居住证"],
                       ["First residence permit application", "Residence permit for my child's school enrolment"]),
        "INDIV-BIZ": (["开设早餐店个体户登记", "网店个体工商户登记", "理发店设立登记"],
                      ["Registering a small breakfast shop", "Registering an online shop as an individual business"]),
        "COMPANY-REG": (["科技有限公司设立登记", "餐饮管理有限公司设立", "贸易公司设立登记"],
                        ["Establishing a software company", "Registering a trading company"]),
        "FOOD-LIC": (["小餐馆食品经营许可申请", "便利店预包装食品经营许可", "奶茶店食品经营许可"],
                     ["Food licence for a small restaurant", "Food licence for a tea shop"]),
        "SSC-CARD": (["首次申领社保卡", "社保卡遗失补办", "社保卡换领第三代卡"],
                     ["First social security card", "Replacing a lost social security card"]),
        "PENSION-CERT": (["年度养老待遇资格认证", "异地居住养老资格认证"],
                         ["Annual pension eligibility check", "Pension certification while living abroad"]),
        "MARRIAGE": (["预约结婚登记", "结婚登记预约，希望周五办理"],
                     ["Marriage registration appointment", "Booking a marriage registration"]),
        "DRIVER-RENEW": (["驾驶证期满换证", "驾驶证到期换证，已体检"],
                         ["Driving licence renewal", "Licence expires next month, renewal"]),
        "PROPERTY-TRANSFER": (["二手房转移登记", "继承房产转移登记", "夫妻间房产过户"],
                              ["Transfer registration of a second-hand flat", "Property transfer between spouses"]),
        "HPF-WITHDRAW": (["购房提取住房公积金", "租房提取公积金", "离职提取公积金"],
                         ["Withdrawing provident fund to buy a home", "Provident fund withdrawal for rent"]),
    ]

    static let detailsZh = ["材料已在网上提交，请尽快审核。", "我上周打过电话，至今没有回复，请帮忙查一下进度。",
                            "因工作原因只能周末办理，请告知是否可以邮寄。", "附件照片有些模糊，如需重新上传请告诉我。",
                            "请问还需要补充什么材料？希望一次性告知。"]
    static let detailsEn = ["All documents were uploaded on the portal.", "I called last week but had no answer yet.",
                            "Can the result be posted to me?", "Please tell me at once if anything else is needed."]

    /// Standard reasons (`DefaultCatalog.reasons`) as clerks chose them, the words sometimes edited.
    static let rejectReasons = [("NOT-REMIT", "不属于本机关职责范围，请向户籍所在地派出所申请"), ("NOT-ELIGIBLE", "申请人不符合申请条件"),
                                ("NO-PERMIT-NEEDED", "申请事项依法不需要取得行政许可")]
    static let denyReasons = [("INSPECTION-FAILED", "经现场核查，经营场所不符合食品安全要求"), ("UNTRUE-MATERIALS", "申请材料存在虚假内容"),
                              ("CONDITIONS-NOT-MET", "不符合法定条件")]
    static let suspendReasons = ["需现场核查", "需组织专家评审", "申请人要求听证"]
    static let withdrawReasons = ["申请人来电要求撤回", "申请人已在其他地区办理"]
    static let defectReasons = ["照片背景不是白色", "复印件不清晰", "证件已过有效期"]
    static let notes = ["已电话联系申请人，说明补正要求。", "申请人下午来窗口补交材料。", "需与不动产中心核对产权信息。",
                        "Applicant speaks English only; reply in English."]
    static let poorComments = ["等了很久没有人回复", "要求补交了两次材料", "窗口排队时间太长"]
}
