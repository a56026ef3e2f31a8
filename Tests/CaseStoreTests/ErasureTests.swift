import CaseStore
import Foundation
import GRDB
import TestSupport
import XCTest

/// SECURITY.md, "Survivors' rights": an erased case leaves nothing of the survivor in the vault
/// file, its WAL or a backup taken afterwards; its key, versions, name index and facts are gone;
/// the trail keeps the code, the erasure and its sealed reason, and still verifies.
final class ErasureTests: XCTestCase {
    static let reason = "Preživela je tražila brisanje — Преживела је тражила брисање"
    static let secondNarrative = "Други пут: Живана је опет дошла у сигурну кућу у Трстенику."
    static let note = "Љубичић-Ђурђевић ne želi poziv posle 18č"

    /// A vault with a caseworker's erased case (two versions, a note) and a kept one; erased by
    /// the supervisor, who holds no case key.
    private func erasedVault() throws -> (TemporaryVault, UnlockedVault, CaseCode, CaseCode, [Data], Row) {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let supervisor = try vault.user("sofija", .supervisor)
        let documents = try Fixtures.distinctiveCases()
        let codes = try worker.createCases([documents[0], documents[1]])
        var second = documents[0]
        second.incident.narrative = Self.secondNarrative
        try worker.updateCase(codes[0], document: second)
        try worker.amendCase(codes[0], action: .caseNote) { $0.work = CaseWork(notes: [CaseNote(at: "2026-12-06T10:00Z", author: "vesna",
                                                                                                   text: Self.note)]) }
        try supervisor.assignCase(codes[0], to: "vesna")
        let blobs = try RawVault(vault.path).blobs(code: codes[0])
        let before = try XCTUnwrap(RawVault(vault.path).queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT wrapped_key, document, state_revision, state_signer, state_document_hash, state_signature FROM cases WHERE code = ?
                """, arguments: [codes[0].rawValue])
        })
        try supervisor.eraseCase(codes[0], reason: Self.reason)
        return (vault, worker, codes[0], codes[1], blobs, before)
    }

    func testErasedSurvivorIsInNoFileNorABackupTakenAfterwards() throws {
        let (vault, worker, _, kept, _, _) = try erasedVault()
        try vault.admin.backup(to: vault.directory.appendingPathComponent("after-erase.casevault").path)
        let documents = try Fixtures.distinctiveCases()
        let texts = [Self.secondNarrative, Self.note, Self.reason].map { sampleDocument("-", narrative: $0) }
        let needles = PlaintextLeakTests.needles(for: [documents[0]] + texts).filter { $0.count >= 5 }
        XCTAssertTrue(needles.isSuperset(of: ["Живана Љубичић-Ђурђевић", "Živana Ljubičić-Đurđević", "381639182741", "ljubicic", "Trstenik", "brisanje", "Трстенику"]))
        try PlaintextLeakTests.assertNoNeedle(needles, in: vault.directory)
        XCTAssertEqual(try worker.readCase(kept).document.survivor.name, documents[1].survivor.name)
    }

    func testKeyVersionsIndexAndFactsAreGoneFromFileAndBackup() throws {
        let (vault, _, code, _, _, _) = try erasedVault()
        let backup = vault.directory.appendingPathComponent("after-erase.casevault").path
        try vault.admin.backup(to: backup)
        for path in [vault.path, backup] {
            let raw = try RawVault(path)
            try raw.queue.read { db in
                let row = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT id, status, wrapped_key, document, state_signature FROM cases WHERE code = ?",
                                                     arguments: [code.rawValue]))
                let id: Int64 = row[0]
                XCTAssertEqual(row[1] as String, "erased")
                XCTAssertTrue((row[2] as DatabaseValue).isNull && (row[3] as DatabaseValue).isNull && (row[4] as DatabaseValue).isNull)
                for table in ["case_history", "name_index", "case_facts"] {
                    XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE case_id = ?", arguments: [id]), 0, table)
                }
            }
        }
        let stock = try ChildProcess.run(executable: "/usr/bin/env", arguments: [
            "sqlite3", vault.path, "SELECT count(*) FROM cases c JOIN case_history h ON h.case_id = c.id WHERE c.code = '\(code.rawValue)'",
        ], environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        XCTAssertEqual(stock.outputText.trimmingCharacters(in: .whitespacesAndNewlines), "0")
    }

    func testErasedCiphertextIsInNoFileAndCannotBePutBack() throws {
        let (vault, worker, code, _, blobs, before) = try erasedVault()
        XCTAssertEqual(blobs.count, 4, "wrapped key, current and two earlier versions")
        for blob in blobs {
            for url in try FileManager.default.contentsOfDirectory(at: vault.directory, includingPropertiesForKeys: nil) {
                XCTAssertNil(try Data(contentsOf: url).range(of: blob.prefix(24)), "\(url.lastPathComponent) still holds erased ciphertext")
            }
        }
        // The attacker copies the old sealed document back: without the wrapped key nothing opens it.
        try RawVault(vault.path).execute("UPDATE cases SET status = 'closed', document = ? WHERE code = ?", [blobs[1], code.rawValue])
        XCTAssertThrowsError(try worker.readCase(code)) { XCTAssertNotNil($0 as? CaseStoreError) }
        // Copying back the wrapped key and the whole signed state too is seen as a rollback: the
        // trail has recorded the erasure. (Whoever holds such an old copy of the file already had it.)
        try RawVault(vault.path).execute("""
            UPDATE cases SET status = 'open', wrapped_key = ?, document = ?, state_revision = ?, state_signer = ?, state_document_hash = ?,
                             state_signature = ? WHERE code = ?
            """, StatementArguments(Array(before.databaseValues) + [code.rawValue.databaseValue]))
        XCTAssertThrows(.caseRolledBack(code.rawValue)) { _ = try worker.readCase(code) }
    }

    func testTrailKeepsCodeErasureAndSealedReasonAndVerifies() throws {
        let (vault, _, code, _, _, _) = try erasedVault()
        let auditor = try vault.user("ivan", .auditor)
        let entries = try auditor.auditLog(AuditFilter(action: AuditAction.caseErase.rawValue, caseCode: code.rawValue))
        XCTAssertEqual(entries.map(\.actor), ["sofija"])
        XCTAssertEqual(entries.first?.details["reason"], Self.reason)
        let result = try auditor.verifyAuditTrail()
        XCTAssertTrue(result.isIntact, "\(result)")
    }

    func testSecondErasureIsAClearError() throws {
        let (vault, worker, code, _, _, _) = try erasedVault()
        XCTAssertThrows(.caseErased(code.rawValue)) { try worker.eraseCase(code, reason: "again") }
        XCTAssertThrows(.caseErased(code.rawValue)) { try vault.admin.eraseCase(code, reason: "again") }
    }
}
