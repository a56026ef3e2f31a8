import Access
import CaseStore
import Foundation
import TestSupport
import VaultCrypto
import XCTest

/// The export ledger (issue 11): a profile that needs approval is written only under an
/// approved, unused request of the same user for the same export; each step is audited; and
/// someone who writes to the file with `sqlite3` can neither forge nor replay an approval.
final class ExportLedgerTests: XCTestCase {
    var fixture: AccessFixture!

    override func setUpWithError() throws { fixture = try AccessFixture() }
    override func tearDown() { fixture = nil }

    func makeCase(sharing: [ReferralService]? = [.health]) throws -> String {
        let maja = try fixture.login("maja")
        let document = CaseDocument(survivor: .init(name: "Ana Anić", phone: "+381 64 123 4567"), incident: .init(narrative: "secret narrative"),
                                    consent: .init(statistics: true, sharing: sharing))
        return try maja.createCases([document])[0].rawValue
    }

    func order(_ code: String, _ profile: ExportProfile = .survivor, service: ReferralService? = nil) -> ExportOrder {
        ExportOrder(caseCode: code, profile: profile, service: service, reason: "her request of access")
    }

    func requested(_ body: () throws -> Any?) -> String? {
        do {
            _ = try body()
        } catch AccessError.exportApprovalRequested(let id) {
            return id
        } catch {
            XCTFail("expected a request, got \(error)")
        }
        return nil
    }

    func testFirstAttemptRecordsARequestAndIsRefusedUntilApprovedThenUsedOnce() throws {
        let code = try makeCase()
        let maja = try fixture.login("maja")
        let id = try XCTUnwrap(requested { try maja.clearExport(order(code)) })
        XCTAssertThrowsError(try maja.clearExport(order(code))) { XCTAssertEqual($0 as? AccessError, .exportAwaitingApproval(id: id)) }

        let sofija = try fixture.login("sofija")
        let pending = try sofija.exportRequests()
        XCTAssertEqual(pending.map(\.id), [id])
        XCTAssertEqual(pending.first?.reason, "her request of access", "the supervisor reads the reason she decides on")
        XCTAssertEqual(pending.first?.status, .pending)
        _ = try sofija.decideExportRequest(id.lowercased(), approve: true, reason: nil)

        let cleared = try maja.clearExport(order(code))
        XCTAssertEqual(cleared, id)
        try maja.recordExport(order(code), requestID: cleared, fileSHA256: Array(repeating: 7, count: 32), recipients: "x25519:1")
        XCTAssertEqual(try sofija.exportRequests().first?.status, .used(by: "sofija"))
        let again = try XCTUnwrap(requested { try maja.clearExport(order(code)) })
        XCTAssertNotEqual(again, id, "a used approval is not used twice: a new request is made")

        let trail = try fixture.login("ivan").auditLog(AuditFilter())
        let refusals = trail.filter { $0.action == "export" && $0.outcome == "denied" }
        XCTAssertEqual(refusals.map { $0.details["refused"] }, ["approval_required", "approval_pending", "approval_required"])
        let written = try XCTUnwrap(trail.first { $0.action == "export" && $0.outcome == "ok" })
        XCTAssertEqual(written.details["sha256"], String(repeating: "07", count: 32))
        XCTAssertEqual(written.details["request"], id)
        XCTAssertEqual(trail.filter { $0.action == "export_decision" }.first?.details["decision"], "approved")
    }

    func testADeniedRequestDoesNotClearAndASupervisorCannotDecideHerOwn() throws {
        let code = try makeCase()
        let maja = try fixture.login("maja")
        let id = try XCTUnwrap(requested { try maja.clearExport(order(code)) })
        let sofija = try fixture.login("sofija")
        _ = try sofija.decideExportRequest(id, approve: false, reason: "ask the survivor first")
        XCTAssertEqual(try sofija.exportRequests().first?.status, .denied(by: "sofija", reason: "ask the survivor first"))
        XCTAssertThrowsError(try sofija.decideExportRequest(id, approve: true, reason: nil)) {
            XCTAssertEqual($0 as? CaseStoreError, .exportRequestNotPending(id))
        }
        XCTAssertNotNil(requested { try maja.clearExport(order(code)) }, "after a denial only a new request can be made")
        XCTAssertThrowsError(try sofija.decideExportRequest("E-0000-0000", approve: true, reason: nil)) {
            XCTAssertEqual($0 as? CaseStoreError, .exportRequestNotFound("E-0000-0000"))
        }
    }

    func testOnlyThePermittedRoleExportsAndOnlyItsOwnCases() throws {
        let code = try makeCase()
        XCTAssertDenied(.exportSurvivor, .notAssigned) { _ = try self.fixture.login("vesna").clearExport(self.order(code)) }
        XCTAssertDenied(.exportSurvivor, .roleNotPermitted) { _ = try self.fixture.login("sofija").clearExport(self.order(code)) }
        XCTAssertDenied(.exportIncidentRecorder, .roleNotPermitted) {
            _ = try self.fixture.login("maja").clearExport(ExportOrder(caseCode: nil, profile: .incidentRecorder, service: nil, reason: "r"))
        }
        XCTAssertDenied(.exportApprove, .roleNotPermitted) { _ = try self.fixture.login("maja").exportRequests() }
        XCTAssertNil(try fixture.login("sofija").clearExport(ExportOrder(caseCode: nil, profile: .incidentRecorder, service: nil, reason: "r")),
                     "the Incident Recorder profile needs no approval by default")
    }

