import Foundation
import XCTest

/// A private tmux server (its own `-L` socket, no config file) that runs the workstation in a real
/// pseudo-terminal, types into it like a person and reads the screen back with `capture-pane`.
/// Each test makes its own server and kills it when done, so no other tmux server is touched.
final class TmuxServer {
    /// The tmux executable on PATH, or nil when tmux is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    let socket: String
    private let tmux: URL
    /// An empty config folder of this server's own (see `run`).
    let configHome = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-tmux-config-\(UUID().uuidString)").path

    init() throws {
        guard let tmux = Self.executable else { throw XCTSkip("tmux is not installed") }
        self.tmux = tmux
        socket = "wicket-test-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    struct Output {
        let status: Int32
        let text: String
    }

    /// Runs one tmux command against this server. Spawned and reaped by hand: `new-session` leaves
    /// a server behind that inherits the child's descriptors, and Foundation's `Process` waits for
    /// those to close, so `waitUntilExit` (or reading a pipe to its end) would never return.
    @discardableResult
    func run(_ arguments: [String]) throws -> Output {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([tmux.path, "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TMUX")
        environment.removeValue(forKey: "TMUX_PANE")
        // The workstations in this server must not pick up the tester's own language, theme or
        // config file; a test that wants one sets it in its command.
        for name in ["LC_ALL", "LC_MESSAGES", "NO_COLOR", "WICKET_CONFIG", "WICKET_THEME", "WICKET_AMBIGUOUS_WIDTH"] {
            environment.removeValue(forKey: name)
        }
        environment["XDG_CONFIG_HOME"] = configHome
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, tmux.path, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw NSError(domain: "TmuxServer", code: Int(spawned),
                          userInfo: [NSLocalizedDescriptionKey: "cannot run tmux: \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS by hand (the C macros are not imported).
        let exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let data = FileManager.default.contents(atPath: outputPath) ?? Data()
        return Output(status: exitStatus, text: String(decoding: data, as: UTF8.self))
    }

    /// Starts a detached session running `command` through the shell; after the command ends the
    /// shell prints `EXITED <status>` and stays, so the screen can still be read.
    func start(_ name: String, width: Int = 100, height: Int = 30, command: String) throws -> TmuxPane {
        let shell = "\(command); echo EXITED $?; exec sleep 600"
        let result = try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, shell])
        guard result.status == 0 else {
            throw NSError(domain: "TmuxServer", code: Int(result.status),
                          userInfo: [NSLocalizedDescriptionKey: "tmux new-session failed: \(result.text)"])
        }
        return TmuxPane(server: self, target: name)
    }

    func kill() { _ = try? run(["kill-server"]) }

    /// Single-quotes a word for the shell.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// One session's pane: keys in, screen out.
struct TmuxPane {
    let server: TmuxServer
    let target: String

    /// Named keys as tmux spells them: "Enter", "Escape", "Tab", "C-s", "Down", or single letters.
    func press(_ keys: String..., file: StaticString = #filePath, line: UInt = #line) {
        do {
            let result = try server.run(["send-keys", "-t", target] + keys)
            XCTAssertEqual(result.status, 0, "send-keys \(keys): \(result.text)", file: file, line: line)
        } catch {
            XCTFail("send-keys \(keys): \(error)", file: file, line: line)
        }
    }

    /// Literal text (Chinese included), typed as it is.
    func type(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let result = try server.run(["send-keys", "-t", target, "-l", text])
            XCTAssertEqual(result.status, 0, "send-keys -l \(text): \(result.text)", file: file, line: line)
        } catch {
            XCTFail("send-keys -l \(text): \(error)", file: file, line: line)
        }
    }

    /// The screen as text, one line per row.
    func screen() -> String {
        (try? server.run(["capture-pane", "-p", "-t", target]).text) ?? ""
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`, `#{pane_current_command}`.
    func format(_ format: String) -> String {
        let text = (try? server.run(["display-message", "-p", "-t", target, format]).text) ?? ""
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The names of the processes the pane's shell is running now (Linux `/proc`), e.g. ["wicket"]
    /// while the workstation runs and ["sleep"] after it ended.
    func childCommands() -> [String] {
        let pid = format("#{pane_pid}")
        guard let children = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8) else { return [] }
        return children.split(separator: " ").compactMap { child in
            (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    func resize(width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let result = try server.run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
            XCTAssertEqual(result.status, 0, "resize-window: \(result.text)", file: file, line: line)
        } catch {
            XCTFail("resize-window: \(error)", file: file, line: line)
        }
    }

    /// Polls the screen until `predicate` holds; fails (showing the last screen) after `timeout`.
    /// The limit is generous (a loaded two-core machine is slow, not wrong): it only bounds a failing
    /// test. Speed promises are measured where they are made, not by this limit.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line,
                   _ predicate: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = screen()
        while !predicate(last) {
            guard Date() < deadline else {
                XCTFail("timed out after \(timeout) s waiting for \(what); the screen:\n\(last)", file: file, line: line)
                return last
            }
            Thread.sleep(forTimeInterval: 0.05)
            last = screen()
        }
        return last
    }

    /// Polls until the screen contains every one of `texts`.
    @discardableResult
    func waitFor(_ texts: String..., timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitUntil(texts.map { "\"\($0)\"" }.joined(separator: " and "), timeout: timeout, file: file, line: line) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// The screen's rows (capture-pane ends every row with a newline).
    static func rows(_ screen: String) -> [String] {
        var rows = screen.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }
}
