import Access
import CaseStore
import XCTest

/// Each account names its own role in the grammatical gender it chooses (issue 9); the choice is
/// a display preference on the record, and someone who edits it in the file changes a word only.
final class GrammaticalGenderTests: XCTestCase {
    func testEachUserSetsHerOwnAndEveryoneSeesIt() throws {
        let fixture = try AccessFixture()
        let vesna = try fixture.login("vesna")
        XCTAssertEqual(try vesna.grammaticalGenders(), [:], "nobody has chosen yet")
        try vesna.setGrammaticalGender(.masculine)
        try fixture.login("sofija").setGrammaticalGender(.feminine)

        let admin = try fixture.login("admin")
        XCTAssertEqual(try admin.grammaticalGenders(), ["vesna": .masculine, "sofija": .feminine])
        let entries = try fixture.login("ivan").auditLog(AuditFilter(action: AuditAction.profileChange.rawValue))
        XCTAssertEqual(entries.map(\.actor), ["vesna", "sofija"])
        XCTAssertTrue(try admin.verifyAuditTrail(checkpoint: nil).isIntact)
    }

    func testAnEditedChoiceIsOnlyAWord() throws {
        let fixture = try AccessFixture()
        try fixture.login("vesna").setGrammaticalGender(.masculine)
        XCTAssertNotEqual(try fixture.sqlite3("UPDATE user_profiles SET grammatical_gender = 'neuter'"), 0, "the schema refuses other values")
        XCTAssertEqual(try fixture.sqlite3("""
            DROP TABLE user_profiles;
            CREATE TABLE user_profiles (user_name TEXT PRIMARY KEY NOT NULL, grammatical_gender TEXT NOT NULL);
            INSERT INTO user_profiles VALUES ('vesna', 'neuter'), ('maja', 'masculine');
            """), 0)
        let maja = try fixture.login("maja")
        XCTAssertEqual(try maja.grammaticalGenders(), ["maja": .masculine], "an unknown value is no choice")
        XCTAssertEqual(maja.actor.role, .caseworker, "the role itself stays the signed one")
    }
}
