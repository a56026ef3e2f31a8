import Access
import CaseStore
import Foundation
import Statistics
import TestSupport
import XCTest

/// Statistics through the policy and the vault (issue 10): who may read facts, consent and
/// erasure take a case out, facts commit with every change, and what a writer with `sqlite3`
/// can and cannot do to facts, the policy and the privacy ledger.
final class StatisticsAccessTests: XCTestCase {
    var fixture: AccessFixture!

    override func setUpWithError() throws { fixture = try AccessFixture() }
    override func tearDown() { fixture = nil }

    func document(_ name: String, type: IncidentType = .rape, statistics: Bool = true, ethnicity: String = "roma") -> CaseDocument {
        CaseDocument(survivor: .init(name: name, birthDate: "1990-04-02", sex: .female, municipality: "brus", language: "rom"),
                     incident: .init(date: "2026-03-01", narrative: "secret narrative of \(name)", type: type),
                     consent: .init(statistics: statistics),
                     intake: ["ethnicity": #"{"choice":"\#(ethnicity)"}"#, "report_date": #"{"date":"2026-03-04"}"#])
    }

    func facts(_ session: AccessSession) throws -> [CaseFacts] {
        var all: [CaseFacts] = []
        try session.forEachFacts { all.append($0) }
        return all
    }

    func testOnlyConsentingCasesHaveFactsAndTheyCarryNothingIdentifying() throws {
        let maja = try fixture.login("maja")
        _ = try maja.createCases([document("Ana Anić"), document("Bea Bić", statistics: false)])
        let all = try facts(try fixture.login("sofija"))
        XCTAssertEqual(all.count, 1)
        let only = try XCTUnwrap(all.first)
        XCTAssertEqual(only.category(.incidentType), "rape")
        XCTAssertEqual(only.category(.ethnicity), "roma")
        XCTAssertEqual(only.category(.ageGroup), "26-40", "35 at the incident")
        XCTAssertEqual(only.category(.delay), "0-3", "3 days from incident to report")
        XCTAssertEqual(only.reportMonth.description, "2026-03")
    }

    /// Every live case has one sealed facts row of the same size, consenting or not, with many
    /// perpetrators or none: the file shows neither who consented nor what a case's facts hold.
    func testTheFileShowsNeitherConsentNorTheSizeOfFacts() throws {
        var many = document("Ana Anić")
        let perpetrator = #"{"perpetrator_sex":{"choice":"male"},"perpetrator_age_group":{"choice":"age_26_40"},"perpetrator_relationship":{"choice":"stranger"}}"#
        many.intake?["perpetrators"] = #"{"group":["# + Array(repeating: perpetrator, count: 10).joined(separator: ",") + "]}"
        many.intake?["reported_elsewhere"] = #"{"choices":["police","health"]}"#
        _ = try fixture.login("maja").createCases([many, document("Bea Bić", statistics: false), document("Cica Cicić")])
        XCTAssertEqual(try facts(try fixture.login("sofija")).map(\.perpetrators.count).sorted(), [0, 10])
        let sizes = try ChildProcess.run(executable: "/usr/bin/env", arguments: ["sqlite3", fixture.path, "SELECT count(*), count(DISTINCT length(sealed)) FROM case_facts"],
                                         environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        XCTAssertEqual(sizes.outputText.trimmingCharacters(in: .whitespacesAndNewlines), "3|1")
    }

    func testEveryOtherRoleIsRefusedAndTheRefusalIsAudited() throws {
        _ = try fixture.login("maja").createCases([document("Ana Anić")])
        for (user, role) in [("maja", Role.caseworker), ("admin", .admin), ("ivan", .auditor)] {
            XCTAssertDenied(.statisticsRun, .roleNotPermitted) { _ = try self.facts(try self.fixture.login(user)) }
            _ = role
        }
        let log = try fixture.login("ivan").auditLog(AuditFilter(action: AuditAction.statistics.rawValue))
        XCTAssertEqual(Set(log.filter { $0.outcome == "denied" }.map(\.actor)), ["maja", "admin", "ivan"])
    }

    func testWithdrawnConsentAndErasureTakeTheCaseOutOfTheNextQuery() throws {
        let maja = try fixture.login("maja")
        let codes = try maja.createCases([document("Ana Anić"), document("Bea Bić"), document("Cica Cicić")])
        let sofija = try fixture.login("sofija")
        XCTAssertEqual(try facts(sofija).count, 3)
        try maja.setStatisticsConsent(codes[0], false)
        XCTAssertEqual(try facts(sofija).count, 2)
        try maja.eraseCase(codes[1], reason: "survivor asked")
        XCTAssertEqual(try facts(sofija).count, 1)
        try maja.setStatisticsConsent(codes[0], true)
        XCTAssertEqual(try facts(sofija).count, 2)
        XCTAssertThrowsError(try maja.setStatisticsConsent(codes[0], true)) { XCTAssertEqual($0 as? AccessError, .consentUnchanged(code: codes[0].rawValue)) }
    }

    func testFactsFollowEveryChangeOfTheCase() throws {
        let maja = try fixture.login("maja")
        let code = try XCTUnwrap(try maja.createCases([document("Ana Anić")]).first)
        try maja.close(code, reason: .needsMet)
        XCTAssertEqual(try facts(try fixture.login("sofija")).first?.category(.status), "closed")
        try maja.reopen(code)
        XCTAssertEqual(try facts(try fixture.login("sofija")).first?.category(.status), "open")
    }

    /// A writer with the stock tool: facts put back from an older version, copied from another
    /// case, altered, or deleted are refused; none of them changes a count unnoticed.
    func testAWriterCannotChangeFactsUnnoticed() throws {
        let maja = try fixture.login("maja")
        let codes = try maja.createCases([document("Ana Anić"), document("Bea Bić", type: .physicalAssault)])
        let sofija = try fixture.login("sofija")
        // An older version of the first case's facts, kept before a change.
        try fixture.sqlite3("CREATE TABLE old AS SELECT * FROM case_facts")
        try maja.close(codes[0], reason: .needsMet)
        try fixture.sqlite3("UPDATE case_facts SET sealed = (SELECT sealed FROM old WHERE old.case_id = case_facts.case_id), case_version = 1 WHERE case_id = (SELECT id FROM cases WHERE code = '\(codes[0].rawValue)')")
        XCTAssertThrowsError(try facts(sofija)) { XCTAssertEqual($0 as? CaseStoreError, .tamperedRecord(.caseFacts(codes[0].rawValue))) }
        try fixture.sqlite3("DROP TABLE old")

        let fresh = try AccessFixture()
        fixture = fresh
        let again = try fresh.login("maja").createCases([document("Ana Anić"), document("Bea Bić", type: .physicalAssault)])
        try fresh.sqlite3("UPDATE case_facts SET sealed = (SELECT sealed FROM case_facts f JOIN cases c ON c.id = f.case_id WHERE c.code = '\(again[1].rawValue)') WHERE case_id = (SELECT id FROM cases WHERE code = '\(again[0].rawValue)')")
        XCTAssertThrowsError(try facts(try fresh.login("sofija"))) { XCTAssertEqual($0 as? CaseStoreError, .tamperedRecord(.caseFacts(again[0].rawValue))) }

        try fresh.sqlite3("DELETE FROM case_facts")
        XCTAssertThrowsError(try facts(try fresh.login("sofija"))) { XCTAssertEqual($0 as? CaseStoreError, .statisticsNotPrepared(2)) }
        // A caseworker's login computes them again from the verified documents.
        XCTAssertEqual(try fresh.login("maja").prepareStatistics(), 2)
        XCTAssertEqual(try facts(try fresh.login("sofija")).map { $0.category(.incidentType) }.sorted(), ["physical_assault", "rape"])
    }

    func testTheThresholdIsSignedAndNeverBelowThree() throws {
        let admin = try fixture.login("admin")
        var policy = try admin.currentStatisticsPolicy()
        XCTAssertEqual(policy.threshold, 5)
        policy.threshold = 2
        XCTAssertThrowsError(try admin.setStatisticsPolicy(policy)) { XCTAssertEqual($0 as? CaseStoreError, .statisticsThresholdTooLow(2)) }
        policy.threshold = 7
        try admin.setStatisticsPolicy(policy)
        XCTAssertEqual(try fixture.login("sofija").statisticsPolicy().threshold, 7)
        XCTAssertDenied(.statisticsPolicy, .roleNotPermitted) { try self.fixture.login("sofija").setStatisticsPolicy(policy) }

        // The writer replaces the signature (to put in a body of her own): it no longer verifies.
        try fixture.sqlite3("UPDATE statistics_policy SET signature = zeroblob(64)")
        XCTAssertThrowsError(try fixture.login("sofija").statisticsPolicy()) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.statisticsPolicy)) }
        // Deleting the policy row does not bring the defaults back: the trail counts one change.
        try fixture.sqlite3("DELETE FROM statistics_policy")
        XCTAssertThrowsError(try fixture.login("sofija").statisticsPolicy()) { XCTAssertEqual($0 as? CaseStoreError, .untrustedSignature(.statisticsPolicy)) }
    }

