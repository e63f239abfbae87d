/// A small JSON reader for import lines. Foundation's `JSONSerialization` builds `NSNumber`,
/// `NSDictionary` and bridged strings for every line and was a third of an import's time; the
/// portal's lines are small flat objects, so this reads them straight from the line's bytes.
///
/// It accepts what `JSONSerialization` accepted before it, so no portal file that imported
/// yesterday is refused today: a leading byte-order mark, a trailing comma in an object or a
/// list, the last of duplicate keys wins, at most 512 levels of nesting. Anything else that is
/// not JSON (lone surrogates, raw control characters in strings, numbers out of range) is refused.
/// (`ImportLine` then refuses a line with a repeated key: this reader keeps every key in order for it.)
enum JSONLine {
    indirect enum Value {
        case string(String)
        /// Numbers and booleans are never a valid field value on an import line; only their kind matters.
        case number
        case bool
        case null
        case array([Value])
        /// In the line's order; the subscript takes the last of duplicate keys, as Foundation did.
        case object([(key: String, value: Value)])
    }

    struct SyntaxError: Error {}

    static let maxDepth = 512

    /// The whole of `bytes` as one JSON value (surrounding whitespace allowed), or `SyntaxError`.
    /// `bytes` must already be valid UTF-8.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Value {
        var reader = Reader(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { reader.index = 3 }
        reader.skipWhitespace()
        // Like JSONSerialization without `.fragmentsAllowed`: the line must be an object or a list.
        guard reader.index < bytes.count, bytes[reader.index] == UInt8(ascii: "{") || bytes[reader.index] == UInt8(ascii: "[")
        else { throw SyntaxError() }
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw SyntaxError() }
        return value
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else { throw SyntaxError() }
            index += 1
        }

        mutating func value(depth: Int) throws -> Value {
            skipWhitespace()
            guard index < bytes.count else { throw SyntaxError() }
            switch bytes[index] {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "t"): try literal("true"); return .bool
            case UInt8(ascii: "f"): try literal("false"); return .bool
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: try number(); return .number
            }
        }

        mutating func object(depth: Int) throws -> Value {
            guard depth <= maxDepth else { throw SyntaxError() }
            index += 1
            var fields: [(key: String, value: Value)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw SyntaxError() }
                let key = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                fields.append((key, try value(depth: depth)))
                skipWhitespace()
                guard index < bytes.count else { throw SyntaxError() }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "}") { return .object(fields) }
                guard separator == UInt8(ascii: ",") else { throw SyntaxError() }
                skipWhitespace()
                // A trailing comma, as JSONSerialization allows.
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(fields)
                }
            }
        }

        mutating func array(depth: Int) throws -> Value {
            guard depth <= maxDepth else { throw SyntaxError() }
            index += 1
            var items: [Value] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth))
                skipWhitespace()
                guard index < bytes.count else { throw SyntaxError() }
                let separator = bytes[index]
                index += 1
                if separator == UInt8(ascii: "]") { return .array(items) }
                guard separator == UInt8(ascii: ",") else { throw SyntaxError() }
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
            }
        }

        mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw SyntaxError() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw SyntaxError() }
            index += count
        }

        /// RFC 8259's grammar; the value itself is not needed, but one too large for a Double
        /// was refused by Foundation, so it is refused here too.
        mutating func number() throws {
            let start = index
            func digits() -> Int {
                let first = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
                return index - first
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw SyntaxError() }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() > 0 else { throw SyntaxError() }
            }
            var exact = true
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw SyntaxError() }
                exact = false
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw SyntaxError() }
                exact = false
            }
            if !exact {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                guard let double = Double(text), double.isFinite else { throw SyntaxError() }
            }
        }

        /// A string token; the common case (no escapes) is one copy of its bytes.
        mutating func string() throws -> String {
            index += 1
            skipByteOrderMark()
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
                guard byte >= 0x20 else { throw SyntaxError() }
                index += 1
            }
            throw SyntaxError()
        }

        private mutating func escapedString(from start: Int) throws -> String {
            var out = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    defer { skipByteOrderMark() }
                    guard index < bytes.count else { throw SyntaxError() }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): out.append(contentsOf: try unicodeEscape())
                    default: throw SyntaxError()
                    }
                case 0..<0x20:
                    throw SyntaxError()
                default:
                    out.append(byte)
                }
            }
            throw SyntaxError()
        }

        /// Foundation decoded each run of a string between escapes on its own and dropped a byte
        /// order mark at the start of each (`"\u{FEFF}ref"` was the key `ref`); so does this, so
        /// that a file imported before reads the same refs again. An escaped `\ufeff` stays.
        private mutating func skipByteOrderMark() {
            if index + 2 < bytes.count, bytes[index] == 0xEF, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { index += 3 }
        }

        /// `\uXXXX`, a surrogate pair as two of them; a lone surrogate is refused, as Foundation did.
        private mutating func unicodeEscape() throws -> [UInt8] {
            let first = try hex4()
            var scalarValue = first
            if (0xD800...0xDBFF).contains(first) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw SyntaxError() }
                index += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw SyntaxError() }
                scalarValue = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(first) {
                throw SyntaxError()
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw SyntaxError() }
            return Array(String(Character(scalar)).utf8)
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw SyntaxError() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                index += 1
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw SyntaxError()
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
    }
}

extension JSONLine.Value {
    /// The value of `key` in an object (the last one when the line repeats the key); nil when absent.
    subscript(key: String) -> JSONLine.Value? {
        guard case .object(let fields) = self else { return nil }
        return fields.last { $0.key == key }?.value
    }
}
