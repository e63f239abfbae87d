import Foundation
import WicketCore

/// A theme ready to draw with, where it came from, and what went wrong finding or reading it.
public struct LoadedTheme: Sendable {
    public var theme: Theme
    /// The file it was read from; nil for the built-in theme.
    public var file: String?
    public var problems: [ThemeProblem]

    public init(theme: Theme, file: String?, problems: [ThemeProblem]) {
        self.theme = theme
        self.file = file
        self.problems = problems
    }
}

/// Finds theme files by name in a list of folders (the user's own first) or by path, and
/// reads them. Never fails: anything wrong becomes a problem and the built-in theme.
public struct ThemeLoader: Sendable {
    public static let fileExtension = "theme"
    /// Folders searched for `NAME.theme`, first match wins.
    public var directories: [String]

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The usual folders: the user's `<config>/themes`, the checkout's `Themes/` (found by
    /// walking up from the executable, for `swift run`), `<prefix>/share/wicket/themes` beside an
    /// installed binary, then /usr/local/share and /usr/share.
    public static func standardDirectories(configDirectory: String, executablePath: String) -> [String] {
        var folders = [configDirectory + "/themes"]
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        folders.append(folder.deletingLastPathComponent().appendingPathComponent("share/wicket/themes").path)
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.theme").path) {
                folders.append(candidate.path)
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        folders += ["/usr/local/share/wicket/themes", "/usr/share/wicket/themes"]
        var seen = Set<String>()
        return folders.filter { seen.insert($0).inserted }
    }

    /// The file a name or path stands for: anything with a `/` or ending in `.theme` is a path.
    public func locate(_ request: String) -> String? {
        if request.contains("/") || request.hasSuffix("." + Self.fileExtension) {
            return FileManager.default.fileExists(atPath: request) ? request : nil
        }
        return directories.lazy.map { "\($0)/\(request).\(Self.fileExtension)" }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Theme names available in the folders, for `wicket config` and messages.
    public func available() -> [String] {
        let names = directories.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix("." + Self.fileExtension) }
                .map { String($0.dropLast(Self.fileExtension.count + 1)) }
        }
        return Array(Set(names)).sorted()
    }

    public func load(_ request: String) -> LoadedTheme {
        guard let path = locate(request) else {
            // The default and mono themes are built in too, so their files are optional.
            if request == "default" { return LoadedTheme(theme: .standard, file: nil, problems: []) }
            if request == "mono" { return LoadedTheme(theme: .monochrome, file: nil, problems: []) }
            let message = request.contains("/") ? Bilingual(en: "no such theme file", zh: "没有这个主题文件")
                : Bilingual(en: "no theme of this name in \(directories.joined(separator: ", "))",
                            zh: "\(directories.joined(separator: "、")) 中没有这个名字的主题")
            return LoadedTheme(theme: .standard, file: nil, problems: [ThemeProblem(file: request, line: nil, message: message)])
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return LoadedTheme(theme: .standard, file: path,
                               problems: [ThemeProblem(file: path, line: nil,
                                                          message: Bilingual(en: "cannot be read as UTF-8 text", zh: "无法以 UTF-8 文本读取"))])
        }
        let (theme, problems) = ThemeFile.parse(text, file: path)
        return LoadedTheme(theme: theme, file: path, problems: problems)
    }

    /// The theme to draw with: `mono` when colour is off (`NO_COLOR`), else the request.
    /// `monochrome` is kept alongside so a terminal found to have no colours can switch to it.
    public func select(_ request: String?, colorAllowed: Bool) -> (chosen: LoadedTheme, monochrome: LoadedTheme) {
        let mono = load("mono")
        let monochrome = mono.problems.isEmpty ? mono : LoadedTheme(theme: .monochrome, file: nil, problems: mono.problems)
        guard colorAllowed else { return (monochrome, monochrome) }
        return (load(request ?? "default"), monochrome)
    }
}
