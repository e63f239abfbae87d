import Foundation
import XCTest

/// A setgid `wicket` run by a clerk borrows the hall's group: `deliver` refuses there (delivery is
/// the service user's job) and never runs a command from the clerk's environment. Needs root (to
/// add an OS user and make the binary setgid); skipped otherwise.
final class PrivilegedDeliverTests: XCTestCase {
    static let group = "wktdlv"
    static let clerk = "wktdlvclerk"

    func testASetgidDeliverIsRefusedAndRunsNothing() throws {
        guard geteuid() == 0 else { throw XCTSkip("needs root to add an OS user and a setgid binary") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { throw XCTSkip("runuser is missing") }
        try SharedHostTests.system(["/usr/sbin/groupadd", "-f", Self.group])
        if getpwnam(Self.clerk) == nil {
            try SharedHostTests.system(["/usr/sbin/useradd", "-M", "-N", "-G", Self.group, "-s", "/usr/sbin/nologin", Self.clerk])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-setgid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        defer {
            try? FileManager.default.removeItem(at: folder)
            _ = try? SharedHostTests.system(["/usr/sbin/userdel", Self.clerk])
            _ = try? SharedHostTests.system(["/usr/sbin/groupdel", Self.group])
        }
        let binary = folder.appendingPathComponent("wicket").path
        try FileManager.default.copyItem(atPath: BinaryRunner.binary.path, toPath: binary)
        try SharedHostTests.system(["/bin/chown", "root:\(Self.group)", binary])
        try SharedHostTests.system(["/bin/chmod", "2755", binary])
        let marker = folder.appendingPathComponent("ran").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        process.arguments = ["-u", Self.clerk, "--", "/usr/bin/env", "WICKET_DELIVERY_COMMAND=touch \(marker)", "LANG=C.UTF-8",
                             binary, "--db", folder.appendingPathComponent("hall.db").path, "deliver"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, stderr)
        XCTAssertTrue(stderr.contains("deliver refused: this wicket runs with the hall's group borrowed by \(Self.clerk)"), stderr)
        XCTAssertTrue(stderr.contains("delivery runs as the service user"), stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "the clerk's command ran")
    }
}
