import CaseStore
import XCTest

/// `cases` puts the most recently changed case first (issue 9), also among the changes of one
/// day, which is all the plaintext date says.
final class ListingOrderTests: XCTestCase {
    func testMostRecentlyChangedCaseComesFirst() throws {
        let vault = try TemporaryVault()
        let worker = try vault.user("vesna", .caseworker)
        let first = try worker.createCase(sampleDocument("Prva"))
        let second = try worker.createCase(sampleDocument("Druga"))
        let third = try worker.createCase(sampleDocument("Treća"))
        XCTAssertEqual(try worker.listCases().map(\.code), [third, second, first].map(\.rawValue))

        var changed = try worker.readCase(first).document
        changed.incident.narrative = "Dopunjeno"
        try worker.updateCase(first, document: changed)
        XCTAssertEqual(try worker.listCases().map(\.code), [first, third, second].map(\.rawValue))
        try worker.amendCase(second, action: .caseNote) { _ in }
        XCTAssertEqual(try worker.listCases().map(\.code), [second, first, third].map(\.rawValue))
    }
}
