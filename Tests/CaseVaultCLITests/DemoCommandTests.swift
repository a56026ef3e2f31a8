import CaseStore
@testable import CaseVaultCLI
import Foundation
import XCTest

/// `casevault demo`: a usable, reproducible vault of invented cases for newcomers.
final class DemoCommandTests: XCTestCase {
    /// Summaries as `case list --format json` prints them.
    struct Summary: Decodable {
        let code: String
        let status: String
        let assignee: String?
    }

    /// The case part of `case show --format json` these tests read.
    struct ShownCase: Decodable {
        struct Document: Decodable {
            struct Survivor: Decodable { let name: String }
            let survivor: Survivor
        }
        let code: String
        let assignee: String?
        let document: Document
    }

    /// Runs `casevault demo` in-process (it is not in the command tree yet) and returns its output.
    @discardableResult
    func runDemo(_ arguments: [String]) throws -> (out: String, err: String) {
        let out = CLIHarness.Capture()
        let err = CLIHarness.Capture()
        let console = Console(out: { out.append($0) }, err: { err.append($0) })
        var command = try DemoCommand.parse(arguments)
        try command.run(console: console)
        return (out.take(), err.take())
    }

    func demoVault(in cli: CLIHarness) -> String {
        cli.directory.appendingPathComponent("demo.casevault").path
    }

