/// The core's sentences about consultations, in both languages.
enum ConsultationWords {
    static func notFound(_ number: String) -> Bilingual {
        // The same words whether it is missing or one the reader may not see (`CaseAccess`).
        Bilingual(en: "no consultation \(number) that you may see", zh: "没有您可查看的咨询 \(number)")
    }

    static func stale(_ number: String, expected: Int, current: Int) -> Bilingual {
        Bilingual(en: "consultation \(number) changed since you read it (your version \(expected), now \(current)); look at it again and retry",
                  zh: "咨询 \(number) 在您读取后已被改动（您的版本 \(expected)，现为 \(current)）；请重新查看后再试")
    }

    static func notOpen(_ number: String, _ status: ConsultationStatus, doing: Bilingual) -> Bilingual {
        Bilingual(en: "cannot \(doing.en) consultation \(number): it is \(status.word.en)",
                  zh: "无法\(doing.zh)咨询 \(number)：它\(status.word.zh)")
    }

    static let answerWord = Bilingual(en: "answer", zh: "答复")
    static let closeWord = Bilingual(en: "close", zh: "结束")
    static let convertWord = Bilingual(en: "convert", zh: "转为申请")

    static let emptyQuestion = Bilingual(en: "the question is empty", zh: "咨询内容为空")
    static let emptyName = Bilingual(en: "the asker's name is empty", zh: "咨询人姓名为空")
    static let emptyAnswer = Bilingual(en: "the answer is empty", zh: "答复内容为空")
    static let reasonRequired = Bilingual(en: "closing a consultation needs a reason", zh: "结束咨询需要填写理由")
    static let noDepartment = Bilingual(
        en: "a consultation needs a service item, a case or a department to belong to (--dept, or \"department\" on an import line)",
        zh: "咨询需要指明事项、案件或部门（--dept，或导入行中的 \"department\"）")
    static let needsService = Bilingual(
        en: "this consultation names no service item: give one (--service CODE) to turn it into an application",
        zh: "该咨询未指明事项：请用 --service 代码 指明后再转为申请")
    static let portalAsks = Bilingual(
        en: "a portal login brings consultations in by import (`wicket consult import`), not one by one",
        zh: "门户登录通过导入（`wicket consult import`）提交咨询，不逐条登记")

    static func tooLong(_ count: Int) -> Bilingual {
        Bilingual(en: "the text is \(count) characters; at most \(Workflow.textLimit) may be stored with one action",
                  zh: "正文有 \(count) 个字符；一次操作最多保存 \(Workflow.textLimit) 个字符")
    }

    static func onTheSpotChannel(_ channel: Channel) -> Bilingual {
        Bilingual(en: "only phone and window questions are answered on the spot; a \(channel.rawValue) question is answered by a reply",
                  zh: "只有电话和窗口咨询可以当场答复；\(channel.word.zh)咨询须以答复送达")
    }

    static func unknownService(_ code: String) -> Bilingual {
        Bilingual(en: "unknown service '\(code)'", zh: "未知事项“\(code)”")
    }

    static func unknownDepartment(_ code: String) -> Bilingual {
        Bilingual(en: "unknown department '\(code)'", zh: "未知部门“\(code)”")
    }

    static func notClosing(_ status: ConsultationStatus) -> Bilingual {
        let closings = ConsultationStatus.closings
        return Bilingual(en: "a consultation is closed as \(closings.map(\.rawValue).joined(separator: ", ")), not \(status.rawValue)",
                         zh: "咨询只能以\(closings.map(\.word.zh).joined(separator: "、"))结束")
    }

    static func alreadyRegistered(_ ref: String) -> Bilingual {
        Bilingual(en: "a consultation with ref \(ref) is already registered", zh: "编号为 \(ref) 的咨询已登记")
    }
}
