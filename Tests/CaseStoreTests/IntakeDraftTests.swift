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
}
