import CaseStore
import Foundation
import XCTest

/// SECURITY.md, "Survivors' rights": a correction keeps the earlier value sealed in the history,
/// marks the new version as a correction and is audited by field name, never by value.
final class CorrectionTests: XCTestCase {
    func testCorrectionKeepsHistoryMarksTheDocumentAndIsAudited() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        var original = sampleDocument("Јелена Ђорђевић", narrative: "Pogrešno zapisano: Kruševac")
        original.intake = ["phone": "+381 64 000 0000", "incident_narrative": "Pogrešno zapisano: Kruševac"]
        let code = try worker.createCase(original)
        var corrected = original
        corrected.survivor.name = "Јелена Ђурђевић"
        corrected.incident.narrative = "Tačno: Trstenik"
        corrected.intake?["incident_narrative"] = "Tačno: Trstenik"
        XCTAssertEqual(try worker.correctCase(code, document: corrected), 2)

        let record = try worker.readCase(code)
        XCTAssertEqual(record.document.survivor.name, "Јелена Ђурђевић")
        let fields = ["incident.narrative", "intake.incident_narrative", "survivor.name"]
        XCTAssertEqual(record.document.work?.corrections, [Correction(day: worker.currentDay, by: "vesna", fields: fields)])
        XCTAssertEqual(try worker.history(code).map(\.document), [original])
        XCTAssertEqual(try worker.findCases(name: "Djurdjevic").map(\.code), [code.rawValue])
        XCTAssertEqual(try worker.findCases(name: "Đorđević"), [])

        let entries = try worker.auditLog(AuditFilter(action: AuditAction.caseCorrect.rawValue, caseCode: code.rawValue))
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?.details, ["fields": fields.joined(separator: ","), "version": "2"])
        XCTAssertEqual(try worker.summary(code).version, 2, "the correction is one signed state change")
    }

    func testSecondCorrectionKeepsTheFirstAndAnUnchangedOneWritesNothing() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument("Ana Anić"))
        var document = sampleDocument("Ana Antić")
        try worker.correctCase(code, document: document)
        document.survivor.phone = "+381 63 111 222"
        var claimed = document
        claimed.work = CaseWork(corrections: [Correction(day: "2020-01-01", by: "someone", fields: ["forged"])])
        try worker.correctCase(code, document: claimed)
        let corrections = try worker.readCase(code).document.work?.corrections ?? []
        XCTAssertEqual(corrections.map(\.fields), [["survivor.name"], ["survivor.phone"]], "a front cannot claim corrections")
        let entries = try worker.auditLog(AuditFilter(action: AuditAction.caseCorrect.rawValue))
        XCTAssertEqual(try worker.correctCase(code, document: try worker.readCase(code).document), 3)
        XCTAssertEqual(try worker.auditLog(AuditFilter(action: AuditAction.caseCorrect.rawValue)).count, entries.count)
    }

    func testACorrectionWithoutWorkKeepsTheCasesWork() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument("Ana Anić"))
        try worker.amendCase(code, action: .casePlan) { $0.work = CaseWork(plan: "Sigurna kuća") }
        try worker.correctCase(code, document: sampleDocument("Ana Antić"))
        let work = try XCTUnwrap(worker.readCase(code).document.work)
        XCTAssertEqual(work.plan, "Sigurna kuća")
        XCTAssertEqual(work.corrections.map(\.fields), [["survivor.name"]])
    }

    func testDocumentsSealedBeforeCorrectionsStillRead() throws {
        let json = #"{"consent":{"statistics":true},"survivor":{"name":"Ana"},"work":{"followUps":[],"notes":[],"referrals":[]}}"#
        let document = try JSONDecoder().decode(CaseDocument.self, from: Data(json.utf8))
        XCTAssertEqual(document.work?.corrections, [])
        let encoded = String(decoding: try JSONEncoder().encode(document.work), as: UTF8.self)
        XCTAssertFalse(encoded.contains("corrections"), "a document without corrections keeps its bytes")
    }
}
