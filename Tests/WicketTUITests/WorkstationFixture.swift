import Foundation
import XCTest
@testable import WicketCore
@testable import WicketTUI

/// A small hall at a fixed moment (Friday 2026-11-27 10:00 in Shanghai) with Chinese and
/// English applicants, for workstation tests and snapshots that never change between runs.
final class WorkstationFixture {
    let directory: URL
    let store: CaseStore
    var now: Date
    /// The store's clock: `setNow` moves it (the fixture's cases stay as made on 27 Nov).
    private let box: NowBox
    /// Valid resident ID numbers (GB 11643 check character), one per fixture case.
    static let idNumbers = ["440106199001071000", "440106199001091001", "440106199001191002", "440106199001021003",
                            "440106199001041004"]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("wicket-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        now = Timestamp.parse("2026-11-27T10:00:00+08:00")!
        box = NowBox(now)
        store = try CaseStore.create(path: directory.appendingPathComponent("hall.db").path, creator: "admin",
                                     clock: WallClock { [box] in box.now })
        let admin = Administration(store: store)
        try admin.saveUser(User(login: "li", displayName: "李娜", role: .clerk, department: "PSB"))
        try admin.saveUser(User(login: "zhang", displayName: "张伟", role: .clerk, department: "PSB"))
        try admin.saveUser(User(login: "sun", displayName: "孙丽", role: .supervisor, department: nil))
        let intake = Intake(store: store)
        let people: [(String, String, String, [String], Language)] = [
            ("HUKOU-MOVE", "王芳", "2026-11-16T09:00:00+08:00", ["ID-CARD"], .zh),
            ("ID-RENEW", "欧阳娜娜", "2026-11-26T15:30:00+08:00", ["HUKOU-BOOK", "OLD-ID-CARD", "PHOTO"], .zh),
            ("RES-PERMIT", "John Smith", "2026-11-25T11:00:00+08:00", ["ID-CARD"], .en),
            ("HUKOU-MOVE", "张建国", "2026-11-27T08:40:00+08:00", [], .zh),
            ("ID-RENEW", "李秀英", "2026-11-20T10:10:00+08:00", ["HUKOU-BOOK"], .zh),
        ]
        for (index, person) in people.enumerated() {
            try intake.register(Application(ref: "fixture-\(index)", serviceCode: person.0, channel: index == 3 ? .window : .online,
                                            submittedAt: Timestamp.parse(person.2)!, applicantName: person.1,
                                            applicantIDNumber: Self.idNumbers[index],
                                            applicantPhone: "1380000\(1000 + index)", summary: "申请\(person.1)的业务",
                                            materials: person.3, language: person.4), actor: "admin")
        }
        let workflow = Workflow(store: store)
        try workflow.perform(ActionRequest(caseNumber: "2026-000002", action: .accept, actor: "li"))
        try workflow.perform(ActionRequest(caseNumber: "2026-000005", action: .requestMaterials, actor: "li"))
        try workflow.perform(ActionRequest(caseNumber: "2026-000003", action: .claim, actor: "zhang"))
    }

    func engine(_ login: String = "li", width: Int = 100, height: Int = 30) throws -> WorkstationEngine {
        try WorkstationEngine(store: store, login: login, width: width, height: height)
    }

    func screen(_ engine: WorkstationEngine) -> String {
        var surface = MemorySurface(width: engine.state.width, height: engine.state.height)
        let (frame, cursor) = engine.render(measure: surface.measure)
        surface.present(frame, cursor: cursor)
        return surface.lines.joined(separator: "\n")
    }

    /// Keys typed one by one, each after the frame before it was drawn (a clerk looking at the screen).
    func press(_ engine: WorkstationEngine, _ script: String) throws {
        for key in try KeyScript.parse(script) {
            engine.frameDrawn()
            engine.handle(key)
            engine.flushDraft()
        }
    }

    func setNow(_ text: String) {
        now = Timestamp.parse(text)!
        box.now = now
    }

    /// Keys typed ahead: one frame drawn, then every key before the next frame (as the terminal
    /// reads what is already typed before drawing once).
    func typeAhead(_ engine: WorkstationEngine, _ script: String) throws {
        engine.frameDrawn()
        for key in try KeyScript.parse(script) {
            engine.handle(key)
        }
        engine.flushDraft()
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

final class NowBox: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
