/// The word a person reads for each code Wicket stores (statuses, actions, channels, levels, …),
/// in both languages. The codes themselves stay in the database, JSON, CSV and options; these are
/// for text a person reads. The workstation uses the same words, so the CLI and the screen agree.
extension CaseStatus {
    public var word: Bilingual {
        switch self {
        case .submitted: return Bilingual(en: "submitted", zh: "待受理")
        case .awaitingMaterials: return Bilingual(en: "awaiting", zh: "待补正")
        case .accepted: return Bilingual(en: "accepted", zh: "已受理")
        case .inReview: return Bilingual(en: "in review", zh: "审查中")
        case .suspended: return Bilingual(en: "suspended", zh: "已中止")
        case .approved: return Bilingual(en: "approved", zh: "已批准")
        case .completed: return Bilingual(en: "completed", zh: "已办结")
        case .denied: return Bilingual(en: "denied", zh: "不予许可")
        case .rejected: return Bilingual(en: "rejected", zh: "不予受理")
        case .withdrawn: return Bilingual(en: "withdrawn", zh: "已撤回")
        }
    }
}

extension CaseAction {
    public var word: Bilingual {
        switch self {
        case .accept: return Bilingual(en: "accept", zh: "受理")
        case .requestMaterials: return Bilingual(en: "request materials", zh: "一次性告知补正")
        case .supplement: return Bilingual(en: "supplement", zh: "补正收到")
        case .reject: return Bilingual(en: "reject", zh: "不予受理")
        case .startReview: return Bilingual(en: "start review", zh: "开始审查")
        case .approve: return Bilingual(en: "approve", zh: "批准")
        case .deny: return Bilingual(en: "deny", zh: "不予许可")
        case .deliver: return Bilingual(en: "deliver", zh: "送达办结")
        case .suspend: return Bilingual(en: "suspend", zh: "中止")
        case .resume: return Bilingual(en: "resume", zh: "恢复")
        case .extend: return Bilingual(en: "extend", zh: "延期")
        case .withdraw: return Bilingual(en: "withdraw", zh: "撤回")
        case .transfer: return Bilingual(en: "transfer", zh: "转办")
        case .claim: return Bilingual(en: "claim", zh: "领取")
        case .release: return Bilingual(en: "release", zh: "释放")
        case .assign: return Bilingual(en: "assign", zh: "分派")
        case .note: return Bilingual(en: "note", zh: "备注")
        case .reply: return Bilingual(en: "reply", zh: "回复")
        case .material: return Bilingual(en: "material", zh: "材料状态")
        case .rate: return Bilingual(en: "rate", zh: "评价")
        case .followUp: return Bilingual(en: "follow-up", zh: "回访")
        case .resendReply: return Bilingual(en: "resend failed reply", zh: "重发失败的答复")
        case .replyHandled: return Bilingual(en: "failed reply handled", zh: "失败答复已另行处理")
        }
    }

    /// A history entry's action as stored: a case action, the submission, or a look at the full
    /// numbers; anything else (a future action) as stored.
    public static func historyWord(_ stored: String) -> Bilingual {
        if let action = CaseAction(rawValue: stored) { return action.word }
        switch stored {
        case submitEvent: return Bilingual(en: "submit", zh: "提交")
        case "reveal": return Bilingual(en: "ID shown", zh: "查看证件")
        case Workflow.chaserEvent: return Bilingual(en: "applicant chased", zh: "申请人催办")
        default: return Bilingual(en: stored, zh: stored)
        }
    }
}

extension CaseStatus {
    /// A status stored as text (history rows); an unknown one as stored.
    public static func word(stored: String) -> Bilingual {
        CaseStatus(rawValue: stored)?.word ?? Bilingual(en: stored, zh: stored)
    }
}

/// The clock's phase as `CaseDetail` names it ("acceptance", "decision", "delivery").
public enum PhaseWord {
    public static func word(_ phase: String) -> Bilingual {
        switch phase {
        case "acceptance": return Bilingual(en: "acceptance", zh: "受理")
        case "decision": return Bilingual(en: "decision", zh: "审批")
        case "delivery": return Bilingual(en: "delivery", zh: "送达")
        default: return Bilingual(en: phase, zh: phase)
        }
    }
}

extension Channel {
    public var word: Bilingual {
        switch self {
        case .online: return Bilingual(en: "online", zh: "网上")
        case .mobile: return Bilingual(en: "mobile", zh: "移动端")
        case .window: return Bilingual(en: "window", zh: "窗口")
        case .phone: return Bilingual(en: "phone", zh: "电话")
        case .mail: return Bilingual(en: "mail", zh: "邮寄")
        }
    }
}

extension Priority {
    public var word: Bilingual {
        switch self {
        case .normal: return Bilingual(en: "normal", zh: "普通")
        case .urgent: return Bilingual(en: "urgent", zh: "加急")
        }
    }
}

extension Level {
    public var word: Bilingual {
        switch self {
        case .normal: return Bilingual(en: "normal", zh: "正常")
        case .yellow: return Bilingual(en: "yellow", zh: "黄")
        case .red: return Bilingual(en: "red", zh: "红")
        case .overdue: return Bilingual(en: "overdue", zh: "逾期")
        case .paused: return Bilingual(en: "paused", zh: "暂停")
        case .none: return Bilingual(en: "closed", zh: "已结束")
        }
    }
}

extension MaterialState {
    public var word: Bilingual {
        switch self {
        case .missing: return Bilingual(en: "missing", zh: "缺少")
        case .submitted: return Bilingual(en: "received", zh: "已收")
        case .verified: return Bilingual(en: "verified", zh: "已核验")
        case .defective: return Bilingual(en: "defective", zh: "不符")
        }
    }
}

extension Rating {
    public var word: Bilingual {
        switch self {
        case .good: return Bilingual(en: "good", zh: "满意")
        case .fair: return Bilingual(en: "fair", zh: "基本满意")
        case .poor: return Bilingual(en: "poor", zh: "不满意")
        }
    }
}

extension DeliveryState {
    public var word: Bilingual {
        switch self {
        case .queued: return Bilingual(en: "queued", zh: "待发送")
        case .sent: return Bilingual(en: "sent", zh: "已发送")
        case .delivered: return Bilingual(en: "delivered", zh: "已送达")
        case .failed: return Bilingual(en: "failed", zh: "发送失败")
        case .failedPermanent: return Bilingual(en: "failed for good", zh: "发送失败（不再重试）")
        }
    }
}

extension Role {
    public var word: Bilingual {
        switch self {
        case .clerk: return Bilingual(en: "clerk", zh: "窗口")
        case .supervisor: return Bilingual(en: "supervisor", zh: "主管")
        case .admin: return Bilingual(en: "admin", zh: "管理员")
        case .portal: return Bilingual(en: "portal", zh: "门户")
        }
    }
}

extension Language {
    /// The language of an applicant's replies.
    public var word: Bilingual {
        switch self {
        case .zh: return Bilingual(en: "Chinese", zh: "中文")
        case .en: return Bilingual(en: "English", zh: "英文")
        }
    }

    /// The code itself for English readers (it is an English word, and what options and `--json`
    /// use, so a command line stays copyable), the word for Chinese readers.
    public func code(_ code: String, _ word: Bilingual) -> String {
        self == .zh ? word.zh : code
    }
}
