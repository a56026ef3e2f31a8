import PostgresStorage
import XCTest

/// The vault location of a PostgreSQL database: what is accepted, the defaults, and every way
/// a location is refused (a password above all), with what a message may show of it.
final class PostgresLocationTests: XCTestCase {
    func testAFullLocationParses() throws {
        let location = try PostgresLocation("postgresql://casevault@db.example.org:6543/vault?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        XCTAssertEqual(location.user, "casevault")
        XCTAssertEqual(location.host, "db.example.org")
        XCTAssertEqual(location.port, 6543)
        XCTAssertEqual(location.database, "vault")
        XCTAssertEqual(location.sslMode, .verifyFull)
        XCTAssertEqual(location.rootCertificatePath, "/etc/ca.pem")
    }

    func testDefaultsArePort5432AndFullVerificationAwayFromThisMachine() throws {
        let location = try PostgresLocation("postgres://app@db.example.org/vault")
        XCTAssertEqual(location.port, 5432)
        XCTAssertEqual(location.sslMode, .verifyFull)
        XCTAssertNil(location.rootCertificatePath)
        XCTAssertEqual(try PostgresLocation("postgresql://app@10.1.2.3/vault").sslMode, .verifyFull)
        XCTAssertEqual(try PostgresLocation("postgresql://app@[2001:db8::1]/vault").sslMode, .verifyFull)
        XCTAssertEqual(try PostgresLocation("postgresql://app@128.0.0.1/vault").sslMode, .verifyFull)
        XCTAssertEqual(try PostgresLocation("postgresql://app@localhost.example.org/vault").sslMode, .verifyFull)
    }

    func testLoopbackDefaultsToPlainText() throws {
        for host in ["localhost", "LOCALHOST", "127.0.0.1", "127.8.9.10", "[::1]", "[0:0:0:0:0:0:0:1]"] {
            XCTAssertEqual(try PostgresLocation("postgresql://app@\(host)/vault").sslMode, .disable, host)
        }
        XCTAssertEqual(try PostgresLocation("postgresql://app@[::1]:5433/vault").host, "::1")
    }

    func testAnExplicitModeWins() throws {
        XCTAssertEqual(try PostgresLocation("postgresql://app@127.0.0.1/vault?sslmode=require").sslMode, .require)
        XCTAssertEqual(try PostgresLocation("postgresql://app@127.0.0.1/vault?sslmode=verify-full").sslMode, .verifyFull)
        XCTAssertEqual(try PostgresLocation("postgresql://app@db.example.org/vault?sslmode=disable").sslMode, .disable)
    }

    func testUserAndDatabaseArePercentDecoded() throws {
        let location = try PostgresLocation("postgresql://case%40vault%3Aapp@db.example.org/my%20vault%2F1")
        XCTAssertEqual(location.user, "case@vault:app")
        XCTAssertEqual(location.database, "my vault/1")
        XCTAssertEqual(try PostgresLocation("postgresql://%D0%B0%D0%BD%D0%B0@localhost/vault").user, "ана")
    }

    func testAPasswordIsRefusedWhereverItStands() {
        for text in ["postgresql://app:secret@db.example.org/vault", "postgresql://app:@db.example.org/vault",
                     "postgresql://:secret@db.example.org/vault", "postgresql://app:p@ss@db.example.org/vault"] {
            XCTAssertThrowsError(try PostgresLocation(text)) { XCTAssertEqual($0 as? PostgresLocationError, .passwordInURL, text) }
        }
    }

    func testARefusalNeverCarriesAPassword() {
        XCTAssertThrowsError(try PostgresLocation("postgresql://app@db.example.org/vault?password=secret")) {
            XCTAssertEqual($0 as? PostgresLocationError, .unknownParameter("password"))
            XCTAssertFalse(String(describing: $0).contains("secret"))
        }
    }

    func testMalformedLocationsAreRefused() {
        let cases: [(String, PostgresLocationError)] = [
            ("mysql://app@db/vault", .unsupportedScheme),
            ("/var/lib/casevault/vault.db", .unsupportedScheme),
            ("postgresql:/app@db/vault", .unsupportedScheme),
            ("postgresql://db.example.org/vault", .missingUser),
            ("postgresql://@db.example.org/vault", .missingUser),
            ("postgresql://app@/vault", .missingHost),
            ("postgresql://app@:5432/vault", .missingHost),
            ("postgresql://app@db.example.org", .missingDatabase),
            ("postgresql://app@db.example.org/", .missingDatabase),
            ("postgresql://app@db.example.org:0/vault", .invalidPort),
            ("postgresql://app@db.example.org:65536/vault", .invalidPort),
            ("postgresql://app@db.example.org:54x/vault", .invalidPort),
            ("postgresql://app@db.example.org:/vault", .invalidPort),
            ("postgresql://app@db.example.org/va/ult", .malformed),
            ("postgresql://app@db.example.org/vault#frag", .malformed),
            ("postgresql://app@db.example.org/va%zzult", .malformed),
            ("postgresql://app@db.example.org/vault%0A", .malformed),
            ("postgresql://app@[::1/vault", .malformed),
            ("postgresql://app@::1/vault", .malformed),
            ("postgresql://app@db example/vault", .malformed),
            ("postgresql://app@db.example.org/vault?sslmode=prefer", .invalidSSLMode("prefer")),
            ("postgresql://app@db.example.org/vault?sslmode", .invalidSSLMode("")),
            ("postgresql://app@db.example.org/vault?connect_timeout=3", .unknownParameter("connect_timeout")),
            ("postgresql://app@db.example.org/vault?sslmode=require&sslmode=disable", .duplicateParameter("sslmode")),
            ("postgresql://app@db.example.org/vault?sslmode=require&sslrootcert=/ca.pem", .rootCertificateWithoutVerification),
            ("postgresql://app@localhost/vault?sslrootcert=/ca.pem", .rootCertificateWithoutVerification),
            ("postgresql://app@db.example.org/vault?sslrootcert=", .malformed),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try PostgresLocation(text), text) { XCTAssertEqual($0 as? PostgresLocationError, expected, text) }
        }
    }

    func testTheRedactedFormShowsWhoWhereAndWhichDatabaseOnly() throws {
        let location = try PostgresLocation("postgresql://app@db.example.org/vault?sslmode=verify-full&sslrootcert=/etc/ca.pem")
        XCTAssertEqual(location.redacted, "app@db.example.org:5432/vault")
        XCTAssertEqual("\(location)", location.redacted)
        XCTAssertEqual(try PostgresLocation("postgresql://app@[::1]:6000/vault").redacted, "app@[::1]:6000/vault")
    }

    func testOnlyThePostgresSchemesAreLocations() {
        XCTAssertTrue(PostgresLocation.isPostgresURL("postgresql://app@db/vault"))
        XCTAssertTrue(PostgresLocation.isPostgresURL("POSTGRES://app@db/vault"))
        XCTAssertFalse(PostgresLocation.isPostgresURL("vault.casevault"))
        XCTAssertFalse(PostgresLocation.isPostgresURL("./postgresql://x"))
    }
}
