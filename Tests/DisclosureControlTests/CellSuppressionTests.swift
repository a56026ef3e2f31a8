import DisclosureControl
import XCTest

/// Disclosure control (issue 10): tables on which naive suppression leaks, the audit that shows
/// it, and the protection that closes it, proved by the same audit.
final class CellSuppressionTests: XCTestCase {
    typealias Dimension = LinkedCounts.Dimension

    func key(_ pairs: (String, String)...) -> CellKey { CellKey(pairs.map { CellKey.Coordinate($0.0, $0.1) }) }

    func counts(_ dimensions: [Dimension], _ cells: [String: Int]) throws -> LinkedCounts {
        var counts = LinkedCounts()
        try counts.addTable(dimensions) { cells[Self.name($0, dimensions)] ?? 0 }
        return counts
    }

    /// "rape/young": the categories of a cell in the order of the table's dimensions.
    static func name(_ cell: CellKey, _ dimensions: [Dimension]) -> String {
        dimensions.compactMap { cell.category(of: $0.id) }.joined(separator: "/")
    }

    /// The pattern that hides only the small counts.
    func naive(_ counts: LinkedCounts, threshold: Int = 5) -> Set<CellKey> {
        Set(counts.keys.filter { (1..<threshold).contains(counts.value($0) ?? 0) })
    }

    func assertSafe(_ release: ProtectedRelease, threshold: Int = 5, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(release.audit.isSafe, "exposed: \(release.audit.exposed)", file: file, line: line)
        XCTAssertEqual(Set(release.audit.intervals.keys), release.hidden, "every hidden count is audited", file: file, line: line)
        for (key, interval) in release.audit.intervals {
            XCTAssertGreaterThanOrEqual(interval.width ?? .max, threshold, "\(key)", file: file, line: line)
        }
    }

    func testThresholdBelowThreeIsRefused() {
        XCTAssertThrowsError(try CellSuppression(threshold: 2)) { XCTAssertEqual($0 as? DisclosureError, .thresholdTooLow(2)) }
        XCTAssertEqual(try CellSuppression(threshold: 3).threshold, 3)
        XCTAssertEqual(try CellSuppression().threshold, 5)
    }

    /// A hidden cell that equals the total minus the visible cells: the audit pins it exactly.
    func testSubtractingFromTheTotalIsSeenAndClosed() throws {
        let table = try counts([Dimension("type", ["rape", "physical", "psychological"])], ["rape": 2, "physical": 10, "psychological": 12])
        let leak = try ProtectionAudit.audit(table, hidden: naive(table), threshold: 5)
        XCTAssertEqual(leak.intervals[key(("type", "rape"))], .init(min: 2, max: 2))
        XCTAssertFalse(leak.isSafe)

        let release = try CellSuppression().protect(table)
        assertSafe(release)
        XCTAssertNil(release.shown(key(("type", "rape"))))
        XCTAssertGreaterThanOrEqual(release.hidden.count, 2)
    }

    /// The audit is the attacker's computation: checked against brute force on a small table.
    func testAuditIntervalsMatchBruteForce() throws {
        let cells = ["a/x": 1, "a/y": 3, "b/x": 6, "b/y": 2]
        let table = try counts([Dimension("r", ["a", "b"]), Dimension("c", ["x", "y"])], cells)
        let hidden: Set<CellKey> = [key(("r", "a"), ("c", "x")), key(("r", "a"), ("c", "y")), key(("r", "b"), ("c", "x")), key(("r", "b"), ("c", "y"))]
        let audit = try ProtectionAudit.audit(table, hidden: hidden, threshold: 5)
        // Margins published: a = 4, b = 8, x = 7, y = 5. Every table with those margins:
        var low = Int.max, high = Int.min
        for ax in 0...12 {
            let (ay, bx) = (4 - ax, 7 - ax)
            let by = 8 - bx
            guard ay >= 0, bx >= 0, by >= 0, ay + by == 5 else { continue }
            low = min(low, ax)
            high = max(high, ax)
        }
        XCTAssertEqual(audit.intervals[key(("r", "a"), ("c", "x"))], .init(min: low, max: high))
        XCTAssertEqual(audit.intervals[key(("r", "a"), ("c", "x"))], .init(min: 0, max: 4))
        XCTAssertFalse(audit.isSafe, "width 4 is narrower than 5")
    }

    func testTwoDimensionTableIsProtected() throws {
        let ages = ["0-17", "18-25", "26-40", "41-60", "61+"]
        let types = ["rape", "physical", "psychological", "denial"]
        var cells: [String: Int] = [:]
        for (i, type) in types.enumerated() {
            for (j, age) in ages.enumerated() { cells["\(type)/\(age)"] = (i * 7 + j * 3) % 11 }
        }
        let table = try counts([Dimension("type", types), Dimension("age", ages)], cells)
        XCTAssertFalse(try ProtectionAudit.audit(table, hidden: naive(table), threshold: 5).isSafe, "naive suppression leaks here")
        let release = try CellSuppression().protect(table)
        assertSafe(release)
        for key in table.keys where (1..<5).contains(table.value(key) ?? 0) { XCTAssertNil(release.shown(key), "\(key)") }
    }

