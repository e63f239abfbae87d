/// Days as each language writes them for people: 2026年12月3日 / 3 Dec 2026. The workstation, the
/// CLI's text and reply templates share it; `--json` and CSV keep ISO days and RFC 3339 instants.
public enum DateText {
    static let monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func day(_ day: Day, language: Language) -> String {
        let (y, m, d) = day.components
        switch language {
        case .zh: return "\(y)年\(m)月\(d)日"
        case .en: return "\(d) \(monthsEn[m - 1]) \(y)"
        }
    }

    /// A stored instant in hall time: 2026年11月26日 15:30 / 26 Nov 2026 15:30 ("" when unreadable).
    public static func moment(stored: String?, hallTime: HallTime, language: Language) -> String {
        // HallTime.display gives "YYYY-MM-DD HH:MM"; only the day part differs between languages.
        let plain = hallTime.display(stored: stored)
        let parts = plain.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let day = Day(String(parts[0])) else { return plain }
        return DateText.day(day, language: language) + " " + parts[1]
    }
}
