import XCTest
@testable import WicketCore

/// `ReplyTemplate`, the built-in templates and `TemplateSet.parseFile`.
final class TemplateTests: XCTestCase {

    /// The actions that tell the applicant something, each with a zh and an en template.
    private let notifyingActions: [CaseAction] = [.accept, .requestMaterials, .reject, .approve, .deny, .deliver,
                                                  .suspend, .resume, .extend, .withdraw, .transfer]

    private let sampleValues: [Placeholder: String] = [
        .caseNumber: "WK-2026-000123",
        .applicant: "王芳",
        .service: "营业执照变更",
        .missingMaterials: "1. 身份证复印件\n2. 章程修正案",
        .dueDate: "2026-12-25",
        .reason: "需现场核查",
        .department: "市场监管局",
        .days: "10",
        .checklist: "1. 身份证",
        .limits: "5 个工作日",
        .fee: "免费",
        .whereToApply: "大厅二号窗口",
        .consultationNumber: "Z2026-000007",
        .question: "要带什么？",
    ]

    private func templateError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> TemplateError? {
        do {
            _ = try ReplyTemplate(source)
            XCTFail("expected '\(source)' to be refused", file: file, line: line)
            return nil
        } catch let error as TemplateError {
            return error
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
            return nil
        }
    }

    private func fileError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TemplateError? {
        do {
            let parsed = try TemplateSet.parseFile(text)
            XCTFail("expected an error, got \(parsed.count) templates", file: file, line: line)
            return nil
        } catch let error as TemplateError {
            return error
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
            return nil
        }
    }

    private func slots(_ template: ReplyTemplate) -> Set<Placeholder> {
        Set(template.pieces.compactMap { piece -> Placeholder? in
            if case .slot(let placeholder) = piece { return placeholder }
            return nil
        })
    }

    // MARK: - ReplyTemplate

    func testPlaceholderNames() {
        XCTAssertEqual(Placeholder.allCases.map(\.rawValue),
                       ["case_number", "applicant", "service", "missing_materials", "due_date", "reason", "department", "days",
                        "checklist", "limits", "fee", "where_to_apply", "consultation_number", "question"])
    }

    func testEveryPlaceholderIsRendered() throws {
        let template = try ReplyTemplate(
            "{case_number}|{applicant}|{service}|{missing_materials}|{due_date}|{reason}|{department}|{days}|"
            + "{checklist}|{limits}|{fee}|{where_to_apply}|{consultation_number}|{question}")
        XCTAssertEqual(template.render(sampleValues),
                       "WK-2026-000123|王芳|营业执照变更|1. 身份证复印件\n2. 章程修正案|2026-12-25|需现场核查|市场监管局|10|"
                       + "1. 身份证|5 个工作日|免费|大厅二号窗口|Z2026-000007|要带什么？")
        XCTAssertEqual(slots(template), Set(Placeholder.allCases))
    }

    func testTextAroundPlaceholdersAndRepeats() throws {
        let template = try ReplyTemplate("{applicant}您好：编号{case_number}。再次提醒 {applicant}！")
        XCTAssertEqual(template.render([.applicant: "李雷", .caseNumber: "A-1"]), "李雷您好：编号A-1。再次提醒 李雷！")
        XCTAssertEqual(template.source, "{applicant}您好：编号{case_number}。再次提醒 {applicant}！")
    }

    func testMissingValueRendersEmpty() throws {
        XCTAssertEqual(try ReplyTemplate("by {due_date}.").render([:]), "by .")
    }

    func testPlainTextAndEmptyTemplate() throws {
        XCTAssertEqual(try ReplyTemplate("no slots here").render(sampleValues), "no slots here")
        XCTAssertEqual(try ReplyTemplate("").render(sampleValues), "")
    }

    func testUnknownPlaceholderIsRefusedByName() {
        let error = templateError("Dear {applicant}, see {office_hours}.")
        XCTAssertTrue(error?.message.contains("{office_hours}") == true, error?.message ?? "")
        XCTAssertNil(error?.line, "a lone template has no line")
        XCTAssertEqual(error?.description, error?.message)
        XCTAssertTrue(templateError("{Applicant}")?.message.contains("{Applicant}") == true, "names are case-sensitive")
        XCTAssertTrue(templateError("{ applicant }")?.message.contains("{ applicant }") == true)
        XCTAssertTrue(templateError("{caseNumber}")?.message.contains("{caseNumber}") == true, "the raw name, not the Swift case")
        XCTAssertNotNil(templateError("{}"))
    }

