/// A reply's delivery state as a clerk reads it, in the detail pane and `wicket show`: a
/// failure says whether it is still retried (try 3 of 12, the next at 10:42), failed for good
/// with the gateway's error, or was handled by a clerk and how.
public enum DeliveryText {
    public static func describe(_ message: CaseDetail.Message, hallTime: HallTime, today: Day) -> Bilingual? {
        guard let state = message.deliveryState else { return nil }
        let error = message.lastError
        func withError(_ text: Bilingual) -> Bilingual {
            error.isEmpty ? text : Bilingual(en: text.en + ": " + error, zh: text.zh + "：" + error)
        }
        if let handledAt = message.handledAt, state == .failed || state == .failedPermanent {
            let who = message.handledBy ?? ""
            let note = message.handledNote ?? ""
            let at = Bilingual(en: DateText.moment(stored: handledAt, hallTime: hallTime, language: .en),
                               zh: DateText.moment(stored: handledAt, hallTime: hallTime, language: .zh))
            return Bilingual(en: "failed — handled by \(who) on \(at.en): \(note)", zh: "发送失败，\(who) 已于\(at.zh)另行处理：\(note)")
        }
        switch state {
        case .queued:
            return Bilingual(en: "queued for delivery", zh: "等待发送")
        case .sent, .delivered:
            return state.word
        case .failedPermanent:
            return withError(Bilingual(en: "failed permanently", zh: "发送失败，不再重试"))
        case .failed:
            let tries = "\(message.attempts)/\(Outbox.maxAttempts)"
            guard let next = message.nextAttemptAt else {
                return withError(Bilingual(en: "failed — retrying (\(tries))", zh: "发送失败，重试中（\(tries)）"))
            }
            let en = time(next, hallTime: hallTime, today: today, language: .en)
            let zh = time(next, hallTime: hallTime, today: today, language: .zh)
            return withError(Bilingual(en: "failed — retrying (\(tries)), next \(en)", zh: "发送失败，重试中（\(tries)），下次 \(zh)"))
        }
    }

    /// 10:42 today; a day and a time otherwise.
    static func time(_ stored: String, hallTime: HallTime, today: Day, language: Language) -> String {
        let plain = hallTime.display(stored: stored)
        let parts = plain.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0] == today.description { return String(parts[1]) }
        return DateText.moment(stored: stored, hallTime: hallTime, language: language)
    }
}
