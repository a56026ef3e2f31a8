@testable import CaseStore
import Foundation
import XCTest

/// New case codes are checked by the UNIQUE constraint as the case is inserted, and a case's
/// facts are filed under the id the insert gave. Someone with the file can plant schema that makes
/// an insert store nothing or fail on another column: the create must then fail as a corrupt vault
/// with nothing written, never report cases it did not store, and never retry as if a code were taken.
final class PlantedSchemaTests: XCTestCase {
    func testAnInsertThatStoresNothingFailsTheCreate() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let kept = try worker.createCase(sampleDocument("Ana Anić"))
        try RawVault(vault.path).execute("CREATE TRIGGER planted BEFORE INSERT ON cases BEGIN SELECT RAISE(IGNORE); END")
        let before = try worker.status()
        XCTAssertThrowsError(try worker.createCases([sampleDocument("Mira Mirić"), sampleDocument("Jelena Jelić")])) {
            XCTAssertEqual($0 as? CaseStoreError, .corruptVault)
        }
        XCTAssertEqual(try worker.status(), before)
        XCTAssertEqual(try worker.readCase(kept).document.survivor.name, "Ana Anić")
        XCTAssertEqual(try worker.findCases(name: "Mira"), [])
    }

    func testAUniqueConstraintOnAnotherColumnIsNotTakenForACodeCollision() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        try RawVault(vault.path).execute("CREATE UNIQUE INDEX planted ON cases(created_day)")
        _ = try worker.createCase(sampleDocument("Ana Anić"))
        XCTAssertThrowsError(try worker.createCase(sampleDocument("Mira Mirić"))) {
            XCTAssertEqual($0 as? CaseStoreError, .corruptVault)
        }
        XCTAssertEqual(try worker.status().openCases, 1)
    }
}
