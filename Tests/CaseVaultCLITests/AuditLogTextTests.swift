import CaseStore
@testable import CaseVaultCLI
import Intake
import XCTest

/// The access log read by a person: a header line, actions and outcomes in her language; every
/// stored action and outcome has its words in every catalog.
final class AuditLogTextTests: XCTestCase {
    func testEveryActionAndOutcomeHasItsWords() throws {
        let outcomes: [AuditOutcome] = [.ok, .denied, .failed]
        for language in Language.allCases {
            let catalog = try IntakeResources.catalog(language)
            for id in AuditAction.allCases.map({ "cli.audit.action.\($0.rawValue)" }) + outcomes.map({ "cli.audit.outcome.\($0.rawValue)" }) {
                XCTAssertTrue(catalog.contains(id), "\(id) in \(language.catalogFileName)")
            }
        }
        XCTAssertEqual(AuditRendering.actionLabel("no_such_action\u{1B}", .english), "no_such_action\\x1b", "unknown names shown escaped")
    }

    func testTheLogHasAHeaderAndWordsInSerbian() throws {
        let cli = try CLIHarness()
        XCTAssertEqual(cli.run(["init", "--vault", cli.vault, "--admin", "ana", "--passphrase-file", try cli.passphraseFile("ana")]).status, 0)
        XCTAssertEqual(try cli.run(as: "ana", ["user", "add", "ivan", "--role", "auditor", "--new-passphrase-file", cli.passphraseFile("ivan")]).status, 0)
        _ = cli.run(["cases", "--vault", cli.vault, "--user", "ana", "--passphrase-file", try cli.passphraseFile("wrong")])
        let log = try cli.run(as: "ivan", ["audit", "log", "--lang", "sr-Cyrl"])
        XCTAssertEqual(log.status, 0, log.err)
        let lines = log.out.split(separator: "\n").map(String.init)
        func columns(_ line: String) -> [String] {
            line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        XCTAssertEqual(lines.first.map(columns), ["БР.", "ВРЕМЕ", "КОРИСНИК", "РАДЊА", "СЛУЧАЈ", "ИСХОД"])
        let header = try XCTUnwrap(lines.first)
        let actionColumn = try XCTUnwrap(header.range(of: "РАДЊА")).lowerBound.utf16Offset(in: header)
        XCTAssertTrue(lines.contains { columns($0).suffix(4) == ["ana", "корисник додат", "-", "урађено"] }, log.out)
        XCTAssertTrue(lines.contains { columns($0).suffix(4) == ["ana", "неуспела пријава", "-", "неуспело"] }, log.out)
        for line in lines.dropFirst() where !line.hasPrefix(" ") {
            XCTAssertEqual((line as NSString).length > actionColumn ? String(Array(line)[actionColumn - 1]) : "", " ", "columns line up:\n\(log.out)")
        }
        XCTAssertFalse(log.out.contains("user_add") || log.out.contains("  ok"), log.out)
        let json = try cli.run(as: "ivan", ["audit", "log", "--format", "json", "--lang", "sr-Cyrl"])
        XCTAssertTrue(json.out.contains("\"user_add\""), "JSON keeps the stored names")
    }
}