    func testAPrivacyBudgetIsSpentAndAnOverspendIsRefusedAndAudited() throws {
        let admin = try fixture.login("admin")
        var policy = try admin.currentStatisticsPolicy()
        policy.monthlyBudgets["sofija"] = 10_000
        try admin.setStatisticsPolicy(policy)
        let sofija = try fixture.login("sofija")
        try sofija.recordStatisticsRelease(details: ["by": "incident-type"], epsilonUnits: 6_000)
        XCTAssertEqual(try sofija.privacyBudget().spent, 6_000)
        XCTAssertThrowsError(try sofija.recordStatisticsRelease(details: ["by": "sex"], epsilonUnits: 5_000)) {
            XCTAssertEqual($0 as? AccessError, .privacyBudgetExceeded(left: 4_000))
        }
        try sofija.recordStatisticsRelease(details: ["by": "sex"], epsilonUnits: 4_000)
        XCTAssertEqual(try fixture.login("sofija").privacyBudget().spent, 10_000, "the ledger is the audit trail: a new session sees it")
        let entries = try fixture.login("ivan").auditLog(AuditFilter(actor: "sofija", action: AuditAction.statistics.rawValue))
        XCTAssertEqual(entries.map(\.outcome), ["ok", "denied", "ok"])
        XCTAssertEqual(entries[1].details["reason"], "privacy_budget")
        // Resetting the ledger by editing the trail breaks the hash chain.
        try fixture.sqlite3("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET outcome = 'failed' WHERE action = 'statistics' AND outcome = 'ok'")
        XCTAssertEqual(try fixture.login("sofija").privacyBudget().spent, 0)
        XCTAssertFalse(try fixture.login("ivan").verifyAuditTrail(checkpoint: nil).isIntact)
    }
}
