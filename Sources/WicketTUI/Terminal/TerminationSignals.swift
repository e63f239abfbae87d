#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last termination signal received, 0 if none. A lock-free atomic is one of the few
/// things a signal handler may safely touch.
private let receivedSignal = Atomic<Int32>(0)

/// SIGINT, SIGTERM and SIGHUP caught as a flag instead of killing the process, so the main
/// loop notices (its key reads time out regularly), leaves its loop, and the terminal is
/// restored by `shutdown()` before the program exits. The handler does nothing but store
/// the signal number: no allocation, no locks, no ncurses.
public enum TerminationSignals {
    public static let caught: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Starts catching the signals. Installed before ncurses starts, so ncurses sees them
    /// handled and does not install its own handlers (which would exit from inside a handler).
    public static func install() {
        receivedSignal.store(0, ordering: .relaxed)
        for signalNumber in caught {
            _ = signal(signalNumber) { number in
                receivedSignal.store(number, ordering: .relaxed)
            }
        }
    }

    /// Back to the default behaviour, once the terminal is restored.
    public static func restoreDefaults() {
        for signalNumber in caught {
            _ = signal(signalNumber, SIG_DFL)
        }
    }

    /// The signal that asked the program to stop, or nil.
    public static var pending: Int32? {
        let number = receivedSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Forgets a received signal (e.g. a SIGINT the program chose to treat as "cancel").
    public static func clear() {
        receivedSignal.store(0, ordering: .relaxed)
    }
}
