@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// The races and plants an attacker's review found, each now refused on every backend: an entry
/// planted in the trail while a writer waits, a signed setting or the directory written over by
/// a writer who read an older revision, and an erasure decided on a case that changed since.
final class ReviewFindingsContractTests: XCTestCase {
    func testAnEntryPlantedBetweenTwoWritesIsRefusedInsteadOfSigned() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            // Someone who can write to the store appends an entry nobody signed: it chains (the
            // hash needs no key), and it frames the administrator.
            let planted = AuditDraft(at: "2026-12-06T09:00Z", actor: "admin", action: .caseRead, caseCode: code.rawValue, outcome: .ok, payload: nil)
            try vault.store.storage.commit([.appendAudit(planted)], vaultID: vault.admin.vaultID, keyVersion: nil)
            XCTAssertThrows(.untrustedSignature(.auditTrail), backend) { try vault.worker.amendCase(code, action: .caseNote) { $0.incident.narrative = "Later" } }
            let verification = try vault.admin.verifyAuditTrail()
            XCTAssertFalse(verification.isIntact, backend.name)
            XCTAssertLessThan(verification.signedThrough, try XCTUnwrap(vault.store.storage.auditHead()).seq, backend.name)
        }
    }

    func testAFailedLoginBetweenTwoWritesIsSignedByTheNextOne() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            XCTAssertThrows(.wrongPassphrase, backend) {
                _ = try Vault(storage: vault.store.reopen(), options: ContractVault.options).unlock(user: "admin", passphrase: ContractVault.secret("wrong"))
            }
            _ = try vault.worker.createCase(document("Ana Anić"))
            let verification = try vault.admin.verifyAuditTrail()
            XCTAssertTrue(verification.isIntact, backend.name)
        }
    }

    func testTheDirectoryAndSignedSettingsAreNotWrittenOverAnOlderRevision() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let storage = vault.store.storage
            let stored = try XCTUnwrap(storage.directory())
            // A writer who read revision r - 1 signs r, which another writer already stored.
            let stale = DirectoryRow(revision: stored.revision, publicKey: stored.publicKey, body: stored.body, signature: stored.signature)
            XCTAssertThrows(.vaultLocked, backend) { try storage.commit([.putDirectory(stale)], vaultID: vault.admin.vaultID, keyVersion: nil) }
            let setting = SignedSettingRow(revision: 1, signer: "admin", body: [1], signature: [2])
            try storage.commit([.putSignedSetting(name: "contract", setting)], vaultID: vault.admin.vaultID, keyVersion: nil)
            XCTAssertThrows(.vaultLocked, backend) {
                try storage.commit([.putSignedSetting(name: "contract", setting)], vaultID: vault.admin.vaultID, keyVersion: nil)
            }
            let policy = StatisticsPolicyRow(revision: 2, signer: "admin", body: [1], signature: [2])
            XCTAssertThrows(.vaultLocked, backend) { try storage.commit([.putStatisticsPolicy(policy)], vaultID: vault.admin.vaultID, keyVersion: nil) }
            XCTAssertEqual(try storage.directory(), stored, backend.name)
        }
    }

    func testTwoAdministratorsChangingUsersAtOnceLoseNeitherChange() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            try vault.admin.addUser("zora", role: .admin, passphrase: ContractVault.secret("zora"))
            try vault.admin.addUser("vesna", role: .caseworker, passphrase: ContractVault.secret("vesna"))
            let other = try vault.elsewhere("zora")
            let staleDirectory = other.directory
            try vault.admin.setDisabled("maja", true)
            // Zora's change, made from the directory she read before maja was disabled.
            let changed = staleDirectory.with(try XCTUnwrap(staleDirectory.entry("vesna")))
            XCTAssertThrows(.vaultLocked, backend) {
                try other.commit([.putDirectory(try changed.signed(vaultID: other.vaultID, key: Ed25519PrivateKey(seed: other.keys.key(.directory))))],
                                 directory: changed)
            }
            XCTAssertThrows(.userDisabled("maja"), backend) { _ = try vault.elsewhere("maja") }
        }
    }

    func testAnErasureDecidedOnACaseChangedSinceIsRefused() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            let seen = try XCTUnwrap(vault.store.storage.caseRow(code: code.rawValue))
            try vault.elsewhere("maja").amendCase(code, action: .caseNote) { $0.incident.narrative = "She came back" }
            XCTAssertThrows(.caseChanged(code.rawValue), backend) {
                try vault.worker.commit([.eraseCase(code: code.rawValue, updatedDay: "2026-12-06", replacing: seen.state?.revision ?? 0),
                                         .appendAudit(vault.worker.auditDraft(.caseErase, caseCode: code.rawValue))])
            }
            XCTAssertEqual(try vault.worker.readCase(code).document.incident.narrative, "She came back", backend.name)
        }
    }

    func testARewrapDecidedOnAnOlderVersionIsRefused() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            let seen = try XCTUnwrap(vault.store.storage.caseRow(code: code.rawValue))
            try vault.elsewhere("maja").amendCase(code, action: .caseNote) { $0.survivor.name = "Ana Novak" }
            XCTAssertThrows(.caseChanged(code.rawValue), backend) {
                try vault.worker.commit([.rewrapCase(code: code.rawValue, keyVersion: seen.keyVersion, wrappedKey: try XCTUnwrap(seen.wrappedKey),
                                                     nameTokens: try vault.worker.sealer.nameTokens("Ana Anić"), version: seen.version),
                                         .appendAudit(vault.worker.auditDraft(.rekey))])
            }
            XCTAssertEqual(try vault.worker.findCases(name: "Ana Novak").map(\.code), [code.rawValue], backend.name)
        }
    }
}
