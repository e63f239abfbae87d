import WicketCore

/// A small declarative argument parser in the spirit of swift-argument-parser: each command
/// declares its options once, and that declaration drives both parsing and `--help`.
struct Option: Sendable {
    let name: String
    let valueName: String?
    let help: String

    static func flag(_ name: String, _ help: String) -> Option { Option(name: name, valueName: nil, help: help) }
    static func value(_ name: String, _ valueName: String, _ help: String) -> Option {
        Option(name: name, valueName: valueName, help: help)
    }
}

struct CommandSpec: Sendable {
    let name: String
    /// Positional arguments, e.g. ["CASE", "ACTION"]; a trailing "?" marks one optional.
    let arguments: [String]
    let summary: String
    var options: [Option] = []
    var discussion: String = ""
    /// What stands for the arguments in the usage line when they are more than a list (e.g.
    /// `act`'s `(CASE[,CASE...] | --filter) ACTION`); nil: the arguments.
    var synopsis: String? = nil
    let run: @Sendable (ParsedArguments, CommandContext) throws -> Int32

    var usage: String {
        let args = synopsis.map { [$0] } ?? arguments.map { $0.hasSuffix("?") ? "[\($0.dropLast())]" : $0 }
        let opts = options.isEmpty ? "" : " [options]"
        return (["wicket [--db PATH] [--as LOGIN]", name] + args).joined(separator: " ") + opts
    }

    var help: String {
        var lines = ["usage: \(usage)", "", summary]
        if !discussion.isEmpty { lines += ["", discussion] }
        if !options.isEmpty {
            lines += ["", "options:"]
            for option in options {
                let left = option.valueName.map { "\(option.name) \($0)" } ?? option.name
                lines.append("  " + left.padding(toLength: max(24, left.count + 2), withPad: " ", startingAt: 0) + option.help)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// A command line Wicket cannot read (exit status 2), said in both languages.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    let zh: String

    init(en: String, zh: String) {
        message = en
        self.zh = zh
    }

    /// A message already in the user's language (from a catalog), or a developer's setting (WICKET_NOW).
    init(message: String) {
        self.message = message
        zh = message
    }

    var description: String { message }

    func text(_ language: Language) -> String { language == .zh ? zh : message }
}

struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    func value(_ name: String) -> String? { values[name] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    func int(_ name: String) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text) else { throw UsageError(en: "\(name) takes a whole number, not '\(text)'",
            zh: "\(name) 需要整数，而不是“\(text)”") }
        return number
    }

    /// Comma-separated lists: `--missing ID-CARD,PHOTO`.
    func list(_ name: String) -> [String] {
        values[name].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }

    static func parse(_ words: [String], for spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("--") || word == "-" {
                parsed.positionals.append(word)
                continue
            }
            if word == "--" { onlyPositionals = true; continue }
            var name = word
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                throw UsageError(en: "unknown option \(name) for `\(spec.name)` (see `wicket \(spec.name) --help`)",
                    zh: "`\(spec.name)` 没有选项 \(name)（见 `wicket \(spec.name) --help`）")
            }
            if option.valueName == nil {
                guard inlineValue == nil else { throw UsageError(en: "\(name) takes no value",
                    zh: "\(name) 不带值") }
                parsed.flags.insert(name)
            } else if let inlineValue {
                parsed.values[name] = inlineValue
            } else {
                guard index < words.count else { throw UsageError(en: "\(name) needs a value (\(option.valueName!))",
                    zh: "\(name) 需要一个值（\(option.valueName!)）") }
                parsed.values[name] = words[index]
                index += 1
            }
        }
        let required = spec.arguments.filter { !$0.hasSuffix("?") }.count
        guard parsed.positionals.count >= required else {
            throw UsageError(en: "missing \(spec.arguments[parsed.positionals.count]) (usage: \(spec.usage))",
                zh: "缺少 \(spec.arguments[parsed.positionals.count])（用法：\(spec.usage)）")
        }
        guard parsed.positionals.count <= spec.arguments.count else {
            throw UsageError(en: "unexpected argument '\(parsed.positionals[spec.arguments.count])' (usage: \(spec.usage))",
                zh: "多余的参数“\(parsed.positionals[spec.arguments.count])”（用法：\(spec.usage)）")
        }
        return parsed
    }
}

import Foundation
