import Foundation

/// One line of the results table.
struct Row {
    enum Target {
        case atMost(Double)       // milliseconds (or MB for memory rows)
        case atLeast(Double)      // a rate
        case none
    }

    let operation: String
    let median: Double
    let p99: Double?
    let unit: String
    let target: Target
    /// The same work through the `sqlite3` shell, when the operation is one query.
    var floor: Double?
    /// Checked against the target: the p99 for key presses, the median otherwise.
    var checksP99 = false

    var ok: Bool {
        let value = checksP99 ? (p99 ?? median) : median
        switch target {
        case .atMost(let limit): return value <= limit
        case .atLeast(let limit): return value >= limit
        case .none: return true
        }
    }

    var targetText: String {
        switch target {
        case .atMost(let limit): return (checksP99 ? "p99 " : "") + "≤ \(format(limit)) \(unit)"
        case .atLeast(let limit): return "≥ \(format(limit)) \(unit)"
        case .none: return ""
        }
    }
}

func format(_ value: Double) -> String {
    if value.isNaN { return "-" }
    if value >= 1000 { return String(format: "%.0f", value) }
    if value >= 100 { return String(format: "%.0f", value) }
    if value >= 10 { return String(format: "%.1f", value) }
    return String(format: "%.2f", value)
}

enum Table {
    static func print(_ rows: [Row], cases: Int, machine: String, date: String) {
        Swift.print("wicket-bench: \(cases) cases · \(machine) · \(date)")
        Swift.print("")
        let header = ["operation", "median", "p99", "unit", "target", "result", "sqlite3 floor", "ratio"]
        var lines = [header]
        for row in rows {
            let ratio = row.floor.map { $0 > 0 ? String(format: "%.1f×", row.median / $0) : "-" } ?? ""
            lines.append([row.operation, format(row.median), row.p99.map(format) ?? "", row.unit, row.targetText,
                          row.ok ? "ok" : "MISS", row.floor.map(format) ?? "", ratio])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        for (index, line) in lines.enumerated() {
            Swift.print("| " + line.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |")
            if index == 0 { Swift.print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|") }
        }
    }
}