    /// A passphrase file holding the demo passphrase, readable only by its owner.
    func demoPassphraseFile(in cli: CLIHarness) throws -> String {
        let path = cli.directory.appendingPathComponent("demo.pass").path
        try Data((DemoUsers.passphrase + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    func run(_ cli: CLIHarness, as user: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = cli.run(arguments + ["--vault", demoVault(in: cli), "--user", user, "--passphrase-file", try demoPassphraseFile(in: cli)])
        XCTAssertEqual(result.status, 0, result.err, file: file, line: line)
        return result.out
    }

    func summaries(_ json: String) throws -> [Summary] {
        try JSONDecoder().decode([Summary].self, from: Data(json.utf8))
    }

    func testDemoVaultWorksForEveryRoleAndIsNeverOverwritten() throws {
        let cli = try CLIHarness()
        let path = demoVault(in: cli)
        let created = try runDemo(["--vault", path, "--cases", "30"])
        for text in [path, DemoUsers.passphrase, "Never", "--user demo-maja", "demo-sofija (supervisor)", "demo-ivan (auditor)"] {
            XCTAssertTrue(created.out.contains(text), "\(text) in\n\(created.out)")
        }
        XCTAssertFalse(created.out.contains("cli."), created.out)

        let open = try summaries(try run(cli, as: DemoUsers.maja, ["cases", "--format", "json"]))
        XCTAssertFalse(open.isEmpty)
        XCTAssertTrue(open.allSatisfy { $0.assignee == DemoUsers.maja && $0.status == "open" })
        let majas = try summaries(try run(cli, as: DemoUsers.maja, ["case", "list", "--format", "json"]))
        XCTAssertTrue(majas.allSatisfy { $0.assignee == DemoUsers.maja })
        XCTAssertGreaterThanOrEqual(majas.count, open.count)

        let code = try XCTUnwrap(open.first?.code)
        let shown = try JSONDecoder().decode(ShownCase.self, from: Data(try run(cli, as: DemoUsers.maja, ["case", "show", code, "--format", "json"]).utf8))
        XCTAssertEqual(shown.code, code)
        XCTAssertTrue(DemoNames.allSurnames.contains { shown.document.survivor.name.hasSuffix(" " + $0) }, shown.document.survivor.name)
        let text = try run(cli, as: DemoUsers.maja, ["case", "show", code])
        XCTAssertTrue(text.contains(shown.document.survivor.name), text)

        let all = try summaries(try run(cli, as: DemoUsers.supervisor, ["case", "list", "--format", "json"]))
        XCTAssertEqual(all.count, 30)
        XCTAssertEqual(Set(all.compactMap(\.assignee)), Set(DemoUsers.caseworkers))
        XCTAssertTrue(all.contains { $0.status == "closed" }, "some demo cases are closed")
        let auditLog = try run(cli, as: DemoUsers.auditor, ["audit", "log"])
        XCTAssertTrue(auditLog.contains("  referral  "), "referrals are audited")
        XCTAssertEqual(auditLog.split(separator: "\n").filter { $0.count > 80 }, [], "audit log lines fit 80 columns")

        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try runDemo(["--vault", path, "--cases", "30"])) { error in
            XCTAssertTrue(String(describing: error).contains("fileExists"), String(describing: error))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the existing vault is untouched")
    }

    func testTheSameSurvivorsInTheSameOrderOnEveryRun() throws {
        var names: [[String]] = []
        for _ in 0..<2 {
            let cli = try CLIHarness()
            try runDemo(["--vault", demoVault(in: cli), "--cases", "30"])
            let login = try LoginOptions.parse(["--user", DemoUsers.maja, "--passphrase-file", demoPassphraseFile(in: cli)])
            let session = try login.session(VaultLocation.parse(["--vault", demoVault(in: cli)]).open(), console: Console(out: { _ in }, err: { _ in }))
            names.append(try session.listCases().map { try session.readCase(XCTUnwrap(CaseCode($0.code))).document.survivor.name })
        }
        XCTAssertFalse(names[0].isEmpty)
        XCTAssertEqual(names[0], names[1])

        var first = DemoCaseGenerator()
        var second = DemoCaseGenerator(today: Date(timeIntervalSinceNow: -86_400 * 40))
        XCTAssertEqual(first.cases(30).map(\.document.survivor.name), second.cases(30).map(\.document.survivor.name))
    }

    func testGeneratedCasesFollowTheDomainSpread() throws {
        var generator = DemoCaseGenerator()
        let cases = generator.cases(600)
        let municipalities = Set(cases.compactMap(\.document.survivor.municipality))
        XCTAssertTrue(municipalities.isSuperset(of: ["krusevac", "trstenik", "brus", "cicevac", "mitrovica_north", "vucitrn", "zvecan"]))
        let languages = Set(cases.compactMap(\.document.survivor.language))
        XCTAssertTrue(languages.isSuperset(of: ["sr-Cyrl", "sr-Latn", "rom", "en"]), "\(languages)")
        let types = cases.compactMap(\.document.incident.type)
        let count = { (type: IncidentType) in types.filter { $0 == type }.count }
        XCTAssertGreaterThan(count(.psychologicalAbuse), count(.rape))
        XCTAssertGreaterThan(count(.physicalAssault), count(.sexualAssault))
        XCTAssertGreaterThan(count(.nonGBV), 0)
        for demo in cases {
            let survivor = demo.document.survivor
            XCTAssertTrue(DemoNames.allSurnames.contains { survivor.name.hasSuffix(" " + $0) }, survivor.name)
            if let phone = survivor.phone { XCTAssertTrue(phone.hasPrefix("+381 60 000 "), phone) }
            let consented = Set(demo.document.consent.sharing ?? [])
            XCTAssertTrue(demo.referrals.allSatisfy { consented.contains($0.service) }, "referrals only with consent")
            XCTAssertNoThrow(try CaseDocumentCodec.validate(demo.document))
        }
        let ages = cases.compactMap { $0.document.survivor.birthDate.flatMap(ISODay.parse) }
            .map { Int(Date().timeIntervalSince($0) / (365.25 * 86_400)) }
        XCTAssertEqual(ages.min(), 16)
        XCTAssertEqual(ages.max(), 75)
        XCTAssertGreaterThan(Double(cases.filter(\.document.consent.statistics).count) / 600, 0.8)
    }

    func testCaseCountIsLimited() {
        XCTAssertThrowsError(try DemoCommand.parse(["--cases", "0"]))
        XCTAssertThrowsError(try DemoCommand.parse(["--cases", "5001"]))
        XCTAssertNoThrow(try DemoCommand.parse(["--cases", "5000"]))
    }

    func testDefaultPathIsADemoFileNeverTheRealVault() {
        XCTAssertEqual(DemoVaultPath.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/ana"]),
                       "/data/casevault/demo.casevault")
        XCTAssertEqual(DemoVaultPath.resolve(explicit: nil, environment: ["HOME": "/home/ana"]),
                       "/home/ana/.local/share/casevault/demo.casevault")
        XCTAssertEqual(DemoVaultPath.resolve(explicit: nil, environment: ["CASEVAULT_VAULT": "/tmp/v.casevault", "HOME": "/home/ana"]),
                       "/tmp/v.casevault")
        XCTAssertEqual(DemoVaultPath.resolve(explicit: "/x/y.casevault", environment: [:]), "/x/y.casevault")
        XCTAssertEqual(DemoVaultPath.shellWord("/tmp/my vault"), "'/tmp/my vault'")
    }
}
