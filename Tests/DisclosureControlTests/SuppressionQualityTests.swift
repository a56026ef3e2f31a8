import DisclosureControl
import XCTest

/// The secondary suppression hides what protection needs and not much more: on a table where a
/// few rectangles suffice, most counts stay shown (issue 10: a heuristic that hides everything
/// would be safe and useless).
final class SuppressionQualityTests: XCTestCase {
    typealias Dimension = LinkedCounts.Dimension

    func testATypicalTwoDimensionTableKeepsMostCountsShown() throws {
        let types = ["rape", "sexual", "physical", "forced", "denial", "psych", "nongbv", "unknown"]
        let sexes = ["female", "male", "other", "unknown"]
        let cells = ["rape/female": 7, "sexual/female": 1, "physical/female": 10, "psych/female": 3, "rape/male": 1, "physical/male": 2]
        var counts = LinkedCounts()
        try counts.addTable([Dimension("type", types), Dimension("sex", sexes)]) { key in
            cells["\(key.category(of: "type") ?? "")/\(key.category(of: "sex") ?? "")"] ?? 0
        }
        let release = try CellSuppression().protect(counts)
        XCTAssertTrue(release.audit.isSafe)
        let shown = counts.keys.filter { release.shown($0) != nil }
        let hidden = counts.keys.filter { release.shown($0) == nil }
        XCTAssertNotNil(release.shown(.total), "the grand total is 24: shown")
        XCTAssertLessThanOrEqual(hidden.count, 14, "hidden: \(hidden.map(\.description).sorted())")
        XCTAssertGreaterThan(shown.count, hidden.count)
    }
}
