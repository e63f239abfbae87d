/// Days as each language writes them for applicants: 2026年12月3日 / 3 Dec 2026.
public enum DateText {
    static let monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    public static func day(_ day: Day, language: Language) -> String {
        let (y, m, d) = day.components
        switch language {
        case .zh: return "\(y)年\(m)月\(d)日"
        case .en: return "\(d) \(monthsEn[m - 1]) \(y)"
        }
    }
}
