@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// What a writer without a passphrase can do to any backend's rows is detected, and a vault
/// copied between backends is byte for byte the vault that was copied.
final class TamperAndCopyContractTests: XCTestCase {
    /// Every row of `storage`, in its order.
    private func rows(of storage: any VaultStorage) throws -> [StoredRow] {
        var rows: [StoredRow] = []
        try storage.forEachStoredRow { rows.append($0) }
        return rows
    }

    /// The vault's rows with one changed by `edit`, written into a new store of the same
    /// backend: what someone who can write to the store leaves behind.
    private func tampered(_ vault: ContractVault, _ backend: BackendUnderTest, _ edit: (inout StoredRow) -> Bool) throws -> StoreUnderTest {
        var rows = try rows(of: vault.store.storage)
        XCTAssertNotNil(rows.indices.first { edit(&rows[$0]) }, "\(backend.name): nothing to tamper with")
        let store = try backend.make()
        try store.storage.load(rows)
        return store
    }

    func testAnAlteredCaseDocumentIsRefusedNamingTheCase() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            let store = try tampered(vault, backend) { row in
                guard case .storedCase(var stored) = row, var sealed = stored.row.document else { return false }
                sealed[sealed.count / 2] ^= 0x01
                stored.row.document = sealed
                row = .storedCase(stored)
                return true
            }
            let worker = try Vault(storage: store.storage, options: ContractVault.options).unlock(user: "maja", passphrase: ContractVault.secret("maja"))
            do {
                _ = try worker.readCase(code)
                XCTFail("\(backend.name): an altered document was read")
            } catch let error as CaseStoreError {
                XCTAssertTrue([.untrustedSignature(.caseState(code.rawValue)), .tamperedRecord(.caseFile(code.rawValue))].contains(error),
                              "\(backend.name): \(error)")
            }
        }
    }

    func testAnAlteredAuditEntryIsFoundByVerification() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            _ = try vault.worker.readCase(code)
            var alteredSeq: Int64 = 0
            let store = try tampered(vault, backend) { row in
                guard case .auditEntry(var entry) = row, entry.action == AuditAction.caseRead.rawValue else { return false }
                entry.actor = "admin"
                alteredSeq = entry.seq
                row = .auditEntry(entry)
                return true
            }
            let admin = try Vault(storage: store.storage, options: ContractVault.options).unlock(user: "admin", passphrase: ContractVault.secret("admin"))
            XCTAssertEqual(try admin.verifyAuditTrail().firstBad?.seq, alteredSeq, backend.name)
        }
    }

    func testACaseStatePutBackToAnEarlierOneIsRefused() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let code = try vault.worker.createCase(document("Ana Anić"))
            let before = try rows(of: vault.store.storage).compactMap { row -> StoredCase? in
                guard case .storedCase(let stored) = row else { return nil }
                return stored
            }
            try vault.worker.amendCase(code, action: .caseNote) { $0.incident.narrative = "Later" }
            let store = try tampered(vault, backend) { row in
                guard case .storedCase = row, let earlier = before.first else { return false }
                row = .storedCase(earlier)
                return true
            }
            let worker = try Vault(storage: store.storage, options: ContractVault.options).unlock(user: "maja", passphrase: ContractVault.secret("maja"))
            XCTAssertThrows(.caseRolledBack(code.rawValue), backend) { _ = try worker.readCase(code) }
        }
    }

    func testAVaultCopiedToEveryBackendIsTheSameVaultAndOpens() throws {
        let backends = try StorageBackends.all()
        try forEachBackend { source in
            let vault = try ContractVault(source)
            let codes = try vault.worker.createCases([document("Ana Anić"), document("Mira Mirić"), document("Vesna Vesić")])
            try vault.worker.amendCase(codes[0], action: .caseNote) { $0.incident.narrative = "Noted" }
            try vault.worker.eraseCase(codes[2], reason: "asked")
            try vault.worker.saveIntakeDraft(Array("draft".utf8))
            XCTAssertThrows(.wrongPassphrase, source) { _ = try Vault(storage: vault.store.storage, options: ContractVault.options)
                .unlock(user: "maja", passphrase: ContractVault.secret("wrong")) }
            for destination in backends {
                let target = try destination.make()
                let report = try vault.admin.copyVault(to: target.storage, destinationKind: destination.name)
                let pair = "\(source.name) → \(destination.name)"
                XCTAssertEqual(report.cases, 3, pair)
                XCTAssertEqual(report.casesVerified, 2, pair)
                XCTAssertEqual(try rows(of: target.storage), try rows(of: vault.store.storage), pair)
                let worker = try Vault(storage: target.storage, options: ContractVault.options)
                    .unlock(user: "maja", passphrase: ContractVault.secret("maja"))
                XCTAssertEqual(try worker.readCase(codes[0]).document.incident.narrative, "Noted", pair)
                XCTAssertEqual(try worker.history(codes[0]).count, 1, pair)
                XCTAssertEqual(try worker.loadIntakeDraft(), Array("draft".utf8), pair)
                XCTAssertThrows(.caseErased(codes[2].rawValue), destination) { _ = try worker.readCase(codes[2]) }
                XCTAssertEqual(try worker.findCases(name: "Mira Mirić").map(\.code), [codes[1].rawValue], pair)
                let admin = try Vault(storage: target.storage, options: ContractVault.options)
                    .unlock(user: "admin", passphrase: ContractVault.secret("admin"))
                XCTAssertNil(try admin.verifyAuditTrail().firstBad, pair)
            }
        }
    }

    func testACopyIntoAStoreThatHoldsAVaultIsRefused() throws {
        try forEachBackend { backend in
            let vault = try ContractVault(backend)
            let other = try ContractVault(backend)
            XCTAssertThrowsError(try vault.admin.copyVault(to: other.store.storage, destinationKind: backend.name), backend.name)
            XCTAssertEqual(try other.admin.status().auditEntries, try other.store.storage.counts().auditEntries, backend.name)
            XCTAssertEqual(try rows(of: other.store.storage).filter { if case .meta = $0 { true } else { false } }.count, 1, backend.name)
        }
    }
}
