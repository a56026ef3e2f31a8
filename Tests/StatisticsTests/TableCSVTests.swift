import Foundation
import Statistics
import TestSupport
import XCTest

/// CSV as spreadsheets and Python read it: the counts come back as numbers, the hidden marker
/// as text no spreadsheet takes for a number, and labels with commas, quotes and Cyrillic
/// whole.
final class TableCSVTests: XCTestCase {
    private let expected = [
        [#"Врста инцидента \ Пол"#, "Жене", "Мушкарци", "Укупно"],
        ["Силовање", "5", "x", "x"],
        ["Физички напад", "12", "4", "16"],
        [#"Друго, "необично""#, "x", "3", "x"],
        ["Укупно", "20", "9", "29"],
    ]

    /// Python's csv module, its rows printed as JSON. With `nonnumeric` an unquoted field is
    /// read as a number, a quoted one as text.
    private let parser = """
        import csv, io, json, sys
        quoting = csv.QUOTE_NONNUMERIC if sys.argv[1:] == ["nonnumeric"] else csv.QUOTE_MINIMAL
        text = sys.stdin.buffer.read().decode("utf-8")
        print(json.dumps(list(csv.reader(io.StringIO(text, newline=""), quoting=quoting))))
        """

    /// A field as Python read it.
    private enum Field: Decodable, Equatable {
        case text(String)
        case number(Double)

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let number = try? value.decode(Double.self) {
                self = .number(number)
            } else {
                self = .text(try value.decode(String.self))
            }
        }
    }

    func testTwoDimensionTableIsAPivotWithCRLFLineEnds() {
        let csv = TableCSV.render(RenderingFixtures.bySex, labels: RenderingFixtures.labels)
        XCTAssertEqual(csv, "Врста инцидента \\ Пол,Жене,Мушкарци,Укупно\r\nСиловање,5,x,x\r\nФизички напад,12,4,16\r\n"
                       + "\"Друго, \"\"необично\"\"\",x,3,x\r\nУкупно,20,9,29\r\n")
    }

    func testOneDimensionTableHasOneCountColumnHeadedTotal() {
        let csv = TableCSV.render(RenderingFixtures.byType, labels: RenderingFixtures.labels)
        XCTAssertEqual(csv, "Врста инцидента,Укупно\r\nСиловање,8\r\nФизички напад,x\r\n"
                       + "\"Друго, \"\"необично\"\"\",25\r\nУкупно,38\r\n")
    }

    func testLabelsThatASpreadsheetWouldRunAsFormulasAreDefused() {
        let words = TableLabels(dimension: { $0 }, category: { _, category in category }, total: "@SUM(A1)", hidden: "-",
                                hiddenNote: { "\($0)" }, noiseNote: "")
        let rows = ReleasedTable.Axis(dimension: "=cmd|' /C calc'!A0", categories: ["+1", "line\nbreak", "ok"])
        let table = ReleasedTable(unit: "incidents", rows: rows, columns: nil, cells: [[1], [nil], [-2]], rowTotals: [1, nil, -2],
                                  columnTotals: [], total: nil, hiddenCount: 2, noisy: true)
        XCTAssertEqual(TableCSV.render(table, labels: words),
                       "'=cmd|' /C calc'!A0,'@SUM(A1)\r\n'+1,1\r\n\"line\nbreak\",'-\r\nok,-2\r\n'@SUM(A1),'-\r\n")
    }

    func testPythonReadsTheCountsAndTheMarkerIsNoNumber() throws {
        let csv = TableCSV.render(RenderingFixtures.bySex, labels: RenderingFixtures.labels)
        let rows = try parse(Data(csv.utf8), numeric: false)
        XCTAssertEqual(rows, expected.map { $0.map(Field.text) })
        let isNumber = { (field: String) in try ExternalTool.run("python3", ["-c", "import sys; float(sys.argv[1])", field]).status == 0 }
        XCTAssertFalse(try isNumber(RenderingFixtures.hidden), "Python reads the hidden marker as a number")
        XCTAssertTrue(try isNumber("12"))
    }

    func testLibreOfficeReadsTheCountsAsNumbersAndTheMarkerAsText() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("table.csv")
        let output = directory.appendingPathComponent("out")
        try Data(TableCSV.render(RenderingFixtures.bySex, labels: RenderingFixtures.labels).utf8).write(to: input)
        // Read as UTF-8 CSV; written back with every text cell quoted (token 7), so a number is
        // unquoted exactly when LibreOffice took it for one.
        let soffice = try ExternalTool.run("soffice", [
            "--headless", "-env:UserInstallation=file://\(directory.path)/profile",
            "--infilter=Text - txt - csv (StarCalc):44,34,76,1",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true", "--outdir", output.path, input.path,
        ], environment: ["HOME": directory.path])
        XCTAssertEqual(soffice.status, 0, soffice.errorText)
        let converted = try Data(contentsOf: output.appendingPathComponent("table.csv"))
        let rows = try parse(converted, numeric: true)
        XCTAssertEqual(rows, expected.map { row in row.map { Double($0).map(Field.number) ?? .text($0) } })
    }

    private func parse(_ csv: Data, numeric: Bool) throws -> [[Field]] {
        let python = try ExternalTool.run("python3", ["-c", parser] + (numeric ? ["nonnumeric"] : []), input: csv)
        XCTAssertEqual(python.status, 0, python.errorText)
        return try JSONDecoder().decode([[Field]].self, from: python.output)
    }
}
