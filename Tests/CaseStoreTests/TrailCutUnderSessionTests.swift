@testable import CaseStore
import Foundation
import XCTest

/// A session writes only after the place in the trail it last verified: when someone with the
/// file cuts the trail below that place, or rewrites the entry there, the session's next write is
/// refused rather than chained and signed after the changed trail.
final class TrailCutUnderSessionTests: XCTestCase {
    func testAWriteAfterTheTrailWasCutBelowTheSessionsHeadIsRefused() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument())
        try RawVault(vault.path).execute("""
            DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_heads_no_delete;
            DELETE FROM audit_heads WHERE seq = (SELECT max(seq) FROM audit_log);
            DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)
            """)
        XCTAssertThrowsError(try worker.readCase(code)) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail))
        }
    }

    func testAWriteAfterTheSessionsHeadEntryWasRewrittenIsRefused() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let code = try worker.createCase(sampleDocument())
        try RawVault(vault.path).execute("""
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET hash = zeroblob(32) WHERE seq = (SELECT max(seq) FROM audit_log)
            """)
        XCTAssertThrowsError(try worker.readCase(code)) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail))
        }
    }
}
