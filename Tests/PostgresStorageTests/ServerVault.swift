@testable import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import VaultCrypto
import XCTest

/// A vault on a fresh database of the PostgreSQL test server, with an administrator `ana` and a
/// caseworker `maja`, for the tests that attack or disturb the server under it.
struct ServerVault {
    static let options = VaultOptions(kdf: ScryptParameters(logN: 10, r: 8, p: 1))

    let server: PostgresTestVault
    let storage: PostgresVaultStorage
    let admin: UnlockedVault
    let worker: UnlockedVault
    var database: PostgresTestDatabase { server.database }

    init(_ test: XCTestCase) throws {
        let server = try PostgresTestVault.make()
        test.addTeardownBlock { server.drop() }
        self.server = server
        storage = try server.open(create: true)
        admin = try Vault.create(storage: storage, admin: "ana", passphrase: Self.secret("ana"), options: Self.options)
        try admin.addUser("maja", role: .caseworker, passphrase: Self.secret("maja"))
        worker = try Vault(storage: storage, options: Self.options).unlock(user: "maja", passphrase: Self.secret("maja"))
    }

    /// `user` logged in on a new connection.
    func login(_ user: String) throws -> UnlockedVault {
        try Vault(storage: newConnection(), options: Self.options).unlock(user: user, passphrase: Self.secret(user))
    }

    func newConnection() throws -> PostgresVaultStorage {
        try server.open()
    }

    static func secret(_ user: String) -> SecretBytes { SecretBytes(Array("\(user) passphrase".utf8)) }
}

func serverDocument(_ name: String) -> CaseDocument {
    CaseDocument(survivor: .init(name: name, sex: .female), incident: .init(date: "2026-01-05", narrative: "Server narrative", type: .rape),
                 consent: .init(statistics: true))
}
