@testable import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import XCTest

/// SECURITY.md claim: the application's role needs no superuser, and once the schema exists no
/// DDL: a role given only the grants docs/multi-office.md lists works a vault.
final class PostgresRoleTests: XCTestCase {
    func testARoleWithOnlyTheDocumentedGrantsWorksAVault() throws {
        let vault = try ServerVault(self)
        XCTAssertEqual(try vault.database.psql("SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = 'casevault_app'"),
                       "f|f|f", "the role that made the vault")
        let role = "casevault_office_\(UUID().uuidString.prefix(8).lowercased())"
        let password = UUID().uuidString
        _ = try vault.database.psql("""
            CREATE ROLE \(role) LOGIN PASSWORD '\(password)';
            GRANT CONNECT ON DATABASE \(vault.database.name) TO \(role);
            GRANT USAGE ON SCHEMA public TO \(role);
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(role);
            """)
        addTeardownBlock { _ = try? vault.database.psql("DROP OWNED BY \(role); DROP ROLE \(role)") }
        let url = vault.database.url.replacingOccurrences(of: "casevault_app@", with: "\(role)@")
        let storage = try PostgresVaultStorage.open(PostgresLocation(url), password: password, create: false)
        let worker = try Vault(storage: storage, options: ServerVault.options).unlock(user: "maja", passphrase: ServerVault.secret("maja"))
        let code = try worker.createCase(serverDocument("Ana Anić"))
        try worker.amendCase(code, action: .caseNote) { $0.incident.narrative = "Noted" }
        XCTAssertEqual(try worker.readCase(code).document.incident.narrative, "Noted")
        XCTAssertThrowsError(try PostgresVaultStorage.open(PostgresLocation(url), password: password, create: true),
                             "a role without DDL rights cannot make a schema")
    }
}
