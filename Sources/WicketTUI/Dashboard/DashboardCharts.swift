/// Text charts: horizontal bars and sparklines from Unicode blocks. Each chart sits beside its
/// number, so nothing depends on colour.
enum DashboardCharts {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A bar of `value / maximum` of `width` cells, in eighths of a cell; any non-zero value shows.
    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard width > 0, maximum > 0, value > 0 else { return "" }
        let eighthsTotal = max(1, value * width * 8 / maximum)
        let full = min(width, eighthsTotal / 8)
        let rest = eighthsTotal % 8
        var text = String(repeating: "█", count: full)
        if full < width, rest > 0 { text.append(eighths[rest - 1]) }
        return text
    }

    /// One block per value, scaled to `maximum` (shared by series drawn together); zero is a dot
    /// so quiet days stand out, and the smallest non-zero value still shows.
    static func sparkline(_ values: [Int], maximum: Int) -> String {
        String(values.map { value -> Character in
            guard value > 0, maximum > 0 else { return "·" }
            return levels[min(7, max(0, (value * 8 - 1) / maximum))]
        })
    }

    /// The last `count` values when there are more days than cells.
    static func tail(_ values: [Int], fitting count: Int) -> [Int] {
        Array(values.suffix(max(0, count)))
    }
}
