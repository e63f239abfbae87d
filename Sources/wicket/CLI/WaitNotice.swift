import Foundation
import WicketCore

/// A command waiting more than a second for another process's write lock says so, once, on
/// stderr ("waiting for the hall: import by admin (pid 123) since 10:02:13…"), then goes on
/// waiting; the workstation shows the same on its status line instead (WorkstationEngine).
enum WaitNotice {
    private static let told = NSLock()
    nonisolated(unsafe) private static var hasTold = false

    static func install(_ language: Language) {
        LockWait.defaultObserver = { busy in
            let first = told.withLock {
                defer { hasTold = true }
                return !hasTold
            }
            if first { Output.error(busy.waitingLine.text(language)) }
        }
    }
}
