import XCTest
@testable import WicketCore

/// Macros: the file refused line by line, stored, and applied as the action then the note.
final class MacroTests: XCTestCase {
    var hall: TestHall!

    override func setUpWithError() throws { hall = try TestHall() }
    override func tearDown() { hall.remove() }

    static let file = """
        # the hall's macros
        [missing-hukou]
        name.zh = 缺户口簿
        name.en = Household register missing
        action = request-materials
        missing = HUKOU-BOOK
        note = 批量通知缺户口簿

        [not-ours]
        name.zh = 不属本机关
        name.en = Not our office
        action = reject
        reason-code = NOT-REMIT
        template.zh = {applicant}您好：{case_number}不予受理，理由：{reason}。
        """

    func refusal(_ text: String) -> MacroFileError? {
        do {
            _ = try MacroFile.parse(text, catalog: hall.store.catalog)
            return nil
        } catch {
            return error as? MacroFileError
        }
    }

    func testTheFileLoadsAndBadLinesAreRefusedWithTheirNumber() throws {
        let macros = try MacroFile.parse(Self.file, catalog: hall.store.catalog)
        XCTAssertEqual(macros.map(\.name), ["missing-hukou", "not-ours"])
        XCTAssertEqual(macros[1].reasonCode, "NOT-REMIT")
        let head = "[m]\nname.zh = 甲\nname.en = A\n"
        let cases: [(String, Int, String)] = [
            (head + "action = fly", 4, "unknown action fly"),
            (head + "action = note", 4, "unknown action note"),
            (head + "action = request-materials\nmissing = ID-CARD, NOPE", 5, "unknown material NOPE"),
            (head + "action = reject\nreason-code = NOPE", 5, "unknown reason code NOPE"),
            (head + "action = reject", 1, "reject needs a reason or reason-code"),
            (head + "action = extend\nreason = 复杂", 1, "extend needs days"),
            (head + "action = assign", 1, "assign needs to"),
            ("[m]\nname.zh = 甲\naction = accept", 1, "macro m has no name.en"),
            (head + "action = accept\ntemplate.en = {nope}", 5, "unknown placeholder {nope}"),
            (head + "action = accept\ncolour = red", 5, "unknown field colour"),
            ("action = accept", 1, "text outside a [NAME] section"),
            (head + "action = accept\n[m]", 5, "macro m is defined twice"),
        ]
        for (text, line, words) in cases {
            let error = try XCTUnwrap(refusal(text), text)
            XCTAssertEqual(error.line, line, text)
            XCTAssertTrue(error.reason.en.contains(words), "\(error.reason.en) ≠ \(words)")
            XCTAssertFalse(error.reason.zh.isEmpty)
        }
        XCTAssertTrue(try XCTUnwrap(refusal(head + "action = request-materials\nmissing = NOPE")).reason.zh.contains("未知材料 NOPE"))
    }

    func testStoredMacrosReadBackAsLoaded() throws {
        let macros = try MacroFile.parse(Self.file, catalog: hall.store.catalog)
        try MacroRows.replace(with: macros, in: hall.store)
        XCTAssertEqual(try MacroRows.all(in: hall.store), macros)
        try MacroRows.replace(with: [macros[1]], in: hall.store)
        XCTAssertEqual(try MacroRows.all(in: hall.store).map(\.name), ["not-ours"], "a load replaces every macro")
        XCTAssertThrowsError(try MacroRows.named("missing-hukou", in: hall.store))
    }

    func testAMacroIsTheActionThenTheNoteEachItsOwnEventAndARefusedActionAddsNoNote() throws {
        let macros = try MacroFile.parse(Self.file, catalog: hall.store.catalog)
        let first = try hall.submit(name: "王芳").number
        let second = try hall.submit(name: "李娜").number
        let closed = try hall.submit().number
        try hall.act(closed, .reject) { $0.reasonCode = "NOT-REMIT" }
        let before = try hall.historyCount(closed)

        let rehearsed = hall.workflow.performMacro(macros[0], on: [CaseTarget(first)], actor: "li", dryRun: true)
        XCTAssertEqual(try hall.historyCount(first), 1, "a dry run writes nothing")
        guard case .wouldBeDone = rehearsed[0].action.outcome, case .wouldBeDone? = rehearsed[0].note?.outcome else {
            return XCTFail("\(rehearsed)")
        }

        let results = hall.workflow.performMacro(macros[0], on: [CaseTarget(first), CaseTarget(closed)], actor: "li")
        XCTAssertFalse(results[0].isRefused)
        XCTAssertEqual(try hall.historyCount(first), 3, "submit, request-materials, note: the note is its own event")
        let actions = try hall.store.db.query("SELECT action FROM history h JOIN cases c ON c.id = h.case_id WHERE c.number = ? ORDER BY h.id", first)
        XCTAssertEqual(actions.map { $0.string("action") }, ["submit", "request-materials", "note"])
        XCTAssertEqual(try hall.store.db.scalarString("SELECT body FROM notes n JOIN cases c ON c.id = n.case_id WHERE c.number = ?", first),
                       "批量通知缺户口簿")
        XCTAssertTrue(results[1].isRefused)
        XCTAssertNil(results[1].note, "a refused action adds no note")
        XCTAssertEqual(try hall.historyCount(closed), before)

        // The macro's own template, filled with each case's placeholders.
        _ = hall.workflow.performMacro(macros[1], on: [CaseTarget(second)], actor: "li")
        let body = try hall.store.db.scalarString(
            "SELECT body FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.number = ?", second)
        XCTAssertEqual(body, "李娜您好：\(second)不予受理，理由：申请事项不属于本机关职权范围。")
        XCTAssertEqual(try hall.record(second).status, .rejected)
    }
}
