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
    private(set) var problems: [Bilingual] = []
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
            file.problems = [Bilingual(en: "\(path): cannot be read as UTF-8 text; ignored", zh: "\(path)：无法以 UTF-8 文本读取；已忽略")]
            return file
        }
        var file = ConfigFile(path: path, text: text)
        file.exists = true
        return file
    }

    init(path: String) {
        self.path = path
    }

    /// `key.accept = y   # rebind …`: a `#` after a space or tab starts a comment, as in the README's
    /// example; a `#` inside a value (`db = /srv/hall#2.db`) stays part of it.
    static func withoutComment(_ value: Substring) -> Substring {
        var previous: Character = " "
        for index in value.indices {
            if value[index] == "#", previous == " " || previous == "\t" { return value[..<index] }
            previous = value[index]
        }
        return value
    }

    init(path: String, text: String) {
        self.path = path
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(Bilingual(en: "\(path):\(offset + 1): expected name = value, found '\(line)'",
                                           zh: "\(path):\(offset + 1)：应为 名称 = 值，实为“\(line)”"))
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = Self.withoutComment(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if let problem = Self.check(name, value) {
                problems.append(Bilingual(en: "\(path):\(offset + 1): \(problem.en); ignored", zh: "\(path):\(offset + 1)：\(problem.zh)；已忽略"))
                continue
            }
            values[name] = (value, offset + 1)
        }
    }

    subscript(name: String) -> (value: String, line: Int)? { values[name] }

    /// What is wrong with one setting, if anything.
    static func check(_ name: String, _ value: String) -> Bilingual? {
        if name.hasPrefix(keyPrefix) {
            let action = String(name.dropFirst(keyPrefix.count))
            guard let parsed = CaseAction(rawValue: action), KeyBindings.standard.key(for: parsed) != nil else {
                return Bilingual(en: "no workstation action '\(action)' (key.accept, key.reject, key.request-materials…)",
                                 zh: "工作台没有操作“\(action)”（key.accept、key.reject、key.request-materials…）")
            }
            return value.count == 1 ? nil : Bilingual(en: "\(name) takes one character, not '\(value)'", zh: "\(name) 只取一个字符，而不是“\(value)”")
        }
        guard names.contains(name) else {
            return Bilingual(en: "unknown setting '\(name)' (known: \(names.joined(separator: ", ")), key.ACTION)",
                             zh: "未知设置“\(name)”（已知：\(names.joined(separator: "、"))、key.ACTION）")
        }
        switch name {
        case "lang":
            return Language(rawValue: value) == nil ? Bilingual(en: "lang is zh or en, not '\(value)'", zh: "lang 取 zh 或 en，而不是“\(value)”") : nil
        case "ambiguous-width":
            return value == "1" || value == "2" ? nil
                : Bilingual(en: "ambiguous-width is 1 or 2, not '\(value)'", zh: "ambiguous-width 取 1 或 2，而不是“\(value)”")
        default: return value.isEmpty ? Bilingual(en: "\(name) has no value", zh: "\(name) 没有值") : nil
        }
    }
}
