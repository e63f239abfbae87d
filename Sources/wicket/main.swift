import Foundation
import WicketCore

// Exit status: 0 done, 1 refused or bad input (message on stderr), 2 usage.
let environment = ProcessInfo.processInfo.environment
var words = Array(CommandLine.arguments.dropFirst())
var flags = GlobalFlags()
// The language of the messages: the settings' once read, before that the flag or the locale.
var language: Language {
    if let lang = flags.lang, let chosen = Language(rawValue: lang) { return chosen }
    return EffectiveSettings.localeLanguage(environment)?.1 ?? .en
}
var settingsLanguage: Language?

do {
    // Global options come before the command…
    let valued: [String: (String, WritableKeyPath<GlobalFlags, String?>)] = [
        "--db": ("PATH", \.db), "--as": ("LOGIN", \.actingUser), "--theme": ("NAME or PATH", \.theme),
        "--lang": ("zh or en", \.lang), "--ambiguous-width": ("1 or 2", \.ambiguousWidth),
    ]
    while let first = words.first, first.hasPrefix("--") {
        words.removeFirst()
        switch first {
        case "--help":
            words = ["help"]
        case "--version":
            words = ["version"]
        default:
            let name = String(first.prefix { $0 != "=" })
            guard let (valueName, path) = valued[name] else {
                throw UsageError(message: CLIText.unknownOption.format(language, first))
            }
            if name != first {
                flags[keyPath: path] = String(first.dropFirst(name.count + 1))
            } else {
                guard !words.isEmpty else { throw UsageError(message: CLIText.optionNeedsValue.format(language, name, valueName)) }
                flags[keyPath: path] = words.removeFirst()
            }
        }
    }
    // …or anywhere after it (`wicket demo --lang zh`), where the command has no option of that name.
    if let name = words.first, let spec = Commands.all.first(where: { $0.name == name }) {
        let own = Set(spec.options.map(\.name))
        let ownValued = Set(spec.options.filter { $0.valueName != nil }.map(\.name))
        var index = 1
        while index < words.count {
            let word = words[index]
            let optionName = String(word.prefix { $0 != "=" })
            if word == "--" { break }
            // The value of the command's own option is never taken for a global option.
            if ownValued.contains(word) {
                index += 2
                continue
            }
            guard let (_, path) = valued[optionName], !own.contains(optionName) else {
                index += 1
                continue
            }
            if optionName != word {
                flags[keyPath: path] = String(word.dropFirst(optionName.count + 1))
                words.remove(at: index)
            } else if index + 1 < words.count {
                flags[keyPath: path] = words[index + 1]
                words.removeSubrange(index...index + 1)
            } else {
                throw UsageError(message: CLIText.optionNeedsValue.format(language, optionName, valued[optionName]!.0))
            }
        }
    }
    // The host's root-owned settings (the hall's database, where the setgid program may open one);
    // the caller's own config file is read as the caller, never with the hall's group.
    let systemConfig = SystemConfig.forThisProgram()
    var settings = try ProcessTrust.asCaller {
        try EffectiveSettings(flags: flags, environment: environment, config: ConfigFile.load(environment), system: systemConfig)
    }
    settingsLanguage = settings.language
    Output.language = settings.language
    WaitNotice.install(settings.language)
    let trust = try RunTrust.decide(command: words.first, databasePath: settings.db.value, systemConfig: systemConfig)
    // The outbox reads the delivery command from the environment; a config file's command fills it in.
    if settings.deliveryCommand.source == .file, !trust.isHallRun {
        setenv("WICKET_DELIVERY_COMMAND", settings.deliveryCommand.value, 1)
    }
    if let hallPath = trust.hallDatabasePath {
        settings.db = Setting(value: hallPath, source: settings.db.source, origin: settings.db.origin)
    }
    let context = CommandContext(databasePathOption: flags.db, realLogin: ProcessTrust.realLogin,
                                 asOption: flags.actingUser, requestedClock: try CommandContext.clock(environment),
                                 isHallRun: trust.isHallRun, systemConfig: systemConfig, environment: environment, settings: settings)
    guard let name = words.first else {
        try Workstation.open(context.openStore(), context: context)
        exit(0)
    }
    guard let spec = Commands.all.first(where: { $0.name == name }) else {
        throw UsageError(message: CLIText.unknownCommand.format(settings.language, name))
    }
    let rest = Array(words.dropFirst())
    if rest.contains("--help") || rest.first == "help" {
        Output.line(spec.help(settings.language))
        exit(0)
    }
    let arguments = try ParsedArguments.parse(rest, for: spec)
    exit(try spec.run(arguments, context))
} catch let error as UsageError {
    Output.error(error.text(settingsLanguage ?? language))
    exit(2)
} catch {
    // Refusals, database problems and anything else: in the user's language.
    Output.error(ErrorText.message(error, settingsLanguage ?? language))
    exit(1)
}
