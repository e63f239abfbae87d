import XCTest
@testable import WicketTUI
import WicketCore

/// The workstation names statuses, actions, channels and the rest from its own catalog (UIText);
/// the CLI from the core's CodeWords. They must say the same word, so a clerk reading `wicket list`
/// and the inbox side by side sees one vocabulary.
final class CodeWordsAgreementTests: XCTestCase {
    func testTheWorkstationAndTheCommandLineUseTheSameWords() {
        for l in Language.allCases {
            for status in CaseStatus.allCases { XCTAssertEqual(InboxView.shortStatus(status, l), status.word.text(l)) }
            for action in CaseAction.allCases { XCTAssertEqual(ActionKeys.label(action, l), action.word.text(l)) }
            for event in [CaseAction.submitEvent, "reveal", "accept"] {
                XCTAssertEqual(Words.historyAction(event, l), CaseAction.historyWord(event).text(l))
            }
            for channel in Channel.allCases { XCTAssertEqual(Words.channel(channel, l), channel.word.text(l)) }
            for state in MaterialState.allCases { XCTAssertEqual(Words.materialState(state, l), state.word.text(l)) }
            for state in DeliveryState.allCases { XCTAssertEqual(Words.delivery(state, l), state.word.text(l)) }
            for rating in Rating.allCases { XCTAssertEqual(Words.rating(rating, l), rating.word.text(l)) }
            for phase in ["acceptance", "decision", "delivery"] { XCTAssertEqual(Words.phase(phase, l), PhaseWord.word(phase).text(l)) }
            for level in [Level.overdue, .red, .yellow, .paused] { XCTAssertEqual(InboxView.levelWord(level, l), level.word.text(l)) }
            XCTAssertEqual(UIText.levelNormal.text(l), Level.normal.word.text(l))
            for role in Role.allCases { XCTAssertEqual(Chrome.roleName(role, l), role.word.text(l)) }
        }
    }
}
