import CaseStore
import Export
import Foundation
import TestSupport
import XCTest

/// The CSV is RFC 4180 that Python and LibreOffice read cell for cell, fast enough for 100,000
/// cases, and holds nothing that names the survivor.
final class IncidentRecorderCSVTests: XCTestCase {
    func testFieldsAreQuotedOnlyWhenTheyMustBeAndRecordsEndInCRLF() {
        var writer = CSVWriter(byteOrderMark: false)
        writer.write(record: ["plain", "a,b", "say \"hi\"", "two\r\nlines", "", "Ćićevac"])
        writer.write(record: ["x"])
        XCTAssertEqual(String(decoding: writer.takeBytes(), as: UTF8.self),
                       "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,Ćićevac\r\nx\r\n")
        XCTAssertEqual(writer.takeBytes(), [], "taken bytes are not given twice")
    }

    /// The CLI writes a long export in pieces; the pieces make the same file.
    func testWritingInPiecesGivesTheSameBytes() throws {
        let rows = try Self.rows()
        var writer = IncidentRecorder.csvWriter()
        var pieces = writer.takeBytes()
        for row in rows {
            writer.write(record: row.values)
            pieces += writer.takeBytes()
        }
        XCTAssertEqual(pieces, IncidentRecorder.csv(rows))
    }

    func testTheFileStartsWithTheByteOrderMarkAndTheHeaderRow() {
        let csv = IncidentRecorder.csv([])
        XCTAssertEqual(Array(csv.prefix(3)), CSVWriter.byteOrderMark)
        XCTAssertEqual(csv.filter { $0 == 0x0A }.count, 1)
        XCTAssertTrue(String(decoding: csv.dropFirst(3), as: UTF8.self)
            .hasPrefix("INCIDENT ID,SURVIVOR CODE,CASE MANAGER CODE,DATE OF INTERVIEW,"))
    }

    func testPythonReadsFortyTwoColumnsAndTheHeadersInOrder() throws {
        let rows = try Self.rows()
        let parsed = try Self.python(Data(IncidentRecorder.csv(rows)))
        XCTAssertEqual(parsed.first, IncidentRecorder.columns)
        XCTAssertEqual(parsed.count, rows.count + 1)
        for record in parsed { XCTAssertEqual(record.count, 42) }
        XCTAssertEqual(Array(parsed.dropFirst()), rows.map(\.values))
    }

    func testLibreOfficeReadsTheSameCells() throws {
        let rows = try Self.rows()
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("incidents.csv"), output = directory.appendingPathComponent("out")
        try Data(IncidentRecorder.csv(rows)).write(to: input)
        // Read as UTF-8 CSV without guessing dates or other special numbers, written back as CSV.
        let soffice = try ExternalTool.run("soffice", [
            "--headless", "-env:UserInstallation=file://\(directory.path)/profile",
            "--infilter=Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033", "--outdir", output.path, input.path,
        ], environment: ["HOME": directory.path])
        XCTAssertEqual(soffice.status, 0, soffice.errorText)
        let converted = try Self.python(Data(contentsOf: output.appendingPathComponent("incidents.csv")))
        XCTAssertEqual(converted.first, IncidentRecorder.columns)
        XCTAssertEqual(Array(converted.dropFirst()), rows.map(\.values))
    }

    func testTheCSVHoldsNoNameNumberAccountCodeOrUserName() throws {
        let document = try ProfileFixture.document()
        let csv = String(decoding: IncidentRecorder.csv(try Self.rows()), as: UTF8.self)
        let secrets = [document.survivor.name, "Jelena", "Ђорђевић", try XCTUnwrap(document.survivor.phone), "123 4567", "4567",
                       try XCTUnwrap(document.incident.narrative), "pijaci", "nožem", ProfileFixture.caseCode, "K7QM", "maja", "vesna",
                       "1990", "2026-02-27", "27-Feb", "2026-03-03", "Dom zdravlja", "plavi kaput"]
        for secret in secrets { XCTAssertFalse(csv.contains(secret), "the CSV contains \(secret)") }
    }

    /// 100,000 rows are formatted whole: a header and one record each. How fast is measured by
    /// the benchmark (`casevault-bench`, its Incident Recorder figures), never by a timer here.
    func testAHundredThousandRowsFormatWhole() throws {
        let facts = try ProfileFixture.facts(ProfileFixture.document())
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        let rows = try (0..<100_000).map { try XCTUnwrap(export.row(facts: facts, caseManager: "user\($0 % 40)")) }
        let csv = IncidentRecorder.csv(rows)
        XCTAssertEqual(csv.filter { $0 == 0x0A }.count, 100_001)
    }

    /// The fixture case, and the same case with other answers, from two caseworkers.
    static func rows() throws -> [IncidentRecorderRow] {
        let document = try ProfileFixture.document()
        var other = document
        other.incident.type = .denialOfResources
        other.intake?["incident_municipality"] = #"{"choice":"cicevac"}"#
        other.intake?["incident_time"] = #"{"choice":"evening_night"}"#
        var export = try IncidentRecorderExport(agencyCode: "ZK-KRU")
        return try [(document, "maja"), (other, "vesna"), (document, "maja")].map { document, user in
            try XCTUnwrap(export.row(facts: ProfileFixture.facts(document), caseManager: user))
        }
    }

    /// The records of a CSV file as Python's csv module reads it (`utf-8-sig`: the byte order mark is no text).
    static func python(_ csv: Data) throws -> [[String]] {
        let parse = "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')))))"
        let python = try ExternalTool.run("python3", ["-c", parse], input: csv)
        XCTAssertEqual(python.status, 0, python.errorText)
        return try JSONDecoder().decode([[String]].self, from: python.output)
    }
}