    /// Two tables of one report share the incident-type margin: protected as one system.
    func testTablesSharingAMarginAreProtectedJointly() throws {
        let types = ["rape", "physical", "psychological"]
        let byAge = ["rape/young": 1, "rape/old": 6, "physical/young": 9, "physical/old": 8, "psychological/young": 7, "psychological/old": 12]
        let bySex = ["rape/f": 6, "rape/m": 1, "physical/f": 16, "physical/m": 1, "psychological/f": 19, "psychological/m": 0]
        var joint = LinkedCounts()
        let ageTable = [Dimension("type", types), Dimension("age", ["young", "old"])]
        let sexTable = [Dimension("type", types), Dimension("sex", ["f", "m"])]
        try joint.addTable(ageTable) { byAge[Self.name($0, ageTable)] ?? 0 }
        try joint.addTable(sexTable) { bySex[Self.name($0, sexTable)] ?? 0 }
        XCTAssertEqual(joint.value(key(("type", "rape"))), 7, "one variable for the shared margin")
        XCTAssertFalse(try ProtectionAudit.audit(joint, hidden: naive(joint), threshold: 5).isSafe)
        assertSafe(try CellSuppression().protect(joint))
    }

    /// Counts that disagree between two tables are a programming error, not a release.
    func testInconsistentSharedCountIsRefused() throws {
        var joint = LinkedCounts()
        try joint.addTable([Dimension("type", ["rape"])]) { _ in 3 }
        XCTAssertThrowsError(try joint.addTable([Dimension("type", ["rape"]), Dimension("sex", ["f"])]) { _ in 4 })
    }

    /// `--where sex=f` next to the unfiltered table: the male slice is their difference. The
    /// filtered table is protected as a slice of the table that has the filter's dimension.
    func testQueriesThatDifferByOneFilterAreProtectedTogether() throws {
        let types = ["rape", "physical", "psychological"]
        let cells = ["rape/f": 9, "rape/m": 2, "physical/f": 14, "physical/m": 6, "psychological/f": 20, "psychological/m": 7]
        let table = try counts([Dimension("type", types), Dimension("sex", ["f", "m"])], cells)
        let unfiltered = Set(types.map { key(("type", $0)) } + [CellKey.total])
        let female = Set(types.map { key(("type", $0), ("sex", "f")) } + [key(("sex", "f"))])
        // Each query protected on its own shows every count (none is small): the male rape count 2
        // is then their difference.
        let shown = unfiltered.union(female)
        let naiveLeak = try ProtectionAudit.audit(table, hidden: Set(table.keys).subtracting(shown), threshold: 5)
        XCTAssertEqual(naiveLeak.intervals[key(("type", "rape"), ("sex", "m"))], .init(min: 2, max: 2))

        let release = try CellSuppression().protect(table)
        assertSafe(release)
        let published = shown.filter { release.shown($0) != nil }
        let both = try ProtectionAudit.audit(table, hidden: Set(table.keys).subtracting(published), threshold: 5)
        for (key, interval) in both.intervals where (1..<5).contains(table.value(key) ?? 0) {
            XCTAssertGreaterThanOrEqual(interval.width ?? .max, 5, "\(key)")
        }
    }

    /// A small row shows no zeros: "1 case, all of it in one cell" is hidden whole.
    func testSmallRowHidesItsZerosToo() throws {
        let table = try counts([Dimension("ethnicity", ["roma", "serb"]), Dimension("age", ["18-25", "61+"])],
                               ["roma/18-25": 0, "roma/61+": 1, "serb/18-25": 30, "serb/61+": 25])
        let release = try CellSuppression().protect(table)
        assertSafe(release)
        XCTAssertNil(release.shown(key(("age", "18-25"), ("ethnicity", "roma"))), "the zero beside a hidden 1 is hidden")
        XCTAssertNil(release.shown(key(("ethnicity", "roma"))))
    }

    func testAnEarlierDecisionThatWouldNowShowASmallCountIsRefused() throws {
        let table = try counts([Dimension("type", ["rape", "physical"])], ["rape": 2, "physical": 10])
        XCTAssertThrowsError(try CellSuppression().protect(table, released: [key(("type", "rape")): true])) {
            XCTAssertEqual($0 as? DisclosureError, .auditFailed(key(("type", "rape"))))
        }
        let audit = try ProtectionAudit.audit(table, hidden: [], threshold: 5)
        XCTAssertEqual(audit.publishedSmall, [key(("type", "rape"))])
        XCTAssertFalse(audit.isSafe, "a small count shown is never safe")
    }

    func testEarlierDecisionsAreKept() throws {
        let table = try counts([Dimension("type", ["rape", "physical", "psychological"])], ["rape": 2, "physical": 10, "psychological": 12])
        let release = try CellSuppression().protect(table, released: [CellKey.total: true, key(("type", "physical")): true])
        assertSafe(release)
        XCTAssertEqual(release.shown(.total), 24)
        XCTAssertEqual(release.shown(key(("type", "physical"))), 10)
        XCTAssertNil(release.shown(key(("type", "psychological"))))
    }
}

/// Many tables of the shapes reports have, with many small counts: every release passes its
/// audit and hides every small count.
final class CellSuppressionSweepTests: XCTestCase {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11 | state << 53
        }
    }

    func testRandomTablesAreReleasedSafely() throws {
        var random = Seeded(state: 20261201)
        let protector = try CellSuppression()
        for round in 0..<30 {
            let rows = Int.random(in: 1...8, using: &random), columns = Int.random(in: 2...7, using: &random)
            let dimensions = [LinkedCounts.Dimension("r", (0..<rows).map { "r\($0)" }), LinkedCounts.Dimension("c", (0..<columns).map { "c\($0)" })]
            var counts = LinkedCounts()
            try counts.addTable(dimensions) { _ in [0, 0, 1, 2, 3, 4, 6, 9, 15, 30].randomElement(using: &random) ?? 0 }
            let release = try protector.protect(counts)
            XCTAssertTrue(release.audit.isSafe, "round \(round)")
            for key in counts.keys where (1..<5).contains(counts.value(key) ?? 0) { XCTAssertNil(release.shown(key), "round \(round) \(key)") }
        }
    }
}