    func testUnclosedPlaceholderIsRefused() {
        XCTAssertTrue(templateError("Dear {applicant")?.message.contains("unclosed") == true)
        XCTAssertTrue(templateError("trailing {")?.message.contains("unclosed") == true)
    }

    func testStrayClosingBraceIsRefused() {
        XCTAssertTrue(templateError("a } b")?.message.contains("stray") == true)
        XCTAssertTrue(templateError("ends with }")?.message.contains("stray") == true)
        XCTAssertTrue(templateError("}}}")?.message.contains("stray") == true, "}} is a brace, the third is stray")
    }

    func testDoubledBracesAreLiteral() throws {
        XCTAssertEqual(try ReplyTemplate("{{applicant}}").render(sampleValues), "{applicant}")
        XCTAssertEqual(try ReplyTemplate("{{{applicant}}}").render(sampleValues), "{王芳}")
        XCTAssertEqual(try ReplyTemplate("set {{}} and {{{{").render([:]), "set {} and {{")
        XCTAssertEqual(slots(try ReplyTemplate("{{applicant}}")), [])
    }

    // MARK: - Built-in templates

    func testEveryNotifyingActionHasBothLanguages() {
        for action in notifyingActions {
            for language in Language.allCases {
                XCTAssertNotNil(DefaultTemplates.text[action]?[language], "\(action.rawValue).\(language.rawValue)")
            }
        }
        XCTAssertEqual(Set(DefaultTemplates.text.keys), Set(notifyingActions))
        XCTAssertEqual(TemplateSet.builtIn.actions, notifyingActions, "in CaseAction order")
    }

    func testEveryBuiltInParses() {
        // Parsed here one by one so a bad text fails a test instead of crashing `builtIn`'s try!.
        for (action, byLanguage) in DefaultTemplates.text {
            for (language, text) in byLanguage {
                XCTAssertNoThrow(try ReplyTemplate(text), "\(action.rawValue).\(language.rawValue)")
            }
        }
    }

    func testBuiltInsContainTheirPlaceholders() throws {
        let needs: [CaseAction: Set<Placeholder>] = [
            .accept: [.caseNumber, .dueDate],
            .requestMaterials: [.caseNumber, .missingMaterials],
            .reject: [.caseNumber, .reason],
            .approve: [.caseNumber],
            .deny: [.caseNumber, .reason],
            .deliver: [.caseNumber],
            .suspend: [.caseNumber, .reason],
            .resume: [.caseNumber, .dueDate],
            .extend: [.caseNumber, .reason, .dueDate, .days],
            .withdraw: [.caseNumber, .reason],
            .transfer: [.caseNumber, .reason, .department],
        ]
        XCTAssertEqual(Set(needs.keys), Set(notifyingActions))
        for (action, needed) in needs {
            for language in Language.allCases {
                let template = try XCTUnwrap(TemplateSet.builtIn.template(for: action, language: language))
                let missing = needed.subtracting(slots(template))
                XCTAssertTrue(missing.isEmpty, "\(action.rawValue).\(language.rawValue) lacks \(missing.map(\.rawValue))")
            }
        }
    }

    func testBuiltInsRenderWithoutLeftoverBraces() throws {
        for action in notifyingActions {
            for language in Language.allCases {
                let rendered = try XCTUnwrap(TemplateSet.builtIn.template(for: action, language: language)).render(sampleValues)
                XCTAssertFalse(rendered.contains("{") || rendered.contains("}"), "\(action.rawValue).\(language.rawValue): \(rendered)")
                XCTAssertTrue(rendered.contains("WK-2026-000123"), "\(action.rawValue).\(language.rawValue)")
            }
        }
    }

    func testBuiltInAcceptRendersExactly() throws {
        let en = try XCTUnwrap(TemplateSet.builtIn.template(for: .accept, language: .en))
        XCTAssertEqual(en.render([.applicant: "Ms Wang", .service: "a business licence change",
                                  .caseNumber: "WK-1", .dueDate: "2026-12-25"]),
                       "Dear Ms Wang, your application for a business licence change (case WK-1) has been accepted. We will decide on it by 2026-12-25.")
    }

