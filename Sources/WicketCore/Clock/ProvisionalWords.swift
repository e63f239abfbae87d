/// What every surface says when a due day lies in a year whose official holiday schedule is not
/// loaded (its holidays are computed by rule: `StatutoryHolidays`). One source for the
/// workstation, the command line and the notices, in both languages.
public enum ProvisionalWords {
    /// After a due day on the clock line (`show`, the workstation's case detail).
    public static func dueNote(year: Int) -> Bilingual {
        Bilingual(en: "provisional: the \(year) holiday schedule is not loaded",
                  zh: "暂定：\(year)年的节假日安排尚未载入")
    }

    /// After the promised day in a notice to the applicant.
    public static let noticeNote = Bilingual(en: "provisional, subject to the official holiday schedule",
                                             zh: "暂定，以国家公布的节假日安排为准")

    /// `calendar list`'s mark on a computed day.
    public static let listMark = Bilingual(en: "provisional", zh: "暂定")

    /// A due day as people read it, with the note when its year is provisional:
    /// "5 Jan 2027 (provisional: …)" / "2027年1月5日（暂定：…）".
    public static func dueDay(_ day: Day, provisional: Bool, language: Language) -> String {
        let text = DateText.day(day, language: language)
        guard provisional else { return text }
        return text + parenthesised(dueNote(year: day.components.year).text(language), language)
    }

    /// The promised day of a notice, with "(provisional, subject to …)" when its year is provisional.
    public static func promisedDay(_ day: Day, calendar: WorkingCalendar, language: Language) -> String {
        let text = DateText.day(day, language: language)
        guard calendar.isProvisional(day) else { return text }
        return text + parenthesised(noticeNote.text(language), language)
    }

    static func parenthesised(_ text: String, _ language: Language) -> String {
        language == .zh ? "（\(text)）" : " (\(text))"
    }
}
