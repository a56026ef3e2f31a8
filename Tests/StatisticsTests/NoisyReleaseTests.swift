import CaseStore
import Statistics
import XCTest

/// A release with differential-privacy noise (issue 10): noise goes on the innermost counts, and
/// every total shown is the sum of the noisy counts it covers, so a noisy table adds up.
final class NoisyReleaseTests: XCTestCase {
    func facts(type: UInt8, sex: UInt8) -> CaseFacts {
        var fields = [UInt8](repeating: 0, count: FactField.allCases.count)
        fields[FactField.incidentType.rawValue] = type
        fields[FactField.sex.rawValue] = sex
        return CaseFacts(reportMonth: FactMonth(year: 2026, month: 3), incidentMonth: nil, fields: fields,
                         sets: [0, 0, 0], perpetrators: [], referrals: [])
    }

    func release(epsilon: String, seed: UInt64) throws -> ReleasedTable {
        var tabulator = Tabulator([("t", try StatisticsQuery(by: ["incident-type", "sex"]))])
        for index in 0..<600 { tabulator.add(facts(type: UInt8(index % 3), sex: UInt8(index % 7 == 0 ? 1 : 0))) }
        var random = SeededRandom(seed: seed)
        let laplace = try DiscreteLaplace(epsilon: try Epsilon(epsilon), sensitivity: 1)
        let release = try tabulator.release(threshold: 5) { count in count + (try laplace.sample(using: &random)) }
        return try XCTUnwrap(release.tables.first?.table)
    }

    func testNoisyTotalsAreSumsOfTheNoisyCounts() throws {
        let table = try release(epsilon: "0.5", seed: 3)
        XCTAssertTrue(table.noisy)
        for (row, cells) in table.cells.enumerated() where cells.allSatisfy({ $0 != nil }) {
            if let total = table.rowTotals[row] { XCTAssertEqual(total, cells.reduce(0) { $0 + ($1 ?? 0) }) }
        }
        let shownRows = table.rowTotals.compactMap { $0 }
        if shownRows.count == table.rowTotals.count, let total = table.total { XCTAssertEqual(total, shownRows.reduce(0, +)) }
        XCTAssertTrue(table.cells.joined().allSatisfy { ($0 ?? 0) >= 0 }, "a noisy count below zero is shown as zero")
    }

    func testNoiseChangesCountsAndALargeEpsilonBarelyDoes() throws {
        let truth = [171.0, 171, 172]
        let noisy = try release(epsilon: "0.2", seed: 11)
        let exact = try release(epsilon: "100", seed: 11)
        let female = { (table: ReleasedTable) in table.cells.prefix(3).map { $0[0].map(Double.init) ?? -1 } }
        XCTAssertNotEqual(female(noisy), truth, "ε = 0.2 moves the counts")
        XCTAssertEqual(female(exact), truth, "ε = 100 leaves 171, 171, 172 almost surely")
    }
}
