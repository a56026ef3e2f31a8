import CaseVaultCLI
import Foundation
import TestSupport
import XCTest

/// `casevault stats` end to end (issue 10): a supervisor gets protected tables in every format,
/// the CSV loads in Python and LibreOffice with the right numbers, the chart renders, every
/// other role is refused and audited, and nothing identifying reaches any output, file or
/// audit entry.
final class StatsCommandTests: XCTestCase {
    var cli: CLIHarness!
    var codes: [String] = []

    /// 24 consenting cases: 8 rape, 12 physical assault, 3 psychological abuse, 1 sexual assault;
    /// each with a distinctive name, phone, birth date, incident date and account.
    static let types = Array(repeating: "rape", count: 8) + Array(repeating: "physical_assault", count: 12)
        + Array(repeating: "psychological_abuse", count: 3) + ["sexual_assault"]

    static func name(_ index: Int) -> String { "Радмила Стојковић\(index)" }
    static func phone(_ index: Int) -> String { "+381 64 555 \(1000 + index)" }
    static func account(_ index: Int) -> String { "Pretio joj je sekirom \(index)" }

    override func setUpWithError() throws {
        cli = try CLIHarness()
        try cli.makeVault(users: [("maja", "caseworker"), ("sofija", "supervisor"), ("ivan", "auditor")])
        let documents = Self.types.enumerated().map { index, type in
            [
                "survivor": ["name": Self.name(index), "phone": Self.phone(index), "birthDate": "1979-04-\(10 + index % 18)",
                             "sex": index % 8 == 0 ? "male" : "female", "municipality": "brus", "language": "sr-Cyrl"],
                "incident": ["date": "2026-03-0\(1 + index % 9)", "narrative": Self.account(index), "type": type],
                "consent": ["statistics": true],
            ] as [String: Any]
        }
        let file = cli.directory.appendingPathComponent("cases.json")
        try JSONSerialization.data(withJSONObject: documents).write(to: file)
        let created = try cli.run(as: "maja", ["case", "create", "--from", file.path])
        XCTAssertEqual(created.status, 0, created.err)
        codes = created.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(codes.count, 24)
    }

    override func tearDown() { cli = nil }

    func stats(_ arguments: [String], as user: String = "sofija", environment: [String: String] = CLIHarness.englishEnvironment,
               file: StaticString = #filePath, line: UInt = #line) throws -> CLIHarness.Result {
        let result = try cli.run(as: user, ["stats"] + arguments, environment: environment)
        XCTAssertEqual(result.status, 0, result.err, file: file, line: line)
        try assertNothingIdentifying(result.out + result.err, file: file, line: line)
        return result
    }

    /// No name, case code, exact date, phone or account of the test vault in `text`.
    func assertNothingIdentifying(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var secrets = codes + ["Радмила", "Стојковић", "Radmila", "+381", "555 10", "sekirom", "1979-04", "2026-03-0", "04.1979", ".03.2026"]
        secrets += Self.types.indices.map(Self.phone)
        for secret in secrets { XCTAssertFalse(text.contains(secret), "output contains \(secret)", file: file, line: line) }
    }

    /// Rows of a CSV as Python's csv module reads them.
    func pythonRows(_ csv: String) throws -> [[String]] {
        let parse = "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))"
        let python = try ExternalTool.run("python3", ["-c", parse], input: Data(csv.utf8))
        XCTAssertEqual(python.status, 0, python.errorText)
        return try JSONDecoder().decode([[String]].self, from: python.output)
    }

