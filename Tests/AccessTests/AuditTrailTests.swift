import Access
import CaseStore
import Foundation
import GRDB
import XCTest

/// SECURITY.md claims about the audit trail, attacked with the stock `sqlite3` tool: any changed
/// byte, deleted or swapped row is found and named; deleted newest rows are found with a
/// checkpoint taken before; the table refuses UPDATE and DELETE.
final class AuditTrailTests: XCTestCase {
    func makeTrail() throws -> (AccessFixture, AccessSession) {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let codes = try maja.createCases([fixture.document("Prva"), fixture.document("Druga")])
        _ = try maja.readCase(codes[0])
        return (fixture, try fixture.login("ivan"))
    }

    func verify(_ fixture: AccessFixture, checkpoint: AuditCheckpoint? = nil) throws -> AuditVerification {
        try fixture.vault().verifyAuditTrail(checkpoint: checkpoint)
    }

    func testUntouchedTrailVerifies() throws {
        let (fixture, ivan) = try makeTrail()
        let checkpoint = try ivan.checkpoint()
        let result = try ivan.verifyAuditTrail(checkpoint: checkpoint)
        XCTAssertTrue(result.isIntact)
        XCTAssertEqual(result.checkpoint, .matches)
        XCTAssertGreaterThan(result.entries, 10)
        XCTAssertEqual(AuditCheckpoint(text: checkpoint.text), checkpoint)
        XCTAssertTrue(try verify(fixture).isIntact)
    }

    func testTriggersRefuseUpdateAndDelete() throws {
        let (fixture, _) = try makeTrail()
        XCTAssertNotEqual(try fixture.sqlite3("UPDATE audit_log SET actor = 'x' WHERE seq = 2"), 0)
        XCTAssertNotEqual(try fixture.sqlite3("DELETE FROM audit_log WHERE seq = 2"), 0)
        XCTAssertTrue(try verify(fixture).isIntact)
    }

    func testChangedByteOfAnyColumnIsNamed() throws {
        for (column, value) in [("actor", "'mallory'"), ("action", "'login'"), ("at", "'2020-01-01T00:00Z'"), ("case_code", "'ZZZZ-ZZZZ'"),
                                ("outcome", "'denied'"), ("payload", "x'00'"), ("hash", "zeroblob(32)")] {
            let (fixture, _) = try makeTrail()
            XCTAssertEqual(try fixture.sqlite3("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET \(column) = \(value) WHERE seq = 5"), 0)
            let result = try verify(fixture)
            XCTAssertEqual(result.firstBad?.seq, 5, column)
            XCTAssertEqual(result.firstBad?.problem, .hashMismatch, column)
        }
    }

    func testOneFlippedBitInAnyPayloadByteIsNamed() throws {
        let (fixture, _) = try makeTrail()
        XCTAssertEqual(try fixture.sqlite3("DROP TRIGGER audit_log_no_update"), 0)
        let database = try DatabaseQueue(path: fixture.path)
        let (seq, payload) = try XCTUnwrap(database.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, payload FROM audit_log WHERE payload IS NOT NULL ORDER BY seq LIMIT 1")
                .map { ($0[0] as Int64, $0[1] as Data) }
        })
        for index in payload.indices {
            var flipped = payload
            flipped[index] ^= 0x01
            try database.write { try $0.execute(sql: "UPDATE audit_log SET payload = ? WHERE seq = ?", arguments: [flipped, seq]) }
            XCTAssertEqual(try verify(fixture).firstBad?.seq, seq)
        }
        try database.write { try $0.execute(sql: "UPDATE audit_log SET payload = ? WHERE seq = ?", arguments: [payload, seq]) }
        XCTAssertTrue(try verify(fixture).isIntact)
    }

    func testDeletedRowIsNamed() throws {
        let (fixture, _) = try makeTrail()
        XCTAssertEqual(try fixture.sqlite3("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 4"), 0)
        let result = try verify(fixture)
        XCTAssertEqual(result.firstBad?.seq, 4)
        XCTAssertEqual(result.firstBad?.problem, .missingEntry)
    }

    func testSwappedRowsAreNamed() throws {
        let (fixture, _) = try makeTrail()
        XCTAssertEqual(try fixture.sqlite3("""
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET seq = -1 WHERE seq = 6;
            UPDATE audit_log SET seq = 6 WHERE seq = 7;
            UPDATE audit_log SET seq = 7 WHERE seq = -1;
            """), 0)
        XCTAssertEqual(try verify(fixture).firstBad?.seq, 6)
    }

    func testDeletedNewestRowsAreCaughtOnlyWithACheckpoint() throws {
        let (fixture, ivan) = try makeTrail()
        let checkpoint = try ivan.checkpoint()
        XCTAssertEqual(try fixture.sqlite3("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq >= \(checkpoint.seq - 2)"), 0)
        XCTAssertTrue(try verify(fixture).isIntact, "a truncated chain is still a valid chain")
        let result = try verify(fixture, checkpoint: checkpoint)
        XCTAssertEqual(result.checkpoint, .truncated)
        XCTAssertFalse(result.isIntact)
    }

    func testForgedCheckpointIsRejected() throws {
        let (fixture, ivan) = try makeTrail()
        var checkpoint = try ivan.checkpoint()
        checkpoint.seq -= 1
        XCTAssertEqual(try verify(fixture, checkpoint: checkpoint).checkpoint, .badSignature)
        XCTAssertNil(AuditCheckpoint(text: "not a checkpoint"))
    }

    func testEveryKindOfEventIsRecorded() throws {
        let fixture = try AccessFixture()
        XCTAssertThrowsError(try fixture.vault().unlock(user: "maja", passphrase: AccessFixture.passphrase("wrong")))
        let maja = try fixture.login("maja")
        let code = try maja.createCases([fixture.document()])[0]
        _ = try maja.readCase(code)
        try maja.updateCase(code, document: fixture.document("Changed"))
        _ = try maja.findCases(name: "Changed")
        try maja.eraseCase(code, reason: "survivor asked")
        let admin = try fixture.login("admin")
        try admin.setDisabled("vesna", true)
        try admin.changeRole("sofija", to: .auditor)
        let actions = Set(try fixture.login("ivan").auditLog(AuditFilter()).map(\.action))
        for expected in ["login", "login_failed", "case_create", "case_read", "case_update", "case_find", "case_erase", "user_add",
                         "user_disable", "user_role"] {
            XCTAssertTrue(actions.contains(expected), expected)
        }
    }
}
