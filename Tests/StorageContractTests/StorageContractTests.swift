@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// The storage contract: what every backend (SQLite, in-memory, PostgreSQL) must do the same,
/// proved by running each test once per backend through the vault that uses it.
final class StorageContractTests: XCTestCase {
    func testCasesAreCreatedFoundReadAndListed() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let first = try vault.worker.createCase(document("Ana Anić"))
            let second = try vault.worker.createCase(document("Mira Mirić"))
            XCTAssertEqual(try vault.worker.findCases(name: "ana anic").map(\.code), [first.rawValue], backend.name)
            XCTAssertEqual(try vault.worker.findCases(name: "Мира Мирић").map(\.code), [second.rawValue], backend.name)
            XCTAssertEqual(try vault.worker.readCase(first).document.survivor.name, "Ana Anić", backend.name)
            XCTAssertEqual(try vault.worker.listCases().map(\.code), [second.rawValue, first.rawValue], backend.name)
            XCTAssertEqual(try vault.admin.status().openCases, 2, backend.name)
        }
    }

    func testAnAmendmentKeepsTheEarlierVersionAndMovesTheCaseFirst() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let first = try vault.worker.createCase(document("Ana Anić"))
            let second = try vault.worker.createCase(document("Mira Mirić"))
            let version = try vault.worker.amendCase(first, action: .caseUpdate) { $0.incident.narrative = "Amended narrative" }
            XCTAssertEqual(version, 2, backend.name)
            XCTAssertEqual(try vault.worker.readCase(first).document.incident.narrative, "Amended narrative", backend.name)
            XCTAssertEqual(try vault.worker.history(first).map(\.document.incident.narrative), ["Contract narrative"], backend.name)
            XCTAssertEqual(try vault.worker.listCases().map(\.code), [first.rawValue, second.rawValue], backend.name)
        }
    }

    func testTheAuditTrailAppendsInOrderAndVerifies() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            _ = try vault.worker.readCase(code)
            let verification = try vault.admin.verifyAuditTrail()
            XCTAssertNil(verification.firstBad, backend.name)
            let actions = try vault.admin.auditLog(AuditFilter()).map(\.action)
            XCTAssertEqual(actions.suffix(3).map { $0 }, [AuditAction.caseCreate, .caseRead, .auditVerify].map(\.rawValue), backend.name)
            XCTAssertEqual(try vault.admin.accessLog(code).count, 2, backend.name)
        }
    }

    func testADraftIsSavedResumedAndDiscarded() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            try vault.worker.saveIntakeDraft(Array("first answers".utf8))
            try vault.worker.saveIntakeDraft(Array("more answers".utf8))
            XCTAssertEqual(try vault.elsewhere("maja").loadIntakeDraft(), Array("more answers".utf8), backend.name)
            try vault.worker.discardIntakeDraft()
            XCTAssertNil(try vault.worker.loadIntakeDraft(), backend.name)
        }
    }

    func testARekeyRewrapsEveryCaseAndTheOtherUsersReceiveTheNewKeys() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let codes = try vault.worker.createCases([document("Ana Anić"), document("Mira Mirić")])
            let (_, report) = try vault.admin.rekey(passphrase: ContractVault.secret("admin"))
            XCTAssertEqual(report.casesRewrapped, 2, backend.name)
            let worker = try vault.elsewhere("maja")
            XCTAssertEqual(try worker.readCase(codes[1]).document.survivor.name, "Mira Mirić", backend.name)
            XCTAssertEqual(try worker.findCases(name: "Ana Anić").map(\.code), [codes[0].rawValue], backend.name)
        }
    }

    func testAWriteBatchIsAllOrNothing() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let before = try vault.admin.status()
            XCTAssertThrows(.caseNotFound("NONE-NONE"), backend) {
                try vault.store.storage.commit([.insertCase(CaseRow(code: "AAAA-AAAA", status: .open, assignee: nil, createdDay: "2026-12-06",
                                                                    updatedDay: "2026-12-06", keyVersion: 1, wrappedKey: [1], version: 1,
                                                                    document: [1]), nameTokens: [[1]]),
                                                .appendAudit(AuditDraft(at: "2026-12-06T10:00Z", actor: "admin", action: .caseCreate,
                                                                        caseCode: "AAAA-AAAA", outcome: .ok, payload: nil)),
                                                .putFacts(code: "NONE-NONE", caseVersion: 1, sealed: [1])],
                                               vaultID: vault.admin.vaultID, keyVersion: nil)
            }
            XCTAssertEqual(try vault.admin.status(), before, backend.name)
            XCTAssertNil(try vault.store.storage.caseRow(code: "AAAA-AAAA"), backend.name)
        }
    }

    func testAnAppendAfterAnotherWriterMovedTheHeadIsRefusedByTheStore() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let storage = vault.store.storage
            let stale = try XCTUnwrap(storage.auditHead())
            _ = try vault.worker.createCase(document("Ana Anić"))
            let draft = AuditDraft(at: "2026-12-06T10:00Z", actor: "maja", action: .caseList, caseCode: nil, outcome: .ok, payload: nil)
            let batch = try StorageBatch.resolving([.appendAudit(draft)], after: AuditPosition(seq: stale.seq, hash: stale.hash),
                                                   vaultID: vault.admin.vaultID, keyVersion: nil)
            XCTAssertThrows(.auditHeadMoved, backend) { try storage.apply(batch) }
            XCTAssertNil(try vault.admin.verifyAuditTrail().firstBad, backend.name)
        }
    }
}
