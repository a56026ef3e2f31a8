import Access
import CaseStore
import Foundation
import GRDB
import XCTest

/// SECURITY.md and docs/vault-format.md: plaintext dates are days (`YYYY-MM-DD`, UTC), never
/// times; audit entry times and note times are kept to the minute (`YYYY-MM-DDTHH:MMZ`). The
/// clock is set to a time with seconds and a fraction, so any finer time would show.
final class TimePrecisionTests: XCTestCase {
    static let day = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    static let minute = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}Z$"

    private func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    func testStoredTimesAreDaysOrMinutes() throws {
        let fixture = try AccessFixture()
        // 1_790_000_000 is 2026-09-21T14:13:20Z; 39.75 s later is 14:13:59.75.
        fixture.clock.advance(39.75)
        let maja = try fixture.login("maja")
        let code = try XCTUnwrap(maja.createCases([fixture.document("Vremenka Minutić")]).first)
        try maja.addNote(code, text: "a note")
        try maja.addFollowUp(code, due: "2026-10-01", note: "call back")
        try maja.saveIntakeDraft(Array("draft".utf8))
        XCTAssertThrowsError(try AccessSession(fixture.vault().unlock(user: "maja", passphrase: AccessFixture.passphrase("nobody"))))
        let sofija = try fixture.login("sofija")
        XCTAssertThrowsError(try sofija.readCase(code))

        let note = try XCTUnwrap(maja.readCase(code).document.work?.notes.first)
        XCTAssertEqual(note.at, "2026-09-21T14:13Z", "note times are cut to the minute, not rounded")

        let queue = try DatabaseQueue(path: fixture.path)
        try queue.read { db in
            let times = try String.fetchAll(db, sql: "SELECT at FROM audit_log")
            XCTAssertGreaterThan(times.count, 8)
            for at in times { XCTAssertTrue(matches(at, Self.minute), "audit time \(at)") }
            XCTAssertTrue(times.contains("2026-09-21T14:13Z"))
            for (table, column) in [("vault_meta", "created_day"), ("key_slots", "created_day"), ("cases", "created_day"),
                                    ("cases", "updated_day"), ("intake_drafts", "updated_day")] {
                let values = try String.fetchAll(db, sql: "SELECT \(column) FROM \(table)")
                XCTAssertFalse(values.isEmpty, "\(table).\(column)")
                for value in values { XCTAssertEqual(value, "2026-09-21", "\(table).\(column)") }
            }
            // Every text column of every table that names a day or a time.
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                for column in try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?)", arguments: [table]) {
                    let name: String = column["name"]
                    guard name.hasSuffix("_day") || name == "at" else { continue }
                    for value in try String.fetchAll(db, sql: "SELECT \(name) FROM \(table)") {
                        XCTAssertTrue(matches(value, name == "at" ? Self.minute : Self.day), "\(table).\(name) = \(value)")
                    }
                }
            }
        }
    }
}
