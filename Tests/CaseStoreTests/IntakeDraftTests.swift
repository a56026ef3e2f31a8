import CaseStore
import Foundation
import GRDB
import XCTest

/// SECURITY.md claim: an intake draft is sealed so that only the user who typed it can read it;
/// its text appears nowhere in the vault's files, and a draft copied to another user's row or
/// altered does not open.
final class IntakeDraftTests: XCTestCase {
    func testDraftIsSealedForItsUserOnly() throws {
        let vault = try TemporaryVault()
        let maja = try vault.user("maja", .caseworker)
        let vesna = try vault.user("vesna", .caseworker)
        let draft = Array(#"{"survivor_name":{"text":"Draginja Nacrtović"},"incident_narrative":{"text":"ostavila je dete kod komšinice"}}"#.utf8)
        try maja.saveIntakeDraft(draft)
        XCTAssertEqual(try maja.loadIntakeDraft(), draft)
        XCTAssertNil(try vesna.loadIntakeDraft())
        try PlaintextLeakTests.assertNoNeedle(["Draginja", "Nacrtović", "komšinice", "ostavila je dete"], in: vault.directory)

        try RawVault(vault.path).execute("INSERT INTO intake_drafts (user_name, updated_day, sealed) SELECT 'vesna', updated_day, sealed FROM intake_drafts WHERE user_name = 'maja'")
        XCTAssertThrows(.tamperedRecord(.intakeDraft(user: "vesna"))) { _ = try vesna.loadIntakeDraft() }

        let sealed = try RawVault(vault.path).queue.read { try Data.fetchOne($0, sql: "SELECT sealed FROM intake_drafts WHERE user_name = 'maja'") }
        var flipped = try XCTUnwrap(sealed)
        flipped[20] ^= 1
        try RawVault(vault.path).execute("UPDATE intake_drafts SET sealed = ? WHERE user_name = 'maja'", [flipped])
        XCTAssertThrows(.tamperedRecord(.intakeDraft(user: "maja"))) { _ = try maja.loadIntakeDraft() }

        try maja.discardIntakeDraft()
        XCTAssertNil(try maja.loadIntakeDraft())
    }

    /// The trail records a draft's start and its end, not each answer (issue 9: 237 entries after
    /// four intakes), and what it records still verifies.
    func testDraftWritesAuditEntriesAtItsStartAndEndOnly() throws {
        let vault = try TemporaryVault()
        let maja = try vault.user("maja", .caseworker)
        func draftEntries() throws -> [String] {
            try vault.admin.auditLog(AuditFilter(actor: "maja")).map(\.action).filter { $0.hasPrefix("intake_draft") || $0 == "case_create" }
        }
        for answer in 1...20 { try maja.saveIntakeDraft(Array(#"{"answers":\#(answer)}"#.utf8)) }
        XCTAssertEqual(try draftEntries(), ["intake_draft_save"])
        XCTAssertEqual(try maja.loadIntakeDraft(), Array(#"{"answers":20}"#.utf8))
        try maja.keepIntakeDraft(Array(#"{"answers":21}"#.utf8))
        XCTAssertEqual(try draftEntries(), ["intake_draft_save", "intake_draft_save"])
        XCTAssertEqual(try maja.loadIntakeDraft(), Array(#"{"answers":21}"#.utf8))

        try maja.saveIntakeDraft(Array(#"{"answers":22}"#.utf8))
        _ = try maja.createCaseFromIntake(sampleDocument("Završena"))
        XCTAssertNil(try maja.loadIntakeDraft())
        XCTAssertEqual(try draftEntries(), ["intake_draft_save", "intake_draft_save", "case_create"])
        for answer in 1...3 { try maja.saveIntakeDraft(Array(#"{"again":\#(answer)}"#.utf8)) }
        try maja.discardIntakeDraft()
        XCTAssertEqual(try draftEntries().suffix(2), ["intake_draft_save", "intake_draft_discard"])
        XCTAssertTrue(try vault.admin.verifyAuditTrail().isIntact)
    }
}
