import CaseStore
import Foundation
import GRDB
import XCTest

/// SECURITY.md, "Survivors' rights": a purged field is gone from every version of the case and
/// from the file and WAL, everything else is kept, and sealed copies from before the purge no
/// longer open when put back.
final class PurgeTests: XCTestCase {
    static let narrative = "Zaključao je pasoš u ormar kod tetke Ruždije — Закључао је пасош код тетке Руждије"

    private func purgedVault() throws -> (TemporaryVault, UnlockedVault, CaseCode, [Data]) {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        var document = sampleDocument("Šejla Kovačević", narrative: Self.narrative)
        document.survivor.phone = "064/557-9913"
        document.intake = ["incident_narrative": Self.narrative, "phone": "064/557-9913", "safe_to_call": "yes", "survivor_name": "Šejla Kovačević"]
        let code = try worker.createCase(document)
        document.incident.narrative = Self.narrative + " Drugi put: Ćićevac."
        try worker.updateCase(code, document: document)
        try worker.amendCase(code, action: .casePlan) { $0.work = CaseWork(plan: "Sigurna kuća u Kruševcu") }
        let blobs = try RawVault(vault.path).blobs(code: code)
        XCTAssertEqual(try worker.purgeField(code, field: .narrative, reason: "Survivor asked: Ruždija"), 4)
        return (vault, worker, code, blobs)
    }

    func testPurgedFieldIsGoneFromEveryVersionAndTheRestIsKept() throws {
        let (_, worker, code, _) = try purgedVault()
        let current = try worker.readCase(code).document
        let versions = try worker.history(code).map(\.document) + [current]
        XCTAssertEqual(versions.count, 4)
        for document in versions {
            XCTAssertNil(document.incident.narrative)
            XCTAssertNil(document.intake?["incident_narrative"])
            XCTAssertEqual(document.survivor.phone, "064/557-9913")
            XCTAssertEqual(document.intake?["safe_to_call"], "yes")
            XCTAssertEqual(document.survivor.name, "Šejla Kovačević")
            XCTAssertEqual(document.incident.type, .rape)
        }
        XCTAssertEqual(current.work?.plan, "Sigurna kuća u Kruševcu")
        XCTAssertEqual(try worker.findCases(name: "Sejla Kovacevic").map(\.code), [code.rawValue])
        let entry = try XCTUnwrap(worker.auditLog(AuditFilter(action: AuditAction.casePurge.rawValue, caseCode: code.rawValue)).first)
        XCTAssertEqual(entry.details, ["field": "narrative", "reason": "Survivor asked: Ruždija", "version": "4"])
    }

    func testPurgedTextAndItsOldCiphertextAreInNoFile() throws {
        let (vault, _, _, blobs) = try purgedVault()
        let words = PlaintextLeakTests.needles(for: [sampleDocument("x", narrative: Self.narrative)]).filter { $0.count >= 5 && $0 != "x" }
        try PlaintextLeakTests.assertNoNeedle(Set(words + ["Ruždija", "Ruzdija"]), in: vault.directory)
        for blob in blobs {
            for url in try FileManager.default.contentsOfDirectory(at: vault.directory, includingPropertiesForKeys: nil) {
                XCTAssertNil(try Data(contentsOf: url).range(of: blob.prefix(24)), "\(url.lastPathComponent) still holds pre-purge ciphertext")
            }
        }
    }

    func testSealedVersionFromBeforeThePurgePutBackDoesNotOpen() throws {
        let (vault, worker, code, blobs) = try purgedVault()
        // blobs: wrapped key, current (version 3), versions 1 and 2.
        try RawVault(vault.path).execute("""
            UPDATE case_history SET document = ? WHERE version = 1 AND case_id = (SELECT id FROM cases WHERE code = ?)
            """, [blobs[2], code.rawValue])
        XCTAssertThrows(.tamperedRecord(.caseFile(code.rawValue))) { _ = try worker.history(code) }
        // Every earlier version and the old wrapped key put back: all of them open together, but
        // the current version does not open with that key, so nothing is shown.
        for (version, blob) in [(2, blobs[3]), (3, blobs[1])] {
            try RawVault(vault.path).execute("""
                UPDATE case_history SET document = ? WHERE version = ? AND case_id = (SELECT id FROM cases WHERE code = ?)
                """, [blob, version, code.rawValue])
        }
        try RawVault(vault.path).execute("UPDATE cases SET wrapped_key = ? WHERE code = ?", [blobs[0], code.rawValue])
        XCTAssertThrows(.tamperedRecord(.caseFile(code.rawValue))) { _ = try worker.history(code) }
    }

    func testPhoneAndNotesTakeTheirIntakeAnswersAndFollowUpNotesWithThem() throws {
        let (_, worker, code, _) = try purgedVault()
        try worker.amendCase(code, action: .caseNote) { document in
            document.work?.notes = [CaseNote(at: "2026-12-06T10:00Z", author: "vesna", text: "Zvati samo posle 18h")]
            document.work?.followUps = [FollowUp(due: "2026-12-20", note: "Pozvati Šejlu", createdBy: "vesna")]
        }
        try worker.purgeField(code, field: .phone, reason: "asked")
        try worker.purgeField(code, field: .notes, reason: "asked")
        let versions = try worker.history(code).map(\.document) + [try worker.readCase(code).document]
        for document in versions {
            XCTAssertNil(document.survivor.phone)
            XCTAssertEqual(Set(document.intake?.keys ?? [:].keys), ["survivor_name"])
            XCTAssertEqual(document.work?.notes ?? [], [])
            XCTAssertTrue((document.work?.followUps ?? []).allSatisfy { $0.note == nil && $0.due == "2026-12-20" })
        }
        XCTAssertEqual(versions.last?.work?.followUps.count, 1)
        XCTAssertEqual(versions.last?.work?.plan, "Sigurna kuća u Kruševcu")
    }

    func testPurgeKeepsStatisticsAndTheSignedState() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        var document = sampleDocument("Ana Anić")
        document.survivor.birthDate = "1990-05-02"
        let code = try worker.createCase(document)
        try worker.purgeField(code, field: .birthDate, reason: "asked")
        XCTAssertNil(try worker.readCase(code).document.survivor.birthDate)
        let supervisor = try vault.user("sofija", .supervisor)
        var facts = 0
        try supervisor.forEachFacts { _ in facts += 1 }
        XCTAssertEqual(facts, 1, "the facts were recomputed for the new version")
        XCTAssertEqual(try supervisor.summary(code).version, 2)
        XCTAssertTrue(try supervisor.verifyAuditTrail().isIntact)
    }
}