    func testAReferralNeedsTheConsentToThatServiceAtTheTimeOfExport() throws {
        let code = try makeCase(sharing: [.health])
        let admin = try fixture.login("admin")
        try admin.setExportRules(ExportRules(approvalRequired: [.survivor]))
        let maja = try fixture.login("maja")
        let health = order(code, .referral, service: .health)
        XCTAssertNil(try maja.clearExport(health))
        XCTAssertEqual(try maja.caseForExport(health, requestID: nil).document.survivor.name, "Ana Anić")
        let police = order(code, .referral, service: .police)
        XCTAssertThrowsError(try maja.caseForExport(police, requestID: nil)) { XCTAssertEqual($0 as? AccessError, .noConsentToShare(.police)) }
        try maja.setSharingConsent(CaseCode(code)!, give: [], withdraw: [.health])
        XCTAssertThrowsError(try maja.caseForExport(health, requestID: nil)) { XCTAssertEqual($0 as? AccessError, .noConsentToShare(.health)) }
        let refused = try fixture.login("ivan").auditLog(AuditFilter()).filter { $0.action == "export" && $0.details["refused"] == "no_consent" }
        XCTAssertEqual(refused.count, 2)
    }

    func testAnApprovalCannotBeForgedOrMovedWithSqlite() throws {
        let code = try makeCase()
        let second = try makeCase()
        let maja = try fixture.login("maja")
        let id = try XCTUnwrap(requested { try maja.clearExport(order(code)) })
        let other = try XCTUnwrap(requested { try maja.clearExport(order(second)) })
        _ = try fixture.login("sofija").decideExportRequest(id, approve: true, reason: nil)

        // The approval of one request copied onto another: bound to its request, refused.
        try fixture.sqlite3("UPDATE export_requests SET decider = (SELECT decider FROM export_requests WHERE id = '\(id)'), decision = (SELECT decision FROM export_requests WHERE id = '\(id)'), decision_signature = (SELECT decision_signature FROM export_requests WHERE id = '\(id)') WHERE id = '\(other)'")
        XCTAssertThrowsError(try maja.clearExport(order(second))) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.exportRequest(other)))
        }
        try fixture.sqlite3("UPDATE export_requests SET decider = NULL, decision = NULL, decision_signature = NULL WHERE id = '\(other)'")

        // The request retargeted to another case: its signature no longer holds.
        try fixture.sqlite3("UPDATE export_requests SET case_code = '\(second)' WHERE id = '\(id)'")
        XCTAssertThrowsError(try maja.clearExport(order(second))) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.exportRequest(id))) }
        try fixture.sqlite3("UPDATE export_requests SET case_code = '\(code)' WHERE id = '\(id)'")

        // A decision signed by the caseworker herself is not a supervisor's.
        try fixture.sqlite3("UPDATE export_requests SET decider = 'maja' WHERE id = '\(id)'")
        XCTAssertThrowsError(try maja.clearExport(order(code))) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.exportRequest(id))) }
        try fixture.sqlite3("UPDATE export_requests SET decider = 'sofija' WHERE id = '\(id)'")
        XCTAssertEqual(try maja.clearExport(order(code)), id)
    }

    func testTheExportRulesAndPartnerKeysAreSignedByAnAdministrator() throws {
        let admin = try fixture.login("admin")
        try admin.setPartner("centar-krusevac", key: Array(repeating: 9, count: 32))
        XCTAssertEqual(try fixture.login("maja").partnerDirectory().partners["centar-krusevac"], Array(repeating: 9, count: 32))
        XCTAssertDenied(.partnerManage, .roleNotPermitted) { try self.fixture.login("maja").setPartner("x", key: Array(repeating: 1, count: 32)) }
        XCTAssertThrowsError(try admin.setPartner("no spaces", key: Array(repeating: 1, count: 32))) {
            XCTAssertEqual($0 as? CaseStoreError, .invalidPartnerName("no spaces"))
        }

        // A writer swaps in her own key: the administrator's signature no longer holds.
        try fixture.sqlite3("UPDATE signed_settings SET body = CAST(replace(CAST(body AS TEXT), 'centar', 'centaR') AS BLOB) WHERE name = 'partners'")
        XCTAssertThrowsError(try fixture.login("maja").partnerDirectory()) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.partners)) }
        // Deleting the row does not bring the empty defaults back: the trail counts one change.
        try fixture.sqlite3("DELETE FROM signed_settings WHERE name = 'partners'")
        XCTAssertThrowsError(try fixture.login("maja").partnerDirectory()) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.partners)) }

        try admin.setExportRules(ExportRules(approvalRequired: []))
        let before = try fixture.sqlite3("SELECT 1")
        XCTAssertEqual(before, 0)
        try admin.setExportRules(ExportRules(approvalRequired: [.survivor, .referral, .incidentRecorder]))
        XCTAssertEqual(try fixture.login("sofija").exportRules().approvalRequired, [.survivor, .referral, .incidentRecorder])
        XCTAssertDenied(.exportRules, .roleNotPermitted) { try self.fixture.login("sofija").setExportRules(ExportRules(approvalRequired: [])) }
    }

    func testTheExportSigningKeyIsTheVaultsForEveryRoleThatExportsAndAbsentForTheAuditor() throws {
        let keys = try ["admin", "maja", "sofija"].map { try fixture.login($0).exportSigningPublicKey() }
        XCTAssertEqual(Set(keys.map { $0 }).count, 1)
        XCTAssertThrowsError(try fixture.login("ivan").exportSigningPublicKey()) {
            XCTAssertEqual($0 as? CaseStoreError, .keyNotInSlot(.statistics))
        }
        let signature = try fixture.login("maja").signExport(Array("file".utf8))
        XCTAssertTrue(Ed25519.isValidSignature(signature, for: Array("file".utf8), publicKey: keys[0]))
    }

    /// Runs `sql` on the audit trail as a writer with `sqlite3` does: the append-only triggers
    /// dropped first and put back after.
    func editTrail(_ sql: String) throws {
        try fixture.sqlite3("""
            DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; \(sql);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
    }

    func testAUsedApprovalCannotBeMadeFreshByEditingTheTrail() throws {
        let code = try makeCase()
        let maja = try fixture.login("maja")
        let id = try XCTUnwrap(requested { try maja.clearExport(order(code)) })
        _ = try fixture.login("sofija").decideExportRequest(id, approve: true, reason: nil)
        try maja.recordExport(order(code), requestID: try maja.clearExport(order(code)), fileSHA256: Array(repeating: 1, count: 32),
                              recipients: "x25519:1")
        try editTrail("UPDATE audit_log SET outcome = 'denied' WHERE action = 'export' AND outcome = 'ok'")
        XCTAssertThrowsError(try fixture.login("maja").clearExport(order(code))) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail))
        }
        try editTrail("UPDATE audit_log SET outcome = 'ok' WHERE action = 'export' AND outcome = 'denied' AND payload IS NOT NULL AND seq = (SELECT max(seq) FROM audit_log WHERE action = 'export')")
        let maja2 = try fixture.login("maja")
        XCTAssertNotEqual(requested { try maja2.clearExport(self.order(code)) }, id, "put back as it was: used, so a new request")
    }

    func testAnOlderExportRuleCannotBePutBackByFlippingItsChangeInTheTrail() throws {
        let admin = try fixture.login("admin")
        try admin.setExportRules(ExportRules(approvalRequired: []))
        try fixture.sqlite3("CREATE TABLE kept AS SELECT * FROM signed_settings WHERE name = 'export_rules'")
        try admin.setExportRules(ExportRules(approvalRequired: [.survivor, .referral]))
        try fixture.sqlite3("DELETE FROM signed_settings WHERE name = 'export_rules'; INSERT INTO signed_settings SELECT * FROM kept")
        try editTrail("UPDATE audit_log SET outcome = 'failed' WHERE seq = (SELECT max(seq) FROM audit_log WHERE action = 'export_rules')")
        let code = try makeCase()
        XCTAssertThrowsError(try fixture.login("maja").clearExport(order(code))) {
            XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.auditTrail), "not an export without approval")
        }
    }

    func testOneApprovalClearsTwoCommandsButWritesOneFile() throws {
        let code = try makeCase()
        let maja = try fixture.login("maja")
        let id = try XCTUnwrap(requested { try maja.clearExport(order(code)) })
        _ = try fixture.login("sofija").decideExportRequest(id, approve: true, reason: nil)
        let first = try fixture.login("maja"), second = try fixture.login("maja")
        XCTAssertEqual(try first.clearExport(order(code)), id)
        XCTAssertEqual(try second.clearExport(order(code)), id)
        try first.recordExport(order(code), requestID: id, fileSHA256: Array(repeating: 2, count: 32), recipients: "x25519:1")
        XCTAssertThrowsError(try second.recordExport(order(code), requestID: id, fileSHA256: Array(repeating: 3, count: 32), recipients: "scrypt")) {
            XCTAssertEqual($0 as? CaseStoreError, .exportRequestUsed(id))
        }
        try fixture.sqlite3("UPDATE export_requests SET used = 0")
        XCTAssertThrowsError(try second.recordExport(order(code), requestID: id, fileSHA256: Array(repeating: 3, count: 32), recipients: "scrypt")) {
            XCTAssertEqual($0 as? CaseStoreError, .exportRequestUsed(id), "the trail, not the column, says it was used")
        }
    }
}
