import Foundation

/// Runs the hall's delivery command (`/bin/sh -c COMMAND`) for one reply and always comes back:
/// within the time limit, plus a short grace when the command must be stopped.
///
/// Why by hand and not Foundation's `Process`: the command is a stranger's script. It may ignore
/// SIGTERM, leave a grandchild (`sleep 40`) holding its stderr, never read its stdin, or write
/// megabytes to stderr. So the child runs in a process group of its own (the whole group is
/// stopped, not just the shell), with default signal dispositions and an empty signal mask (it
/// must not inherit what Wicket ignores or blocks), and no descriptor of ours but its stdin and
/// stderr; its stdin is written and its stderr drained in one non-blocking loop that also watches
/// the clock and the caller's stop request.
struct DeliveryProcess {
    let command: String
    /// How long the command has to answer.
    let timeLimit: TimeInterval
    /// How long a stopped group has between SIGTERM and SIGKILL.
    var grace: TimeInterval = 2
    /// How much of stderr is kept for the reply's `last_error`.
    static let keptErrorBytes = 500

    enum Ending: Equatable {
        /// The command exited by itself; `errorOutput` is the start of its stderr.
        case exited(status: Int32, errorOutput: String)
        /// The command was ended by a signal that did not come from us.
        case signalled(Int32)
        /// No answer within the time limit: its group was stopped.
        case timedOut
        /// The caller asked to stop (the service is stopping): its group was stopped.
        case stopped
        /// It could not be started, or its end was lost: a temporary failure.
        case failed(String)
    }

