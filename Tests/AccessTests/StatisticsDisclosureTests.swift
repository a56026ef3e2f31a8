import Access
import CaseStore
import DisclosureControl
import Foundation
import Statistics
import XCTest

/// Vaults on which naive suppression leaks (issue 10), released through the real path (cases
/// in a vault, facts read by a supervisor, `Tabulator`), then attacked: an integer program over
/// every count the releases show, every sum that links them and the true counts' non-negativity.
/// Every hidden count, and every small count of a complement a filter creates, must stay
/// at least the threshold wide.
final class StatisticsDisclosureTests: XCTestCase {
    var fixture: AccessFixture!
    let threshold = 5

    override func setUpWithError() throws { fixture = try AccessFixture() }
    override func tearDown() { fixture = nil }

    /// Cases by (ethnicity, municipality, sex) → how many.
    func populate(_ groups: [(ethnicity: String, municipality: String, sex: Sex, count: Int)]) throws {
        var documents: [CaseDocument] = []
        for group in groups {
            for index in 0..<group.count {
                documents.append(CaseDocument(
                    survivor: .init(name: "Survivor \(group.ethnicity) \(group.municipality) \(index)", sex: group.sex, municipality: group.municipality),
                    incident: .init(date: "2026-03-01", type: .physicalAssault), consent: .init(statistics: true),
                    intake: ["ethnicity": #"{"choice":"\#(group.ethnicity)"}"#, "report_date": #"{"date":"2026-03-02"}"#]))
            }
        }
        _ = try fixture.login("maja").createCases(documents)
    }

    func release(_ tables: [(String, StatisticsQuery)]) throws -> StatisticsRelease {
        var tabulator = Tabulator(tables)
        try fixture.login("sofija").forEachFacts { tabulator.add($0) }
        return try tabulator.release(threshold: threshold)
    }

    func key(_ pairs: (String, String)...) -> CellKey { CellKey(pairs.map { CellKey.Coordinate($0.0, $0.1) }) }

    /// What a one-dimension table shows, as attacker keys (`prefix` fixes the slice it is of).
    func shown(_ table: ReleasedTable, dimension: String, prefix: [CellKey.Coordinate] = []) -> [CellKey: Int] {
        var shown: [CellKey: Int] = [:]
        for (row, category) in table.rows.categories.enumerated() {
            if let value = table.cells[row][0] { shown[CellKey(prefix + [.init(dimension, category)])] = value }
        }
        if let total = table.total { shown[CellKey(prefix)] = total }
        return shown
    }

    /// The attacker's intervals for every count not shown, given the true system.
    func attack(_ truth: LinkedCounts, shown: [CellKey: Int]) throws -> ProtectionAudit {
        for (key, value) in shown { XCTAssertEqual(truth.value(key), value, "\(key) is shown as its true count") }
        let hidden = Set(truth.keys).subtracting(shown.keys)
        return try ProtectionAudit.audit(truth, hidden: hidden, threshold: threshold)
    }

    func assertProtected(_ audit: ProtectionAudit, _ truth: LinkedCounts, hidden: Set<CellKey>, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(hidden.isEmpty, "something was hidden", file: file, line: line)
        for (key, interval) in audit.intervals {
            let sensitive = hidden.contains(key) || (1..<threshold).contains(truth.value(key) ?? 0)
            if sensitive {
                XCTAssertGreaterThanOrEqual(interval.width ?? .max, threshold, "\(key): \(interval)", file: file, line: line)
            }
        }
    }

    static let ethnicities = ["serb", "roma", "albanian", "bosniak", "ashkali", "egyptian", "other", "not_stated", "unknown"]

    func ethnicityTruth(_ counts: [String: Int], prefix: [CellKey.Coordinate] = []) throws -> LinkedCounts {
        var truth = LinkedCounts()
        try truth.addTable([.init("ethnicity", Self.ethnicities)], context: prefix) { counts[$0.category(of: "ethnicity") ?? ""] ?? 0 }
        return truth
    }

    /// "1 case, Romani" hidden alone is the total minus the visible cells.
    func testAHiddenCellIsNotTheTotalMinusTheVisibleOnes() throws {
        try populate([("roma", "brus", .female, 2), ("serb", "brus", .female, 10), ("albanian", "brus", .female, 12)])
        let truth = try ethnicityTruth(["roma": 2, "serb": 10, "albanian": 12])
        // Naive suppression (only the small cell) leaks: the attacker pins it exactly.
        let naive = try attack(truth, shown: Dictionary(uniqueKeysWithValues: truth.keys.filter { truth.value($0) != 2 }.map { ($0, truth.value($0)!) }))
        XCTAssertEqual(naive.intervals[key(("ethnicity", "roma"))], .init(min: 2, max: 2))

        let table = try XCTUnwrap(release([("t", try StatisticsQuery(by: ["ethnicity"]))]).tables.first?.table)
        XCTAssertNil(table.cells[Self.ethnicities.firstIndex(of: "roma")!][0])
        let shown = shown(table, dimension: "ethnicity")
        let hidden = Set(truth.keys).subtracting(shown.keys)
        assertProtected(try attack(truth, shown: shown), truth, hidden: hidden)
    }

    /// Two tables of one report share their grand total: protected together, the one cannot
    /// be subtracted from through the other.
    func testTwoTablesOfOneReportSharingAMarginAreProtectedTogether() throws {
        try populate([("roma", "brus", .female, 2), ("serb", "brus", .female, 10), ("albanian", "brus", .male, 12)])
        let released = try release([("by-ethnicity", try StatisticsQuery(by: ["ethnicity"])), ("by-sex", try StatisticsQuery(by: ["sex"]))])
        var truth = try ethnicityTruth(["roma": 2, "serb": 10, "albanian": 12])
        try truth.addTable([.init("sex", Sex.allCases.map(\.rawValue))]) { ["female": 12, "male": 12][$0.category(of: "sex") ?? ""] ?? 0 }
        var visible = shown(released.tables[0].table, dimension: "ethnicity")
        visible.merge(shown(released.tables[1].table, dimension: "sex")) { first, _ in first }
        XCTAssertEqual(visible[.total], 24, "the shared total is shown by the sex table")
        assertProtected(try attack(truth, shown: visible), truth, hidden: Set(truth.keys).subtracting(visible.keys))
    }

    /// A query and the same query under one filter: the filtered slice, the complement the
    /// difference would show, and the whole are protected together.
    func testTwoQueriesThatDifferByOneFilterAreProtectedTogether() throws {
        // Brus has 6 Roma, 6 Serb, 7 Albanian survivors; elsewhere 1 Roma, 6 Serb, 8 Albanian.
        // Naively, both tables show only counts of 5 or more, and their difference shows the
        // one Roma survivor outside Brus.
        try populate([("roma", "brus", .female, 6), ("serb", "brus", .female, 6), ("albanian", "brus", .female, 7),
                      ("roma", "trstenik", .female, 1), ("serb", "trstenik", .female, 6), ("albanian", "trstenik", .female, 8)])
        let whole = try XCTUnwrap(release([("t", try StatisticsQuery(by: ["ethnicity"]))]).tables.first?.table)
        let filter = StatisticsQuery.Filter(dimension: "municipality", category: "brus")
        let slice = try XCTUnwrap(release([("t", try StatisticsQuery(by: ["ethnicity"], filters: [filter]))]).tables.first?.table)

        var truth = LinkedCounts()
        let inBrus = ["roma": 6, "serb": 6, "albanian": 7], elsewhere = ["roma": 1, "serb": 6, "albanian": 8]
        try truth.addTable([.init("brus", ["yes", "no"]), .init("ethnicity", Self.ethnicities)]) { key in
            let ethnicity = key.category(of: "ethnicity") ?? ""
            return (key.category(of: "brus") == "yes" ? inBrus : elsewhere)[ethnicity] ?? 0
        }
        // The naive pair of releases: everything of 5 or more in both tables.
        var naive = shown(try XCTUnwrap(Optional(whole)), dimension: "ethnicity").filter { _ in true }
        for (ethnicity, value) in inBrus { naive[key(("brus", "yes"), ("ethnicity", ethnicity))] = value }
        naive[key(("brus", "yes"))] = 19
        for (ethnicity, value) in ["roma": 7, "serb": 12, "albanian": 15] { naive[key(("ethnicity", ethnicity))] = value }
        naive[.total] = 34
        for ethnicity in Self.ethnicities where inBrus[ethnicity] == nil {
            naive[key(("brus", "yes"), ("ethnicity", ethnicity))] = 0
            naive[key(("ethnicity", ethnicity))] = 0
        }
        let naiveAudit = try attack(truth, shown: naive)
        XCTAssertEqual(naiveAudit.intervals[key(("brus", "no"), ("ethnicity", "roma"))], .init(min: 1, max: 1), "the naive pair pins the one survivor")

        var visible = shown(whole, dimension: "ethnicity")
        visible.merge(shown(slice, dimension: "ethnicity", prefix: [.init("brus", "yes")])) { first, _ in first }
        XCTAssertNil(visible[key(("brus", "yes"), ("ethnicity", "roma"))], "the slice hides the count whose complement is small")
        // The counts the two tables have a place for (the complement has none: it is never shown).
        let places = Set(truth.keys.filter { $0.category(of: "brus") != "no" })
        assertProtected(try attack(truth, shown: visible), truth, hidden: places.subtracting(visible.keys))
    }
}
