@testable import CaseStore
import Foundation
import PostgresStorage
import TestSupport
import XCTest

/// The database operator as the second adversary: what she changes with `psql` (as the
/// server's superuser, triggers disabled where they stand in her way) is refused or reported.
final class PostgresAttackTests: XCTestCase {
    func testAnAlteredCaseDocumentIsRefusedNamingTheCase() throws {
        let vault = try ServerVault(self)
        let code = try vault.worker.createCase(serverDocument("Ana Anić"))
        _ = try vault.database.psql("UPDATE cases SET document = set_byte(document, 40, get_byte(document, 40) # 1) WHERE code = '\(code.rawValue)'")
        do {
            _ = try vault.login("maja").readCase(code)
            XCTFail("an altered document was read")
        } catch let error as CaseStoreError {
            XCTAssertTrue([.untrustedSignature(.caseState(code.rawValue)), .tamperedRecord(.caseFile(code.rawValue))].contains(error), "\(error)")
        }
    }

    func testACaseStatePutBackToAnEarlierOneIsRefused() throws {
        let vault = try ServerVault(self)
        let code = try vault.worker.createCase(serverDocument("Ana Anić"))
        _ = try vault.database.psql("CREATE TABLE saved_case AS SELECT * FROM cases WHERE code = '\(code.rawValue)'")
        try vault.worker.amendCase(code, action: .caseNote) { $0.incident.narrative = "Later" }
        _ = try vault.database.psql("""
            ALTER TABLE case_history DISABLE TRIGGER USER;
            DELETE FROM case_history WHERE case_id = (SELECT id FROM cases WHERE code = '\(code.rawValue)');
            UPDATE cases c SET version = s.version, document = s.document, state_revision = s.state_revision,
                state_signer = s.state_signer, state_document_hash = s.state_document_hash, state_signature = s.state_signature
            FROM saved_case s WHERE c.code = s.code;
            """)
        XCTAssertThrowsError(try vault.login("maja").readCase(code)) { error in
            XCTAssertEqual(error as? CaseStoreError, .caseRolledBack(code.rawValue))
        }
    }

    func testAnEditedAuditEntryIsFoundByVerification() throws {
        let vault = try ServerVault(self)
        let code = try vault.worker.createCase(serverDocument("Ana Anić"))
        _ = try vault.worker.readCase(code)
        let seq = try XCTUnwrap(Int64(vault.database.psql("SELECT max(seq) FROM audit_log WHERE action = 'case_read'")))
        XCTAssertThrowsError(try vault.database.psql("UPDATE audit_log SET actor = 'ana' WHERE seq = \(seq)"), "the trail is append-only")
        _ = try vault.database.psql("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET actor = 'ana' WHERE seq = \(seq)")
        XCTAssertEqual(try vault.login("ana").verifyAuditTrail().firstBad?.seq, seq)
    }

    func testARoleRaisedInTheKeySlotsTableIsRefusedAtLogin() throws {
        let vault = try ServerVault(self)
        _ = try vault.database.psql("UPDATE key_slots SET role = 'admin' WHERE user_name = 'maja'")
        XCTAssertThrowsError(try vault.login("maja"), "the role is bound into the sealed slot") { error in
            XCTAssertEqual(error as? CaseStoreError, .wrongPassphrase)
        }
    }
}
