import CaseStore
import PostgresStorage
import TestSupport
import XCTest

/// SECURITY.md promises TLS with certificate and host-name verification (`verify-full`); these
/// tests hold the storage backend to it against a real server that speaks TLS with certificates
/// made for the test (`TLSTestCluster`). A connection that gets through TLS and login to the
/// `postgres` database, which holds no vault, ends in `vaultNotFound`: that is the sign of
/// success here, since opening with `create: false` needs no empty database of its own.
final class PostgresTLSTests: XCTestCase {
    func testVerifyFullChecksTheCertificateAndTheHostName() throws {
        guard let cluster = try TLSTestCluster.make() else { return try skipOrFail("PostgreSQL or openssl") }
        defer { cluster.remove() }
        try cluster.start(showing: .localhost)
        let ca = "sslrootcert=\(cluster.path(.ca))"

        for host in ["localhost", "127.0.0.1"] {
            try assertConnects(cluster, host: host, "sslmode=verify-full&\(ca)")
            try assertConnects(cluster, host: host, "sslmode=require")
            try assertFails(cluster, host: host, "sslmode=verify-full&sslrootcert=\(cluster.path(.otherCA))", with: .serverCertificate)
            // The system's trust roots do not hold the test's CA.
            try assertFails(cluster, host: host, "sslmode=verify-full", with: .serverCertificate)
            // The server accepts TLS connections only, so the successes above used TLS.
            try assertFails(cluster, host: host, "sslmode=disable", with: .serverAuthentication)
        }

        // A certificate of the right CA, but for another host name.
        try cluster.stop()
        try cluster.start(showing: .otherhost)
        for host in ["localhost", "127.0.0.1"] {
            try assertFails(cluster, host: host, "sslmode=verify-full&\(ca)", with: .serverCertificate)
            try assertConnects(cluster, host: host, "sslmode=require")
        }
    }

    /// `require` against a server without TLS fails rather than falling back to plain text.
    func testRequireNeverFallsBackToPlainText() throws {
        guard let server = try PostgresTestServer.shared() else { return try skipOrFail("PostgreSQL") }
        let location = try PostgresLocation("postgresql://\(server.appUser)@127.0.0.1:\(server.port)/postgres?sslmode=require")
        XCTAssertThrowsError(try PostgresVaultStorage.open(location, password: server.appPassword, create: false)) {
            XCTAssertEqual($0 as? CaseStoreError, .storageFailure(.serverCertificate))
        }
    }

    private func location(_ cluster: TLSTestCluster, host: String, _ query: String) throws -> PostgresLocation {
        try PostgresLocation("postgresql://postgres@\(host):\(cluster.port)/postgres?\(query)")
    }

    private func assertConnects(_ cluster: TLSTestCluster, host: String, _ query: String, line: UInt = #line) throws {
        let location = try location(cluster, host: host, query)
        XCTAssertThrowsError(try PostgresVaultStorage.open(location, password: nil, create: false), "\(host) \(query)", line: line) {
            XCTAssertEqual($0 as? CaseStoreError, .vaultNotFound(location.redacted), "\(host) \(query)", line: line)
        }
    }

    private func assertFails(_ cluster: TLSTestCluster, host: String, _ query: String, with failure: StorageFailure,
                             line: UInt = #line) throws {
        let location = try location(cluster, host: host, query)
        XCTAssertThrowsError(try PostgresVaultStorage.open(location, password: nil, create: false), "\(host) \(query)", line: line) {
            XCTAssertEqual($0 as? CaseStoreError, .storageFailure(failure), "\(host) \(query)", line: line)
        }
    }

    /// Skips where the tools are missing, unless CI requires the PostgreSQL tests.
    private func skipOrFail(_ what: String) throws {
        if ProcessInfo.processInfo.environment[PostgresTestServer.Variable.require].map({ !$0.isEmpty }) == true {
            XCTFail("\(what) is not installed, and \(PostgresTestServer.Variable.require) is set")
            return
        }
        throw XCTSkip("\(what) is not installed: the PostgreSQL TLS tests are skipped here; CI requires them")
    }
}