    func testASupervisorGetsAPivotTableThatPythonReads() throws {
        let csv = try stats(["--by", "incident-type,sex", "--format", "csv"]).out
        let rows = try pythonRows(csv)
        XCTAssertEqual(rows.first, ["incident type \\ survivor's sex", "Female", "Male", "Other", "Unknown", "Total"])
        let byType = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Array($0.dropFirst())) })
        // Every count shown is the true one: by type, women and men (every eighth case is a man's).
        let labels = ["rape": "rape", "sexual_assault": "sexual assault", "physical_assault": "physical assault",
                      "psychological_abuse": "psychological / emotional abuse"]
        for (type, label) in labels {
            let indexes = Self.types.indices.filter { Self.types[$0] == type }
            let truth = [indexes.filter { $0 % 8 != 0 }.count, indexes.filter { $0 % 8 == 0 }.count, 0, 0, indexes.count]
            for (field, count) in zip(try XCTUnwrap(byType[label]), truth) where field != "x" { XCTAssertEqual(field, String(count), label) }
        }
        XCTAssertEqual(byType["Total"]?.last, "24")
        XCTAssertEqual(byType["forced marriage"], ["0", "0", "0", "0", "0"], "an empty row is shown as empty")
        for row in rows.dropFirst() {
            for field in row.dropFirst() where field != "x" {
                XCTAssertNotNil(Int(field), "every shown field is a count: \(row)")
                XCTAssertFalse((1..<5).contains(Int(field) ?? 0), "no count from 1 to 4 is shown: \(row)")
            }
        }
        XCTAssertEqual(byType["sexual assault"]?.last, "x", "the one sexual assault is hidden")
        let float = try ExternalTool.run("python3", ["-c", "import sys; float(sys.argv[1])", "x"])
        XCTAssertNotEqual(float.status, 0, "the marker is no number")
    }

    func testLibreOfficeLoadsTheCSVWithTheRightNumbers() throws {
        let csv = try stats(["--by", "incident-type", "--format", "csv"]).out
        let input = cli.directory.appendingPathComponent("stats.csv")
        try Data(csv.utf8).write(to: input)
        let output = cli.directory.appendingPathComponent("converted")
        let soffice = try ExternalTool.run("soffice", [
            "--headless", "-env:UserInstallation=file://\(cli.directory.path)/profile",
            "--infilter=Text - txt - csv (StarCalc):44,34,76,1",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true", "--outdir", output.path, input.path,
        ], environment: ["HOME": cli.directory.path])
        XCTAssertEqual(soffice.status, 0, soffice.errorText)
        let converted = try String(contentsOf: output.appendingPathComponent("stats.csv"), encoding: .utf8)
        let rows = try pythonRows(converted)
        // Text cells come back quoted, numbers bare: the counts are numbers, the marker text.
        // 12 physical assaults are shown; the 1 sexual assault and 3 psychological abuse are hidden,
        // and so are the 8 rapes, or the two small counts would add up to 24 − 8 − 12 = 4.
        XCTAssertTrue(converted.contains("\"physical assault\",12"), converted)
        XCTAssertTrue(converted.contains("\"sexual assault\",\"x\""), converted)
        XCTAssertTrue(converted.contains("\"rape\",\"x\""), converted)
        XCTAssertEqual(rows.last, ["Total", "24"])
    }

    func testJSONAndTheTerminalTableAgree() throws {
        let json = try stats(["--by", "incident-type", "--format", "json"]).out
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let table = try XCTUnwrap((object["tables"] as? [[String: Any]])?.first)
        let cells = try XCTUnwrap(table["cells"] as? [[String: Any]])
        let physical = try XCTUnwrap(cells.first { $0["row"] as? String == "physical_assault" })
        XCTAssertEqual(physical["count"] as? Int, 12)
        let sexual = try XCTUnwrap(cells.first { $0["row"] as? String == "sexual_assault" })
        XCTAssertTrue(sexual["count"] is NSNull)
        XCTAssertEqual(sexual["hidden"] as? Bool, true)
        let text = try stats(["--by", "incident-type"]).out
        XCTAssertTrue(text.contains("Incidents by incident type"), text)
        XCTAssertTrue(text.contains("hidden to protect survivors"), text)
    }

    func testTheChartRendersWithCyrillicLabels() throws {
        let chart = cli.directory.appendingPathComponent("chart.svg").path
        _ = try stats(["--by", "incident-type", "--chart", chart], environment: ["CASEVAULT_LANG": "sr-Cyrl"])
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        try assertNothingIdentifying(svg)
        let pdf = cli.directory.appendingPathComponent("chart.pdf").path
        let png = cli.directory.appendingPathComponent("chart.png").path
        XCTAssertEqual(try ExternalTool.run("rsvg-convert", ["-f", "png", "-o", png, chart]).status, 0)
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: png)).prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertEqual(try ExternalTool.run("rsvg-convert", ["-f", "pdf", "-o", pdf, chart]).status, 0)
        let text = try ExternalTool.run("pdftotext", [pdf, "-"])
        XCTAssertEqual(text.status, 0, text.errorText)
        for label in ["силовање", "физички напад", "врста инцидента", "скривена"] {
            XCTAssertTrue(text.outputText.contains(label), "\(label) in \(text.outputText)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: chart + ".tmp"))
        // A chart is never written over an existing file.
        let again = try cli.run(as: "sofija", ["stats", "--by", "incident-type", "--chart", chart])
        XCTAssertNotEqual(again.status, 0)
    }

    func testEveryOtherRoleIsRefusedAndTheRefusalIsAudited() throws {
        for user in ["maja", "ana", "ivan"] {
            let refused = try cli.run(as: user, ["stats", "--by", "incident-type"])
            XCTAssertNotEqual(refused.status, 0, user)
            XCTAssertTrue(refused.err.contains("statistics.run"), refused.err)
            XCTAssertTrue(refused.out.isEmpty, refused.out)
        }
        let log = try cli.run(as: "ivan", ["audit", "log", "--action", "statistics", "--format", "json"])
        XCTAssertEqual(log.status, 0, log.err)
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(log.out.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(entries.filter { $0["outcome"] as? String == "denied" }.compactMap { $0["actor"] as? String }), ["maja", "ana", "ivan"])
    }

    /// Every statistics release is an audit entry with the query and the hidden count, never a
    /// count or anything about a case; the whole trail stays free of survivor data.
    func testTheAuditTrailRecordsQueriesAndNothingIdentifying() throws {
        _ = try stats(["--by", "incident-type,sex", "--where", "municipality=brus", "--format", "json"])
        _ = try stats(["report", "--month", String(ISO8601DateFormatter().string(from: Date()).prefix(7))])
        let log = try cli.run(as: "ivan", ["audit", "log", "--format", "json"])
        XCTAssertEqual(log.status, 0, log.err)
        try assertNothingIdentifying(log.out.replacingOccurrences(of: #""caseCode" : "[A-Z0-9-]+""#, with: "", options: .regularExpression)
            .replacingOccurrences(of: #""case" : "[A-Z0-9-]+""#, with: "", options: .regularExpression))
        let entries = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(log.out.utf8)) as? [[String: Any]])
        let releases = entries.filter { $0["action"] as? String == "statistics" && $0["outcome"] as? String == "ok" }
        XCTAssertEqual(releases.count, 2)
        let details = try XCTUnwrap(releases.first?["details"] as? [String: String])
        XCTAssertEqual(details["by"], "incident-type,sex")
        XCTAssertEqual(details["where"], "municipality=brus")
        XCTAssertNotNil(details["hidden"])
        XCTAssertNil(details["total"])
    }

    /// The standard set for the month the cases were made (they have no intake report date), as
    /// one release: every table of the report, each hiding the same small counts as alone or more.
    func testTheMonthlyReportIsOneProtectedRelease() throws {
        let month = String(ISO8601DateFormatter().string(from: Date()).prefix(7))
        let json = try stats(["report", "--month", month, "--format", "json"]).out
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let tables = try XCTUnwrap(object["tables"] as? [[String: Any]])
        XCTAssertEqual(tables.count, 15)
        XCTAssertTrue(object["medianDaysToReferral"] is NSNull, "no referral: no median")
        let byType = try XCTUnwrap(tables.first { $0["id"] as? String == "by-type" })
        let cells = try XCTUnwrap(byType["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.first { $0["row"] as? String == "physical_assault" }?["count"] as? Int, 12)
        XCTAssertEqual(cells.first { $0["row"] as? String == "sexual_assault" }?["hidden"] as? Bool, true)
        let newIncidents = try XCTUnwrap(tables.first { $0["id"] as? String == "new-incidents" })
        XCTAssertEqual((newIncidents["total"] as? [String: Any])?["count"] as? Int, 24)
        let quarter = "\(month.prefix(4))-Q\((Int(month.suffix(2))! + 2) / 3)"
        XCTAssertTrue(try stats(["report", "--quarter", quarter]).out.contains("Incidents by type"))
        XCTAssertTrue(try stats(["report", "--year", String(month.prefix(4)), "--format", "csv"]).out.contains("\"Incidents by type\"\r\n"))
        let both = try cli.run(as: "sofija", ["stats", "report", "--month", month, "--year", "2026"])
        XCTAssertTrue(both.err.contains("exactly one of"), both.err)
        let fifth = try cli.run(as: "sofija", ["stats", "report", "--quarter", "2026-Q5"])
        XCTAssertTrue(fifth.err.contains("is not a quarter"), fifth.err)
    }

    func testWithdrawnConsentTakesTheCaseOutOfTheNextQuery() throws {
        func total() throws -> String? { try pythonRows(try stats(["--by", "sex", "--format", "csv"]).out).last?.last }
        XCTAssertEqual(try total(), "24")
        let withdrawn = try cli.run(as: "maja", ["case", "consent", codes[0], "--statistics", "no"])
        XCTAssertEqual(withdrawn.status, 0, withdrawn.err)
        XCTAssertEqual(try total(), "23")
    }

    func testNoisyReleasesSpendTheBudgetUntilItIsGone() throws {
        let set = try cli.run(as: "ana", ["stats", "policy", "--budget", "sofija=1"])
        XCTAssertEqual(set.status, 0, set.err)
        XCTAssertTrue(set.out.contains("ε = 1"), set.out)
        let first = try stats(["--by", "incident-type", "--dp", "0.6", "--format", "csv"])
        XCTAssertTrue(try pythonRows(first.out).count > 2)
        let refused = try cli.run(as: "sofija", ["stats", "--by", "incident-type", "--dp", "0.6"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.err.contains("privacy budget"), refused.err)
        XCTAssertTrue(refused.out.isEmpty)
        _ = try stats(["--by", "incident-type", "--dp", "0.4"])
    }

    func testBadQueriesAreRefusedInTheUsersWords() throws {
        let unknown = try cli.run(as: "sofija", ["stats", "--by", "colour"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.err.contains("“colour” is not a dimension"), unknown.err)
        let mixed = try cli.run(as: "sofija", ["stats", "--by", "perpetrator-sex,referral-service"])
        XCTAssertTrue(mixed.err.contains("count different things"), mixed.err)
        let month = try cli.run(as: "sofija", ["stats", "--by", "sex", "--from", "2026-13"])
        XCTAssertTrue(month.err.contains("is not a month"), month.err)
        let serbian = try cli.run(as: "sofija", ["stats", "--by", "boja"], environment: ["CASEVAULT_LANG": "sr-Latn"])
        XCTAssertTrue(serbian.err.contains("„boja“"), serbian.err)
    }
}
