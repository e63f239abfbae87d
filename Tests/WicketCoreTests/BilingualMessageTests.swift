import Foundation
import XCTest
@testable import WicketCore

/// Every message the core gives a person exists in both languages, with the same placeholders.
final class BilingualMessageTests: XCTestCase {
    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    func testEveryCommandLineMessageExistsInBothLanguagesAndNowhereElse() {
        XCTAssertEqual(Set(CLIText.english.keys), Set(CLIText.allCases), "English")
        XCTAssertEqual(Set(CLIText.chinese.keys), Set(CLIText.allCases), "Chinese")
        for message in CLIText.allCases {
            XCTAssertFalse(message.text(.en).isEmpty, "\(message)")
            XCTAssertTrue(Self.hasChinese(message.text(.zh)), "\(message) has no Chinese")
        }
    }

    func testCommandLinePlaceholdersMatchBetweenLanguages() {
        func placeholders(_ text: String) -> [String] {
            let regex = try! NSRegularExpression(pattern: "\\{[0-9]+\\}")
            let range = NSRange(text.startIndex..., in: text)
            return regex.matches(in: text, range: range).map { (text as NSString).substring(with: $0.range) }.sorted()
        }
        for message in CLIText.allCases {
            XCTAssertEqual(placeholders(message.text(.en)), placeholders(message.text(.zh)), "\(message)")
        }
        XCTAssertEqual(CLIText.imported.format(.zh, 3, 0, 1), "已导入 3，已存在 0，错误行 1")
        XCTAssertEqual(CLIText.imported.format(.en, 3, 0, 1), "imported 3, already present 0, bad lines 1")
    }

    static let refusals: [WorkflowError] = [
        .caseNotFound("C1"), .notAllowed(action: .accept, status: .accepted, allowed: []),
        .notAllowed(action: .accept, status: .submitted, allowed: [.claim, .note]), .reasonRequired(.reject),
        .notHolder(case: "C1", holder: "li"), .staleVersion(case: "C1", expected: 1, current: 2),
        .unknownUser("x"), .inactiveUser("x"), .supervisorOnly(.assign),
        .otherDepartment(case: "C1", caseDepartment: "PSB", userDepartment: "HEALTH"),
        .invalidArgument(Bilingual(en: "needs a reason", zh: "需要理由")), .nothingToRequest("C1"),
        .alreadyExtended("C1"), .alreadyHeld(case: "C1", holder: "li"), .notHeld("C1"), .noCaseToTake(department: "PSB"),
    ]

    /// The codes a person reads as words in Chinese: statuses, actions, roles, channels.
    static let codes = Set(CaseStatus.allCases.map(\.rawValue) + CaseAction.allCases.map(\.rawValue)
                           + Role.allCases.map(\.rawValue) + Channel.allCases.map(\.rawValue))

