import Access
import CaseStore
import XCTest

/// The "may I?" check a front makes before the user types: it refuses exactly what the
/// operation would refuse, records the refusal once as the operation would, and records nothing
/// when it allows.
final class PrecheckTests: XCTestCase {
    /// What `user` did, logins left out, as the auditor reads it.
    func entries(_ fixture: AccessFixture, by user: String) throws -> [AuditEntry] {
        try fixture.login("ivan").auditLog(AuditFilter(actor: user)).filter { $0.action != "login" }
    }

    func testASupervisorIsRefusedANoteBeforeTypingIt() throws {
        let fixture = try AccessFixture()
        let code = try fixture.login("maja").createCases([fixture.document()])[0]
        let sofija = try fixture.login("sofija")
        XCTAssertDenied(.caseUpdate, .roleNotPermitted) { try sofija.precheck(.note(code)) }
        XCTAssertDenied(.caseUpdate, .roleNotPermitted) { try sofija.precheck(.plan(code)) }
        XCTAssertDenied(.caseFind, .roleNotPermitted) { try sofija.precheck(.findByName) }
        XCTAssertDenied(.userManage, .roleNotPermitted) { try sofija.precheck(.manageUsers) }
        let recorded = try entries(fixture, by: "sofija")
        XCTAssertEqual(recorded.map(\.action), ["case_note", "case_plan", "case_find", "user_add"])
        XCTAssertEqual(Set(recorded.map(\.outcome)), ["denied"])
    }

    func testAnUnassignedCaseworkerIsRefusedAndTheAssignedOneRecordsNothing() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let code = try maja.createCases([fixture.document()])[0]
        XCTAssertDenied(.caseUpdate, .notAssigned) { try fixture.login("vesna").precheck(.note(code)) }
        let before = try entries(fixture, by: "maja").map(\.action)
        try maja.precheck(.note(code))
        try maja.precheck(.findByName)
        try maja.precheck(.createCases)
        XCTAssertEqual(try entries(fixture, by: "maja").map(\.action), before, "an allowance records nothing")
        XCTAssertThrowsError(try maja.precheck(.note(try XCTUnwrap(CaseCode("ZZZZ-ZZZZ"))))) { error in
            guard case CaseStoreError.caseNotFound = error else { return XCTFail("\(error)") }
        }
    }
}
