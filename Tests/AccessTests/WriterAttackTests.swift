import Access
@testable import CaseStore
import Foundation
import GRDB
import VaultCrypto
import XCTest

/// The attacks of issue 8, each made on a real vault file with the stock `sqlite3` tool (or a few
/// lines of SQL through GRDB, as a script would) by someone who can write to the file but holds
/// no passphrase, or holds only one user's: each must now fail or be reported.
final class WriterAttackTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    private func write(_ fixture: AccessFixture, _ sql: String, _ arguments: StatementArguments = []) throws {
        try DatabaseQueue(path: fixture.path).write { try $0.execute(sql: sql, arguments: arguments) }
    }

    func testPlantedExchangeKeyIsRefusedAtRekeyAndGetsNoGrant() throws {
        let fixture = try AccessFixture()
        let attacker = try X25519PrivateKey.generate()
        try write(fixture, "UPDATE key_slots SET exchange_public_key = ? WHERE user_name = 'maja'", [Data(try attacker.publicKey())])
        let admin = try fixture.login("admin")
        XCTAssertThrowsError(try admin.rekey(passphrase: AccessFixture.passphrase("admin"))) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.directoryEntry(user: "maja")))
        }
        XCTAssertThrowsError(try admin.changeRole("maja", to: .supervisor)) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.directoryEntry(user: "maja")))
        }
        XCTAssertEqual(try fixture.vault().status().keyVersion, 1, "the rekey committed nothing")
        XCTAssertNil(try fixture.vault().storage.keyGrant(user: "maja"), "nothing was sealed to the planted key")

        // Hidden behind a fake grant row, the planted key is passed over: the grant goes to the
        // certified key, and the attacker's key opens nothing.
        XCTAssertEqual(try fixture.sqlite3("""
            INSERT INTO key_grants (user_name, role, key_version, ephemeral_key, sealed_keys) VALUES ('maja', 'caseworker', 1, X'00', X'00')
            """), 0)
        _ = try admin.rekey(passphrase: AccessFixture.passphrase("admin"))
        let vault = try fixture.vault()
        let grant = try XCTUnwrap(try vault.storage.keyGrant(user: "maja"))
        let row = try XCTUnwrap(vault.storage.directory())
        let directory = try UserDirectory.verified(row, pinned: row.publicKey, vaultID: vault.meta.vaultID)
        XCTAssertThrowsError(try KeyGrantSealer.open(grant, exchange: attacker.rawValue, directory: directory, vaultID: vault.meta.vaultID))
        XCTAssertNoThrow(try fixture.login("maja"), "maja still gets her keys")
    }

    func testRoleClaimedInAGrantRowGivesNothing() throws {
        let fixture = try AccessFixture()
        // A supervisor (and an auditor) claim more in the plaintext role of a pending grant row.
        XCTAssertEqual(try fixture.sqlite3("""
            INSERT INTO key_grants (user_name, role, key_version, ephemeral_key, sealed_keys) VALUES ('sofija', 'caseworker', 1, X'00', X'00');
            INSERT INTO key_grants (user_name, role, key_version, ephemeral_key, sealed_keys) VALUES ('ivan', 'admin', 1, X'00', X'00');
            """), 0)
        _ = try fixture.login("admin").rekey(passphrase: AccessFixture.passphrase("admin"))
        let vault = try fixture.vault()
        XCTAssertEqual(try vault.storage.keyGrant(user: "sofija")?.role, .supervisor)
        XCTAssertEqual(try vault.storage.keyGrant(user: "ivan")?.role, .auditor)
        let sofija = try fixture.login("sofija")
        XCTAssertEqual(sofija.actor.role, .supervisor)
        XCTAssertEqual(try fixture.login("ivan").actor.role, .auditor)
        // Nor does a claim planted after the rekey reach the admin's user list.
        XCTAssertEqual(try fixture.sqlite3("UPDATE key_grants SET role = 'admin' WHERE user_name = 'maja'"), 0)
        XCTAssertNil(try fixture.login("admin").users().first { $0.name == "maja" }?.pendingGrant)
        XCTAssertThrowsError(try sofija.findCases(name: "Ana")) { _ in }
    }

    func testForgedGrantSealedToAUsersPublicKeyIsRefused() throws {
        let fixture = try AccessFixture()
        let vault = try fixture.vault()
        let sofija = try XCTUnwrap(try vault.storage.keySlot(user: "sofija"))
        // Anyone can seal keys of their choosing to sofija's public exchange key and sign as "admin"
        // with a key of their own; the grant claims exactly her certified role and key version, so
        // only the signature can refuse it (keys of the attacker's would let them read what she
        // writes next).
        let fakeRing = try KeyRing(keys: [.statistics: .random(count: 32), .audit: .random(count: 32)], vaultID: vault.meta.vaultID)
        let forged = try KeyGrantSealer.seal(ring: fakeRing, role: .supervisor, user: "sofija", recipient: sofija.exchangePublicKey,
                                             keyVersion: 1, vaultID: vault.meta.vaultID,
                                             granter: .init(name: "admin", key: Ed25519PrivateKey.generate()))
        try write(fixture, """
            INSERT INTO key_grants (user_name, role, key_version, ephemeral_key, sealed_keys, granted_by, signature) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, ["sofija", "supervisor", 1, Data(forged.ephemeralKey), Data(forged.sealedKeys), "admin", Data(forged.signature!)])
        XCTAssertThrowsError(try fixture.login("sofija")) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.keyGrant(user: "sofija")))
        }
        XCTAssertEqual(try vault.storage.keySlot(user: "sofija"), sofija, "nothing of the grant was taken into her slot")
    }

    func testEditedDisabledFlagIsCaught() throws {
        let fixture = try AccessFixture()
        try fixture.login("admin").setDisabled("vesna", true)
        XCTAssertEqual(try fixture.sqlite3("UPDATE key_slots SET disabled = 0 WHERE user_name = 'vesna'"), 0)
        XCTAssertThrowsError(try fixture.login("vesna")) { XCTAssertEqual($0 as? CaseStoreError, .userDisabled("vesna")) }
        XCTAssertEqual(try fixture.login("admin").users().first { $0.name == "vesna" }?.disabled, true, "user list shows the certified flag")
    }

    func testEditedDirectoryIsATamperError() throws {
        let fixture = try AccessFixture()
        XCTAssertEqual(try fixture.sqlite3("UPDATE user_directory SET body = CAST(replace(CAST(body AS TEXT), 'supervisor', 'caseworker') AS BLOB)"), 0)
        XCTAssertThrowsError(try fixture.login("sofija")) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.directory)) }
    }

    /// A whole directory of the attacker's, signed with a key of theirs: it does not verify
    /// against the directory key pinned in each slot.
    func testDirectorySignedByAnotherKeyIsRefused() throws {
        let fixture = try AccessFixture()
        let vault = try fixture.vault()
        let row = try XCTUnwrap(try vault.storage.directory())
        var directory = try XCTUnwrap(UserDirectory.parse(row.body, vaultID: vault.meta.vaultID))
        directory.entries["sofija"]?.role = .caseworker
        let forged = try directory.signed(vaultID: vault.meta.vaultID, key: Ed25519PrivateKey.generate())
        try write(fixture, "UPDATE user_directory SET public_key = ?, body = ?, signature = ?",
                  [Data(forged.publicKey), Data(forged.body), Data(forged.signature)])
        for user in ["sofija", "admin", "maja"] {
            XCTAssertThrowsError(try fixture.login(user)) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.directory), user) }
        }
    }

    func testOlderDirectoryPutBackIsSeenAtLogin() throws {
        let fixture = try AccessFixture()
        let old = try XCTUnwrap(try fixture.vault().storage.directory())
        try fixture.login("admin").setDisabled("vesna", true)
        try write(fixture, "UPDATE user_directory SET revision = ?, body = ?, signature = ?", [old.revision, Data(old.body), Data(old.signature)])
        XCTAssertThrowsError(try fixture.login("vesna")) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail)) }
        XCTAssertThrowsError(try fixture.login("admin")) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail)) }
    }

    func testEditedAssigneeIsCaught() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let code = try maja.createCases([fixture.document()])[0]
        XCTAssertEqual(try fixture.sqlite3("UPDATE cases SET assignee = 'vesna' WHERE code = '\(code.rawValue)'"), 0)
        let vesna = try fixture.login("vesna")
        XCTAssertThrowsError(try vesna.readCase(code)) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue))) }
        XCTAssertThrowsError(try vesna.listCases()) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue))) }
        XCTAssertThrowsError(try fixture.login("sofija").listCases()) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue))) }
        let audit = try fixture.login("ivan").verifyAuditTrail(checkpoint: nil)
        XCTAssertEqual(audit.rolledBackCases, [code.rawValue])
        XCTAssertFalse(audit.isIntact)
        // Put back as it was signed, the case opens again for maja.
        XCTAssertEqual(try fixture.sqlite3("UPDATE cases SET assignee = 'maja' WHERE code = '\(code.rawValue)'"), 0)
        XCTAssertNoThrow(try fixture.login("maja").readCase(code))
    }

    /// Someone with a caseworker's passphrase and the file signs, with her own certified key, a
    /// state that assigns a case to a colleague: a caseworker's signature vouches only for cases
    /// assigned to herself, so the colleague's program refuses it.
    func testCaseworkerCannotSignAnAssignmentToSomeoneElse() throws {
        let fixture = try AccessFixture()
        let vault = try fixture.vault()
        let maja = try vault.unlock(user: "maja", passphrase: AccessFixture.passphrase("maja"))
        let code = try maja.createCases([fixture.document()])[0]
        let row = try XCTUnwrap(try vault.storage.caseRow(code: code.rawValue))
        let forged = try CaseState.sign(code: code.rawValue, status: row.status, assignee: "vesna", version: row.version,
                                        revision: XCTUnwrap(row.state).revision, document: XCTUnwrap(row.document), signer: "maja",
                                        key: maja.signingKey, vaultID: vault.meta.vaultID)
        try write(fixture, "UPDATE cases SET assignee = 'vesna', state_signature = ? WHERE code = ?", [Data(forged.signature), code.rawValue])
        XCTAssertThrowsError(try fixture.login("vesna").readCase(code)) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.caseState(code.rawValue)))
        }
    }

    /// Someone with a caseworker's passphrase (so the case keys) and the file seals another
    /// document at the case's current version: it authenticates, but it is not the document the
    /// state signed, so it is refused as tampered.
    func testDocumentSwappedUnderItsSignedStateIsRefused() throws {
        let fixture = try AccessFixture()
        let vault = try fixture.vault()
        let maja = try vault.unlock(user: "maja", passphrase: AccessFixture.passphrase("maja"))
        let code = try maja.createCases([fixture.document()])[0]
        let row = try XCTUnwrap(try vault.storage.caseRow(code: code.rawValue))
        let sealer = maja.sealer
        let swapped = try sealer.sealDocument(fixture.document("Neko Drugi"), code: code, version: row.version,
                                              dataKey: sealer.dataKey(for: row, code: code))
        try write(fixture, "UPDATE cases SET document = ? WHERE code = ?", [Data(swapped), code.rawValue])
        XCTAssertThrowsError(try fixture.login("maja").readCase(code)) {
            XCTAssertEqual($0 as? CaseStoreError, .tamperedRecord(.caseFile(code.rawValue)))
        }
    }

    func testRolledBackCaseIsReported() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let code = try maja.createCases([fixture.document()])[0]
        try maja.addNote(code, text: "first note")
        let saved = try XCTUnwrap(try DatabaseQueue(path: fixture.path).read {
            try Row.fetchOne($0, sql: "SELECT * FROM cases WHERE code = ?", arguments: [code.rawValue])
        })
        try maja.addNote(code, text: "second note, about to vanish")
        try maja.close(code, reason: .needsMet)
        try write(fixture, """
            UPDATE cases SET version = ?, document = ?, status = ?, state_revision = ?, state_signer = ?, state_document_hash = ?,
                             state_signature = ? WHERE code = ?
            """, [saved["version"] as Int, saved["document"] as Data, saved["status"] as String, saved["state_revision"] as Int,
                  saved["state_signer"] as String, saved["state_document_hash"] as Data, saved["state_signature"] as Data, code.rawValue])
        let again = try fixture.login("maja")
        XCTAssertThrowsError(try again.readCase(code)) { XCTAssertEqual($0 as? CaseStoreError, .caseRolledBack(code.rawValue)) }
        XCTAssertThrowsError(try again.addNote(code, text: "x")) { XCTAssertEqual($0 as? CaseStoreError, .caseRolledBack(code.rawValue)) }
        XCTAssertEqual(try fixture.login("ivan").verifyAuditTrail(checkpoint: nil).rolledBackCases, [code.rawValue])
    }

    /// Rewrites an audit row and recomputes the whole chain after it, as the review did.
    private func rewriteChain(_ fixture: AccessFixture, from seq: Int64, deleteHeads: Bool) throws {
        try DatabaseQueue(path: fixture.path).write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET outcome = 'ok' WHERE seq = ?", arguments: [seq])
            if deleteHeads {
                try db.execute(sql: "DROP TRIGGER audit_heads_no_delete")
                try db.execute(sql: "DELETE FROM audit_heads WHERE seq >= ?", arguments: [seq])
            }
            let vaultID = try XCTUnwrap(try Data.fetchOne(db, sql: "SELECT vault_id FROM vault_meta"))
            var previous = try AuditChain.genesis(vaultID: Array(vaultID))
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq") {
                let payload: Data? = row["payload"]
                let hash = try AuditChain.hash(seq: row["seq"], previous: previous, at: row["at"], actor: row["actor"], action: row["action"],
                                               caseCode: row["case_code"], outcome: row["outcome"], payload: payload.map { Array($0) })
                try db.execute(sql: "UPDATE audit_log SET hash = ? WHERE seq = ?", arguments: [Data(hash), row["seq"] as Int64])
                previous = hash
            }
            try db.execute(sql: """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END
                """)
        }
    }

    func testRewrittenAndRechainedTrailFailsVerification() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let code = try maja.createCases([fixture.document()])[0]
        XCTAssertThrowsError(try fixture.login("sofija").readCase(code))
        let ivan = try fixture.login("ivan")
        let denied = try XCTUnwrap(try ivan.auditLog(AuditFilter(actor: "sofija", action: "case_read")).first)
        XCTAssertEqual(denied.outcome, "denied")
        try rewriteChain(fixture, from: denied.seq, deleteHeads: false)
        XCTAssertTrue(try fixture.vault().verifyAuditTrail().firstBad == nil, "the chain alone verifies again")
        XCTAssertThrowsError(try fixture.login("ivan")) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail)) }
        // An auditor session opened before the rewrite: the first head over rewritten bytes fails.
        let result = try ivan.verifyAuditTrail(checkpoint: nil)
        XCTAssertEqual(result.firstBad?.problem, .badSignature)
        XCTAssertEqual(result.firstBad?.seq, denied.seq, "the denial was the last entry of sofija's write")
        XCTAssertFalse(result.isIntact)
    }

    func testRewrittenTrailWithHeadsRemovedLeavesUnsignedEntries() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let code = try maja.createCases([fixture.document()])[0]
        XCTAssertThrowsError(try fixture.login("sofija").readCase(code))
        let ivan = try fixture.login("ivan")
        let denied = try XCTUnwrap(try ivan.auditLog(AuditFilter(actor: "sofija", action: "case_read")).first)
        try rewriteChain(fixture, from: denied.seq, deleteHeads: true)
        XCTAssertThrowsError(try fixture.login("ivan")) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail)) }
        // An auditor session opened before the rewrite sees exactly where it starts.
        let result = try ivan.verifyAuditTrail(checkpoint: nil)
        XCTAssertEqual(result.firstBad?.problem, .unsignedEntry)
        XCTAssertEqual(result.firstBad?.seq, denied.seq)
        XCTAssertEqual(result.signedThrough, denied.seq - 1)
        XCTAssertFalse(result.isIntact)
    }

    func testFailedLoginsWaitForTheNextSignedHead() throws {
        let fixture = try AccessFixture()
        XCTAssertThrowsError(try fixture.vault().unlock(user: "maja", passphrase: SecretBytes(Array("wrong passphrase".utf8))))
        XCTAssertThrowsError(try fixture.vault().unlock(user: "nobody", passphrase: SecretBytes(Array("wrong passphrase".utf8))))
        let ivan = try fixture.login("ivan")
        let result = try ivan.verifyAuditTrail(checkpoint: nil)
        XCTAssertTrue(result.isIntact)
        XCTAssertEqual(Int64(result.entries), result.signedThrough, "ivan's login signed the head after the failed logins")
    }

    func testInjectedUserNameIsRefusedAndNotRecorded() throws {
        let fixture = try AccessFixture()
        let before = try fixture.vault().status().auditEntries
        for name in ["ana\n2026-12-01T10:00Z admin login ok", "\u{1B}[2Jana", "ana\u{202E}"] {
            XCTAssertThrowsError(try fixture.vault().unlock(user: name, passphrase: SecretBytes(Array("whatever it is".utf8)))) {
                XCTAssertEqual($0 as? CaseStoreError, .invalidUserName(name))
            }
        }
        XCTAssertEqual(try fixture.vault().status().auditEntries, before)
    }
}
