import Foundation

/// Instants are stored as UTC text `YYYY-MM-DDTHH:MM:SSZ`: readable in the `sqlite3` shell and
/// sortable as text. Parsing and formatting are written out because import runs them per line.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        format(epochSeconds: Int(date.timeIntervalSince1970.rounded(.down)))
    }

    public static func format(epochSeconds: Int) -> String {
        let days = Int((Double(epochSeconds) / 86_400).rounded(.down))
        let secondOfDay = epochSeconds - days * 86_400
        let (y, m, d) = Day.civil(from: days)
        var bytes = [UInt8](repeating: 0, count: 20)
        Digits.write(y, width: 4, into: &bytes, at: 0)
        bytes[4] = 45
        Digits.write(m, width: 2, into: &bytes, at: 5)
        bytes[7] = 45
        Digits.write(d, width: 2, into: &bytes, at: 8)
        bytes[10] = 84
        Digits.write(secondOfDay / 3600, width: 2, into: &bytes, at: 11)
        bytes[13] = 58
        Digits.write(secondOfDay / 60 % 60, width: 2, into: &bytes, at: 14)
        bytes[16] = 58
        Digits.write(secondOfDay % 60, width: 2, into: &bytes, at: 17)
        bytes[19] = 90
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Accepts RFC 3339: `2026-11-26T09:30:00+08:00`, `…Z`, optional fractional seconds,
    /// a space instead of `T`. Returns nil for anything else, including impossible dates.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
              let day = number(8, 2), bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32,
              let hour = number(11, 2), bytes[13] == 58, let minute = number(14, 2), bytes[16] == 58,
              let second = number(17, 2),
              let civilDay = Day(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 61 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 90, 122: // Z
            guard index + 1 == bytes.count else { return nil }
        case 43, 45: // + -
            guard index + 6 == bytes.count, let oh = number(index + 1, 2), bytes[index + 3] == 58,
                  let om = number(index + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (bytes[index] == 43 ? 1 : -1)
        default:
            return nil
        }
        let seconds = civilDay.ordinal * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}

/// Zero-padded decimal digits without `String(format:)`, which is slow on Linux.
enum Digits {
    static func write(_ value: Int, width: Int, into bytes: inout [UInt8], at offset: Int) {
        var rest = max(0, value)
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            bytes[index] = UInt8(48 + rest % 10)
            rest /= 10
        }
    }
}
