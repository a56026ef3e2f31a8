import Foundation
import TestSupport
import XCTest

/// The throwaway PostgreSQL server of the storage tests: a database of its own per test, owned by
/// an application role that is no superuser, inspected by the superuser; and in CI, where the
/// server is required, its absence fails the run instead of skipping the PostgreSQL tests.
final class PostgresTestServerTests: XCTestCase {
    func testATestDatabaseBelongsToTheAppRoleAndTheAdminSeesWhatItWrote() throws {
        guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
        let database = try server.makeDatabase()
        addTeardownBlock { try? database.dropDatabase() }
        XCTAssertTrue(database.url.hasPrefix("postgresql://\(server.appUser)@127.0.0.1:\(server.port)/casevault_test_"), database.url)
        XCTAssertTrue(database.url.hasSuffix("?sslmode=disable"), database.url)

        XCTAssertEqual(try database.psql("SELECT 1"), "1")
        XCTAssertEqual(try database.psqlAsApp("SELECT current_user, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user"),
                       "\(server.appUser)|f|f|f")
        XCTAssertEqual(try database.psql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"), server.appUser)
        XCTAssertThrowsError(try database.psqlAsApp("CREATE DATABASE casevault_not_allowed"))

        _ = try database.psqlAsApp("CREATE TABLE probe (id integer PRIMARY KEY); INSERT INTO probe VALUES (7)")
        let dump = String(decoding: try database.pgDump(), as: UTF8.self)
        XCTAssertTrue(dump.contains("CREATE TABLE public.probe"), dump)
        XCTAssertTrue(dump.contains("OWNER TO \(server.appUser)"), dump)

        try database.dropDatabase()
        XCTAssertThrowsError(try database.psql("SELECT 1"), "the database is still there")
    }

    func testTheServerAsksForThePassword() throws {
        guard let server = try PostgresTestServer.shared() else { throw XCTSkip(PostgresTestServer.notInstalled) }
        let database = try server.makeDatabase()
        addTeardownBlock { try? database.dropDatabase() }
        let child = try ChildProcess.run(executable: server.binDirectory + "/psql", arguments: ["-X", "-w", "--dbname=\(database.url)", "-c", "SELECT 1"],
                                         environment: ["PGPASSWORD": "not-" + database.appPassword], timeout: 60)
        XCTAssertNotEqual(child.status, 0)
        XCTAssertTrue(child.errorText.contains("password authentication failed"), child.errorText)
    }

    func testARequiredServerThatIsNotDescribedIsAnError() {
        XCTAssertThrowsError(try PostgresTestServer.configured(in: [PostgresTestServer.Variable.require: "1"])) { error in
            XCTAssertEqual(error as? PostgresTestServerError, .required)
            XCTAssertTrue("\(error)".contains("scripts/postgres-test-cluster start"), "\(error)")
        }
        XCTAssertNil(try PostgresTestServer.configured(in: [:]))
    }

    func testAHalfDescribedServerIsAnError() {
        let environment = [PostgresTestServer.Variable.port: "5432"]
        XCTAssertThrowsError(try PostgresTestServer.configured(in: environment)) { error in
            guard case .incomplete(let missing) = error as? PostgresTestServerError else { return XCTFail("\(error)") }
            XCTAssertTrue(missing.contains(PostgresTestServer.Variable.adminURL))
        }
    }
}
