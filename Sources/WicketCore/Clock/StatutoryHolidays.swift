import Foundation

/// China's statutory public holidays by the rules in force since 2025 (State Council, Decree 795):
/// New Year's Day (1 Jan), the Spring Festival (the eve and lunar 1/1–1/3), Qingming (the day of
/// the Qingming solar term), Labour Day (1–2 May), the Dragon Boat Festival (lunar 5/5),
/// Mid-Autumn (lunar 8/15) and National Day (1–3 Oct). The published schedule of a year adds
/// bridging days and make-up working days no rule predicts, so these days only stand in for a
/// year whose schedule is not loaded: they are *provisional*.
public enum StatutoryHolidays {
    /// One computed holiday, named in both languages.
    public struct Holiday: Equatable, Sendable {
        public let day: Day
        public let name: Bilingual
    }

    /// The years computed: the lunar calendar Foundation provides and the solar-term formula
    /// below are checked against published dates for these years (see `StatutoryHolidayTests`).
    public static let years = 2000...2099

    static let newYear = Bilingual(en: "New Year's Day", zh: "元旦")
    static let springFestival = Bilingual(en: "Spring Festival", zh: "春节")
    static let qingming = Bilingual(en: "Qingming Festival", zh: "清明节")
    static let labourDay = Bilingual(en: "Labour Day", zh: "劳动节")
    static let dragonBoat = Bilingual(en: "Dragon Boat Festival", zh: "端午节")
    static let midAutumn = Bilingual(en: "Mid-Autumn Festival", zh: "中秋节")
    static let nationalDay = Bilingual(en: "National Day", zh: "国庆节")

    /// The statutory holidays of `year` in day order; empty outside `years`.
    public static func holidays(in year: Int) -> [Holiday] {
        guard years.contains(year) else { return [] }
        return computed.year(year).list
    }

    /// Whether `day` is a statutory holiday of its year.
    public static func isHoliday(_ day: Day) -> Bool {
        let year = day.components.year
        guard years.contains(year) else { return false }
        return computed.year(year).days.contains(day)
    }

    /// Each year computed once, on first use (three lunar conversions, about 60 µs).
    private static let computed = YearCache()

    private final class YearCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [Int: (list: [Holiday], days: Set<Day>)] = [:]

        func year(_ year: Int) -> (list: [Holiday], days: Set<Day>) {
            lock.lock()
            defer { lock.unlock() }
            if let found = known[year] { return found }
            let list = StatutoryHolidays.compute(year)
            let entry = (list: list, days: Set(list.map(\.day)))
            known[year] = entry
            return entry
        }
    }

    private static func compute(_ year: Int) -> [Holiday] {
        var days: [Holiday] = []
        func add(_ day: Day?, _ name: Bilingual) {
            guard let day else { return }
            // Mid-Autumn may fall within National Day (3 Oct 2028): one day off, both names.
            if let same = days.firstIndex(where: { $0.day == day }) {
                let first = days[same].name
                days[same] = Holiday(day: day, name: Bilingual(en: "\(first.en) and \(name.en)", zh: "\(first.zh)、\(name.zh)"))
            } else {
                days.append(Holiday(day: day, name: name))
            }
        }
        add(Day(year: year, month: 1, day: 1), newYear)
        if let newYearsDay = lunarDay(year, month: 1, day: 1) {
            // The eve is the last day of the 12th lunar month (the 29th or the 30th): the day before.
            for offset in -1...2 { add(newYearsDay.adding(days: offset), springFestival) }
        }
        add(Day(year: year, month: 4, day: qingmingDay(year)), qingming)
        add(Day(year: year, month: 5, day: 1), labourDay)
        add(Day(year: year, month: 5, day: 2), labourDay)
        add(lunarDay(year, month: 5, day: 5), dragonBoat)
        // National Day first: when Mid-Autumn falls within it the day reads as the published
        // schedules name it ("国庆节、中秋节").
        for day in 1...3 { add(Day(year: year, month: 10, day: day), nationalDay) }
        add(lunarDay(year, month: 8, day: 15), midAutumn)
        return days.sorted { $0.day < $1.day }
    }

    /// China's time, in which lunar months and solar terms are reckoned.
    private static let beijing = TimeZone(secondsFromGMT: 8 * 3600)!

    /// The Gregorian day of a (non-leap) lunar month and day of the lunar year that begins in
    /// `year`, from Foundation's Chinese calendar.
    static func lunarDay(_ year: Int, month: Int, day: Int) -> Day? {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = beijing
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = beijing
        // 1 July always lies in the lunar year that began in the same Gregorian year (its new
        // year falls between 21 January and 20 February).
        guard let midYear = gregorian.date(from: DateComponents(year: year, month: 7, day: 1)) else { return nil }
        let lunarYear = chinese.dateComponents([.era, .year], from: midYear)
        var wanted = DateComponents(era: lunarYear.era, year: lunarYear.year, month: month, day: day)
        wanted.isLeapMonth = false
        guard let date = chinese.date(from: wanted) else { return nil }
        let found = gregorian.dateComponents([.year, .month, .day], from: date)
        guard let y = found.year, let m = found.month, let d = found.day else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// The April day (4 or 5, in Beijing time) on which the sun's apparent ecliptic longitude
    /// reaches 15°: the Qingming solar term. Meeus, *Astronomical Algorithms*, ch. 25 (low
    /// accuracy, about 0.01°, i.e. a quarter of an hour); ΔT taken as 69 s.
    static func qingmingDay(_ year: Int) -> Int {
        let unixEpochJD = 2_440_587.5
        var jde = unixEpochJD + Double(Day.daysFromCivil(year: year, month: 4, day: 5))
        for _ in 0..<6 {
            var gap = 15 - apparentSolarLongitude(jde: jde)
            if gap > 180 { gap -= 360 }
            if gap < -180 { gap += 360 }
            jde += gap * 365.2422 / 360
        }
        let beijingDays = jde - 69.0 / 86_400 + 8.0 / 24 - unixEpochJD
        return Day(ordinal: Int(beijingDays.rounded(.down))).components.day
    }

    static func apparentSolarLongitude(jde: Double) -> Double {
        func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
        let t = (jde - 2_451_545.0) / 36_525
        let meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t
        let anomaly = radians(357.52911 + 35_999.05029 * t - 0.0001537 * t * t)
        let centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(anomaly)
            + (0.019993 - 0.000101 * t) * sin(2 * anomaly) + 0.000289 * sin(3 * anomaly)
        let node = radians(125.04 - 1934.136 * t)
        let longitude = meanLongitude + centre - 0.00569 - 0.00478 * sin(node)
        return (longitude.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
    }
}
