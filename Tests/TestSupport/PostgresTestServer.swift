import Foundation

/// The PostgreSQL server the storage tests run against: a throwaway cluster made by
/// `scripts/postgres-test-cluster` on a random port of 127.0.0.1. CI starts one for the whole run
/// and describes it in the `CASEVAULT_TEST_POSTGRES_*` variables; without them, the first test
/// that asks starts one for its test process, so `swift test` needs no server running. Each test
/// takes a database of its own (`makeDatabase()`), owned by the application role, which logs in
/// with a password and is no superuser.
public struct PostgresTestServer: Sendable {
    /// `postgresql://postgres@127.0.0.1:PORT/postgres`: the superuser and its maintenance database.
    public let adminURL: String
    public let adminPassword: String
    /// The application role (`casevault_app`): it may create neither databases nor roles.
    public let appUser: String
    public let appPassword: String
    public let port: Int
    /// The directory of initdb, pg_ctl, psql and pg_dump of the server's own version.
    public let binDirectory: String

    /// Why a test skips when `shared()` finds no server.
    public static let notInstalled =
        "PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL tests are skipped here; CI requires them"

    /// The server of this test run: the one the environment describes, else one started for this
    /// process (once). Nil when PostgreSQL is not installed and `CASEVAULT_REQUIRE_POSTGRES` is
    /// not set; when it is set, a missing server is an error, never a skip.
    public static func shared() throws -> PostgresTestServer? {
        if let server = try configured(in: ProcessInfo.processInfo.environment) { return server }
        guard let started = try SelfStartedPostgresCluster.environment.get() else { return nil }
        return try configured(in: started)
    }

    /// The server `environment` describes; nil when it describes none and does not require one.
    public static func configured(in environment: [String: String]) throws -> PostgresTestServer? {
        let value = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let names = [Variable.adminURL, Variable.adminPasswordFile, Variable.appUser, Variable.appPasswordFile, Variable.port, Variable.bin]
        let missing = names.filter { value($0) == nil }
        if missing.count == names.count {
            if value(Variable.require) != nil { throw PostgresTestServerError.required }
            return nil
        }
        guard missing.isEmpty else { throw PostgresTestServerError.incomplete(missing: missing) }
        guard let port = Int(value(Variable.port)!) else { throw PostgresTestServerError.invalid(variable: Variable.port) }
        guard URLComponents(string: value(Variable.adminURL)!)?.host != nil else {
            throw PostgresTestServerError.invalid(variable: Variable.adminURL)
        }
        let appUser = value(Variable.appUser)!
        // It is written into CREATE DATABASE unquoted: a plain lower-case identifier only.
        guard appUser.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw PostgresTestServerError.invalid(variable: Variable.appUser)
        }
        return PostgresTestServer(
            adminURL: value(Variable.adminURL)!, adminPassword: try secret(in: value(Variable.adminPasswordFile)!),
            appUser: appUser, appPassword: try secret(in: value(Variable.appPasswordFile)!),
            port: port, binDirectory: value(Variable.bin)!)
    }

    /// A new, empty database with a random name (`casevault_test_<hex>`), owned by the application
    /// role so that the app runs its migrations in it as it would in production.
    public func makeDatabase() throws -> PostgresTestDatabase {
        let name = "casevault_test_" + String(format: "%016llx", UInt64.random(in: 0 ... .max))
        _ = try PostgresClient(binDirectory: binDirectory, url: adminURL, password: adminPassword)
            .psql("CREATE DATABASE \(name) OWNER \(appUser)")
        return PostgresTestDatabase(server: self, name: name)
    }

    private static func secret(in file: String) throws -> String {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw PostgresTestServerError.unreadablePasswordFile(file)
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The names of the variables `scripts/postgres-test-cluster` writes, and the one CI sets.
    public enum Variable {
        public static let adminURL = "CASEVAULT_TEST_POSTGRES_ADMIN_URL"
        public static let adminPasswordFile = "CASEVAULT_TEST_POSTGRES_ADMIN_PASSWORD_FILE"
        public static let appUser = "CASEVAULT_TEST_POSTGRES_APP_USER"
        public static let appPasswordFile = "CASEVAULT_TEST_POSTGRES_APP_PASSWORD_FILE"
        public static let port = "CASEVAULT_TEST_POSTGRES_PORT"
        public static let bin = "CASEVAULT_TEST_POSTGRES_BIN"
        /// Set (to anything) where a missing server must fail the tests rather than skip them.
        public static let require = "CASEVAULT_REQUIRE_POSTGRES"
    }
}
