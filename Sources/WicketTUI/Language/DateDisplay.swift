import WicketCore

/// Moments as each language writes them: 2026年11月26日 15:30 / 26 Nov 2026 15:30, in hall time.
enum DateDisplay {
    static func moment(stored: String?, hallTime: HallTime, language: Language) -> String {
        // HallTime.display gives "YYYY-MM-DD HH:MM"; only the day part differs between languages.
        let plain = hallTime.display(stored: stored)
        let parts = plain.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let day = Day(String(parts[0])) else { return plain }
        return DateText.day(day, language: language) + " " + parts[1]
    }
}
