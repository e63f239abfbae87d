/// Writes the small JSON objects history events carry (strings, integers, booleans, null and
/// lists of those), keys sorted, so an event always reads the same. Written out because
/// Foundation's serializer dominated the cost of an action.
enum CompactJSON {
    static func object(_ fields: [String: Any]) -> String {
        guard !fields.isEmpty else { return "{}" }
        var out = "{"
        for (index, key) in fields.keys.sorted().enumerated() {
            if index > 0 { out += "," }
            string(key, into: &out)
            out += ":"
            value(fields[key]!, into: &out)
        }
        return out + "}"
    }

    static func value(_ value: Any, into out: inout String) {
        switch value {
        case let text as String: string(text, into: &out)
        case let flag as Bool: out += flag ? "true" : "false"
        case let number as Int: out += String(number)
        case let list as [Any]:
            out += "["
            for (index, item) in list.enumerated() {
                if index > 0 { out += "," }
                self.value(item, into: &out)
            }
            out += "]"
        case let nested as [String: Any]: out += object(nested)
        default: out += "null"
        }
    }

    static func string(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
