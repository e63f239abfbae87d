/// Built-in replies for every action that tells the applicant, in Chinese and English.
/// A hall overrides any of them with `wicket templates load FILE`.
enum DefaultTemplates {
    static let appeal = "如对本决定不服，可以自收到本通知之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。"
    static let appealEn = "If you disagree with this decision, you may apply for administrative reconsideration within 60 days of receiving this notice, or bring an administrative lawsuit within 6 months."

    static let text: [CaseAction: [Language: String]] = [
        .accept: [
            .zh: "{applicant}您好：您申请的{service}（受理编号{case_number}）已正式受理，我们将在{due_date}前作出决定。",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) has been accepted. We will decide on it by {due_date}.",
        ],
        .requestMaterials: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）尚需补正以下材料，本通知一次性告知全部需补正内容：\n{missing_materials}\n请补齐后提交，我们收到后将及时办理。",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) needs the following materials. This notice lists everything that is needed:\n{missing_materials}\nPlease send them all; we will continue as soon as they arrive.",
        ],
        .reject: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）不予受理，理由：{reason}。\(appeal)",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) cannot be accepted: {reason}. \(appealEn)",
        ],
        .approve: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）已审批通过，我们将尽快将办理结果交付给您。",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) has been approved. We will hand over the result shortly.",
        ],
        .deny: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）经审查不予许可，理由：{reason}。\(appeal)",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) has been denied: {reason}. \(appealEn)",
        ],
        .deliver: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）已办结，办理结果已交付。欢迎对本次服务作出评价。",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) is complete and the result has been handed over. We welcome your rating of our service.",
        ],
        .suspend: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）因{reason}暂停计算办理时限，恢复后我们将通知您。",
            .en: "Dear {applicant}, the time limit of your application for {service} (case {case_number}) is paused: {reason}. We will tell you when it resumes.",
        ],
        .resume: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）已恢复办理，我们将在{due_date}前作出决定。",
            .en: "Dear {applicant}, work on your application for {service} (case {case_number}) has resumed. We will decide on it by {due_date}.",
        ],
        .extend: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）因{reason}，办理期限延长{days}个工作日，将在{due_date}前作出决定。",
            .en: "Dear {applicant}, the time limit of your application for {service} (case {case_number}) is extended by {days} working days because {reason}. We will decide on it by {due_date}.",
        ],
        .withdraw: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）已撤回，说明：{reason}。",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) has been withdrawn: {reason}.",
        ],
        .transfer: [
            .zh: "{applicant}您好：您申请的{service}（编号{case_number}）已转交{department}办理，原因：{reason}。",
            .en: "Dear {applicant}, your application for {service} (case {case_number}) has been passed to {department}: {reason}.",
        ],
    ]
}
