import Foundation
import WicketCore
import WicketTUI

/// The user's own settings: `$XDG_CONFIG_HOME/wicket/config` (else ~/.config/wicket/config),
/// lines of `name = value` with `#` comments. Unknown names and bad values are warnings, never
/// fatal: a typo in a config file must not lock a clerk out of the workstation.
struct ConfigFile {
    static let names = ["db", "theme", "lang", "ambiguous-width", "delivery-command"]
    /// `key.ACTION = KEY`, e.g. `key.accept = a`, for the workstation's action keys.
    static let keyPrefix = "key."

    let path: String
    /// Each setting's value and the line it came from.
    private(set) var values: [String: (value: String, line: Int)] = [:]
    private(set) var problems: [String] = []
    private(set) var exists = false

    static func directory(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/wicket" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/wicket"
    }

    /// `WICKET_CONFIG` names another file (tests, or a shared hall-wide file).
    static func load(_ environment: [String: String]) -> ConfigFile {
        let path = environment["WICKET_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? directory(environment) + "/config"
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile(path: path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            var file = ConfigFile(path: path)
            file.problems = ["\(path): cannot be read as UTF-8 text; ignored"]
            return file
        }
        var file = ConfigFile(path: path, text: text)
        file.exists = true
        return file
    }

    init(path: String) {
        self.path = path
    }

    init(path: String, text: String) {
        self.path = path
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append("\(path):\(offset + 1): expected name = value, found '\(line)'")
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let problem = Self.check(name, value) {
                problems.append("\(path):\(offset + 1): \(problem); ignored")
                continue
            }
            values[name] = (value, offset + 1)
        }
    }

    subscript(name: String) -> (value: String, line: Int)? { values[name] }

    /// What is wrong with one setting, if anything.
    static func check(_ name: String, _ value: String) -> String? {
        if name.hasPrefix(keyPrefix) {
            let action = String(name.dropFirst(keyPrefix.count))
            guard let parsed = CaseAction(rawValue: action), KeyBindings.standard.key(for: parsed) != nil else {
                return "no workstation action '\(action)' (key.accept, key.reject, key.request-materials…)"
            }
            return value.count == 1 ? nil : "\(name) takes one character, not '\(value)'"
        }
        guard names.contains(name) else {
            return "unknown setting '\(name)' (known: \(names.joined(separator: ", ")), key.ACTION)"
        }
        switch name {
        case "lang": return Language(rawValue: value) == nil ? "lang is zh or en, not '\(value)'" : nil
        case "ambiguous-width": return value == "1" || value == "2" ? nil : "ambiguous-width is 1 or 2, not '\(value)'"
        default: return value.isEmpty ? "\(name) has no value" : nil
        }
    }
}
