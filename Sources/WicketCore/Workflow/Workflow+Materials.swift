import Foundation

/// The materials checklist: the one-time notice, supplements, and per-item states.
extension Workflow {
    func requestMaterials(_ request: ActionRequest, context: ActionContext, change: inout CaseChange) throws {
        let caseID = change.record.id
        // What is on file is not asked for (Decree 716): read before --missing marks anything.
        let onFile = try OnFile.sources(caseID: caseID, today: store.today, access: nil, in: db)
        var checklist = try CaseMaterials.load(caseID: caseID, in: db)
        let askedAgain = request.missing.filter { onFile[$0] != nil }
        if !askedAgain.isEmpty && change.reason.isEmpty {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "\(askedAgain.joined(separator: ", ")) is on file for this applicant: asking for it again needs --reason (why the one on file will not do)",
                zh: "\(askedAgain.joined(separator: "、")) 已有存档：再次要求提交需要 --reason（说明为何存档的不能用）"))
        }
        for code in request.missing {
            guard store.material(code) != nil else { throw WorkflowError.invalidArgument(Bilingual(
                en: "unknown material \(code)",
                zh: "未知材料 \(code)")) }
            let reason = checklist.first { $0.code == code }?.reason ?? ""
            try CaseMaterials.set(caseID: caseID, code: code, state: .missing, reason: reason, at: context.stamp, in: db)
        }
        if !request.missing.isEmpty { checklist = try CaseMaterials.load(caseID: caseID, in: db) }
        let notAsked = checklist.filter { $0.state.isOutstanding && onFile[$0.code] != nil && !askedAgain.contains($0.code) }
        let outstanding = checklist.filter { $0.state.isOutstanding && !notAsked.map(\.code).contains($0.code) }
        guard !outstanding.isEmpty else { throw WorkflowError.nothingToRequest(change.record.number) }
        if !notAsked.isEmpty {
            change.details["on_file"] = notAsked.map(\.code)
        }
        if !askedAgain.isEmpty { change.details["asked_again_on_file"] = askedAgain }

        let codes = outstanding.map(\.code)
        change.details["items"] = codes
        let earlier = try db.query("""
            SELECT id, json_extract(details, '$.items') AS items, at FROM history
            WHERE case_id = ? AND action = 'request-materials' ORDER BY id
            """, caseID)
        change.details["request_number"] = earlier.count + 1
        if let last = earlier.last {
            change.details["repeat"] = true
            let lastSupplement = try db.scalarInt(
                "SELECT max(id) FROM history WHERE case_id = ? AND action = 'supplement'", caseID) ?? 0
            if last.int("id") > lastSupplement {
                change.details["without_new_supplement"] = true
                let at = store.hallTime.display(stored: last.string("at"))
                change.warnings.append(Bilingual(
                    en: "materials were already requested on \(at) and nothing new arrived since: the applicant is asked twice",
                    zh: "已于 \(at) 要求补正材料，此后未收到新材料：申请人将被要求两次"))
            }
            let listedBefore = Set(earlier.flatMap { row in
                (try? JSONDecoder().decode([String].self, from: Data(row.string("items").utf8))) ?? []
            })
            let notListed = codes.filter { !listedBefore.contains($0) }
            if !notListed.isEmpty {
                change.details["not_in_earlier_notice"] = notListed
                change.warnings.append(Bilingual(
                    en: "not in the earlier notice: \(notListed.joined(separator: ", ")) (the one-time notice should list everything at once)",
                    zh: "未列入前次通知：\(notListed.joined(separator: "、"))（一次性告知应一次列全）"))
            }
        }
        let language = change.record.language
        change.placeholders[.missingMaterials] = outstanding.enumerated().map { index, item in
            let name = store.material(item.code)?.name(language) ?? item.code
            let note: String
            switch (item.state, language) {
            case (.defective, .zh): note = "（不符合要求：\(item.reason)）"
            case (.defective, .en): note = " (not acceptable: \(item.reason))"
            case (_, .zh): note = "（缺）"
            case (_, .en): note = " (missing)"
            }
            return "\(index + 1). \(name)\(note)"
        }.joined(separator: "\n")
        recordFirstAnswer(&change, context)
        change.record.status = .awaitingMaterials
        change.record.marks = nil
    }

    func recordSupplement(_ request: ActionRequest, context: ActionContext, change: inout CaseChange) throws {
        let caseID = change.record.id
        let checklist = try CaseMaterials.load(caseID: caseID, in: db)
        for code in request.materials {
            guard checklist.contains(where: { $0.code == code }) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(code) is not on case \(change.record.number)'s checklist",
                zh: "\(code) 不在案件 \(change.record.number) 的材料清单上"))
            }
            try CaseMaterials.set(caseID: caseID, code: code, state: .submitted, reason: "", at: context.stamp, in: db)
        }
        if let text = request.text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            let channel = request.atWindow == true ? Channel.window : change.record.channel
            try db.execute("""
                INSERT INTO messages(case_id, direction, channel, author, body, created_at)
                VALUES (?, 'inbound', ?, ?, ?, ?)
                """, caseID, channel.rawValue, change.record.applicantName, text, context.stamp)
            change.details["message_id"] = db.lastInsertRowID
        }
        if request.atWindow == true { change.record.windowVisit = true }
        change.details["materials"] = request.materials
        change.record.status = .submitted
        startAcceptanceClock(&change, context: context)
    }

    func setMaterials(_ request: ActionRequest, context: ActionContext, change: inout CaseChange) throws {
        guard let state = request.materialState, !request.materials.isEmpty else {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "material needs --materials CODE,... and --state missing|submitted|verified|defective",
                zh: "材料操作需要 --materials 代码,… 和 --state missing|submitted|verified|defective"))
        }
        let reason = change.reason
        if state == .defective && reason.isEmpty {
            throw WorkflowError.invalidArgument(Bilingual(
                en: "a defective material needs --reason (what is wrong with it)",
                zh: "有误的材料需要 --reason（说明问题所在）"))
        }
        let checklist = try CaseMaterials.load(caseID: change.record.id, in: db)
        // Verifying an item on file confirms it: the event names where it was proven.
        let onFile = state == .verified ? try OnFile.sources(caseID: change.record.id, today: store.today, access: nil, in: db) : [:]
        var sources: [String: Any] = [:]
        for code in request.materials {
            guard checklist.contains(where: { $0.code == code }) else {
                throw WorkflowError.invalidArgument(Bilingual(
                en: "\(code) is not on case \(change.record.number)'s checklist",
                zh: "\(code) 不在案件 \(change.record.number) 的材料清单上"))
            }
            if let source = onFile[code] { sources[code] = source.details }
            try CaseMaterials.set(caseID: change.record.id, code: code, state: state,
                                  reason: state == .defective ? reason : "", at: context.stamp, in: db)
        }
        change.details["materials"] = request.materials
        change.details["state"] = state.rawValue
        if !sources.isEmpty { change.details["on_file"] = sources }
    }
}

