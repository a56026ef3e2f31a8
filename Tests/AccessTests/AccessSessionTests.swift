import Access
import CaseStore
import Foundation
import XCTest

/// What each role may and may not do through a session, and that every denial is audited.
final class AccessSessionTests: XCTestCase {
    func testCaseworkerReadsOwnCaseButNotAnUnassignedOne() throws {
        let fixture = try AccessFixture()
        let maja = try fixture.login("maja")
        let vesna = try fixture.login("vesna")
        let own = try maja.createCases([fixture.document("Prva Osoba")])[0]
        XCTAssertEqual(try maja.readCase(own).document.survivor.name, "Prva Osoba")
        XCTAssertDenied(.caseRead, .notAssigned) { _ = try vesna.readCase(own) }
        XCTAssertDenied(.caseUpdate, .notAssigned) { try vesna.updateCase(own, document: fixture.document()) }
        XCTAssertEqual(try vesna.listCases(), [], "a caseworker lists only her own cases")
        XCTAssertEqual(try vesna.findCases(name: "Prva"), [], "nor finds other caseworkers' cases")

        let denials = try fixture.login("ivan").auditLog(AuditFilter(actor: "vesna", caseCode: own.rawValue))
        XCTAssertEqual(denials.map(\.outcome), ["denied", "denied"])
        XCTAssertEqual(denials.first?.details["reason"], "not_assigned")
    }

    func testSupervisorSeesCodesAndAssignsButNeverIdentities() throws {
        let fixture = try AccessFixture()
        let code = try fixture.login("maja").createCases([fixture.document()])[0]
        let sofija = try fixture.login("sofija")
        XCTAssertDenied(.caseRead, .roleNotPermitted) { _ = try sofija.readCase(code) }
        XCTAssertDenied(.caseFind, .roleNotPermitted) { _ = try sofija.findCases(name: "Ana") }
        XCTAssertEqual(try sofija.listCases().map(\.code), [code.rawValue])
        XCTAssertEqual(Policy.decide(actor: sofija.actor, action: .statisticsRun, resource: .vault), .allow)

        try sofija.assignCase(code, to: "vesna")
        XCTAssertEqual(try fixture.login("vesna").readCase(code).document.survivor.name, "Ana Anić")
        XCTAssertDenied(.caseRead, .notAssigned) { _ = try fixture.login("maja").readCase(code) }

        let log = try sofija.accessLog(code)
        XCTAssertEqual(log.map(\.action), ["case_create", "case_read", "case_assign", "case_read", "case_read"])
        XCTAssertEqual(log.map(\.actor), ["maja", "sofija", "sofija", "vesna", "maja"])
        XCTAssertEqual(log.map(\.outcome), ["ok", "denied", "ok", "ok", "denied"])
    }

    func testAdminReachesNoCaseContent() throws {
        let fixture = try AccessFixture()
        let code = try fixture.login("maja").createCases([fixture.document("Tajno Ime")])[0]
        let admin = try fixture.login("admin")
        XCTAssertDenied(.caseRead, .roleNotPermitted) { _ = try admin.readCase(code) }
        XCTAssertDenied(.caseRead, .roleNotPermitted) { _ = try admin.history(code) }
        XCTAssertDenied(.caseFind, .roleNotPermitted) { _ = try admin.findCases(name: "Tajno") }
        XCTAssertDenied(.caseCreate, .roleNotPermitted) { _ = try admin.createCases([fixture.document()]) }
        XCTAssertDenied(.auditRead, .roleNotPermitted) { _ = try admin.auditLog(AuditFilter()) }
        XCTAssertEqual(try admin.listCases().count, 1)
    }

    func testAuditorReadsTheTrailAndNothingElse() throws {
        let fixture = try AccessFixture()
        let code = try fixture.login("maja").createCases([fixture.document()])[0]
        let ivan = try fixture.login("ivan")
        XCTAssertDenied(.caseList, .roleNotPermitted) { _ = try ivan.listCases() }
        XCTAssertDenied(.caseRead, .roleNotPermitted) { _ = try ivan.readCase(code) }
        XCTAssertDenied(.userManage, .roleNotPermitted) { _ = try ivan.users() }
        let entries = try ivan.auditLog(AuditFilter())
        XCTAssertTrue(entries.contains { $0.action == "case_create" && $0.caseCode == code.rawValue })
        XCTAssertFalse(entries.contains { $0.details.values.contains("Ana Anić") }, "no survivor data in audit details")
    }

    func testPassphraseRule() throws {
        let fixture = try AccessFixture()
        let admin = try fixture.login("admin")
        for (passphrase, problem) in [("short", PassphraseProblem.tooShort), ("Lozinka 123456", .common), ("password123", .tooShort)] {
            XCTAssertThrowsError(try admin.addUser("x\(problem.rawValue)", role: .caseworker, passphrase: .init(Array(passphrase.utf8)))) {
                XCTAssertEqual($0 as? AccessError, .weakPassphrase(problem), passphrase)
            }
        }
        XCTAssertNoThrow(try admin.addUser("words", role: .caseworker, passphrase: .init(Array("ovo su četiri reči".utf8))))
        XCTAssertNoThrow(try admin.addUser("long", role: .caseworker, passphrase: .init(Array("dvanaestznak".utf8))))
    }
}
