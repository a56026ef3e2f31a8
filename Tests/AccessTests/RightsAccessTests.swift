import Access
import CaseStore
import Foundation
import XCTest

/// docs/roles.md and SECURITY.md, "Survivors' rights", through the session: who may erase,
/// correct, purge, set the retention rule and run it; every denial is in the audit trail.
final class RightsAccessTests: XCTestCase {
    var fixture: AccessFixture!

    override func setUpWithError() throws { fixture = try AccessFixture() }

    override func tearDown() { fixture = nil }

    /// A case of maja's.
    private func majasCase() throws -> CaseCode {
        try fixture.login("maja").createCases([fixture.document("Јелена Ђорђевић")])[0]
    }

    private func deniedEntries(_ action: AuditAction) throws -> [AuditEntry] {
        try fixture.login("ivan").auditLog(AuditFilter(action: action.rawValue)).filter { $0.outcome == "denied" }
    }

    func testErasureByTheSupervisorAndTheAssignedCaseworker() throws {
        let first = try majasCase()
        let second = try majasCase()
        try fixture.login("sofija").eraseCase(first, reason: "survivor's request")
        try fixture.login("maja").eraseCase(second, reason: "survivor's request")
        XCTAssertEqual(try fixture.login("sofija").listCases(), [])
        XCTAssertTrue(try fixture.login("ivan").verifyAuditTrail(checkpoint: nil).isIntact)
    }

    func testErasureOfACaseNotAssignedIsDeniedAndAudited() throws {
        let code = try majasCase()
        XCTAssertDenied(.caseErase, .notAssigned) { try self.fixture.login("vesna").eraseCase(code, reason: "x") }
        XCTAssertDenied(.caseErase, .roleNotPermitted) { try self.fixture.login("admin").eraseCase(code, reason: "x") }
        let denied = try deniedEntries(.caseErase)
        XCTAssertEqual(denied.map(\.actor), ["vesna", "admin"])
        XCTAssertEqual(denied.first?.caseCode, code.rawValue)
        XCTAssertEqual(denied.first?.details["reason"], "not_assigned")
        XCTAssertEqual(try fixture.login("maja").readCase(code).document.survivor.name, "Јелена Ђорђевић")
    }

    func testCorrectionOnlyByTheAssignedCaseworker() throws {
        let code = try majasCase()
        let corrected = fixture.document("Јелена Ђурђевић")
        XCTAssertDenied(.caseCorrect, .notAssigned) { try self.fixture.login("vesna").correctCase(code, document: corrected) }
        XCTAssertDenied(.caseCorrect, .roleNotPermitted) { try self.fixture.login("sofija").correctCase(code, document: corrected) }
        XCTAssertEqual(try deniedEntries(.caseCorrect).map(\.actor), ["vesna", "sofija"])
        XCTAssertEqual(try fixture.login("maja").correctCase(code, document: corrected), 2)
        let document = try fixture.login("maja").readCase(code).document
        XCTAssertEqual(document.work?.corrections.map(\.fields), [["survivor.name"]])
    }

    func testPurgeOnlyByTheAssignedCaseworker() throws {
        let code = try majasCase()
        XCTAssertDenied(.casePurge, .notAssigned) { try self.fixture.login("vesna").purgeField(code, field: .narrative, reason: "x") }
        XCTAssertDenied(.casePurge, .roleNotPermitted) { try self.fixture.login("sofija").purgeField(code, field: .narrative, reason: "x") }
        XCTAssertEqual(try deniedEntries(.casePurge).map(\.actor), ["vesna", "sofija"])
        let maja = try fixture.login("maja")
        try maja.purgeField(code, field: .narrative, reason: "survivor's request")
        XCTAssertNil(try maja.readCase(code).document.incident.narrative)
        XCTAssertEqual(try maja.history(code).map(\.document.incident.narrative), [nil])
    }

    func testRetentionRuleByAdminAndRunBySupervisorOnly() throws {
        let code = try majasCase()
        try fixture.login("maja").close(code, reason: .needsMet)
        for user in ["maja", "sofija", "ivan"] {
            XCTAssertDenied(.retentionManage, .roleNotPermitted) { try self.fixture.login(user).setRetentionRule(RetentionRule(closedCaseYears: 1)) }
        }
        XCTAssertEqual(try deniedEntries(.retentionRule).map(\.actor), ["maja", "sofija", "ivan"])
        try fixture.login("admin").setRetentionRule(RetentionRule(closedCaseYears: 1))
        XCTAssertEqual(try fixture.login("admin").retentionRule().closedCaseYears, 1)
        for user in ["maja", "admin", "ivan"] {
            XCTAssertDenied(.retentionRun, .roleNotPermitted) { _ = try self.fixture.login(user).casesDueForRetention() }
            XCTAssertDenied(.retentionRun, .roleNotPermitted) { try self.fixture.login(user).eraseForRetention([code]) }
        }
        XCTAssertEqual(try deniedEntries(.caseErase).map(\.actor), ["maja", "admin", "ivan"])
        let sofija = try fixture.login("sofija")
        XCTAssertEqual(try sofija.casesDueForRetention(), [])
        XCTAssertThrowsError(try sofija.eraseForRetention([code])) { XCTAssertEqual($0 as? CaseStoreError, .notDueForRetention(code.rawValue)) }
        fixture.clock.advance(366 * 86_400)
        let due = try fixture.login("sofija").casesDueForRetention()
        XCTAssertEqual(due.map(\.code), [code.rawValue])
        try fixture.login("sofija").eraseForRetention([code])
        XCTAssertEqual(try fixture.login("sofija").listCases(), [])
    }
}
