@testable import CaseStore
import Foundation
import VaultCrypto
import XCTest

/// The vault the contract tests share: an admin and a caseworker on a store of one backend.
struct ContractVault {
    static let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))

    let store: StoreUnderTest
    let admin: UnlockedVault
    let worker: UnlockedVault

    init(_ backend: BackendUnderTest) throws {
        store = try backend.make()
        admin = try Vault.create(storage: store.storage, admin: "admin", passphrase: Self.secret("admin"), options: Self.options)
        try admin.addUser("maja", role: .caseworker, passphrase: Self.secret("maja"))
        worker = try Vault(storage: store.storage, options: Self.options).unlock(user: "maja", passphrase: Self.secret("maja"))
    }

    /// `user` logged in again on a second handle to the same store (another process or office).
    func elsewhere(_ user: String) throws -> UnlockedVault {
        try Vault(storage: store.reopen(), options: Self.options).unlock(user: user, passphrase: Self.secret(user))
    }

    static func secret(_ text: String) -> SecretBytes { SecretBytes(Array("\(text) passphrase".utf8)) }
}

func document(_ name: String, narrative: String = "Contract narrative") -> CaseDocument {
    CaseDocument(survivor: .init(name: name, sex: .female), incident: .init(date: "2026-01-05", narrative: narrative, type: .rape),
                 consent: .init(statistics: true))
}

extension XCTestCase {
    /// Runs `body` once per backend, naming the backend in every failure.
    func forEachBackend(file: StaticString = #filePath, line: UInt = #line, _ body: (BackendUnderTest) throws -> Void) throws {
        for backend in try StorageBackends.all() {
            do {
                try body(backend)
            } catch {
                XCTFail("\(backend.name): \(error)", file: file, line: line)
            }
        }
    }
}

/// Asserts that `body` throws exactly `expected`, naming the backend.
func XCTAssertThrows(_ expected: CaseStoreError, _ backend: BackendUnderTest, file: StaticString = #filePath, line: UInt = #line,
                     _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("\(backend.name): expected \(expected), nothing thrown", file: file, line: line)
    } catch let error as CaseStoreError {
        XCTAssertEqual(error, expected, backend.name, file: file, line: line)
    } catch {
        XCTFail("\(backend.name): expected \(expected), got \(error)", file: file, line: line)
    }
}