    func testActionsWithoutNoticeHaveNoTemplate() {
        XCTAssertNil(TemplateSet.builtIn.template(for: .claim, language: .zh))
        XCTAssertNil(TemplateSet.builtIn.template(for: .note, language: .en))
    }

    func testSetOverridesOneTemplate() throws {
        var set = TemplateSet.builtIn
        set.set(try ReplyTemplate("Accepted: {case_number}"), for: .accept, language: .en)
        XCTAssertEqual(set.template(for: .accept, language: .en)?.render([.caseNumber: "X"]), "Accepted: X")
        XCTAssertEqual(set.template(for: .accept, language: .zh), TemplateSet.builtIn.template(for: .accept, language: .zh))
        XCTAssertNotEqual(TemplateSet.builtIn.template(for: .accept, language: .en)?.source, "Accepted: {case_number}")
    }

    // MARK: - parseFile

    func testParseFileGood() throws {
        let text = """
        # Hall overrides

        [accept.zh]
        {applicant}您好：已受理（{case_number}），{due_date}前决定。
        [accept.en]
        Dear {applicant},
        we decide by {due_date}.


          [request-materials.en]  
        Please send:
        {missing_materials}
        """
        let parsed = try TemplateSet.parseFile(text)
        XCTAssertEqual(parsed.count, 3)
        XCTAssertEqual(parsed.map(\.0), [.accept, .accept, .requestMaterials])
        XCTAssertEqual(parsed.map(\.1), [.zh, .en, .en])
        XCTAssertEqual(parsed[0].2.source, "{applicant}您好：已受理（{case_number}），{due_date}前决定。")
        XCTAssertEqual(parsed[1].2.source, "Dear {applicant},\nwe decide by {due_date}.", "trailing blank lines dropped")
        XCTAssertEqual(parsed[2].2.render([.missingMaterials: "ID card"]), "Please send:\nID card")
    }

    func testParseFileEmptyInput() throws {
        XCTAssertTrue(try TemplateSet.parseFile("").isEmpty)
        XCTAssertTrue(try TemplateSet.parseFile("# only comments\n\n# here").isEmpty)
    }

    func testHashLinesInsideABodyAreText() throws {
        let parsed = try TemplateSet.parseFile("[deliver.en]\n# Case {case_number} done")
        XCTAssertEqual(parsed.first?.2.source, "# Case {case_number} done")
    }

    func testBadSectionNames() {
        let cases: [(String, Int)] = [
            ("[accept.fr]\nBonjour", 1),
            ("# c\n[acceptance.zh]\n您好", 2),
            ("[accept]\nHello", 1),
            ("[accept.zh.x]\nHello", 1),
            ("[accept.zh]\n{case_number}\n[.en]\nHi", 3),
        ]
        for (text, line) in cases {
            let error = fileError(text)
            XCTAssertEqual(error?.line, line, text)
            XCTAssertTrue(error?.message.contains("bad section") == true, error?.message ?? "")
        }
        XCTAssertTrue(fileError("[accept.fr]\nBonjour")?.message.contains("accept.fr") == true)
    }

    func testTextOutsideASection() {
        let error = fileError("# comment\n\nDear {applicant}\n[accept.en]\nHi")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("outside") == true, error?.message ?? "")
        XCTAssertEqual(error?.description, "line 3: " + (error?.message ?? ""))
    }

    func testEmptyTemplateNamesItsSection() {
        let error = fileError("[accept.en]\nDear {applicant}\n# note\n[accept.zh]\n   \n\n[approve.en]\nOK")
        XCTAssertEqual(error?.line, 4)
        XCTAssertTrue(error?.message.contains("accept.zh") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("empty") == true, error?.message ?? "")
        XCTAssertEqual(fileError("[accept.en]")?.line, 1, "a header at the very end")
    }

    func testUnknownPlaceholderInFileNamesSectionLineAndName() {
        let error = fileError("[accept.en]\nDear {applicant}\n\n[reject.zh]\n不予受理：{reasons}")
        XCTAssertEqual(error?.line, 4)
        XCTAssertTrue(error?.message.contains("reject.zh") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("{reasons}") == true, error?.message ?? "")
    }

    func testBraceErrorsInFileCarryTheLine() {
        XCTAssertEqual(fileError("[approve.en]\nfine\n[deny.en]\nDenied {reason")?.line, 3)
        XCTAssertEqual(fileError("[approve.en]\nstray } brace")?.line, 1)
    }
}
