@testable import CaseStore
import Foundation
import XCTest

/// A new case's code is checked by the store as the case is inserted (no read before each
/// create): every backend refuses a code it already holds with `CaseCodeTaken`, writes nothing
/// of that batch, and `createCases` seals the batch again under new codes.
final class CaseCodeCollisionContractTests: XCTestCase {
    /// A session whose codes come from a fixed sequence, so that two sessions draw the same codes.
    private func seeded(_ vault: ContractVault, user: String) throws -> UnlockedVault {
        var options = ContractVault.options
        options.caseCodes = CaseCodeSequence(seed: 7)
        return try Vault(storage: vault.store.reopen(), options: options).unlock(user: user, passphrase: ContractVault.secret(user))
    }

    func testACodeAlreadyStoredIsDrawnAgainAndNothingIsLost() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let expected = CaseCodeSequence(seed: 7)
            let sequence = (0..<4).map { _ in expected.next() }
            let first = try seeded(vault, user: "maja").createCases([document("Ana Anić"), document("Mira Mirić")])
            XCTAssertEqual(first, Array(sequence[0..<2]), backend.name)

            // The second session draws the same two codes first: the store refuses them and the
            // batch is sealed again under the next two.
            let second = try seeded(vault, user: "admin").createCases([document("Vesna Vesić"), document("Jelena Jelić")])
            XCTAssertEqual(second, Array(sequence[2..<4]), backend.name)

            XCTAssertEqual(try vault.worker.readCase(first[0]).document.survivor.name, "Ana Anić", backend.name)
            XCTAssertEqual(try vault.worker.readCase(second[0]).document.survivor.name, "Vesna Vesić", backend.name)
            XCTAssertEqual(try vault.worker.readCase(second[1]).document.survivor.name, "Jelena Jelić", backend.name)
            XCTAssertEqual(try vault.admin.status().openCases, 4, backend.name)
            XCTAssertEqual(try vault.admin.auditLog(AuditFilter(action: AuditAction.caseCreate.rawValue)).count, 4, backend.name)
            XCTAssertNil(try vault.admin.verifyAuditTrail().firstBad, backend.name)
        }
    }

    func testTheStoreRefusesATakenCodeWithoutWritingTheBatch() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            let before = try vault.admin.status()
            let row = CaseRow(code: code.rawValue, status: .open, assignee: nil, createdDay: "2026-12-06", updatedDay: "2026-12-06",
                              keyVersion: 1, wrappedKey: [1], version: 1, document: [1])
            let draft = AuditDraft(at: "2026-12-06T10:00Z", actor: "admin", action: .caseCreate, caseCode: code.rawValue, outcome: .ok, payload: nil)
            XCTAssertThrowsError(try vault.store.storage.commit([.insertCase(row, nameTokens: [[9]]), .appendAudit(draft)],
                                                               vaultID: vault.admin.vaultID, keyVersion: nil), backend.name) {
                XCTAssertTrue($0 is CaseCodeTaken, "\(backend.name): \($0)")
            }
            XCTAssertEqual(try vault.admin.status(), before, backend.name)
            XCTAssertEqual(try vault.worker.readCase(code).document.survivor.name, "Ana Anić", backend.name)
        }
    }
}