    func run(payload: Data, shouldStop: () -> Bool = { false }) -> Ending {
        var input: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&input) == 0 else { return .failed("pipe: \(Self.errorText())") }
        guard pipe(&errors) == 0 else {
            close(input[0]); close(input[1])
            return .failed("pipe: \(Self.errorText())")
        }
        // Our ends must not be inherited by a command another thread spawns meanwhile; ours are
        // closed in the child by `addclosefrom_np` anyway.
        for fd in input + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let writeEnd = input[1], readEnd = errors[0]
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)

        let spawned = spawn(stdin: input[0], stderr: errors[1])
        close(input[0])
        close(errors[1])
        guard case .success(let pid) = spawned else {
            close(writeEnd); close(readEnd)
            if case .failure(let error) = spawned { return .failed(error.message) }
            return .failed("posix_spawn")
        }

        // A command that exits without reading its stdin makes our write fail with EPIPE; the
        // SIGPIPE that comes with it is blocked in this thread and taken back below, so it neither
        // kills Wicket nor needs Wicket to ignore SIGPIPE for the whole process.
        var pipeSignal = sigset_t(), previousMask = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
        defer {
            var none = timespec(tv_sec: 0, tv_nsec: 0)
            while sigtimedwait(&pipeSignal, nil, &none) == SIGPIPE {}
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        }

        var io = Streams(payload: payload, writeEnd: writeEnd, readEnd: readEnd)
        defer { io.closeAll() }
        let deadline = Date().addingTimeInterval(timeLimit)
        while true {
            if let status = Self.reap(pid, wait: false) {
                io.drainErrors()
                return Self.ending(status, errorOutput: io.errorText)
            }
            if shouldStop() {
                stopGroup(pid, io: &io)
                return .stopped
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                stopGroup(pid, io: &io)
                return .timedOut
            }
            io.pump(waitingAtMost: min(left, 0.05))
        }
    }

    // MARK: starting

    private struct SpawnError: Error { let message: String }

    private func spawn(stdin: Int32, stderr: Int32) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Nothing else of ours: not the database, not a clerk's terminal, not another reply's pipes.
        // (Closing one that another thread closed meanwhile is harmless: glibc ignores EBADF there.)
        for fd in Self.openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var everySignal = sigset_t(), noSignal = sigset_t()
        sigfillset(&everySignal)
        sigemptyset(&noSignal)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignal)
        posix_spawnattr_setpgroup(&attributes, 0)  // a group of its own, led by the shell
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard status == 0 else {
            return .failure(SpawnError(message: "cannot start delivery command: \(String(cString: strerror(status)))"))
        }
        return .success(pid)
    }

    /// This process's open descriptors (`/proc/self/fd`; without /proc, every number up to the limit).
    /// `posix_spawn_file_actions_addclosefrom_np` would say it in one call, but Swift does not see it.
    private static func openDescriptors() -> [Int32] {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            return names.compactMap { Int32($0) }
        }
        return Array(0..<Int32(min(4096, max(256, sysconf(Int32(_SC_OPEN_MAX))))))
    }

    // MARK: stopping

    /// SIGTERM to the whole group; SIGKILL to whatever of it is left after the grace (a shell that
    /// traps TERM, a grandchild that ignores it); the shell reaped in every case.
    private func stopGroup(_ pid: pid_t, io: inout Streams) {
        io.closeInput()
        kill(-pid, SIGTERM)
        let killAt = Date().addingTimeInterval(grace)
        var reaped = false
        while Date() < killAt {
            if !reaped, Self.reap(pid, wait: false) != nil { reaped = true }
            // Done when the shell is reaped and nothing of its group is left.
            if reaped && kill(-pid, 0) != 0 { return }
            io.pump(waitingAtMost: 0.02)
        }
        kill(-pid, SIGKILL)
        if !reaped { _ = Self.reap(pid, wait: true) }
    }

    /// The raw wait status once `pid` has ended; nil while it runs (`wait: false`).
    private static func reap(_ pid: pid_t, wait: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, wait ? 0 : WNOHANG)
            if result == pid { return status }
            if result == -1 && errno == EINTR { continue }
            // 0: still running. -1 (ECHILD): someone else reaped it, so how it ended is unknown.
            return result == 0 ? nil : Self.unknownStatus
        }
    }

    /// No wait status has these bits; it stands for "ended, but we were not told how".
    private static let unknownStatus: Int32 = -1

    private static func ending(_ status: Int32, errorOutput: String) -> Ending {
        if status == unknownStatus { return .failed("the delivery command ended, but how is unknown (reaped elsewhere)") }
        // WIFEXITED / WEXITSTATUS / WTERMSIG by hand: the C macros are not imported.
        let signal = status & 0x7f
        return signal == 0 ? .exited(status: (status >> 8) & 0xff, errorOutput: errorOutput) : .signalled(signal)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// The parent's ends of the child's stdin and stderr, both non-blocking.
private struct Streams {
    let payload: Data
    var written = 0
    var writeEnd: Int32
    var readEnd: Int32
    var errorBytes = Data()

    init(payload: Data, writeEnd: Int32, readEnd: Int32) {
        self.payload = payload
        self.writeEnd = writeEnd
        self.readEnd = readEnd
        if payload.isEmpty { closeInput() }
    }

    var errorText: String {
        String(decoding: errorBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until stdin can take more or stderr has something (or `seconds` pass), then moves
    /// what it can without blocking.
    mutating func pump(waitingAtMost seconds: TimeInterval) {
        var fds: [pollfd] = []
        if writeEnd >= 0 { fds.append(pollfd(fd: writeEnd, events: Int16(POLLOUT), revents: 0)) }
        if readEnd >= 0 { fds.append(pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)) }
        guard !fds.isEmpty else {
            usleep(useconds_t(seconds * 1_000_000))
            return
        }
        _ = poll(&fds, nfds_t(fds.count), Int32(max(1, seconds * 1000)))
        writeSome()
        drainErrors()
    }

    mutating func writeSome() {
        guard writeEnd >= 0 else { return }
        while written < payload.count {
            let count = payload.withUnsafeBytes { bytes in
                write(writeEnd, bytes.baseAddress! + written, payload.count - written)
            }
            if count > 0 { written += count; continue }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && errno == EAGAIN { return }
            break  // EPIPE: the command closed its stdin; it has what it wanted
        }
        closeInput()  // all written (or refused): end of file for the command
    }

    /// Reads what stderr has now; keeps the first bytes, drops the rest so the command never stalls.
    mutating func drainErrors() {
        guard readEnd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                let room = DeliveryProcess.keptErrorBytes - errorBytes.count
                if room > 0 { errorBytes.append(contentsOf: buffer.prefix(min(room, count))) }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count == 0 { close(readEnd); readEnd = -1 }  // every writer has closed it
            return  // EAGAIN: nothing more for now
        }
    }

    mutating func closeInput() {
        if writeEnd >= 0 { close(writeEnd); writeEnd = -1 }
    }

    mutating func closeAll() {
        closeInput()
        if readEnd >= 0 { close(readEnd); readEnd = -1 }
    }
}
