import Foundation
import Statistics
import XCTest

/// JSON for other programs: ids beside the words, and a hidden count as null marked hidden.
final class TableJSONTests: XCTestCase {
    func testTablesCarryIdsWordsAndCountsWithHiddenOnesAsNull() throws {
        let json = try TableJSON.render([("by-sex", RenderingFixtures.bySex), ("by-type", RenderingFixtures.byType)],
                                        labels: RenderingFixtures.labels)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tables = try XCTUnwrap(document["tables"] as? [[String: Any]])
        XCTAssertEqual(tables.count, 2)

        let bySex = tables[0]
        XCTAssertEqual(bySex["id"] as? String, "by-sex")
        XCTAssertEqual(bySex["unit"] as? String, "incidents")
        XCTAssertEqual(bySex["hiddenCount"] as? Int, 4)
        XCTAssertEqual(bySex["noisy"] as? Bool, false)
        let dimensions = try XCTUnwrap(bySex["dimensions"] as? [[String: Any]])
        XCTAssertEqual(dimensions.map { $0["id"] as? String }, ["incident-type", "sex"])
        XCTAssertEqual(dimensions.map { $0["name"] as? String }, ["Врста инцидента", "Пол"])
        let categories = try XCTUnwrap(dimensions[0]["categories"] as? [[String: String]])
        XCTAssertEqual(categories, [["id": "rape", "label": "Силовање"], ["id": "physical", "label": "Физички напад"],
                                    ["id": "other", "label": #"Друго, "необично""#]])

        let cells = try XCTUnwrap(bySex["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.count, 6)
        XCTAssertEqual(cells[0]["row"] as? String, "rape")
        XCTAssertEqual(cells[0]["column"] as? String, "female")
        XCTAssertEqual(cells[0]["count"] as? Int, 5)
        XCTAssertEqual(cells[0]["hidden"] as? Bool, false)
        XCTAssertEqual(cells[1]["column"] as? String, "male")
        XCTAssertTrue(cells[1]["count"] is NSNull, "a hidden count is null, not left out")
        XCTAssertEqual(cells[1]["hidden"] as? Bool, true)
        let rowTotals = try XCTUnwrap(bySex["rowTotals"] as? [[String: Any]])
        XCTAssertEqual(rowTotals.map { $0["row"] as? String }, ["rape", "physical", "other"])
        XCTAssertEqual(rowTotals.map { $0["hidden"] as? Bool }, [true, false, true])
        XCTAssertEqual(rowTotals[1]["count"] as? Int, 16)
        let columnTotals = try XCTUnwrap(bySex["columnTotals"] as? [[String: Any]])
        XCTAssertEqual(columnTotals.map { $0["column"] as? String }, ["female", "male"])
        XCTAssertEqual(columnTotals.map { $0["count"] as? Int }, [20, 9])
        let total = try XCTUnwrap(bySex["total"] as? [String: Any])
        XCTAssertEqual(total["count"] as? Int, 29)
        XCTAssertEqual(total["hidden"] as? Bool, false)

        let byType = tables[1]
        XCTAssertEqual((byType["dimensions"] as? [Any])?.count, 1)
        let typeCells = try XCTUnwrap(byType["cells"] as? [[String: Any]])
        XCTAssertEqual(typeCells.map { $0["row"] as? String }, ["rape", "physical", "other"])
        XCTAssertTrue(typeCells.allSatisfy { $0["column"] == nil }, "a one-dimension table has no column")
        XCTAssertTrue(typeCells[1]["count"] is NSNull)
        XCTAssertEqual((byType["columnTotals"] as? [Any])?.count, 0)
    }

    func testOutputIsPrettyPrintedWithSortedKeys() throws {
        let json = try TableJSON.render([("by-type", RenderingFixtures.byType)], labels: RenderingFixtures.labels)
        XCTAssertTrue(json.hasPrefix("{\n  \"tables\" : [\n    {\n      \"cells\" : ["), json)
        XCTAssertTrue(json.contains(#""count" : null,"#), json)
    }
}