    /// The codes found in a Chinese text, outside what a person types as it is (`--option`,
    /// a `command` in backquotes).
    static func rawCodes(in text: String) -> [String] {
        let scanned = text.replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
            .replacingOccurrences(of: "--[a-z-]+", with: "", options: .regularExpression)
        return scanned.split { !($0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-")) }.map(String.init).filter { codes.contains($0) }
    }

    /// Every refusal the core can give, with every action, status and role in it.
    static var everyRefusal: [WorkflowError] {
        var refusals = refusals
        for action in CaseAction.allCases {
            refusals += [.reasonRequired(action), .supervisorOnly(action)]
            for status in CaseStatus.allCases {
                refusals.append(.notAllowed(action: action, status: status, allowed: Workflow.choices(from: status)))
            }
        }
        // Adding a case to WorkflowError stops this switch compiling until the case is listed above.
        for refusal in refusals {
            switch refusal {
            case .caseNotFound, .notAllowed, .reasonRequired, .notHolder, .staleVersion, .unknownUser, .inactiveUser,
                 .supervisorOnly, .otherDepartment, .invalidArgument, .nothingToRequest, .alreadyExtended, .alreadyHeld,
                 .notHeld, .noCaseToTake: break
            }
        }
        return refusals
    }

    func testChineseRefusalsUseChineseWordsForEveryCode() throws {
        for refusal in Self.everyRefusal {
            let text = refusal.message(.zh)
            XCTAssertEqual(Self.rawCodes(in: text), [], "\(refusal): \(text)")
        }
        // The workflow's own Chinese explanations.
        let hall = try TestHall()
        defer { hall.remove() }
        let number = try hall.submit().number
        for action in [CaseAction.note, .reply] {
            XCTAssertThrowsError(try hall.workflow.perform(ActionRequest(caseNumber: number, action: action, actor: "li"))) { error in
                let text = (error as? WorkflowError)?.message(.zh) ?? "\(error)"
                XCTAssertEqual(Self.rawCodes(in: text), [], text)
            }
        }
    }

    func testEveryRefusalInBothLanguages() {
        for refusal in Self.refusals {
            XCTAssertEqual(refusal.message(.en), refusal.description)
            XCTAssertTrue(Self.hasChinese(refusal.message(.zh)), "\(refusal) has no Chinese")
            XCTAssertFalse(Self.hasChinese(refusal.message(.en)), "\(refusal) English has Chinese")
        }
        let problems: [StoreError] = [
            .missing(path: "p"), .alreadyExists(path: "p"), .notSQLite(path: "p"), .notWicket(path: "p"),
            .newerSchema(path: "p", found: 9, known: 3), .cannotOpen(path: "p", reason: "r"),
        ]
        for problem in problems {
            XCTAssertEqual(problem.message(.en), problem.description)
            XCTAssertTrue(Self.hasChinese(problem.message(.zh)), "\(problem) has no Chinese")
            XCTAssertTrue(ErrorText.message(problem, .zh).contains("p"))
        }
    }

    /// One language per text: Chinese in the Chinese, none in the English.
    func assertBilingual(_ text: Bilingual, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.en.isEmpty, "\(what) has no English", file: file, line: line)
        XCTAssertTrue(Self.hasChinese(text.zh), "\(what) has no Chinese: \(text.zh)", file: file, line: line)
        XCTAssertFalse(Self.hasChinese(text.en), "\(what) English has Chinese: \(text.en)", file: file, line: line)
    }

    /// Every code a person may read (statuses, actions, channels, …) has a word in both languages.
    func testEveryCodeHasAWordInBothLanguages() {
        for status in CaseStatus.allCases { assertBilingual(status.word, "status \(status)") }
        for action in CaseAction.allCases { assertBilingual(action.word, "action \(action)") }
        for event in [CaseAction.submitEvent, "reveal"] { assertBilingual(CaseAction.historyWord(event), event) }
        for channel in Channel.allCases { assertBilingual(channel.word, "channel \(channel)") }
        for priority in Priority.allCases { assertBilingual(priority.word, "priority \(priority)") }
        for level in Level.allCases { assertBilingual(level.word, "level \(level)") }
        for state in MaterialState.allCases { assertBilingual(state.word, "material \(state)") }
        for rating in Rating.allCases { assertBilingual(rating.word, "rating \(rating)") }
        for state in DeliveryState.allCases { assertBilingual(state.word, "delivery \(state)") }
        for role in Role.allCases { assertBilingual(role.word, "role \(role)") }
        for language in Language.allCases { assertBilingual(language.word, "language \(language)") }
        for phase in ["acceptance", "decision", "delivery"] { assertBilingual(PhaseWord.word(phase), phase) }
        XCTAssertEqual(Language.zh.code("submitted", CaseStatus.submitted.word), "待受理")
        XCTAssertEqual(Language.en.code("submitted", CaseStatus.submitted.word), "submitted", "English keeps the code options take")
    }

    /// The report's sections and lines in both languages; their CSV names never change.
    func testEveryReportLabelInBothLanguagesWithStableCSVKeys() {
        XCTAssertEqual(Set(ReportLine.chinese.keys), Set(ReportLine.allCases), "a line without Chinese")
        for section in ReportSection.allCases { assertBilingual(section.label, "section \(section)") }
        for line in ReportLine.allCases {
            assertBilingual(line.label, "line \(line)")
            XCTAssertEqual(line.label.en, line.rawValue, "the English reads as the CSV key")
        }
        // Scripts depend on these; a change here breaks them.
        XCTAssertEqual(ReportSection.allCases.map(\.rawValue), [
            "period", "backlog", "backlog by status", "backlog by service", "backlog by status and service", "backlog by clerk",
            "backlog by channel", "aging (working days)", "deadlines", "flow", "rejections by reason", "denials by reason",
            "intake per day",
            "completed per day", "satisfaction", "follow-up queue", "appointments",
        ])
        XCTAssertEqual(ReportLine.allCases.map(\.rawValue), [
            "start", "end", "department", "open", "overdue", "red", "yellow", "acceptance overdue", "awaiting materials",
            "oldest awaiting materials", "suspended", "oldest suspended", "intake", "first response median hours",
            "first response p90 hours", "decided", "decided on time", "on-time rate", "completed", "completed online",
            "online completion rate", "repeated materials requests", "acceptance breaches", "extensions granted",
            "good", "fair", "poor", "poor without follow-up",
            "failed replies permanent", "failed replies retrying",
        ])
    }

    /// The dashboard's drill-down words, in the workstation's language only.
    func testEveryFigureLabelInBothLanguages() {
        let day = Day(year: 2026, month: 11, day: 26)!
        var figures: [ReportFigure] = [
            .open, .service("HUKOU-MOVE"), .clerk("li"), .clerk(nil), .overdue, .red, .yellow, .acceptanceOverdue,
            .awaitingMaterials, .suspended, .extensionsGranted, .intake, .intakeOn(day), .completed, .completedOn(day),
            .completedOnline, .decided, .decidedOnTime, .rejections(code: "NOT-REMIT", name: Bilingual(en: "wrong office", zh: "不属于本机关职权范围")),
            .denials(code: "CONDITIONS-NOT-MET", name: Bilingual(en: "conditions not met", zh: "不符合法定条件")), .repeatedMaterialsRequests,
            .acceptanceBreaches, .poorWithoutFollowUp,
        ]
        figures += CaseStatus.allCases.map(ReportFigure.status) + Channel.allCases.map(ReportFigure.channel)
        figures += AgingBucket.allCases.map(ReportFigure.aging) + Rating.allCases.map(ReportFigure.rated)
        figures += CaseStatus.allCases.map { ReportFigure.statusService($0, "HUKOU-MOVE") }
        for figure in figures {
            assertBilingual(Bilingual(en: figure.label(.en), zh: figure.label(.zh)), "\(figure)")
        }
        XCTAssertEqual(ReportFigure.intakeOn(day).label(.zh), "收件 2026年11月26日")
        XCTAssertEqual(ReportFigure.intakeOn(day).label(.en), "intake 26 Nov 2026")
    }

    /// Calendar and template files: every problem an admin can make says what is wrong in both languages.
    func testFileProblemsInBothLanguages() {
        let calendars = ["2026-10-01", "2026-10-01 vacation", "2026-10-01 holiday\n2026-10-01 workday", "2026-13-01 holiday",
                         "2026-10-01..2026-13-01 holiday", "2026-10-07..2026-10-01 holiday"]
        for text in calendars {
            do {
                _ = try CalendarFile.parse(text)
                XCTFail("accepted \(text)")
            } catch let error as CalendarFileError {
                assertBilingual(error.reason, text)
                XCTAssertEqual(error.message(.zh), error.reason.zh)
            } catch { XCTFail("\(error)") }
        }
        let templates = ["[accept.fr]\nBonjour", "hello", "[accept.zh]\n", "[accept.zh]\n{office}", "[accept.zh]\n{applicant",
                         "[accept.zh]\na } b"]
        for text in templates {
            do {
                _ = try TemplateSet.parseFile(text)
                XCTFail("accepted \(text)")
            } catch let error as TemplateError {
                assertBilingual(error.reason, text)
            } catch { XCTFail("\(error)") }
        }
    }

    /// Dates as each language writes them, for days and for stored instants in hall time.
    func testDatesInEachLanguage() {
        let day = Day(year: 2026, month: 11, day: 26)!
        XCTAssertEqual(DateText.day(day, language: .zh), "2026年11月26日")
        XCTAssertEqual(DateText.day(day, language: .en), "26 Nov 2026")
        let hall = HallTime(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        XCTAssertEqual(DateText.moment(stored: "2026-11-26T01:30:00Z", hallTime: hall, language: .zh), "2026年11月26日 09:30")
        XCTAssertEqual(DateText.moment(stored: "2026-11-26T01:30:00Z", hallTime: hall, language: .en), "26 Nov 2026 09:30")
    }

    func testRefusalsRaisedByTheWorkflowCarryChinese() throws {
        let hall = try TestHall()
        defer { hall.remove() }
        let number = try hall.submit().number
        do {
            try hall.act(number, .note)
            XCTFail("a note without text went through")
        } catch let refusal as WorkflowError {
            XCTAssertEqual(refusal.message(.en), "note needs --text TEXT")
            XCTAssertEqual(refusal.message(.zh), "“备注”需要 --text 文字")
        }
    }
}
