import Foundation
import WicketCore

/// A clerk (or supervisor) who looks at a random case of the department and acts on it, the way a
/// person at the workstation does: read the case, choose, act with the version seen. Mostly a move
/// the lifecycle allows from what was seen (which may be stale by then), sometimes any action at all.
struct RandomClerk {
    let store: CaseStore
    let login: String
    let workflow: Workflow
    let isSupervisor: Bool
    let caseNumbers: [String]
    let colleagues: [String]
    var random: SeededRandom
    private(set) var lastWasTakeNext = false

    init(store: CaseStore, login: String, seed: UInt64) throws {
        self.store = store
        self.login = login
        workflow = Workflow(store: store)
        random = SeededRandom(seed: seed)
        let user = try store.db.queryOne("SELECT role, department FROM users WHERE login = ?", login)
        guard let user else { throw WorkflowError.unknownUser(login) }
        isSupervisor = user.string("role") != "clerk"
        let department = user.optionalString("department") ?? "PSB"
        caseNumbers = try store.db.query("SELECT number FROM cases WHERE department = ? ORDER BY id", department)
            .map { $0.string("number") }
        colleagues = try store.db.query("SELECT login FROM users WHERE role = 'clerk' AND department = ?", department)
            .map { $0.string("login") }
    }

    mutating func actOnce() throws -> ActionOutcome {
        lastWasTakeNext = false
        if random.chance(0.08) {
            lastWasTakeNext = true
            return try workflow.takeNext(actor: login)
        }
        let number = random.pick(caseNumbers)
        guard let seen = try store.db.queryOne("SELECT status, version, service_code FROM cases WHERE number = ?", number),
              let status = CaseStatus(rawValue: seen.string("status")) else {
            throw WorkflowError.caseNotFound(number)
        }
        // No delivery runs here, so no reply fails: resend and handled would only be refused.
        let sensible = Lifecycle.actions(from: status).filter {
            ![.transfer, .followUp, .resendReply, .replyHandled].contains($0)
        }
        let action = random.chance(0.75) && !sensible.isEmpty ? random.pick(sensible)
            : random.pick(CaseAction.allCases.filter { $0 != .transfer })
        var request = ActionRequest(caseNumber: number, action: action, actor: login)
        if random.chance(0.7) { request.expectedVersion = seen.int("version") }
        let materials = store.service(seen.string("service_code"))?.materials ?? []
        fill(&request, materials: materials)
        return try workflow.perform(request)
    }

    /// What each action needs, filled in as a person would.
    private mutating func fill(_ request: inout ActionRequest, materials: [String]) {
        switch request.action {
        case .reject, .deny, .suspend, .withdraw, .extend:
            request.reason = random.pick(["材料不全", "需要现场核查", "申请人要求", "专家评审"])
            request.days = Int.random(in: 1...3, using: &random)
        case .requestMaterials:
            if let code = materials.randomElement(using: &random), random.chance(0.5) { request.missing = [code] }
        case .supplement:
            request.materials = Array(materials.shuffled(using: &random).prefix(2))
            request.text = "补交材料"
        case .material:
            request.materials = [materials.randomElement(using: &random) ?? "ID-CARD"]
            request.materialState = random.pick([.verified, .submitted, .missing, .defective])
            request.reason = "复印件不清晰"
        case .note, .reply, .followUp:
            request.text = random.pick(["已电话联系申请人", "请携带原件到窗口", "Please bring the original."])
        case .rate:
            request.rating = random.pick([.good, .fair, .poor])
        case .assign:
            request.target = colleagues.isEmpty ? login : random.pick(colleagues)
        case .deliver:
            request.atWindow = random.chance(0.5)
        default:
            break
        }
    }

    /// A refusal's name for the tally (every case carries a value, so the mirror names it).
    static func kind(of refusal: WorkflowError) -> String {
        Mirror(reflecting: refusal).children.first?.label ?? "other"
    }
}
