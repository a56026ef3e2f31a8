import Foundation

/// One test's own database on the `PostgresTestServer`, owned by the application role: what the
/// app is given (`url`, `appPassword`), and the superuser's view of it to inspect what the app
/// wrote (`psql`, `pgDump`) independently of the code under test.
public struct PostgresTestDatabase: Sendable {
    public let name: String
    /// What the app connects with: `postgresql://casevault_app@127.0.0.1:PORT/NAME?sslmode=disable`.
    public let url: String
    public let appPassword: String
    /// The superuser on this database.
    public let adminURL: String
    public let adminPassword: String
    private let server: PostgresTestServer

    init(server: PostgresTestServer, name: String) {
        self.server = server
        self.name = name
        // PostgresTestServer.configured(in:) has checked that the admin URL parses.
        var components = URLComponents(string: server.adminURL)!
        components.path = "/" + name
        adminURL = components.string!
        components.user = server.appUser
        components.query = "sslmode=disable"
        url = components.string!
        appPassword = server.appPassword
        adminPassword = server.adminPassword
    }

    /// Runs `sql` (any number of statements) as the superuser and returns the rows, one a line,
    /// columns separated by `|`, without the last newline.
    public func psql(_ sql: String) throws -> String {
        try PostgresClient(binDirectory: server.binDirectory, url: adminURL, password: adminPassword).psql(sql)
    }

    /// `psql(_:)` as the application role.
    public func psqlAsApp(_ sql: String) throws -> String {
        try PostgresClient(binDirectory: server.binDirectory, url: url, password: appPassword).psql(sql)
    }

    /// The whole database as pg_dump's plain SQL, dumped by the superuser.
    public func pgDump() throws -> Data {
        try PostgresClient(binDirectory: server.binDirectory, url: adminURL, password: adminPassword).pgDump()
    }

    /// Drops the database, closing any connection the app left open; nothing to do when it is gone.
    public func dropDatabase() throws {
        _ = try PostgresClient(binDirectory: server.binDirectory, url: server.adminURL, password: adminPassword)
            .psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
