import Statistics
import XCTest

/// Tables and bars for the terminal: aligned in characters whatever the script, hidden counts
/// shown as the marker without a bar, and no table or width too small to draw.
final class TextRenderingTests: XCTestCase {
    private let labels = RenderingFixtures.labels

    func testTwoDimensionTextTableIsAligned() {
        XCTAssertEqual(TableText.render(RenderingFixtures.bySex, labels: labels), [
            "Врста инцидента    Жене  Мушкарци  Укупно",
            "-----------------------------------------",
            "Силовање              5         x       x",
            "Физички напад        12         4      16",
            #"Друго, "необично"     x         3       x"#,
            "-----------------------------------------",
            "Укупно               20         9      29",
        ])
    }

    func testOneDimensionTextTableHasACountColumn() {
        XCTAssertEqual(TableText.render(RenderingFixtures.byType, labels: labels), [
            "Врста инцидента    Укупно",
            "-------------------------",
            "Силовање                8",
            "Физички напад           x",
            #"Друго, "необично"      25"#,
            "-------------------------",
            "Укупно                 38",
        ])
    }

    func testBarsLineUpAndScaleToTheWidth() {
        let lines = TerminalBars.render(RenderingFixtures.byLanguage, labels: labels, width: 40)
        XCTAssertEqual(lines, [
            "Žitorađa  ██████████████████████ 13",
            "Ćićevac   ███████████████████████▋ 14",
            "Niš       ███████████████████████████ 16",
        ])
        XCTAssertEqual(lines.map(\.count).max(), 40)
    }

    func testAHiddenCountShowsTheMarkerAndNoBar() {
        let lines = TerminalBars.render(RenderingFixtures.byType, labels: labels, width: 60)
        XCTAssertEqual(lines[1], "Физички напад      x")
        XCTAssertTrue(lines[0].hasPrefix("Силовање           █"), lines[0])
        XCTAssertTrue(lines[2].hasSuffix("█ 25"), lines[2])
    }

    func testASmallPositiveCountStillGetsABar() {
        let table = ReleasedTable(unit: "incidents", rows: .init(dimension: "sex", categories: ["female", "male"]), columns: nil,
                                  cells: [[1000], [1]], rowTotals: [1000, 1], columnTotals: [], total: 1001, hiddenCount: 0,
                                  noisy: false)
        XCTAssertEqual(TerminalBars.render(table, labels: labels, width: 30)[1], "Мушкарци  ▏ 1")
    }

    func testZeroAndEmptyTablesAndTinyWidthsDoNotBreak() {
        let zeros = ReleasedTable(unit: "incidents", rows: .init(dimension: "sex", categories: ["female", "male"]), columns: nil,
                                  cells: [[0], [0]], rowTotals: [0, 0], columnTotals: [], total: 0, hiddenCount: 0, noisy: false)
        XCTAssertEqual(TerminalBars.render(zeros, labels: labels, width: 40), ["Жене      0", "Мушкарци  0"])
        let empty = ReleasedTable(unit: "incidents", rows: .init(dimension: "sex", categories: []),
                                  columns: .init(dimension: "language", categories: []), cells: [], rowTotals: [], columnTotals: [],
                                  total: nil, hiddenCount: 1, noisy: false)
        XCTAssertEqual(TerminalBars.render(empty, labels: labels, width: 40), [])
        XCTAssertEqual(TableText.render(empty, labels: labels), ["Пол     Укупно", "--------------", "--------------", "Укупно       x"])
        for width in [-5, 0, 1, 5] {
            let lines = TerminalBars.render(RenderingFixtures.byLanguage, labels: labels, width: width)
            XCTAssertEqual(lines.map { $0.prefix(10) }, ["Žitorađa  ", "Ćićevac   ", "Niš       "])
            XCTAssertTrue(lines[2].hasSuffix("█ 16"), lines[2])
        }
    }
}
