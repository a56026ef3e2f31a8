import Foundation
import PostgresStorage
import TestSupport
import XCTest

/// A database of its own on the test server (`PostgresTestServer`) for one test, with the
/// location and password the app is given; the test skips where PostgreSQL is not installed
/// (and fails where CI requires it).
struct PostgresTestVault {
    let database: PostgresTestDatabase
    let location: PostgresLocation
    var password: String { database.appPassword }

    static func make() throws -> PostgresTestVault {
        guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
        let database = try server.makeDatabase()
        return PostgresTestVault(database: database, location: try PostgresLocation(database.url))
    }

    func open(create: Bool = false) throws -> PostgresVaultStorage {
        try PostgresVaultStorage.open(location, password: password, create: create)
    }

    /// The location of another database on the same server, as the same role.
    func location(database name: String) throws -> PostgresLocation {
        try PostgresLocation("postgresql://\(location.user)@\(location.host):\(location.port)/\(name)?sslmode=disable")
    }

    func drop() {
        try? database.dropDatabase()
    }
}
