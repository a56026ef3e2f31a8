import Statistics
import XCTest

final class ReleasedTableTests: XCTestCase {
    func testOneDimensionTableHasNoColumnTotals() {
        let table = ReleasedTable(unit: "incidents", rows: .init(dimension: "sex", categories: ["female", "male"]), columns: nil,
                                  cells: [[7], [nil]], rowTotals: [7, nil], columnTotals: [], total: 9, hiddenCount: 1, noisy: false)
        XCTAssertTrue(table.columnTotals.isEmpty)
        XCTAssertNil(table.cells[1][0])
    }
}
