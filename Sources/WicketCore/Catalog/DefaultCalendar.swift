/// Mainland China's public holidays and make-up working days as the State Council announced
/// them. An admin loads later years with `wicket calendar load FILE` (same format).
public enum DefaultCalendar {
    public static let text = """
    # Wicket working-day calendar: DAY[..DAY] holiday|workday [name]
    # 2025
    2025-01-01              holiday  元旦 New Year's Day
    2025-01-26              workday  春节调休 Spring Festival make-up day
    2025-01-28..2025-02-04  holiday  春节 Spring Festival
    2025-02-08              workday  春节调休 Spring Festival make-up day
    2025-04-04..2025-04-06  holiday  清明节 Qingming Festival
    2025-04-27              workday  劳动节调休 Labour Day make-up day
    2025-05-01..2025-05-05  holiday  劳动节 Labour Day
    2025-05-31..2025-06-02  holiday  端午节 Dragon Boat Festival
    2025-09-28              workday  国庆节调休 National Day make-up day
    2025-10-01..2025-10-08  holiday  国庆节、中秋节 National Day and Mid-Autumn Festival
    2025-10-11              workday  国庆节调休 National Day make-up day
    # 2026
    2026-01-01..2026-01-03  holiday  元旦 New Year's Day
    2026-01-04              workday  元旦调休 New Year make-up day
    2026-02-14              workday  春节调休 Spring Festival make-up day
    2026-02-15..2026-02-23  holiday  春节 Spring Festival
    2026-02-28              workday  春节调休 Spring Festival make-up day
    2026-04-04..2026-04-06  holiday  清明节 Qingming Festival
    2026-05-01..2026-05-05  holiday  劳动节 Labour Day
    2026-05-09              workday  劳动节调休 Labour Day make-up day
    2026-06-19..2026-06-21  holiday  端午节 Dragon Boat Festival
    2026-09-20              workday  国庆节调休 National Day make-up day
    2026-09-25..2026-09-27  holiday  中秋节 Mid-Autumn Festival
    2026-10-01..2026-10-07  holiday  国庆节 National Day
    2026-10-10              workday  国庆节调休 National Day make-up day
    """
}
