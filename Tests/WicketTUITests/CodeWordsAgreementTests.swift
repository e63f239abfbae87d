import XCTest
@testable import WicketTUI
import WicketCore

/// The words a clerk reads for every stored code, written out here in both languages, and checked
/// against both places that print them: the workstation (its own catalog, UIText, for statuses,
/// actions, levels and roles; the core's CodeWords for the rest) and the command line (CodeWords).
/// Comparing one source with the other alone would pass when both say the wrong word.
final class CodeWordsAgreementTests: XCTestCase {
    private func check(_ expected: (String, String), workstation: (Language) -> String, cli: (Language) -> String,
                       _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (l, word) in [(Language.en, expected.0), (.zh, expected.1)] {
            XCTAssertEqual(workstation(l), word, "workstation, \(what), \(l)", file: file, line: line)
            XCTAssertEqual(cli(l), word, "command line, \(what), \(l)", file: file, line: line)
        }
    }

    func testStatusesAndActions() {
        let statuses: [CaseStatus: (String, String)] = [
            .submitted: ("submitted", "待受理"), .awaitingMaterials: ("awaiting", "待补正"), .accepted: ("accepted", "已受理"),
            .inReview: ("in review", "审查中"), .suspended: ("suspended", "已中止"), .approved: ("approved", "已批准"),
            .completed: ("completed", "已办结"), .denied: ("denied", "不予许可"), .rejected: ("rejected", "不予受理"),
            .withdrawn: ("withdrawn", "已撤回"),
        ]
        XCTAssertEqual(Set(statuses.keys), Set(CaseStatus.allCases), "every status has its words here")
        for (status, words) in statuses {
            check(words, workstation: { InboxView.shortStatus(status, $0) }, cli: { status.word.text($0) }, "\(status)")
        }
        let actions: [CaseAction: (String, String)] = [
            .accept: ("accept", "受理"), .requestMaterials: ("request materials", "一次性告知补正"),
            .supplement: ("supplement", "补正收到"), .reject: ("reject", "不予受理"), .startReview: ("start review", "开始审查"),
            .approve: ("approve", "批准"), .deny: ("deny", "不予许可"), .deliver: ("deliver", "送达办结"),
            .suspend: ("suspend", "中止"), .resume: ("resume", "恢复"), .extend: ("extend", "延期"),
            .withdraw: ("withdraw", "撤回"), .transfer: ("transfer", "转办"), .claim: ("claim", "领取"),
            .release: ("release", "释放"), .assign: ("assign", "分派"), .note: ("note", "备注"), .reply: ("reply", "回复"),
            .material: ("material", "材料状态"), .rate: ("rate", "评价"), .followUp: ("follow-up", "回访"),
            .resendReply: ("resend failed reply", "重发失败的答复"), .replyHandled: ("failed reply handled", "失败答复已另行处理"),
        ]
        XCTAssertEqual(Set(actions.keys), Set(CaseAction.allCases), "every action has its words here")
        for (action, words) in actions {
            check(words, workstation: { ActionKeys.label(action, $0) }, cli: { action.word.text($0) }, "\(action)")
        }
        for (event, words) in [(CaseAction.submitEvent, ("submit", "提交")), ("reveal", ("ID shown", "查看证件")),
                               ("accept", ("accept", "受理"))] {
            check(words, workstation: { Words.historyAction(event, $0) }, cli: { CaseAction.historyWord(event).text($0) }, event)
        }
    }

    func testChannelsMaterialsDeliveriesRatingsAndPhases() {
        let channels: [Channel: (String, String)] = [
            .online: ("online", "网上"), .mobile: ("mobile", "移动端"), .window: ("window", "窗口"),
            .phone: ("phone", "电话"), .mail: ("mail", "邮寄"),
        ]
        XCTAssertEqual(Set(channels.keys), Set(Channel.allCases))
        for (channel, words) in channels {
            check(words, workstation: { Words.channel(channel, $0) }, cli: { channel.word.text($0) }, "\(channel)")
        }
        let materials: [MaterialState: (String, String)] = [
            .missing: ("missing", "缺少"), .submitted: ("received", "已收"), .verified: ("verified", "已核验"),
            .defective: ("defective", "不符"),
        ]
        XCTAssertEqual(Set(materials.keys), Set(MaterialState.allCases))
        for (state, words) in materials {
            check(words, workstation: { Words.materialState(state, $0) }, cli: { state.word.text($0) }, "\(state)")
        }
        let deliveries: [DeliveryState: (String, String)] = [
            .queued: ("queued", "待发送"), .sent: ("sent", "已发送"), .delivered: ("delivered", "已送达"),
            .failed: ("failed", "发送失败"), .failedPermanent: ("failed for good", "发送失败（不再重试）"),
        ]
        XCTAssertEqual(Set(deliveries.keys), Set(DeliveryState.allCases))
        for (state, words) in deliveries {
            check(words, workstation: { Words.delivery(state, $0) }, cli: { state.word.text($0) }, "\(state)")
        }
        let ratings: [Rating: (String, String)] = [.good: ("good", "满意"), .fair: ("fair", "基本满意"), .poor: ("poor", "不满意")]
        XCTAssertEqual(Set(ratings.keys), Set(Rating.allCases))
        for (rating, words) in ratings {
            check(words, workstation: { Words.rating(rating, $0) }, cli: { rating.word.text($0) }, "\(rating)")
        }
        for (phase, words) in [("acceptance", ("acceptance", "受理")), ("decision", ("decision", "审批")),
                               ("delivery", ("delivery", "送达"))] {
            check(words, workstation: { Words.phase(phase, $0) }, cli: { PhaseWord.word(phase).text($0) }, phase)
        }
    }

    func testLevelsAndRoles() {
        for (level, words) in [(Level.overdue, ("overdue", "逾期")), (.red, ("red", "红")), (.yellow, ("yellow", "黄")),
                               (.paused, ("paused", "暂停"))] {
            check(words, workstation: { InboxView.levelWord(level, $0) }, cli: { level.word.text($0) }, "\(level)")
        }
        check(("normal", "正常"), workstation: { UIText.levelNormal.text($0) }, cli: { Level.normal.word.text($0) }, "normal")
        let roles: [Role: (String, String)] = [
            .clerk: ("clerk", "窗口"), .supervisor: ("supervisor", "主管"), .admin: ("admin", "管理员"), .portal: ("portal", "门户"),
        ]
        XCTAssertEqual(Set(roles.keys), Set(Role.allCases))
        for (role, words) in roles {
            check(words, workstation: { Chrome.roleName(role, $0) }, cli: { role.word.text($0) }, "\(role)")
        }
    }
}
