@testable import CaseStore
import Foundation
import XCTest

/// One backend the contract suite runs against: how to make a new, empty store, and how to open
/// a second handle to the same store (another process, another office).
struct BackendUnderTest {
    let name: String
    let make: () throws -> StoreUnderTest
}

/// A store made for one test, and its second handles; `close` releases what it holds.
final class StoreUnderTest {
    let storage: any VaultStorage
    let reopen: () throws -> any VaultStorage
    private let cleanup: () -> Void

    init(storage: any VaultStorage, reopen: @escaping () throws -> any VaultStorage, cleanup: @escaping () -> Void) {
        self.storage = storage
        self.reopen = reopen
        self.cleanup = cleanup
    }

    deinit { cleanup() }
}

/// The backends of this build: the embedded SQLite file, the in-memory store and a database on
/// the PostgreSQL test server.
enum StorageBackends {
    static var sqlite: BackendUnderTest {
        BackendUnderTest(name: "sqlite") {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casevault-contract-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("vault.casevault").path
            return StoreUnderTest(storage: try SQLiteVaultStorage(path: path, create: true),
                                  reopen: { try SQLiteVaultStorage(path: path, create: false) },
                                  cleanup: { try? FileManager.default.removeItem(at: directory) })
        }
    }

    static var inMemory: BackendUnderTest {
        BackendUnderTest(name: "in-memory") {
            let storage = InMemoryVaultStorage()
            return StoreUnderTest(storage: storage, reopen: { storage }, cleanup: {})
        }
    }

    static func all() throws -> [BackendUnderTest] {
        [sqlite, inMemory, try PostgresBackend.backend()].compactMap { $0 }
    }
}
