import Foundation

/// What a service item needs, said once and whole: the checklist, the limits, the fee and where
/// to apply, from the catalog. A consultation's answer is drafted from it; case templates may use
/// the same placeholders.
struct ServiceNotice {
    let store: CaseStore
    let service: ServiceItem
    let language: Language

    var values: [Placeholder: String] {
        [.checklist: checklist, .limits: limits, .fee: fee, .whereToApply: whereToApply]
    }

    var checklist: String {
        service.materials.enumerated().map { index, code in
            "\(index + 1). " + (store.material(code)?.name(language) ?? code)
        }.joined(separator: "\n")
    }

    var limits: String {
        language == .zh
            ? "受理 \(service.acceptanceLimitDays) 个工作日内，承诺 \(service.promisedLimitDays) 个工作日内办结（法定 \(service.legalLimitDays) 个工作日）"
            : "accepted within \(service.acceptanceLimitDays) working days, decided within \(service.promisedLimitDays) working days (the law allows \(service.legalLimitDays))"
    }

    var fee: String {
        let fee = service.fee.trimmingCharacters(in: .whitespaces)
        if fee.isEmpty { return language == .zh ? "不收费" : "free of charge" }
        return fee
    }

    var whereToApply: String {
        let department = store.department(service.department).map { language == .zh ? $0.nameZh : $0.nameEn } ?? service.department
        if service.fullyOnline {
            return language == .zh ? "可全程网上办理，或到政务服务大厅\(department)窗口办理"
                : "entirely online, or at the \(department) window of the government service hall"
        }
        return language == .zh ? "政务服务大厅\(department)窗口" : "the \(department) window of the government service hall"
    }
}

/// The built-in answer templates of a consultation, in both languages (placeholders as in
/// `ReplyTemplate`). With a service item the answer is the whole one-time notice; without one, a
/// greeting the clerk completes.
public enum ConsultationNotice {
    static let serviceText: [Language: String] = [
        .zh: """
            {applicant}您好：关于您咨询的{service}（咨询编号{consultation_number}），现一次性告知如下。
            所需材料：
            {checklist}
            办理时限：{limits}
            收费：{fee}
            办理地点：{where_to_apply}
            如有疑问，欢迎再与我们联系。
            """,
        .en: """
            Dear {applicant}, about your question on {service} (consultation {consultation_number}), here is everything at once.
            Materials to bring:
            {checklist}
            Time limits: {limits}
            Fee: {fee}
            Where to apply: {where_to_apply}
            Please contact us again if anything is unclear.
            """,
    ]

    static let plainText: [Language: String] = [
        .zh: "{applicant}您好：关于您的咨询（咨询编号{consultation_number}）：\n",
        .en: "Dear {applicant}, about your question (consultation {consultation_number}):\n",
    ]

    /// The template file's sections for consultations (`templates load`): with a service item, without.
    public static let sections = ["consult_service", "consult_plain"]

    /// The consultations' sections of a template file.
    public static func parseFile(_ text: String) throws -> [(String, Language, ReplyTemplate)] {
        try TemplateSet.sections(text).filter { sections.contains($0.0) }
    }

    /// The template in force: the hall's (`templates load`), else the built-in one.
    public static func template(_ section: String, language: Language, in db: Database) throws -> ReplyTemplate {
        if let body = try db.scalarString("SELECT body FROM templates WHERE action = ? AND lang = ?", section, language.rawValue),
           let loaded = try? ReplyTemplate(body) {
            return loaded
        }
        let text = (section == sections[0] ? serviceText : plainText)[language] ?? ""
        // Built-in texts are tested to parse; a failure here is a programming error.
        return try! ReplyTemplate(text)
    }

    static func draft(_ consultation: Consultation, store: CaseStore) throws -> String {
        let language = consultation.language
        var values: [Placeholder: String] = [
            .applicant: consultation.askerName, .consultationNumber: consultation.number, .question: consultation.question,
        ]
        let service = consultation.serviceCode.flatMap(store.service)
        if let service {
            values[.service] = service.name(language)
            values.merge(ServiceNotice(store: store, service: service, language: language).values) { mine, _ in mine }
        }
        return try template(sections[service == nil ? 1 : 0], language: language, in: store.db).render(values)
    }
}
