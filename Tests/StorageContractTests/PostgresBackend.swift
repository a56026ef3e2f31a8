import CaseStore
import Foundation
import PostgresStorage
import TestSupport

/// The PostgreSQL backend under the contract: each store a new database on the test server
/// (`PostgresTestServer`), dropped when the test is done. Nil only where PostgreSQL is not
/// installed and no server is required; CI requires one, and then a missing server fails.
enum PostgresBackend {
    static func backend() throws -> BackendUnderTest? {
        guard let server = try PostgresTestServer.shared() else {
            print("PostgreSQL is not installed: the storage contract runs on SQLite and in memory only")
            return nil
        }
        return BackendUnderTest(name: "postgresql") {
            let database = try server.makeDatabase()
            let location = try PostgresLocation(database.url)
            let storage = try PostgresVaultStorage.open(location, password: database.appPassword, create: true)
            return StoreUnderTest(storage: storage,
                                  reopen: { try PostgresVaultStorage.open(location, password: database.appPassword, create: false) },
                                  cleanup: {
                                      try? storage.close()
                                      try? database.dropDatabase()
                                  })
        }
    }
}
