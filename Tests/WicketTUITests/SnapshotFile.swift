import Foundation
import XCTest

/// The golden screens in Snapshots/. `WICKET_UPDATE_SNAPSHOTS=1` rewrites them and lists each file it
/// created or changed on stderr, so the diff is read before committing; in CI (`CI` set, as `.ci/run`
/// does) update mode is refused: a run that writes its own expectations proves nothing.
enum SnapshotFile {
    enum Outcome: Equatable {
        case matched
        case differs
        case missing
        case created
        case changed
        case unchanged
        case refusedInCI
    }

    static func compare(_ text: String, with url: URL, environment: [String: String]) throws -> Outcome {
        let wanted = text + "\n"
        let existing = try? String(contentsOf: url, encoding: .utf8)
        guard environment["WICKET_UPDATE_SNAPSHOTS"] == "1" else {
            guard let existing else { return .missing }
            return existing == wanted ? .matched : .differs
        }
        if let ci = environment["CI"], !ci.isEmpty, ci != "0", ci.lowercased() != "false" { return .refusedInCI }
        if existing == wanted { return .unchanged }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try wanted.write(to: url, atomically: true, encoding: .utf8)
        return existing == nil ? .created : .changed
    }

    static func assert(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = folder.appendingPathComponent("\(name).txt")
        switch try compare(text, with: url, environment: ProcessInfo.processInfo.environment) {
        case .matched, .unchanged: break
        case .created:
            FileHandle.standardError.write(Data("snapshot created: Snapshots/\(name).txt\n".utf8))
        case .changed:
            FileHandle.standardError.write(Data("snapshot changed: Snapshots/\(name).txt\n".utf8))
        case .missing:
            XCTFail("no snapshot \(name).txt; run with WICKET_UPDATE_SNAPSHOTS=1 and read the diff", file: file, line: line)
        case .differs:
            XCTFail("screen \(name) differs from Snapshots/\(name).txt:\n\(text)", file: file, line: line)
        case .refusedInCI:
            XCTFail("WICKET_UPDATE_SNAPSHOTS=1 is refused in CI: snapshots are written locally and reviewed", file: file, line: line)
        }
    }
}