/// One checklist line of a case.
public struct CaseMaterial: Sendable, Equatable, Codable {
    public let code: String
    public let state: MaterialState
    public let reason: String
}

enum CaseMaterials {
    /// In the service's checklist order; items added beyond it come last.
    static func load(caseID: Int, in db: Database) throws -> [CaseMaterial] {
        try db.query("""
            SELECT cm.material_code, cm.state, cm.reason FROM case_materials cm
            JOIN cases c ON c.id = cm.case_id
            LEFT JOIN service_materials sm ON sm.service_code = c.service_code AND sm.material_code = cm.material_code
            WHERE cm.case_id = ? ORDER BY coalesce(sm.position, 1000), cm.material_code
            """, caseID).map {
            CaseMaterial(code: $0.string("material_code"), state: MaterialState(rawValue: $0.string("state")) ?? .missing,
                         reason: $0.string("reason"))
        }
    }

    static func set(caseID: Int, code: String, state: MaterialState, reason: String, at stamp: String, in db: Database) throws {
        try db.execute("""
            INSERT INTO case_materials(case_id, material_code, state, reason, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(case_id, material_code) DO UPDATE SET state = excluded.state, reason = excluded.reason,
                updated_at = excluded.updated_at
            """, caseID, code, state.rawValue, reason, stamp)
    }
}
